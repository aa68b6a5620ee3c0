// Webmail sign-in and sign-out: POST/GET/DELETE /api/session (HttpOnly cookie archivio_session).
import * as v from 'valibot';
import { normalizeAddress } from '../../rules/delivery';
import { authenticate } from '../../services/auth';
import type { Services } from '../../services/context';
import { SignInThrottle } from '../../services/sign-in-throttle';
import { readBody } from '../body';
import { sendJson, sendNoContent } from '../context';
import { ApiError } from '../errors';
import type { Route } from '../router';
import { accountView, clearSessionCookie, requireAccount, sessionToken, setSessionCookie } from '../session';

/** One throttle per running provider. */
const throttles = new WeakMap<Services, SignInThrottle>();
const throttleOf = (services: Services) => throttles.get(services) ?? throttles.set(services, new SignInThrottle()).get(services)!;

const SignIn = v.strictObject({ address: v.pipe(v.string(), v.maxLength(254)), password: v.pipe(v.string(), v.maxLength(1024)) });

export const sessionRoutes: Route[] = [
  {
    method: 'POST',
    pattern: '/api/session',
    handler: async (ctx) => {
      const body = readBody(ctx, SignIn);
      const throttle = throttleOf(ctx.services);
      const address = normalizeAddress(body.address);
      const locked = throttle.lockedFor(address);
      if (locked > 0) {
        ctx.res.setHeader('Retry-After', String(locked));
        throw new ApiError('rate_limited', 'Too many failed sign-ins for this address, try again later');
      }
      const account = await authenticate(ctx.services, body.address, body.password);
      if (!account) {
        throttle.failed(address);
        throw new ApiError('unauthenticated', 'Wrong address or password');
      }
      throttle.succeeded(address);
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
