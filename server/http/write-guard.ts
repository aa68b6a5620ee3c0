// The cross-site guard in front of every write on the API: the caller's Origin must be the provider's own webmail or
// a browser extension, and the request must carry a JSON body. A page elsewhere cannot meet either condition: its
// browser sends its own Origin, and a cross-site form or no-cors fetch can only send form or text bodies.
import { readJson } from './body';
import type { Ctx } from './context';
import { ApiError } from './errors';

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Chrome and Edge name an extension by 32 letters a–p; Firefox by a per-profile UUID. */
const EXTENSION_ORIGIN = [/^chrome-extension:\/\/[a-p]{32}$/, /^moz-extension:\/\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/];

export function isWrite(method: string): boolean {
  return !READ_METHODS.has(method);
}

export function isAllowedOrigin(origin: string | undefined, ownOrigins: ReadonlySet<string>): boolean {
  if (origin === undefined) return false;
  return ownOrigins.has(origin) || EXTENSION_ORIGIN.some((pattern) => pattern.test(origin));
}

/** Throws before any handler runs; on success the parsed body is on `ctx.body` for the handler to validate. */
export async function guardWrite(ctx: Ctx): Promise<void> {
  if (!isWrite(ctx.method) || !ctx.path.startsWith('/api/')) return;
  const origin = ctx.req.headers.origin;
  if (!isAllowedOrigin(origin, ctx.runtime.ownOrigins)) {
    ctx.req.resume();
    throw new ApiError('origin_not_allowed', 'Writes are accepted only from the webmail itself or a browser extension');
  }
  ctx.body = await readJson(ctx);
}
