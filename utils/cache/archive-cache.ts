// Reads and writes of the archive cache: status, folder lists, listings (newest first), eviction, clearing.
import type { ArchiveStatus, Changes, Folder, FolderList, MessageSummary } from '@/utils/api/schemas';
import { entryMatcher, filterText, type FilterEntry, type LocalFilter } from '@/utils/rules/match';
import type { CacheDb } from './open';
import type { ListingMeta, MessageRecord } from './schema';

/**
 * The cache's bound: 64 MiB of summaries, each counted as the length of its JSON (a bulk-archived summary is about
 * 490, so ≈ 135,000 fit: a 100,000-message archive whole). Beyond it, least recently used listings go first.
 */
export const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;
/** What a listing stored without a byte count is taken to cost per row. */
const BYTES_PER_UNCOUNTED_ROW = 1_000;

/** A summary's size as the cache's bound counts it. */
export function summaryBytes(summary: MessageSummary): number {
  return JSON.stringify(summary).length;
}

/** What a listing not yet stored is expected to cost per row, to tell whether it will fit. */
export const EXPECTED_BYTES_PER_ROW = 500;

/** A page for a listing that was dropped (cleared, signed out, evicted) while it was being paged in. */
export class ListingDroppedError extends Error {
  constructor() {
    super('the listing was dropped while it was being filled');
  }
}

const bytesOf = (items: MessageSummary[]) => items.reduce((sum, item) => sum + summaryBytes(item), 0);
const HIGH = '\uffff';

/** A window read from the cache in one transaction, with what a view needs to place it. */
export interface CachedWindow {
  items: MessageSummary[];
  meta: ListingMeta;
  /** The cache holds every row of the window (or the listing's end is in it). */
  covered: boolean;
  /** The listing's length as best known: exact once complete, else the folder list's count. */
  total: number;
}

/** How long a listing's last-used time may lag before a read writes it again (reads stay read-only). */
const LAST_USED_SLACK_MS = 60_000;

/** A listing's rows, in date order through the `byListingDate` index. */
function listingRange(account: string, listing: string): IDBKeyRange {
  return IDBKeyRange.bound([account, listing, ''], [account, listing, HIGH]);
}

function stripAccount(record: MessageRecord): MessageSummary {
  const { account: _account, listing: _listing, ...summary } = record;
  return summary;
}

/** Whether a summary of `folderId` belongs in `listing` ("inbox" holds every month folder). */
function belongsTo(listing: string, folderId: string): boolean {
  return listing === folderId || (listing === 'inbox' && folderId.startsWith('inbox-'));
}

function toRecord(item: MessageSummary, account: string, listing: string): MessageRecord {
  return { ...item, date: new Date(item.date).toISOString(), account, listing };
}

/** A folder's message count from the cached folder list ("inbox" is the sum of its months). */
export function countFromFolders(list: { folders: Folder[] } | undefined, folderId: string): number | undefined {
  if (!list) return undefined;
  const own = list.folders.find((folder) => folder.id === folderId);
  if (own) return own.messageCount;
  if (folderId === 'inbox') {
    const months = list.folders.filter((folder) => folder.kind === 'inbox-month');
    return months.length ? months.reduce((sum, folder) => sum + folder.messageCount, 0) : undefined;
  }
  return undefined;
}

/** One cached message as the instant filter keeps it in memory, with the key to read its row. */
interface IndexedSummary extends FilterEntry {
  id: string;
  folderId: string;
  key: [string, string, string];
}

/** Rows read per request while the filter's index is built. */
const INDEX_BATCH = 5_000;

function toIndexed(record: MessageRecord, account: string, folders: Map<string, string>): IndexedSummary {
  // One string per folder id and the caller's account string: 100,000 entries share them.
  let folderId = folders.get(record.folderId);
  if (folderId === undefined) folders.set(record.folderId, (folderId = record.folderId));
  let listing = folders.get(record.listing);
  if (listing === undefined) folders.set(record.listing, (listing = record.listing));
  return {
    id: record.id,
    folderId,
    key: [account, listing, record.id],
    dateMs: Date.parse(record.date),
    hasAttachments: record.hasAttachments,
    text: filterText(record),
  };
}

