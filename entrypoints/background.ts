// The service worker: the only code that talks to the provider. Everything it needs survives being stopped.
import { ArchiveApiClient } from '@/utils/api/client';
import { ArchiveService } from '@/utils/background/archive-service';
import { browserNotifier } from '@/utils/background/broadcast';
import { sessionIdentityStore } from '@/utils/background/identity';
import { ArchiveCache } from '@/utils/cache/archive-cache';
import { openCacheDb } from '@/utils/cache/open';
import { activeProfile } from '@/utils/providers/active';
import { createRouter } from '@/utils/rpc/router';

export default defineBackground(() => {
  const profile = activeProfile;
  let cache: Promise<ArchiveCache> | null = null;
  const identities = sessionIdentityStore(browser.storage.session);
  const service = new ArchiveService({
    clientFor: (origin) => new ArchiveApiClient({ origin, apiPath: profile.apiPath }),
    cache: () => (cache ??= openCacheDb().then((db) => new ArchiveCache(db))),
    identities,
    notify: browserNotifier(profile),
  });
  const route = createRouter({
    service,
    identities,
    profile,
    extensionId: browser.runtime.id,
    extensionOrigin: new URL(browser.runtime.getURL('/')).origin,
    startDownload: async (url) => {
      await browser.downloads.download({ url, saveAs: false });
    },
  });

  // Registered synchronously at start-up, so a message that wakes the worker is not lost.
  browser.runtime.onMessage.addListener((message, sender) => route(message, sender));
});
