// The postmaster's additions are a script of their own: once the provider says this page's session is the domain's
// postmaster, the background is asked to add it to the tab (once per page; it then follows sign-outs by itself).
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { isChangeEvent } from '@/utils/rpc/events';
import { rpc } from '@/utils/rpc/client';

export function loadPostmasterWhenSignedIn(ctx: ContentScriptContext): void {
  let loaded = false;
  let checking: Promise<void> | null = null;
  let askAgain = false;

  const check = () => {
    if (loaded) return;
    // A session change reported while a question is on its way may not be in its answer: ask once more after it.
    if (checking) {
      askAgain = true;
      return;
    }
    checking = rpc('session.get', {})
      .then(async (session) => {
        if (ctx.isInvalid || loaded || session.me?.role !== 'postmaster') return;
        loaded = true;
        await rpc('page.postmaster', {}).catch(() => {
          loaded = false;
        });
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
  // Signing in happens inside the single-page webmail: look again when the page moves or the session changes.
  ctx.addEventListener(window, 'wxt:locationchange', check);
  const onMessage = (message: unknown) => {
    if (isChangeEvent(message) && message.scope === 'session' && message.origin === location.origin) check();
  };
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
}
