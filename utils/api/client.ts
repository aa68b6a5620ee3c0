// Typed client of the provider's archive API v1: timeouts, validated replies, retries for reads only.
import * as v from 'valibot';
import { ArchiveError, kindForReply } from './errors';
import { DEFAULT_RETRY, nextDelay, parseRetryAfter, type RetryPolicy } from './retry';
import {
  ArchiveStatusSchema,
  ChangesSchema,
  EmptyResultSchema,
  ErrorReplySchema,
  EXPIRING_LIMIT,
  ExpiringSchema,
  FolderListSchema,
  MailboxListSchema,
  MeSchema,
  MessageDetailSchema,
  MessagePageSchema,
  RestoreResultSchema,
  type SearchQuery,
  type SettingsPatch,
} from './schemas';

export const DEFAULT_TIMEOUT_MS = 20_000;
/** The provider's own sign-in (`docs/archive-api.md`), at its origin's root rather than under the API path. */
export const SESSION_PATH = '/api/session';

export interface ApiClientOptions {
  /** The origin the API is on (the webmail's, or the profile's `apiOrigin`); its session cookie authenticates every call. */
  origin: string;
  apiPath: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

interface RequestOptions<S extends v.GenericSchema> {
  schema: S;
  body?: unknown;
  query?: Record<string, string | number | boolean | undefined>;
  /** The validator of the copy the caller holds (`If-None-Match`, API 1.3). */
  etag?: string | null;
}

/** A read asked for with the validator of a held copy: unchanged (304), or the new value and its validator. */
export type Conditional<T> = { changed: false } | { changed: true; value: T; etag: string | null };

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const seg = encodeURIComponent;

export class ArchiveApiClient {
  readonly origin: string;
  private readonly apiPath: string;
  private readonly fetchImpl: typeof fetch;
  private readonly timeoutMs: number;
  private readonly retry: RetryPolicy;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;

  constructor(options: ApiClientOptions) {
    this.origin = options.origin;
    this.apiPath = options.apiPath;
    this.fetchImpl = options.fetch ?? ((input, init) => fetch(input, init));
    this.timeoutMs = Math.min(options.timeoutMs ?? DEFAULT_TIMEOUT_MS, 29_000);
    this.retry = { ...DEFAULT_RETRY, ...options.retry };
    this.sleep = options.sleep ?? wait;
    this.random = options.random ?? Math.random;
  }

  me() {
    return this.get('/me', { schema: MeSchema });
  }
  mailboxes() {
    return this.get('/mailboxes', { schema: MailboxListSchema });
  }
  status(mailbox: string) {
    return this.get(`${archivePath(mailbox)}`, { schema: ArchiveStatusSchema });
  }
  folders(mailbox: string) {
    return this.get(`${archivePath(mailbox)}/folders`, { schema: FolderListSchema });
  }
  /** The status, or that the copy with validator `etag` is still current. */
  statusIfChanged(mailbox: string, etag: string | null | undefined) {
    return this.conditionalGet(archivePath(mailbox), { schema: ArchiveStatusSchema, etag });
  }
  /** The folder list, or that the copy with validator `etag` is still current. */
  foldersIfChanged(mailbox: string, etag: string | null | undefined) {
    return this.conditionalGet(`${archivePath(mailbox)}/folders`, { schema: FolderListSchema, etag });
  }
  /** One page of a folder, newest first: after `cursor`, or from position `offset` (API 1.2; not with a cursor). */
  messages(mailbox: string, folderId: string, page: { limit?: number; cursor?: string | null; offset?: number } = {}) {
    return this.get(`${archivePath(mailbox)}/folders/${seg(folderId)}/messages`, {
      schema: MessagePageSchema,
      query: { limit: page.limit, cursor: page.cursor ?? undefined, offset: page.offset || undefined },
    });
  }
  changes(mailbox: string, since: number) {
    return this.get(`${archivePath(mailbox)}/changes`, { schema: ChangesSchema, query: { since } });
  }
  message(mailbox: string, id: string) {
    return this.get(`${archivePath(mailbox)}/messages/${seg(id)}`, { schema: MessageDetailSchema });
  }
  search(mailbox: string, query: SearchQuery) {
    return this.get(`${archivePath(mailbox)}/search`, { schema: MessagePageSchema, query: { ...query } });
  }
  /** By default the API's largest page: a busy mailbox has hundreds of messages due in a month (`total` counts all). */
  expiring(mailbox: string, days: number, limit = EXPIRING_LIMIT) {
    return this.get(`${archivePath(mailbox)}/expiring`, { schema: ExpiringSchema, query: { days, limit } });
  }
  /** Absolute URLs for downloads the browser streams itself (raw .eml, attachments, .mbox export). */
  rawUrl(mailbox: string, id: string) {
    return this.url(`${archivePath(mailbox)}/messages/${seg(id)}/raw`);
  }
  attachmentUrl(mailbox: string, id: string, index: number) {
    return this.url(`${archivePath(mailbox)}/messages/${seg(id)}/attachments/${index}`);
  }
  exportUrl(mailbox: string, folderId: string) {
    return this.url(`${archivePath(mailbox)}/folders/${seg(folderId)}/export`);
  }
  /** The whole archive of a mailbox as one .mbox (its owner or the domain postmaster). */
  archiveExportUrl(mailbox: string) {
    return this.url(`${archivePath(mailbox)}/export`);
  }