/** Newest first, ties by id descending: the listings' order (`utils/rules/order.ts`). */
function newestIndexedFirst(a: IndexedSummary, b: IndexedSummary): number {
  if (a.dateMs !== b.dateMs) return b.dateMs - a.dateMs;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

const metaKey = (account: string, folderId: string) => `${account}|${folderId}`;
const statusKey = (account: string, mailbox: string) => `${account}|${mailbox}`;

export class ArchiveCache {
  /** The instant filter's index per account, newest first, each message once; merged or dropped on writes. */
  private readonly summaries = new Map<string, Promise<IndexedSummary[]>>();

  constructor(
    private readonly db: CacheDb,
    private readonly maxBytes = DEFAULT_MAX_BYTES,
    private readonly now: () => number = Date.now,
  ) {}

  async getStatus(account: string, mailbox: string) {
    return this.db.get('status', statusKey(account, mailbox));
  }

  async putStatus(account: string, mailbox: string, value: ArchiveStatus, etag: string | null = null): Promise<void> {
    await this.db.put('status', { key: statusKey(account, mailbox), account, mailbox, value, fetchedAt: this.now(), etag });
  }

  async getFolders(account: string) {
    return this.db.get('folders', account);
  }

  async putFolders(account: string, list: FolderList, etag: string | null = null): Promise<void> {
    await this.db.put('folders', { account, version: list.version, folders: list.folders, fetchedAt: this.now(), etag });
  }

  async getMeta(account: string, folderId: string) {
    return this.db.get('meta', metaKey(account, folderId));
  }

  /** How many rows the cache holds for a listing. */
  async countRows(account: string, folderId: string): Promise<number> {
    return this.db.countFromIndex('messages', 'byListingDate', listingRange(account, folderId));
  }

  /**
   * Rows [offset, offset + limit) of a listing, newest first, with its total, in one read-only transaction: the
   * path that paints a window never waits for a write (the last-used time is written later, and only when old).
   */
  async readWindow(account: string, folderId: string, offset: number, limit: number): Promise<CachedWindow | null> {
    const tx = this.db.transaction(['messages', 'meta', 'folders'], 'readonly');
    const meta = await tx.objectStore('meta').get(metaKey(account, folderId));
    if (!meta) {
      await tx.done;
      return null;
    }
    const index = tx.objectStore('messages').index('byListingDate');
    const range = listingRange(account, folderId);
    const items: MessageSummary[] = [];
    let cursor = await index.openCursor(range, 'prev');
    if (cursor && offset > 0) cursor = await cursor.advance(offset);
    while (cursor && items.length < limit) {
      items.push(stripAccount(cursor.value));
      cursor = await cursor.continue();
    }
    const atEnd = items.length < limit;
    const folderCount = countFromFolders(await tx.objectStore('folders').get(account), folderId);
    let total: number;
    if (meta.complete && atEnd) total = offset + items.length;
    else if (meta.complete && folderCount === undefined) total = await index.count(range);
    else total = Math.max(offset + items.length, folderCount ?? 0);
    await tx.done;
    if (this.now() - meta.lastUsed > LAST_USED_SLACK_MS) void this.touch(meta).catch(() => undefined);
    return { items, meta, covered: !atEnd || meta.complete, total };
  }

  private async touch(meta: ListingMeta): Promise<void> {
    const tx = this.db.transaction('meta', 'readwrite');
    const current = await tx.store.get(meta.key);
    if (current) await tx.store.put({ ...current, lastUsed: this.now() });
    await tx.done;
  }

  /**
   * The newest `limit` cached summaries that match, newest first, each message once (it may be cached in two
   * listings). Each keystroke scans an in-memory index of the account's summaries — folded text, date and
   * attachment mark only, a fraction of the summaries' size — and reads just the matches' rows.
   */
  async filterMessages(account: string, filter: LocalFilter, limit: number): Promise<MessageSummary[]> {
    const matches = entryMatcher(filter);
    const keys: IndexedSummary['key'][] = [];
    for (const entry of await this.filterIndexOf(account)) {
      if (keys.length >= limit) break;
      if ((!filter.folderId || belongsTo(filter.folderId, entry.folderId)) && matches(entry)) keys.push(entry.key);
    }
    if (keys.length === 0) return [];
    const tx = this.db.transaction('messages', 'readonly');
    const rows = await Promise.all(keys.map((key) => tx.store.get(key)));
    await tx.done;
    return rows.filter((row): row is MessageRecord => row !== undefined).map(stripAccount);
  }

  /** Builds the instant filter's index of an account ahead of the first keystroke (after a fill, off any view's path). */
  async prepareFilter(account: string): Promise<void> {
    await this.filterIndexOf(account);
  }

  private filterIndexOf(account: string): Promise<IndexedSummary[]> {
    let index = this.summaries.get(account);
    if (!index) {
      index = this.buildFilterIndex(account);
      this.summaries.set(account, index);
      index.catch(() => this.summaries.delete(account));
    }
    return index;
  }

  /** Reads the account's rows in batches, so the full summaries never sit in memory all at once. */
  private async buildFilterIndex(account: string): Promise<IndexedSummary[]> {
    const byId = new Map<string, IndexedSummary>();
    const folders = new Map<string, string>();
    let range = IDBKeyRange.bound([account], [account, HIGH]);
    for (;;) {
      const records = await this.db.getAll('messages', range, INDEX_BATCH);
      for (const record of records) if (!byId.has(record.id)) byId.set(record.id, toIndexed(record, account, folders));
      const last = records.at(-1);
      if (!last || records.length < INDEX_BATCH) break;
      range = IDBKeyRange.bound([account, last.listing, last.id], [account, HIGH], true);
    }
    return [...byId.values()].sort(newestIndexedFirst);
  }

  /** Every write to an account's rows goes through here, so the in-memory copy never outlives them. */
  private changed(account?: string): void {
    if (account === undefined) this.summaries.clear();
    else this.summaries.delete(account);
  }

  /**
   * Stores one page of a listing fetched from the provider. The listing is complete only when the provider
   * says no page follows; a first page restarts the listing (its older rows are dropped). The caller evicts once
   * its pages are in (counting rows after every page would cost more than the writes).
   */
  async putPage(
    account: string,
    folderId: string,
    page: { items: MessageSummary[]; nextCursor: string | null; version: number },
    options: { firstPage: boolean },
  ): Promise<ListingMeta> {
    // A restart drops rows, so the in-memory copy goes; a page that only adds rows is merged into it instead, so
    // that paging a listing in never costs the next keystroke a full read of the account's summaries.
    if (options.firstPage) this.changed(account);
    const tx = this.db.transaction(['messages', 'meta'], 'readwrite');
    const messages = tx.objectStore('messages');
    const previous = options.firstPage ? undefined : await tx.objectStore('meta').get(metaKey(account, folderId));
    // A later page without its listing would store rows from the middle as if they were its top.
    if (!options.firstPage && !previous) {
      tx.abort();
      await tx.done.catch(() => undefined);
      throw new ListingDroppedError();
    }
    if (options.firstPage) {
      let cursor = await messages.index('byListingDate').openCursor(listingRange(account, folderId));
      while (cursor) {
        await cursor.delete();
        cursor = await cursor.continue();
      }
    }
    // Issued together: waiting for each put's own success event makes a 200-row page many times slower.
    await Promise.all(page.items.map((item) => messages.put(toRecord(item, account, folderId))));
    const meta: ListingMeta = {
      key: metaKey(account, folderId),
      account,
      folderId,
      version: page.version,
      fetchedAt: this.now(),
      complete: page.nextCursor === null,
      nextCursor: page.nextCursor,
      lastUsed: this.now(),
      bytes: (previous?.bytes ?? 0) + bytesOf(page.items),
    };
    await tx.objectStore('meta').put(meta);
    await tx.done;
    if (!options.firstPage) this.mergeIntoSummaries(account, folderId, page.items);
    return meta;
  }

  private mergeIntoSummaries(account: string, listing: string, items: MessageSummary[]): void {
    const index = this.summaries.get(account);
    if (!index || items.length === 0) return;
    const merged = index.then((entries) => {
      const known = new Set(entries.map((entry) => entry.id));
      const folders = new Map<string, string>();
      const added = items.filter((item) => !known.has(item.id)).map((item) => toIndexed({ ...toRecord(item, account, listing) }, account, folders));
      return added.length ? [...entries, ...added].sort(newestIndexedFirst) : entries;
    });
    this.summaries.set(account, merged);
    merged.catch(() => this.summaries.delete(account));
  }

  /** Applies a `changes?since=` delta; returns the folders whose cached listing changed. */
  async applyChanges(account: string, delta: Changes): Promise<string[]> {
    const touched = new Set<string>();
    // An empty delta (the usual warm reopen) leaves the filter's index as it is.
    if (delta.changes.some((change) => change.added.length > 0 || change.removed.length > 0)) this.changed(account);
    const tx = this.db.transaction(['messages', 'meta'], 'readwrite');
    const messages = tx.objectStore('messages');
    const metas = tx.objectStore('meta');
    const listings = (await metas.index('byAccount').getAll(account)).map((meta) => meta.folderId);
    /** Bytes added per listing, for its size. */
    const added = new Map<string, number>();
    for (const change of delta.changes) {
      for (const id of change.removed) {
        const keys = await messages.index('byMessage').getAllKeys([account, id]);
        for (const key of keys) await messages.delete(key);
        if (keys.length > 0) touched.add(change.folderId);
      }
      for (const listing of listings.filter((candidate) => belongsTo(candidate, change.folderId))) {
        for (const item of change.added) await messages.put(toRecord(item, account, listing));
        if (change.added.length > 0) touched.add(change.folderId);
        added.set(listing, (added.get(listing) ?? 0) + bytesOf(change.added));
      }
    }
    for (const meta of await metas.index('byAccount').getAll(account)) {
      if (meta.bytes !== undefined) meta.bytes += added.get(meta.folderId) ?? 0;
      meta.version = delta.version;
      meta.fetchedAt = this.now();
      await metas.put(meta);
    }
    await tx.done;
    return [...touched];
  }

  /** Forgets what a mutation touched: the given messages, and the folder list (its counts changed). */
  async removeMessages(account: string, ids: string[]): Promise<void> {
    this.changed(account);
    const tx = this.db.transaction(['messages', 'folders'], 'readwrite');
    const byMessage = tx.objectStore('messages').index('byMessage');
    for (const id of ids) {
      for (const key of await byMessage.getAllKeys([account, id])) await tx.objectStore('messages').delete(key);
    }
    await tx.objectStore('folders').delete(account);
    await tx.done;
  }

  /** Drops one folder's listing so that its next read goes to the provider. */
  async invalidateListing(account: string, folderId: string): Promise<void> {
    this.changed(account);
    const tx = this.db.transaction(['messages', 'meta', 'folders'], 'readwrite');
    let cursor = await tx.objectStore('messages').index('byListingDate').openCursor(listingRange(account, folderId));
    while (cursor) {
      await cursor.delete();
      cursor = await cursor.continue();
    }
    await tx.objectStore('meta').delete(metaKey(account, folderId));
    await tx.objectStore('folders').delete(account);
    await tx.done;
  }

  /** Every account that has anything in the cache. */
  async accounts(): Promise<Set<string>> {
    const tx = this.db.transaction(['status', 'folders', 'messages', 'meta'], 'readonly');
    const found = new Set<string>(await tx.objectStore('folders').getAllKeys());
    for (const store of ['status', 'messages', 'meta'] as const) {
      let cursor = await tx.objectStore(store).index('byAccount').openKeyCursor(null, 'nextunique');
      while (cursor) {
        found.add(cursor.key);
        cursor = await cursor.continue();
      }
    }
    await tx.done;
    return found;
  }

  async clearAccount(account: string): Promise<void> {
    this.changed(account);
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
    this.changed();
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

  /** Whether `bytes` more summaries fit under the bound. */
  async hasRoomFor(bytes: number): Promise<boolean> {
    return (await this.storedBytes()) + bytes <= this.maxBytes;
  }

  /** The cached summaries' size as the bound counts it, over every listing of every account. */
  async storedBytes(): Promise<number> {
    let total = 0;
    for (const meta of await this.db.getAll('meta')) total += await this.listingBytes(meta);
    return total;
  }

  private async listingBytes(meta: ListingMeta): Promise<number> {
    return meta.bytes ?? (await this.countRows(meta.account, meta.folderId)) * BYTES_PER_UNCOUNTED_ROW;
  }

  /**
   * Keeps the cache under its bound in bytes by dropping whole listings, least recently used first (never
   * `keepKey`); returns how many went. Listing sizes are kept in their metadata, so this reads no rows.
   */
  async evict(keepKey?: string): Promise<number> {
    let total = await this.storedBytes();
    let evicted = 0;
    while (total > this.maxBytes) {
      const oldest = await this.db.getAllFromIndex('meta', 'byLastUsed', undefined, 2);
      const meta = oldest.find((candidate) => candidate.key !== keepKey);
      if (!meta) break;
      total -= await this.listingBytes(meta);
      await this.invalidateListing(meta.account, meta.folderId);
      evicted++;
    }
    return evicted;
  }
}
