// Reads and writes of the archive cache: status, folder lists, listings (newest first), eviction, clearing.
import type { ArchiveStatus, Changes, FolderList, MessageSummary } from '../api/schemas';
import type { CacheDb } from './open';
import type { ListingMeta, MessageRecord } from './schema';

export const DEFAULT_MAX_MESSAGES = 50_000;
const HIGH = '\uffff';

export interface CachedListing {
  items: MessageSummary[];
  meta: ListingMeta;
  cachedCount: number;
}

/** Listing ranges: "inbox" spans every month folder ("inbox-YYYY-MM"), months sort by name = by date. */
function folderRange(account: string, folderId: string): IDBKeyRange {
  if (folderId === 'inbox') return IDBKeyRange.bound([account, 'inbox-', ''], [account, `inbox-${HIGH}`, HIGH]);
  return IDBKeyRange.bound([account, folderId, ''], [account, folderId, HIGH]);
}

function stripAccount(record: MessageRecord): MessageSummary {
  const { account: _account, ...summary } = record;
  return summary;
}

const metaKey = (account: string, folderId: string) => `${account}|${folderId}`;
const statusKey = (account: string, mailbox: string) => `${account}|${mailbox}`;

export class ArchiveCache {
  constructor(
    private readonly db: CacheDb,
    private readonly maxMessages = DEFAULT_MAX_MESSAGES,
    private readonly now: () => number = Date.now,
  ) {}

  async getStatus(account: string, mailbox: string) {
    return this.db.get('status', statusKey(account, mailbox));
  }

  async putStatus(account: string, mailbox: string, value: ArchiveStatus): Promise<void> {
    await this.db.put('status', { key: statusKey(account, mailbox), account, mailbox, value, fetchedAt: this.now() });
  }

  async getFolders(account: string) {
    return this.db.get('folders', account);
  }

  async putFolders(account: string, list: FolderList): Promise<void> {
    await this.db.put('folders', { account, version: list.version, folders: list.folders, fetchedAt: this.now() });
  }

  async getMeta(account: string, folderId: string) {
    return this.db.get('meta', metaKey(account, folderId));
  }

  /** Rows [offset, offset + limit) of a folder, newest first, from the cache alone; touches the folder's LRU time. */
  async readListing(account: string, folderId: string, offset: number, limit: number): Promise<CachedListing | null> {
    const tx = this.db.transaction(['messages', 'meta'], 'readwrite');
    const meta = await tx.objectStore('meta').get(metaKey(account, folderId));
    if (!meta) {
      await tx.done;
      return null;
    }
    const index = tx.objectStore('messages').index('byFolderDate');
    const range = folderRange(account, folderId);
    const cachedCount = await index.count(range);
    const items: MessageSummary[] = [];
    let cursor = await index.openCursor(range, 'prev');
    if (cursor && offset > 0) cursor = await cursor.advance(offset);
    while (cursor && items.length < limit) {
      items.push(stripAccount(cursor.value));
      cursor = await cursor.continue();
    }
    meta.lastUsed = this.now();
    await tx.objectStore('meta').put(meta);
    await tx.done;
    return { items, meta, cachedCount };
  }

  /** Cached summaries of one folder (or of the whole account) that satisfy `matches`: the newest `limit`, newest first. */
  async filterMessages(account: string, folderId: string | undefined, matches: (summary: MessageSummary) => boolean, limit: number): Promise<MessageSummary[]> {
    const range = folderId ? folderRange(account, folderId) : IDBKeyRange.bound([account, '', ''], [account, HIGH, HIGH]);
    const newest = (a: MessageSummary, b: MessageSummary) => (a.date === b.date ? (a.id < b.id ? 1 : -1) : a.date < b.date ? 1 : -1);
    let found: MessageSummary[] = [];
    let cursor = await this.db.transaction('messages').store.index('byFolderDate').openCursor(range, 'prev');
    while (cursor) {
      const summary = stripAccount(cursor.value);
      if (matches(summary)) found.push(summary);
      // Keeps memory bounded on broad filters: only the newest `limit` can be returned.
      if (found.length > limit * 2) found = found.sort(newest).slice(0, limit);
      cursor = await cursor.continue();
    }
    return found.sort(newest).slice(0, limit);
  }

