// Route table matching on raw path segments; each parameter is decoded once and validated by its name.
import { ID_PATTERN } from '../mail/ids';
import type { Ctx } from './context';
import { invalid } from './errors';

export type Handler = (ctx: Ctx) => Promise<void> | void;

export interface Route {
  method: string;
  pattern: string;
  handler: Handler;
}

const ADDRESS = /^[a-z0-9._%+-]{1,64}@[a-z0-9-]{1,63}(\.[a-z0-9-]{1,63})+$/;

/** An address the API can name in its paths: what the provider lets a mailbox be called. */
export function isApiAddress(address: string): boolean {
  return address.length <= 254 && ADDRESS.test(address) && !address.includes('..');
}

/** Every `:name` in a pattern must satisfy its validator, so no handler ever sees `../` or other path tricks. */
const PARAMS: Record<string, (value: string) => string | null> = {
  address: (value) => {
    const address = value.trim().toLowerCase();
    return isApiAddress(address) ? address : null;
  },
  id: (value) => (ID_PATTERN.test(value) ? value : null),
  folderId: (value) => (/^(inbox|sent|inbox-\d{4}-(0[1-9]|1[0-2])|custom-[1-9]\d{0,8})$/.test(value) ? value : null),
  mailFolderId: (value) => (/^(inbox|sent|trash)$/.test(value) ? value : null),
  index: (value) => (/^(0|[1-9]\d{0,3})$/.test(value) ? value : null),
};

interface Compiled {
  route: Route;
  parts: Array<{ literal: string } | { param: string }>;
}

export class Router {
  private readonly compiled: Compiled[] = [];

  add(routes: Route[]): void {
    for (const route of routes) {
      const parts = route.pattern
        .split('/')
        .slice(1)
        .map((part) => {
          if (!part.startsWith(':')) return { literal: part };
          const param = part.slice(1);
          if (!PARAMS[param]) throw new Error(`no validator for :${param} in ${route.pattern}`);
          return { param };
        });
      this.compiled.push({ route, parts });
    }
  }

  /** The matching route with validated params; throws invalid_request on a malformed parameter; null when none matches. */
  match(method: string, path: string): { route: Route; params: Record<string, string> } | null {
    const segments = path.split('/').slice(1);
    for (const { route, parts } of this.compiled) {
      if (route.method !== method || parts.length !== segments.length) continue;
      if (!parts.every((part, i) => !('literal' in part) || part.literal === segments[i])) continue;
      const params: Record<string, string> = {};
      for (const [i, part] of parts.entries()) {
        if ('literal' in part) continue;
        let decoded: string;
        try {
          decoded = decodeURIComponent(segments[i] as string);
        } catch {
          throw invalid(`Malformed ${part.param} in the path`);
        }
        const value = (PARAMS[part.param] as (value: string) => string | null)(decoded);
        if (value === null) throw invalid(`Invalid ${part.param} in the path`);
        params[part.param] = value;
      }
      return { route, params };
    }
    return null;
  }
}
