// The service worker: the only code that talks to the provider. Everything it needs survives being stopped.
import { frameTickets } from '@/utils/background/frame-tickets';
import { extensionOrigin } from '@/utils/frames/extension-origin';
import { ArchiveApiClient } from '@/utils/api/client';
import { ArchiveService } from '@/utils/background/archive-service';
import { showBadge } from '@/utils/background/badge';
import { browserNotifier } from '@/utils/background/broadcast';
import { sessionIdentityStore } from '@/utils/background/identity';
import { sessionScope } from '@/utils/background/session-scope';
import { ArchiveCache } from '@/utils/cache/archive-cache';
import { t } from '@/utils/i18n';
import { openCacheDb } from '@/utils/cache/open';
import { activeProfile } from '@/utils/providers/active';
import { apiOriginFor } from '@/utils/providers/profile';
import { createRouter } from '@/utils/rpc/router';

/** `storage.local`: the first-run page was shown in this profile. */
const WELCOME_SHOWN_KEY = 'welcomeShown';

export default defineBackground(() => {
  const profile = activeProfile;
  let cache: Promise<ArchiveCache> | null = null;
  const notify = browserNotifier(profile);
  const identities = sessionIdentityStore(browser.storage.session);
  const service = new ArchiveService({
    // The webmail origin names the session; the API is called where the profile puts it (beside the pages or apart).
    clientFor: (origin) => new ArchiveApiClient({ origin: apiOriginFor(profile, origin), apiPath: profile.apiPath }),
    scope: sessionScope(profile),
    cache: () => {
      // A failed open is not kept: the next request tries again.
      cache ??= openCacheDb()
        .then((db) => new ArchiveCache(db))
        .catch((error: unknown) => {
          cache = null;
          throw error;
        });
      return cache;
    },
    identities,
    freshForMs: 5_000,
    notify: (event) => {
      notify(event);
      const signedOut = event.scope === 'session' && event.account === null && event.offline === undefined;
      if (signedOut) void showBadge(browser.action, null, t).catch(() => undefined);
    },
    // Toolbar badge: follows every read or change of the user's own archive status (quota ≥ 90 % or full).
    onOwnStatus: (status) => void showBadge(browser.action, status, t).catch(() => undefined),
  });
  const route = createRouter({
    service,
    identities,
    profile,
    extensionId: browser.runtime.id,
    extensionOrigin: extensionOrigin(),
    startDownload: (url) => browser.downloads.download({ url, saveAs: false }),
    frameTickets: frameTickets(),
    injectPostmasterPage: async (tabId) => {
      await browser.scripting.executeScript({ target: { tabId }, files: ['/content-scripts/postmaster-page.js'] });
    },
  });

  // Registered synchronously at start-up, so a message that wakes the worker is not lost.
  browser.runtime.onMessage.addListener((message, sender) => route(message, sender));

  // A new install says what to do next; an update keeps the user where they are (the cache migrates on open).
  // Once per profile: a browser that loads the extension from a folder reports an install at every start.
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason !== 'install') return;
    void (async () => {
      if ((await browser.storage.local.get(WELCOME_SHOWN_KEY))[WELCOME_SHOWN_KEY]) return;
      await browser.storage.local.set({ [WELCOME_SHOWN_KEY]: true });
      const getURL = browser.runtime.getURL as (path: string) => string;
      await browser.tabs.create({ url: getURL('/welcome.html') });
    })().catch(() => undefined);
  });
});
