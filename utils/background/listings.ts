// Listings in the cache: paged in from the provider, kept up to date with `changes?since=`, read in windows.
import type { ArchiveApiClient } from '@/utils/api/client';
import { ArchiveError } from '@/utils/api/errors';
import type { ArchiveCache } from '@/utils/cache/archive-cache';
import type { Notify } from '@/utils/rpc/events';
import type { SingleFlight } from './single-flight';
import type { MessagePage, MessageSummary } from '@/utils/api/schemas';

export const PAGE_SIZE = 200;

export interface ListingDeps {
  clientFor(origin: string): ArchiveApiClient;
  cache(): Promise<ArchiveCache>;
  notify: Notify;
}

export class ListingSync {
  /** How many rows each running listing fill is asked for (the largest request wins). */
  private readonly fillTargets = new Map<string, number>();

  constructor(
    private readonly deps: ListingDeps,
    private readonly flight: SingleFlight,
  ) {}

  /**
   * Brings cached listings up to date with `changes?since=`; a too-old version drops them. Resolves with the
   * archive's current version (null when nothing cached gives a version to ask from, or the listings were dropped),
   * which also tells whether a cached folder list or status is still current.
   */
  syncChanges(origin: string, account: string): Promise<number | null> {
    return this.flight.run(`changes|${account}`, async () => {
      const cache = await this.deps.cache();
      const since = (await this.oldestListingVersion(account)) ?? (await cache.getFolders(account))?.version ?? null;
      if (since === null) return null;
      try {
        const delta = await this.deps.clientFor(origin).changes(account, since);
        const touched = await cache.applyChanges(account, delta);
        if (touched.length > 0) this.deps.notify({ origin, account, scope: 'listing', folderIds: touched });
        return delta.version;
      } catch (error) {
        if (!(error instanceof ArchiveError && error.kind === 'version_expired')) throw error;
        const folders = await cache.getFolders(account);
        for (const folder of folders?.folders ?? []) await cache.invalidateListing(account, folder.id);
        await cache.invalidateListing(account, 'inbox');
        this.deps.notify({ origin, account, scope: 'listing' });
        return null;
      }
    });
  }

  private async oldestListingVersion(account: string): Promise<number | null> {
    const cache = await this.deps.cache();
    const folders = await cache.getFolders(account);
    const versions: number[] = [];
    for (const folder of [...(folders?.folders ?? []), { id: 'inbox' }]) {
      const meta = await cache.getMeta(account, folder.id);
      if (meta) versions.push(meta.version);
    }
    return versions.length ? Math.min(...versions) : null;
  }

  /**
   * Pages a listing in from the provider until it holds `wanted` rows or is complete. A caller that wants more
   * than a fill already running raises its target instead of starting another; the next page is requested
   * while the current one is being stored.
   */
  fill(origin: string, account: string, folderId: string, wanted: number, seed?: MessagePage) {
    const key = `fill|${account}|${folderId}`;
    this.fillTargets.set(key, Math.max(wanted, this.fillTargets.get(key) ?? 0));
    return this.flight.run(key, async () => {
      const target = () => this.fillTargets.get(key) ?? wanted;
      const cache = await this.deps.cache();
      const client = this.deps.clientFor(origin);
      const fetchPage = (cursor: string | null) => client.messages(account, folderId, { limit: PAGE_SIZE, cursor });
      let meta = await cache.getMeta(account, folderId);
      let cachedCount = meta ? await cache.countRows(account, folderId) : 0;
      const startFrom = (cursor: string | null) => (!meta && seed ? Promise.resolve(seed) : fetchPage(cursor));
      let pending = !meta || (!meta.complete && cachedCount < target()) ? startFrom(meta?.nextCursor ?? null) : null;
      try {
        while (pending) {
          const page = await pending;
          const have = cachedCount + page.items.length;
          pending = page.nextCursor !== null && have < target() ? fetchPage(page.nextCursor) : null;
          meta = await cache.putPage(
            account,
            folderId,
            { items: page.items, nextCursor: page.nextCursor, version: page.version ?? meta?.version ?? 0 },
            { firstPage: !meta },
          );
          cachedCount = have;
        }
      } finally {
        // A page still travelling when storing failed must not surface as an unhandled rejection.
        pending?.catch(() => undefined);
        this.fillTargets.delete(key);
      }
      // Off the path of any answer: fills run in the background.
      if (meta) await cache.evict(meta.key);
      if (cachedCount > 0) this.deps.notify({ origin, account, scope: 'listing', folderIds: [folderId] });
    });
  }

  /**
   * A window straight from the provider by position (API 1.2 `offset`), for rows the cache does not hold: one
   * request per 200 rows, however deep the window is.
   */
  async seek(
    origin: string,
    account: string,
    folderId: string,
    offset: number,
    limit: number,
  ): Promise<{ items: MessageSummary[]; end: boolean; first: MessagePage }> {
    const client = this.deps.clientFor(origin);
    const first = await client.messages(account, folderId, { offset, limit: Math.min(limit, PAGE_SIZE) });
    const items = [...first.items];
    let next = first.nextCursor;
    while (next !== null && items.length < limit) {
      const page = await client.messages(account, folderId, { cursor: next, limit: Math.min(limit - items.length, PAGE_SIZE) });
      items.push(...page.items);
      next = page.nextCursor;
    }
    return { items, end: next === null, first };
  }
}