  /**
   * Stores one page of a listing fetched from the provider. The listing is complete only when the provider
   * says no page follows; a first page restarts the listing (its older rows are dropped).
   */
  async putPage(
    account: string,
    folderId: string,
    page: { items: MessageSummary[]; nextCursor: string | null; version: number },
    options: { firstPage: boolean },
  ): Promise<ListingMeta> {
    const tx = this.db.transaction(['messages', 'meta'], 'readwrite');
    const messages = tx.objectStore('messages');
    if (options.firstPage) {
      let cursor = await messages.index('byFolderDate').openCursor(folderRange(account, folderId));
      while (cursor) {
        await cursor.delete();
        cursor = await cursor.continue();
      }
    }
    for (const item of page.items) {
      await messages.put({ ...item, date: new Date(item.date).toISOString(), account });
    }
    const meta: ListingMeta = {
      key: metaKey(account, folderId),
      account,
      folderId,
      version: page.version,
      fetchedAt: this.now(),
      complete: page.nextCursor === null,
      nextCursor: page.nextCursor,
      lastUsed: this.now(),
    };
    await tx.objectStore('meta').put(meta);
    await tx.done;
    await this.evict(meta.key);
    return meta;
  }

  /** Applies a `changes?since=` delta; returns the folders whose cached listing changed. */
  async applyChanges(account: string, delta: Changes): Promise<string[]> {
    const touched = new Set<string>();
    const tx = this.db.transaction(['messages', 'meta'], 'readwrite');
    const messages = tx.objectStore('messages');
    const metas = tx.objectStore('meta');
    const listed = new Set((await metas.index('byAccount').getAll(account)).map((meta) => meta.folderId));
    for (const change of delta.changes) {
      for (const id of change.removed) {
        if (await messages.get([account, id])) {
          await messages.delete([account, id]);
          touched.add(change.folderId);
        }
      }
      const isListed = listed.has(change.folderId) || (change.folderId.startsWith('inbox-') && listed.has('inbox'));
      if (!isListed) continue;
      for (const item of change.added) {
        await messages.put({ ...item, date: new Date(item.date).toISOString(), account });
        touched.add(change.folderId);
      }
    }
    for (const meta of await metas.index('byAccount').getAll(account)) {
      meta.version = delta.version;
      meta.fetchedAt = this.now();
      await metas.put(meta);
    }
    await tx.done;
    return [...touched];
  }

  /** Forgets what a mutation touched: the given messages, and the folder list (its counts changed). */
  async removeMessages(account: string, ids: string[]): Promise<void> {
    const tx = this.db.transaction(['messages', 'folders'], 'readwrite');
    for (const id of ids) await tx.objectStore('messages').delete([account, id]);
    await tx.objectStore('folders').delete(account);
    await tx.done;
  }

  /** Drops one folder's listing so that its next read goes to the provider. */
  async invalidateListing(account: string, folderId: string): Promise<void> {
    const tx = this.db.transaction(['messages', 'meta', 'folders'], 'readwrite');
    let cursor = await tx.objectStore('messages').index('byFolderDate').openCursor(folderRange(account, folderId));
    while (cursor) {
      await cursor.delete();
      cursor = await cursor.continue();
    }
    await tx.objectStore('meta').delete(metaKey(account, folderId));
    await tx.objectStore('folders').delete(account);
    await tx.done;
  }

  async clearAccount(account: string): Promise<void> {
    const tx = this.db.transaction(['status', 'folders', 'messages', 'meta'], 'readwrite');
    for (const store of ['status', 'messages', 'meta'] as const) {
      let cursor = await tx.objectStore(store).index('byAccount').openCursor(account);
      while (cursor) {
        await cursor.delete();
        cursor = await cursor.continue();
      }
    }
    await tx.objectStore('folders').delete(account);
    await tx.done;
  }

  async clearAll(): Promise<void> {
    const tx = this.db.transaction(['status', 'folders', 'messages', 'meta'], 'readwrite');
    await Promise.all([
      tx.objectStore('status').clear(),
      tx.objectStore('folders').clear(),
      tx.objectStore('messages').clear(),
      tx.objectStore('meta').clear(),
    ]);
    await tx.done;
  }

  async messageCount(): Promise<number> {
    return this.db.count('messages');
  }

  /** Keeps the cache under its bound by dropping whole listings, least recently used first (never `keepKey`). */
  async evict(keepKey?: string): Promise<number> {
    let total = await this.db.count('messages');
    let evicted = 0;
    while (total > this.maxMessages) {
      const oldest = await this.db.getAllFromIndex('meta', 'byLastUsed', undefined, 2);
      const meta = oldest.find((candidate) => candidate.key !== keepKey);
      if (!meta) break;
      await this.invalidateListing(meta.account, meta.folderId);
      evicted++;
      total = await this.db.count('messages');
    }
    return evicted;
  }
}
