// IndexedDB schema of the archive cache and its migrations, one function per version step.
import type { DBSchema, IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { ArchiveStatus, Folder, MessageSummary } from '../api/schemas';

export const CACHE_DB_NAME = 'archivio-cache';
export const CACHE_DB_VERSION = 2;

export interface StatusRecord {
  key: string; // `${account}|${mailbox}`
  account: string;
  mailbox: string;
  value: ArchiveStatus;
  fetchedAt: number;
}

export interface FolderListRecord {
  account: string;
  version: number;
  folders: Folder[];
  fetchedAt: number;
}

export interface MessageRecord extends MessageSummary {
  account: string;
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
}

export interface CacheSchema extends DBSchema {
  status: { key: string; value: StatusRecord; indexes: { byAccount: string } };
  folders: { key: string; value: FolderListRecord };
  messages: {
    key: [string, string];
    value: MessageRecord;
    indexes: { byFolderDate: [string, string, string]; byAccount: string };
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
    const messages = db.createObjectStore('messages', { keyPath: ['account', 'id'] });
    messages.createIndex('byFolderDate', ['account', 'folderId', 'date']);
    messages.createIndex('byAccount', 'account');
    db.createObjectStore('meta', { keyPath: 'key' }).createIndex('byAccount', 'account');
  },
  // 1 → 2: least-recently-used eviction needs listings ordered by last use.
  (_db, tx) => {
    tx.objectStore('meta').createIndex('byLastUsed', 'lastUsed');
  },
];

export function runMigrations(db: IDBPDatabase<CacheSchema>, tx: UpgradeTx, oldVersion: number, newVersion: number): void {
  for (let version = oldVersion; version < newVersion; version++) {
    const step = MIGRATIONS[version];
    if (!step) throw new Error(`no cache migration from version ${version}`);
    step(db, tx);
  }
}
