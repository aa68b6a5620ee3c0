// The webmail session cookie: issuing, clearing, and resolving the signed-in account of a request.
import type { ServerResponse } from 'node:http';
import type { Account } from '../storage/accounts';
import type { Ctx } from './context';
import { ApiError } from './errors';

export const SESSION_COOKIE = 'archivio_session';

export function sessionToken(ctx: Ctx): string | null {
  const header = ctx.req.headers.cookie;
  if (!header) return null;
  for (const part of header.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === SESSION_COOKIE) {
      const value = rest.join('=');
      return /^[A-Za-z0-9_-]{20,100}$/.test(value) ? value : null;
    }
  }
  return null;
}

const attributes = (secure: boolean): string => `HttpOnly; SameSite=Lax; Path=/${secure ? '; Secure' : ''}`;

export function setSessionCookie(res: ServerResponse, token: string, secure: boolean): void {
  res.setHeader('Set-Cookie', `${SESSION_COOKIE}=${token}; ${attributes(secure)}`);
}

export function clearSessionCookie(res: ServerResponse, secure: boolean): void {
  res.setHeader('Set-Cookie', `${SESSION_COOKIE}=; ${attributes(secure)}; Max-Age=0`);
}

/** Sessions run on real time (not the simulated clock), so moving the test clock never signs anyone out. */
export function requireAccount(ctx: Ctx): Account {
  if (ctx.account) return ctx.account;
  const token = sessionToken(ctx);
  if (!token) throw new ApiError('unauthenticated', 'Sign in first');
  const found = ctx.services.sessions.touch(token, Date.now());
  if (found.state === 'expired') throw new ApiError('session_expired', 'The session has expired, sign in again');
  if (found.state === 'missing') throw new ApiError('unauthenticated', 'Sign in first');
  const account = ctx.services.accounts.get(found.address);
  if (!account) throw new ApiError('unauthenticated', 'Sign in first');
  ctx.account = account;
  return account;
}

export function accountView(account: Account): Record<string, string> {
  return { address: account.address, domain: account.domain, role: account.role, displayName: account.displayName };
}
