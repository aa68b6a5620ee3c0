// The HTTP server: base headers, test-mode faults, routing, and turning every failure into a JSON error.
import http from 'node:http';
import type { Services } from '../services/context';
import { sendError, sendJson, setBaseHeaders, type Ctx, type Runtime } from './context';
import { ApiError, codeForStatus, notFound } from './errors';
import { Router } from './router';
import { adminRoutes } from './routes/admin';
import { archiveFolderRoutes } from './routes/archive-folders';
import { archiveMessageRoutes } from './routes/archive-messages';
import { archiveQueryRoutes } from './routes/archive-query';
import { archiveSettingsRoutes } from './routes/archive-settings';
import { healthRoutes } from './routes/health';
import { mailRoutes } from './routes/mail';
import { sessionRoutes } from './routes/session';
import { testModeRoutes } from './routes/test-mode';
import { serveWebmail } from './routes/webmail';
import { sessionToken } from './session';
import { guardWrite } from './write-guard';

export function createHttpServer(s: Services, runtime: Runtime, onError: (error: unknown) => void): http.Server {
  const router = new Router();
  router.add([
    ...healthRoutes,
    ...sessionRoutes,
    ...archiveSettingsRoutes,
    ...archiveFolderRoutes,
    ...archiveMessageRoutes,
    ...archiveQueryRoutes,
    ...mailRoutes,
    ...adminRoutes,
  ]);
  if (runtime.testMode) router.add(testModeRoutes);

  return http.createServer((req, res) => {
    setBaseHeaders(res);
    const url = req.url ?? '/';
    const q = url.indexOf('?');
    const ctx: Ctx = {
      req,
      res,
      services: s,
      runtime,
      method: (req.method ?? 'GET').toUpperCase(),
      path: q >= 0 ? url.slice(0, q) : url,
      query: new URLSearchParams(q >= 0 ? url.slice(q + 1) : ''),
      params: {},
      truncate: false,
      stallBody: false,
    };
    handle(ctx, router).catch((error: unknown) => {
      if (error instanceof ApiError) return sendError(ctx, error);
      onError(error);
      if (!res.headersSent) sendError(ctx, new ApiError('internal', 'Internal error'));
      else res.destroy();
    });
  });
}

async function handle(ctx: Ctx, router: Router): Promise<void> {
  await guardWrite(ctx);
  if (ctx.runtime.testMode && !ctx.path.startsWith('/api/test/')) {
    if (await applyFault(ctx)) return;
  }
  const match = router.match(ctx.method, ctx.path);
  if (match) {
    ctx.params = match.params;
    if (ctx.path.startsWith('/api/archive/') || ctx.path.startsWith('/api/mail')) await ctx.runtime.beforeIndexedRequest();
    if (ctx.method === 'GET' || ctx.method === 'HEAD') return match.route.handler(ctx);
    try {
      return await match.route.handler(ctx);
    } finally {
      ctx.runtime.afterWrite();
    }
  }
  if ((ctx.method === 'GET' || ctx.method === 'HEAD') && !ctx.path.startsWith('/api/')) return serveWebmail(ctx);
  throw notFound('No such endpoint');
}

/** Returns true when the fault answered (or stalled) the request itself. */
async function applyFault(ctx: Ctx): Promise<boolean> {
  const fault = ctx.runtime.faults.take(ctx.method, ctx.path, ctx.req.url ?? ctx.path);
  if (!fault) return false;
  if (fault.latencyMs) await new Promise((resolve) => setTimeout(resolve, fault.latencyMs));
  if (fault.stall) {
    ctx.req.resume();
    return true; // never answered; the socket closes when the client gives up or the server closes
  }
  if (fault.expireSession) {
    const token = sessionToken(ctx);
    if (token) ctx.services.sessions.expire(token);
  }
  if (fault.truncate) ctx.truncate = true;
  if (fault.stallBody) ctx.stallBody = true;
  if (fault.status) {
    ctx.req.resume();
    const { code, status } = codeForStatus(fault.status);
    const headers: Record<string, string> = status === 429 ? { 'Retry-After': String(fault.retryAfter ?? 1) } : {};
    if (fault.retryAfter !== undefined && status === 503) headers['Retry-After'] = String(fault.retryAfter);
    sendJson(ctx, status, { error: { code, message: `Injected fault (${status})` } }, headers);
    return true;
  }
  return false;
}
