// Opens (and upgrades) the archive cache database.
import { deleteDB, openDB, type IDBPDatabase } from 'idb';
import { CACHE_DB_NAME, CACHE_DB_VERSION, runMigrations, type CacheSchema } from './schema';

export type CacheDb = IDBPDatabase<CacheSchema>;

export function openCacheDb(name = CACHE_DB_NAME, version = CACHE_DB_VERSION): Promise<CacheDb> {
  return openDB<CacheSchema>(name, version, {
    upgrade(db, oldVersion, newVersion, tx) {
      runMigrations(db, tx, oldVersion, newVersion ?? version);
    },
    blocking(_current, _next, event) {
      // Another context needs a newer schema: let it proceed; we reopen on next use.
      (event.target as IDBDatabase).close();
    },
  });
}

export function deleteCacheDb(name = CACHE_DB_NAME): Promise<void> {
  return deleteDB(name);
}
