// GET /api/health: liveness for scripts and tests (no session needed).
import { PRODUCT } from '../../config';
import { sendJson } from '../context';
import type { Route } from '../router';

export const healthRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/api/health',
    handler: (ctx) =>
      sendJson(ctx, 200, {
        status: 'ok',
        service: 'archivio-provider',
        apiVersion: PRODUCT.apiVersion,
        now: ctx.services.clock.now().toISOString(),
        testMode: ctx.runtime.testMode,
      }),
  },
];
