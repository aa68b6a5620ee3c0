// The webmail's session as the page shows it: announced to the background (which asks the provider), with the
// address the page shows as a sign-in hint, and its sign-out followed: when the page turns into the webmail's sign-in
// screen, the archive is signed out too (its session may live apart from the webmail's).
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { rpc } from '@/utils/rpc/client';
import type { WebmailAdapter } from '@/utils/webmail/adapter';

/** Mutations come in bursts while the webmail renders: one look after the burst. */
const DEBOUNCE_MS = 200;

export interface SessionSignals {
  announce(accountHint: string | undefined): void;
  signedOut(): void;
}

const viaBackground: SessionSignals = {
  announce: (accountHint) => void rpc('session.get', accountHint ? { accountHint } : {}).catch(() => undefined),
  signedOut: () => void rpc('session.signedOut', {}).catch(() => undefined),
};

/** Looks at the page now and after each change; returns the look, for tests. */
export function followSession(ctx: ContentScriptContext, adapter: WebmailAdapter, doc: Document = document, signals = viaBackground) {
  const win = doc.defaultView!;
  let wasSignedOut: boolean | null = null;
  let lastHint: string | null = null;
  let pending: number | undefined;

  function look(): void {
    if (ctx.isInvalid) return;
    const signedOut = adapter.isSignedOut?.(doc) ?? false;
    if (signedOut) {
      if (wasSignedOut !== true) signals.signedOut();
      wasSignedOut = true;
      lastHint = null;
      return;
    }
    const hint = adapter.accountHint(doc);
    // On every page (a navigation may follow a sign-in elsewhere), and whenever the address shown appears or changes.
    if (wasSignedOut !== false || (hint !== null && hint !== lastHint)) signals.announce(hint ?? undefined);
    wasSignedOut = false;
    lastHint = hint ?? lastHint;
  }

  const observer = new MutationObserver(() => {
    if (pending !== undefined) return;
    pending = win.setTimeout(() => {
      pending = undefined;
      look();
    }, DEBOUNCE_MS);
  });
  observer.observe(doc.body ?? doc.documentElement, { childList: true, subtree: true });
  ctx.addEventListener(win, 'wxt:locationchange', () => {
    // A location change is a new page to the background (the announce warms the cache), as before.
    wasSignedOut = null;
    look();
  });
  ctx.onInvalidated(() => {
    observer.disconnect();
    if (pending !== undefined) win.clearTimeout(pending);
  });
  look();
  return { look };
}
