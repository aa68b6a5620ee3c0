// Content script on the webmail: finds the page's adapter, announces the session, starts each feature.
import { initWebmailPageI18n } from '@/utils/i18n/webmail-page';
import { activeProfile } from '@/utils/providers/active';
import { adapterFor } from '@/utils/webmail/registry';
import { startArchiveTab } from './archive-tab/index';
import { WEBMAIL_PAGE_MESSAGES } from './page-messages';
import { loadPostmasterWhenSignedIn } from './postmaster-loader';
import { followSession } from './session-follow';

export default defineContentScript({
  // Replaced at build time by the provider profile's webmail matches (see wxt.config.ts).
  matches: ['https://webmail.aruba.it/new/*'],
  runAt: 'document_idle',
  main(ctx) {
    // Firefox's match patterns cannot name a port, so there the script also runs on the host's other ports.
    if (!activeProfile.webmailOrigins.includes(location.origin)) return;
    const adapter = adapterFor(new URL(location.href), document);
    // The background learns that a webmail session may be open (and warms the cache), or that it ended.
    followSession(ctx, adapter);
    // The features start once the language is settled (one storage read), so the nav item, the launcher and its
    // panel speak the language chosen in the options rather than the page's until redrawn.
    void initWebmailPageI18n(document, WEBMAIL_PAGE_MESSAGES).then(() => {
      if (ctx.isInvalid) return;
      startArchiveTab(ctx, adapter);
      loadPostmasterWhenSignedIn(ctx);
    });
  },
});
