// Test helpers: a provider per test file on random ports and a temp data dir, an HTTP client with a cookie jar, SMTP sending.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import nodemailer from 'nodemailer';
import { startProvider, type ProviderHandle, type StartOptions } from '../app';

export const PASSWORD = 'archivio-demo';
export const POSTMASTER = 'postmaster@example.it';
export const MARIO = 'mario.rossi@example.it';
export const GIULIA = 'giulia.verdi@example.it';
export const LUCA = 'luca.neri@example.it';
export const API = '/api/archive/v1';

export const archivePath = (address: string, rest = ''): string => `${API}/mailboxes/${address}/archive${rest}`;

export interface TestProvider extends ProviderHandle {
  errors: unknown[];
  client(): Client;
  as(address: string): Promise<Client>;
}

export function tempDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'archivio-provider-test-'));
}

/** Starts a seeded (small demo), test-mode provider on port 0; unexpected server errors are collected, not printed. */
export async function startTestProvider(options: Partial<StartOptions> = {}): Promise<TestProvider> {
  const errors: unknown[] = [];
  const provider = await startProvider({
    dataDir: options.dataDir ?? tempDataDir(),
    port: 0,
    smtpPort: 0,
    seed: 'demo',
    seedSize: 'small',
    testMode: true,
    onError: (error) => errors.push(error),
    ...options,
  });
  const client = () => new Client(provider.url);
  return {
    ...provider,
    errors,
    client,
    as: async (address: string) => {
      const c = client();
      await c.signIn(address);
      return c;
    },
  };
}

export interface Reply<T = any> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export class Client {
  cookie: string | null = null;

  constructor(readonly base: string) {}

  async signIn(address: string, password = PASSWORD): Promise<Reply> {
    const reply = await this.post('/api/session', { address, password });
    if (reply.status !== 200) throw new Error(`sign-in failed for ${address}: ${reply.status} ${reply.text}`);
    return reply;
  }

  async request<T = any>(
    method: string,
    url: string,
    init: { body?: unknown; headers?: Record<string, string>; rawBody?: string } = {},
  ): Promise<Reply<T>> {
    const headers: Record<string, string> = { ...(init.headers ?? {}) };
    if (this.cookie) headers.cookie = this.cookie;
    // As the webmail's own pages do: a browser sends its Origin with every write.
    if (!['GET', 'HEAD', 'OPTIONS'].includes(method)) headers.origin ??= new URL(this.base).origin;
    let body: string | undefined = init.rawBody;
    if (init.body !== undefined) {
      body = JSON.stringify(init.body);
      headers['content-type'] ??= 'application/json';
    }
    const res = await fetch(this.base + url, { method, headers, body });
    for (const cookie of res.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      if (pair?.startsWith('archivio_session=')) this.cookie = /Max-Age=0/i.test(cookie) ? null : (pair ?? null);
    }
    const text = await res.text();
    let parsed: unknown = undefined;
    if ((res.headers.get('content-type') ?? '').includes('application/json')) {
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = undefined;
      }
    }
    return { status: res.status, headers: res.headers, body: parsed as T, text };
  }

  get<T = any>(url: string, headers?: Record<string, string>): Promise<Reply<T>> {
    return this.request<T>('GET', url, { headers });
  }

  post<T = any>(url: string, body: unknown = {}, headers?: Record<string, string>): Promise<Reply<T>> {
    return this.request<T>('POST', url, { body, headers });
  }

  patch<T = any>(url: string, body: unknown): Promise<Reply<T>> {
    return this.request<T>('PATCH', url, { body });
  }

  del<T = any>(url: string): Promise<Reply<T>> {
    return this.request<T>('DELETE', url, { body: {} });
  }
}

export interface MailOptions {
  from: string;
  to: string | string[];
  subject: string;
  text?: string;
  html?: string;
  cc?: string | string[];
  attachments?: Array<{ filename: string; content: string | Buffer; contentType?: string }>;
  /** Authenticated submission as this account (AUTH PLAIN unless `authMethod` says LOGIN). */
  auth?: { user: string; pass?: string; method?: 'PLAIN' | 'LOGIN' };
  envelope?: { from: string; to: string[] };
}

export async function sendMail(provider: { smtpPort: number }, mail: MailOptions): Promise<{ accepted: unknown[]; rejected: unknown[] }> {
  const transport = nodemailer.createTransport({
    host: '127.0.0.1',
    port: provider.smtpPort,
    secure: false,
    ignoreTLS: true,
    ...(mail.auth ? { auth: { user: mail.auth.user, pass: mail.auth.pass ?? PASSWORD }, authMethod: mail.auth.method ?? 'PLAIN' } : {}),
  });
  try {
    const { auth: _auth, ...message } = mail;
    return await transport.sendMail(message);
  } finally {
    transport.close();
  }
}

/** Every archived message of a folder, following cursors. */
/** The archive status of `address` as `client` sees it (the body of GET …/archive). */
export async function archiveStatus(client: Client, address: string): Promise<any> {
  return (await client.get(archivePath(address))).body;
}

export async function listAll(client: Client, address: string, folderId: string, limit = 200): Promise<any[]> {
  const items: any[] = [];
  let cursor: string | null = null;
  do {
    const query: string = `?limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`;
    const reply: Reply = await client.get(archivePath(address, `/folders/${folderId}/messages${query}`));
    if (reply.status !== 200) throw new Error(`listing failed: ${reply.status} ${reply.text}`);
    items.push(...reply.body.items);
    cursor = reply.body.nextCursor;
  } while (cursor);
  return items;
}

export async function mailboxItems(client: Client, folderId: 'inbox' | 'sent' | 'trash'): Promise<any[]> {
  const reply = await client.get(`/api/mail/folders/${folderId}/messages?limit=200`);
  if (reply.status !== 200) throw new Error(`mail listing failed: ${reply.status}`);
  return reply.body.items;
}

export function uniqueSubject(label: string): string {
  return `${label} ${Math.random().toString(36).slice(2, 10)}`;
}
