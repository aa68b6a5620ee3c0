// Content script on the webmail: finds the page's adapter, announces the session, starts each feature.
import { initWebmailPageI18n } from '@/utils/i18n/webmail-page';
import { activeProfile } from '@/utils/providers/active';
import { adapterFor } from '@/utils/webmail/registry';
import { startArchiveTab } from './archive-tab/index';
import { startPostmaster } from './postmaster/index';
import { followSession } from './session-follow';

export default defineContentScript({
  // Replaced at build time by the provider profile's webmail matches (see wxt.config.ts).
  matches: ['https://webmail.aruba.it/new/*'],
  runAt: 'document_idle',
  main(ctx) {
    // Firefox's match patterns cannot name a port, so there the script also runs on the host's other ports.
    if (!activeProfile.webmailOrigins.includes(location.origin)) return;
    void initWebmailPageI18n(document);
    const adapter = adapterFor(new URL(location.href), document);
    // The background learns that a webmail session may be open (and warms the cache), or that it ended.
    followSession(ctx, adapter);
    startArchiveTab(ctx, adapter);
    startPostmaster(ctx, adapter);
  },
});
