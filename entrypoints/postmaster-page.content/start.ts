// Postmaster feature: mounted only while the webmail's session belongs to the domain's postmaster.
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { isChangeEvent } from '@/utils/rpc/events';
import { rpc } from '@/utils/rpc/client';
import type { WebmailAdapter } from '@/utils/webmail/adapter';
import { mountPostmaster, type PostmasterUi } from './controller';

export function startPostmaster(ctx: ContentScriptContext, adapter: WebmailAdapter): void {
  let ui: PostmasterUi | null = null;
  let checking: Promise<void> | null = null;
  let askAgain = false;

  /** The provider says who is signed in; the page's own markup is never trusted for the role. */
  const check = () => {
    // A session change reported while a question is on its way may not be in its answer: ask once more after it.
    if (checking) {
      askAgain = true;
      return;
    }
    checking = rpc('session.get', {})
      .then((session) => {
        if (ctx.isInvalid) return;
        const postmaster = session.me?.role === 'postmaster';
        if (postmaster && !ui) ui = mountPostmaster(ctx, adapter);
        else if (!postmaster && ui) {
          ui.stop();
          ui = null;
        }
      })
      .catch(() => undefined)
      .finally(() => {
        checking = null;
        if (askAgain) {
          askAgain = false;
          check();
        }
      });
  };

  check();
  // Signing in or out happens inside the single-page webmail: look again when the page moves.
  ctx.addEventListener(window, 'wxt:locationchange', () => {
    if (!ui) check();
  });
  const onMessage = (message: unknown) => {
    if (isChangeEvent(message) && message.scope === 'session' && message.origin === location.origin) check();
  };
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => {
    browser.runtime.onMessage.removeListener(onMessage);
    ui?.stop();
    ui = null;
  });
}
