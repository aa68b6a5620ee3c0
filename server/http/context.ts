// One request's context and the response helpers every route uses (JSON, no-store, never any CORS header).
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Services } from '../services/context';
import type { Account } from '../storage/accounts';
import type { Faults } from './faults';
import { type ApiError } from './errors';

export interface Runtime {
  testMode: boolean;
  faults: Faults;
  /** The webmail's own origins (its public origin and the loopback address it listens on), for the write guard. */
  ownOrigins: Set<string>;
  /** Session cookies get `Secure` when the public origin is https. */
  secureCookies: boolean;
  /** Re-creates the demo data (test mode). */
  reset(): Promise<void>;
  purgeNow(nowMs: number): Promise<number>;
  /** Lets an external writer of the Maildirs (Dovecot over IMAP) be folded into the index before an archive or mail request. */
  beforeIndexedRequest(): Promise<void>;
  /** Called after every API write, so what mirrors the settings (IMAP views and rights) follows at once. */
  afterWrite(): void;
}

export interface Ctx {
  req: IncomingMessage;
  res: ServerResponse;
  services: Services;
  runtime: Runtime;
  method: string;
  path: string;
  query: URLSearchParams;
  params: Record<string, string>;
  /** Set by an injected truncate fault: JSON bodies go out cut in half. */
  truncate: boolean;
  /** Set by an injected stallBody fault: JSON replies send their headers and half the body, then nothing more. */
  stallBody: boolean;
  /** The JSON body of a write, read by the write guard before routing. */
  body?: unknown;
  account?: Account;
}

const BASE_HEADERS: Record<string, string> = {
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

export function setBaseHeaders(res: ServerResponse): void {
  for (const [name, value] of Object.entries(BASE_HEADERS)) res.setHeader(name, value);
}

/** A strong validator of one JSON representation: the same bytes give the same tag. */
function entityTag(payload: Buffer): string {
  return `"${createHash('sha256').update(payload).digest('base64url').slice(0, 22)}"`;
}

/** Whether an `If-None-Match` header names `tag` (a list of tags, or `*`; weak tags compare by their opaque part). */
function matchesIfNoneMatch(header: string | undefined, tag: string): boolean {
  if (!header) return false;
  return header.split(',').some((candidate) => {
    const trimmed = candidate.trim();
    return trimmed === '*' || trimmed.replace(/^W\//, '') === tag;
  });
}

export function sendJson(ctx: Ctx, status: number, body: unknown, headers: Record<string, string> = {}): void {
  let payload = Buffer.from(JSON.stringify(body), 'utf8');
  if (ctx.res.headersSent) return;
  // Every successful read carries a validator; asked again with it and unchanged, the reply is 304 without a body.
  if (ctx.method === 'GET' && status === 200) {
    const tag = entityTag(payload);
    if (matchesIfNoneMatch(ctx.req.headers['if-none-match'], tag)) {
      ctx.res.writeHead(304, { ...headers, ETag: tag });
      ctx.res.end();
      return;
    }
    headers = { ...headers, ETag: tag };
  }
  if (ctx.truncate) payload = payload.subarray(0, Math.floor(payload.length / 2));
  ctx.res.writeHead(status, {
    ...headers,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(payload.length),
  });
  if (ctx.stallBody) {
    // The promised length never arrives: the socket stays open until the client gives up or the server closes.
    ctx.res.write(payload.subarray(0, Math.floor(payload.length / 2)));
    return;
  }
  ctx.res.end(payload);
}

export function sendNoContent(ctx: Ctx, headers: Record<string, string> = {}): void {
  ctx.res.writeHead(204, headers);
  ctx.res.end();
}

export function sendError(ctx: Ctx, error: ApiError, headers: Record<string, string> = {}): void {
  sendJson(ctx, error.status, { error: { code: error.code, message: error.message } }, headers);
}
