// Webmail sign-in and sign-out: POST/GET/DELETE /api/session (HttpOnly cookie archivio_session).
import * as v from 'valibot';
import { authenticate } from '../../services/auth';
import { readBody } from '../body';
import { sendJson, sendNoContent } from '../context';
import { ApiError } from '../errors';
import type { Route } from '../router';
import { accountView, clearSessionCookie, requireAccount, sessionToken, setSessionCookie } from '../session';

const SignIn = v.strictObject({ address: v.pipe(v.string(), v.maxLength(254)), password: v.pipe(v.string(), v.maxLength(1024)) });

export const sessionRoutes: Route[] = [
  {
    method: 'POST',
    pattern: '/api/session',
    handler: async (ctx) => {
      const body = readBody(ctx, SignIn);
      const account = await authenticate(ctx.services, body.address, body.password);
      if (!account) throw new ApiError('unauthenticated', 'Wrong address or password');
      setSessionCookie(ctx.res, ctx.services.sessions.create(account.address, Date.now()), ctx.runtime.secureCookies);
      sendJson(ctx, 200, accountView(account));
    },
  },
  {
    method: 'GET',
    pattern: '/api/session',
    handler: (ctx) => sendJson(ctx, 200, accountView(requireAccount(ctx))),
  },
  {
    method: 'DELETE',
    pattern: '/api/session',
    handler: (ctx) => {
      const token = sessionToken(ctx);
      if (token) ctx.services.sessions.delete(token);
      clearSessionCookie(ctx.res, ctx.runtime.secureCookies);
      sendNoContent(ctx);
    },
  },
];
