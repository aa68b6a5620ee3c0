// The webmail's HTTP client for the provider's session and mail endpoints (JSON only, same origin, cookie session).

export interface Account {
  address: string;
  domain: string;
  role: 'user' | 'postmaster';
  displayName: string;
}

export interface Person {
  name: string;
  address: string;
}

export interface Folder {
  id: string;
  name: string;
  count: number;
  unread: number;
}

export interface MailSummary {
  id: string;
  folderId: string;
  date: string;
  from: Person;
  to: Person[];
  subject: string;
  size: number;
  hasAttachments: boolean;
  snippet: string;
  seen?: boolean;
}

export interface MailDetail extends MailSummary {
  cc?: Person[];
  text: string | null;
  html: string | null;
  attachments: Array<{ index: number; filename: string | null; contentType: string; size: number }>;
}

export interface MailboxInfo {
  address: string;
  displayName: string;
  usedBytes: number;
  quotaBytes: number | null;
  aliases: string[];
  forwards: string[];
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

async function request<T>(method: string, path: string, given?: unknown): Promise<T> {
  // The provider takes no write without a JSON body: a delete or a sign-out sends {}.
  const body = given ?? (method === 'GET' ? undefined : {});
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? { Accept: 'application/json' } : { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'network', 'Servizio non raggiungibile. Controlla la connessione e riprova.');
  }
  if (response.status === 204) return undefined as T;
  const payload: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = (payload as { error?: { code?: unknown; message?: unknown } } | null)?.error;
    throw new ApiError(
      response.status,
      typeof error?.code === 'string' ? error.code : 'internal',
      typeof error?.message === 'string' ? error.message : `Errore ${response.status}`,
    );
  }
  if (payload === null) throw new ApiError(response.status, 'internal', 'Risposta non valida dal server.');
  return payload as T;
}

const segment = encodeURIComponent;

export const api = {
  session: () => request<Account>('GET', '/api/session'),
  signIn: (address: string, password: string) => request<Account>('POST', '/api/session', { address, password }),
  signOut: () => request<void>('DELETE', '/api/session'),
  folders: () => request<{ folders: Folder[] }>('GET', '/api/mail/folders'),
  messages: (folderId: string, cursor?: string | null) =>
    request<{ items: MailSummary[]; nextCursor: string | null }>(
      'GET',
      `/api/mail/folders/${segment(folderId)}/messages?limit=50${cursor ? `&cursor=${segment(cursor)}` : ''}`,
    ),
  message: (id: string) => request<MailDetail>('GET', `/api/mail/messages/${segment(id)}`),
  deleteMessage: (id: string) => request<void>('DELETE', `/api/mail/messages/${segment(id)}`),
  send: (to: string[], subject: string, text: string) => request<{ id: string }>('POST', '/api/mail/send', { to, subject, text }),
  mailboxes: () => request<{ mailboxes: MailboxInfo[] }>('GET', '/api/admin/mailboxes'),
};