  /** Signs in at the API origin: the provider sets its session cookie. The password goes nowhere else. */
  async signIn(address: string, password: string) {
    return valueOf(await this.once('POST', SESSION_PATH, { schema: MeSchema, body: { address, password } }, this.timeoutMs, ''));
  }
  /** Ends the session at the API origin (always succeeds there; the cookie is cleared). */
  async signOut() {
    return valueOf(await this.once('DELETE', SESSION_PATH, { schema: v.unknown(), body: {} }, this.timeoutMs, ''));
  }

  updateSettings(mailbox: string, patch: SettingsPatch) {
    return this.write('PATCH', archivePath(mailbox), { schema: ArchiveStatusSchema, body: patch });
  }
  enable(mailbox: string) {
    return this.write('POST', `${archivePath(mailbox)}/enable`, { schema: ArchiveStatusSchema, body: {} });
  }
  disable(mailbox: string, confirm: string) {
    return this.write('POST', `${archivePath(mailbox)}/disable`, { schema: ArchiveStatusSchema, body: { confirm } });
  }
  restore(mailbox: string, id: string) {
    return this.write('POST', `${archivePath(mailbox)}/messages/${seg(id)}/restore`, { schema: RestoreResultSchema, body: {} });
  }
  move(mailbox: string, id: string, folderId: string) {
    return this.write('POST', `${archivePath(mailbox)}/messages/${seg(id)}/move`, { schema: v.unknown(), body: { folderId } });
  }
  remove(mailbox: string, id: string) {
    return this.write('DELETE', `${archivePath(mailbox)}/messages/${seg(id)}`, { schema: v.unknown(), body: {} });
  }
  emptyFolder(mailbox: string, folderId: string) {
    return this.write('POST', `${archivePath(mailbox)}/folders/${seg(folderId)}/empty`, { schema: EmptyResultSchema, body: {} });
  }

  private url(path: string, query?: RequestOptions<v.GenericSchema>['query'], base = this.apiPath): string {
    const url = new URL(base + path, this.origin);
    for (const [key, value] of Object.entries(query ?? {})) {
      if (value !== undefined && value !== '') url.searchParams.set(key, String(value));
    }
    return url.toString();
  }

  private async get<S extends v.GenericSchema>(path: string, options: RequestOptions<S>): Promise<v.InferOutput<S>> {
    return valueOf(await this.conditionalGet(path, options));
  }

