// One request's context and the response helpers every route uses (JSON, no-store, never any CORS header).
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

export function sendJson(ctx: Ctx, status: number, body: unknown, headers: Record<string, string> = {}): void {
  let payload = Buffer.from(JSON.stringify(body), 'utf8');
  if (ctx.truncate) payload = payload.subarray(0, Math.floor(payload.length / 2));
  if (ctx.res.headersSent) return;
  ctx.res.writeHead(status, {
    ...headers,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(payload.length),
  });
  ctx.res.end(payload);
}

export function sendNoContent(ctx: Ctx, headers: Record<string, string> = {}): void {
  ctx.res.writeHead(204, headers);
  ctx.res.end();
}

export function sendError(ctx: Ctx, error: ApiError, headers: Record<string, string> = {}): void {
  sendJson(ctx, error.status, { error: { code: error.code, message: error.message } }, headers);
}
