// Hash routes of the webmail (#/posta/inbox, #/gestione/caselle/<address>/generale …) and the view contract.
import type { Account } from './api';

export type ViewName = 'accesso' | 'posta' | 'rubrica' | 'impostazioni' | 'gestione' | 'archivio' | 'non-trovata';

export interface Route {
  view: ViewName;
  /** Decoded path segments after the view name. */
  parts: string[];
  hash: string;
}

export interface AppContext {
  account: Account;
  /** Goes to a hash route; `replace` rewrites the current history entry instead of adding one. */
  navigate(hash: string, options?: { replace?: boolean }): void;
  /** Shows an error in `where` (or signs out on 401). */
  fail(error: unknown, where: HTMLElement): void;
}

export interface View {
  /** Applies a new route of the same view in place; false asks the router for a fresh mount. */
  update(route: Route): boolean;
  destroy?(): void;
}

const views: readonly ViewName[] = ['accesso', 'posta', 'rubrica', 'impostazioni', 'gestione', 'archivio'];

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#\/?/, '');
  const [head = '', ...rest] = path.split('/');
  const parts = rest
    .filter((part) => part !== '')
    .map((part) => {
      try {
        return decodeURIComponent(part);
      } catch {
        return part;
      }
    });
  const view = (views as readonly string[]).includes(head) ? (head as ViewName) : 'non-trovata';
  return { view, parts, hash };
}

export function routeHash(...segments: string[]): string {
  return `#/${segments.map((segment) => encodeURIComponent(segment).replace(/%40/g, '@')).join('/')}`;
}
