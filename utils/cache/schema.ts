// IndexedDB schema of the archive cache and its migrations, one function per version step.
import type { DBSchema, IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { ArchiveStatus, Folder, MessageSummary } from '@/utils/api/schemas';

export const CACHE_DB_NAME = 'archivio-cache';
export const CACHE_DB_VERSION = 3;

export interface StatusRecord {
  key: string; // `${account}|${mailbox}`
  account: string;
  mailbox: string;
  value: ArchiveStatus;
  fetchedAt: number;
  /** The provider's validator of this copy (ETag), sent back to ask whether it is still current. */
  etag?: string | null;
}

export interface FolderListRecord {
  account: string;
  version: number;
  folders: Folder[];
  fetchedAt: number;
  /** The provider's validator of this copy (ETag), sent back to ask whether it is still current. */
  etag?: string | null;
}

export interface MessageRecord extends MessageSummary {
  account: string;
  /**
   * The listing the row was fetched for: a folder id, or "inbox" for all months together. Listings keep their own
   * rows so that a partly fetched "inbox" never borrows rows of a month listed on its own (that would leave gaps).
   */
  listing: string;
}

export interface ListingMeta {
  key: string; // `${account}|${folderId}`
  account: string;
  folderId: string;
  version: number;
  fetchedAt: number;
  /** Set only once every page of the listing arrived. */
  complete: boolean;
  nextCursor: string | null;
  lastUsed: number;
  /**
   * The listing's rows' size as the cache counts it (the length of each summary's JSON), added up as rows are
   * stored; removals leave it as it was, so it errs on the large side. Absent on listings stored before it existed.
   */
  bytes?: number;
}

export interface CacheSchema extends DBSchema {
  status: { key: string; value: StatusRecord; indexes: { byAccount: string } };
  folders: { key: string; value: FolderListRecord };
  messages: {
    key: [string, string, string];
    value: MessageRecord;
    indexes: { byListingDate: [string, string, string]; byAccount: string; byMessage: [string, string] };
  };
  meta: { key: string; value: ListingMeta; indexes: { byAccount: string; byLastUsed: number } };
}

type UpgradeTx = IDBPTransaction<CacheSchema, StoreNames<CacheSchema>[], 'versionchange'>;
type Migration = (db: IDBPDatabase<CacheSchema>, tx: UpgradeTx) => void;

/** MIGRATIONS[n] takes the database from version n to n + 1. Never edit a released step; add one. */
export const MIGRATIONS: Migration[] = [
  // 0 → 1: the first schema.
  (db) => {
    db.createObjectStore('status', { keyPath: 'key' }).createIndex('byAccount', 'account');
    db.createObjectStore('folders', { keyPath: 'account' });
    // Version 1's row shape, as released (typed loosely: the current schema describes version 3).
    const messages = (db as unknown as IDBPDatabase).createObjectStore('messages', { keyPath: ['account', 'id'] });
    messages.createIndex('byFolderDate', ['account', 'folderId', 'date']);
    messages.createIndex('byAccount', 'account');
    db.createObjectStore('meta', { keyPath: 'key' }).createIndex('byAccount', 'account');
  },
  // 1 → 2: least-recently-used eviction needs listings ordered by last use.
  (_db, tx) => {
    tx.objectStore('meta').createIndex('byLastUsed', 'lastUsed');
  },
  // 2 → 3: rows belong to one listing each. Cached summaries can always be fetched again, so the old rows and
  // the listings that described them are dropped rather than reshaped.
  (db, tx) => {
    db.deleteObjectStore('messages');
    const messages = db.createObjectStore('messages', { keyPath: ['account', 'listing', 'id'] });
    messages.createIndex('byListingDate', ['account', 'listing', 'date']);
    messages.createIndex('byAccount', 'account');
    messages.createIndex('byMessage', ['account', 'id']);
    void tx.objectStore('meta').clear();
  },
];

export function runMigrations(db: IDBPDatabase<CacheSchema>, tx: UpgradeTx, oldVersion: number, newVersion: number): void {
  for (let version = oldVersion; version < newVersion; version++) {
    const step = MIGRATIONS[version];
    if (!step) throw new Error(`no cache migration from version ${version}`);
    step(db, tx);
  }
}
