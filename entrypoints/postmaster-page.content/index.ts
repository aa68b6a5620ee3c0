// The postmaster's additions to the webmail page ("Spazio archivio", the mailbox's Archivio tab, the selection bar).
// Not in the manifest: the background injects it only into a webmail tab whose session the provider says is the
// domain's postmaster, so the script every webmail page carries stays small.
import { initWebmailPageI18n } from '@/utils/i18n/webmail-page';
import { activeProfile } from '@/utils/providers/active';
import { adapterFor } from '@/utils/webmail/registry';
import { POSTMASTER_PAGE_MESSAGES } from './page-messages';
import { startPostmaster } from './start';

export default defineContentScript({
  registration: 'runtime',
  main(ctx) {
    if (!activeProfile.webmailOrigins.includes(location.origin)) return;
    void initWebmailPageI18n(document, POSTMASTER_PAGE_MESSAGES);
    startPostmaster(ctx, adapterFor(new URL(location.href), document));
  },
});