  /**
   * Reads are idempotent: transient failures are retried with backoff, all within one timeout. A provider that
   * accepts the request and never answers is reported after `timeoutMs`, not after every retry's own timeout.
   */
  private async conditionalGet<S extends v.GenericSchema>(path: string, options: RequestOptions<S>): Promise<Conditional<v.InferOutput<S>>> {
    const deadline = Date.now() + this.timeoutMs;
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.once('GET', path, options, Math.max(0, deadline - Date.now()));
      } catch (error) {
        if (!(error instanceof ArchiveError)) throw error;
        const delay = nextDelay(error, attempt, this.retry, this.random);
        if (delay === null || Date.now() + delay >= deadline) throw error;
        await this.sleep(delay);
      }
    }
  }

  /** Writes are sent exactly once: a lost reply must not turn into a second move, delete or disable. */
  private async write<S extends v.GenericSchema>(method: string, path: string, options: RequestOptions<S>): Promise<v.InferOutput<S>> {
    return valueOf(await this.once(method, path, options));
  }

  private async once<S extends v.GenericSchema>(
    method: string,
    path: string,
    options: RequestOptions<S>,
    timeoutMs = this.timeoutMs,
    base = this.apiPath,
  ): Promise<Conditional<v.InferOutput<S>>> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      const headers: Record<string, string> = { Accept: 'application/json' };
      if (options.body !== undefined) headers['Content-Type'] = 'application/json';
      if (options.etag) headers['If-None-Match'] = options.etag;
      let response: Response;
      try {
        response = await this.fetchImpl(this.url(path, options.query, base), {
          method,
          headers,
          body: options.body === undefined ? undefined : JSON.stringify(options.body),
          credentials: 'include',
          signal: controller.signal,
        });
      } catch (cause) {
        throw new ArchiveError(controller.signal.aborted ? 'timeout' : 'network', { detail: String(cause) });
      }
      const text = await readBody(response, controller.signal);
      if (response.status === 304 && options.etag) return { changed: false };
      if (!response.ok) throw replyError(response, text);
      return { changed: true, value: parseReply(options.schema, text, response.status), etag: response.headers.get('ETag') };
    } finally {
      clearTimeout(timer);
    }
  }
}

function valueOf<T>(reply: Conditional<T>): T {
  if (!reply.changed) throw new ArchiveError('invalid_reply', { status: 304, detail: 'not modified, but nothing was held' });
  return reply.value;
}

export function archivePath(mailbox: string): string {
  return `/mailboxes/${seg(mailbox)}/archive`;
}

async function readBody(response: Response, signal: AbortSignal): Promise<string> {
  try {
    return await response.text();
  } catch (cause) {
    throw new ArchiveError(signal.aborted ? 'timeout' : 'network', { status: response.status, detail: String(cause) });
  }
}

function replyError(response: Response, text: string): ArchiveError {
  let code: string | undefined;
  let detail: string | undefined;
  try {
    const parsed = v.safeParse(ErrorReplySchema, JSON.parse(text));
    if (parsed.success) {
      code = parsed.output.error.code;
      detail = parsed.output.error.message;
    }
  } catch {
    // A non-JSON error page (proxy, gateway) still maps by its status.
  }
  const retryAfterMs = parseRetryAfter(response.headers.get('Retry-After'));
  return new ArchiveError(kindForReply(response.status, code), {
    code,
    status: response.status,
    retryAfterSeconds: retryAfterMs === null ? undefined : Math.ceil(retryAfterMs / 1000),
    detail,
  });
}

function parseReply<S extends v.GenericSchema>(schema: S, text: string, status: number): v.InferOutput<S> {
  let json: unknown = undefined;
  try {
    if (text !== '') json = JSON.parse(text);
  } catch {
    throw new ArchiveError('invalid_reply', { status, detail: 'reply is not JSON' });
  }
  const parsed = v.safeParse(schema, json);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    throw new ArchiveError('invalid_reply', { status, detail: `reply does not match the contract: ${issue?.message ?? ''}` });
  }
  return parsed.output;
}
