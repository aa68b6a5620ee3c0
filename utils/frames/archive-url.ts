// What the archive page is told in its URL fragment: `#theme=light|dark&view=<folder id|expiring>&origin=<webmail>`.
import { httpOrigin } from '@/utils/url/http';

export type ColorScheme = 'light' | 'dark';

export interface HashOptions {
  theme: ColorScheme | null;
  /** A folder id ("inbox", "inbox-2026-11", "sent", "custom-1") or "expiring"; null for the app's default. */
  view: string | null;
  /** The webmail origin, given only when the page runs in a tab of its own (no webmail tab to take it from). */
  origin: string | null;
}

const VIEW = /^(expiring|[A-Za-z0-9_-]{1,64})$/;

export function readHash(hash: string): HashOptions {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const theme = params.get('theme');
  const view = params.get('view');
  return {
    theme: theme === 'light' || theme === 'dark' ? theme : null,
    view: view && VIEW.test(view) ? view : null,
    origin: httpOrigin(params.get('origin')),
  };
}
