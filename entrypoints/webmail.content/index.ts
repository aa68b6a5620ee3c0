// Content script on the webmail: finds the page's adapter, announces the session, starts each feature.
import { initWebmailPageI18n } from '@/utils/i18n/webmail-page';
import { rpc } from '@/utils/rpc/client';
import { adapterFor } from '@/utils/webmail/registry';
import { startArchiveTab } from './archive-tab/index';
import { startPostmaster } from './postmaster/index';

export default defineContentScript({
  // Replaced at build time by the provider profile's webmail matches (see wxt.config.ts).
  matches: ['https://webmail.aruba.it/new/*'],
  runAt: 'document_idle',
  main(ctx) {
    // The background learns that a webmail session may be open and warms the cache for it.
    const announce = () => {
      rpc('session.get', {}).catch(() => undefined);
    };
    announce();
    ctx.addEventListener(window, 'wxt:locationchange', announce);
    void initWebmailPageI18n(document);
    const adapter = adapterFor(new URL(location.href), document);
    startArchiveTab(ctx, adapter);
    startPostmaster(ctx, adapter);
  },
});
