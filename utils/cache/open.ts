// Opens (and upgrades) the archive cache database.
import { deleteDB, openDB, type IDBPDatabase } from 'idb';
import { CACHE_DB_NAME, CACHE_DB_VERSION, runMigrations, type CacheSchema } from './schema';

export type CacheDb = IDBPDatabase<CacheSchema>;

function open(name: string, version: number): Promise<CacheDb> {
  return openDB<CacheSchema>(name, version, {
    upgrade(db, oldVersion, newVersion, tx) {
      // A failed step aborts the upgrade; the open itself rejects and says so, not the transaction too.
      tx.done.catch(() => undefined);
      runMigrations(db, tx, oldVersion, newVersion ?? version);
    },
    blocking(_current, _next, event) {
      // Another context needs a newer schema: let it proceed; we reopen on next use.
      (event.target as IDBDatabase).close();
    },
  });
}

/**
 * Everything in the database can be fetched again, so a database that cannot be brought to the current schema
 * (damaged, or left half-made by something else) is deleted and made anew rather than leaving the cache unusable.
 */
export async function openCacheDb(name = CACHE_DB_NAME, version = CACHE_DB_VERSION): Promise<CacheDb> {
  try {
    return await open(name, version);
  } catch {
    await deleteDB(name);
    return open(name, version);
  }
}

export function deleteCacheDb(name = CACHE_DB_NAME): Promise<void> {
  return deleteDB(name);
}
