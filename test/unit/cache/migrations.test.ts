import { describe, expect, it } from 'vitest';
import { CACHE_DB_VERSION, MIGRATIONS } from '@/utils/cache/schema';
import { openCacheDb } from '@/utils/cache/open';
import { ArchiveCache } from '@/utils/cache/archive-cache';
import { summary } from './fixtures';

let counter = 0;
const freshName = () => `migrations-${Date.now()}-${counter++}`;

describe('cache schema', () => {
  it('has one migration per version', () => {
    expect(MIGRATIONS).toHaveLength(CACHE_DB_VERSION);
  });

  it('creates every store and index on a fresh install', async () => {
    const db = await openCacheDb(freshName());
    expect([...db.objectStoreNames].sort()).toEqual(['folders', 'messages', 'meta', 'status']);
    const tx = db.transaction(['messages', 'meta']);
    expect([...tx.objectStore('messages').indexNames].sort()).toEqual(['byAccount', 'byListingDate', 'byMessage']);
    expect([...tx.objectStore('meta').indexNames].sort()).toEqual(['byAccount', 'byLastUsed']);
    db.close();
  });

  it('upgrades a version 1 database: settings kept, listings dropped to be fetched again', async () => {
    const name = freshName();
    const v1 = await openCacheDb(name, 1);
    // Rows in version 1's shape (no `listing`): written untyped, as that release did.
    const raw = v1 as unknown as { put(store: string, value: unknown): Promise<unknown> };
    await raw.put('messages', { ...summary(1, 'sent'), account: 'a@example.it' });
    await v1.put('meta', {
      key: 'a@example.it|sent',
      account: 'a@example.it',
      folderId: 'sent',
      version: 3,
      fetchedAt: 1,
      complete: true,
      nextCursor: null,
      lastUsed: 5,
    });
    await v1.put('folders', { account: 'a@example.it', version: 3, folders: [], fetchedAt: 1 });
    expect([...v1.transaction('meta').objectStore('meta').indexNames]).not.toContain('byLastUsed');
    v1.close();

    const v3 = await openCacheDb(name);
    expect(v3.version).toBe(3);
    expect(await v3.count('messages')).toBe(0);
    expect(await v3.count('meta')).toBe(0);
    expect(await v3.get('folders', 'a@example.it')).toMatchObject({ version: 3 });
    expect([...v3.transaction('meta').objectStore('meta').indexNames]).toContain('byLastUsed');
    const cache = new ArchiveCache(v3);
    expect(await cache.readWindow('a@example.it', 'sent', 0, 10)).toBeNull();
    await cache.putPage('a@example.it', 'sent', { items: [summary(2, 'sent')], nextCursor: null, version: 4 }, { firstPage: true });
    expect((await cache.readWindow('a@example.it', 'sent', 0, 10))?.items.map((item) => item.id)).toEqual(['m2']);
    v3.close();
  });

  it('makes a database anew when it cannot be upgraded (left half-made by something else)', async () => {
    const name = freshName();
    // A version 1 database with none of version 1's stores: the 1 → 2 step cannot run on it.
    const stray = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name, 1);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    stray.close();
    const db = await openCacheDb(name);
    expect(db.version).toBe(3);
    expect([...db.objectStoreNames].sort()).toEqual(['folders', 'messages', 'meta', 'status']);
    db.close();
  });

  it('upgrades a version 2 database the same way', async () => {
    const name = freshName();
    const v2 = await openCacheDb(name, 2);
    const raw = v2 as unknown as { put(store: string, value: unknown): Promise<unknown> };
    await raw.put('messages', { ...summary(1, 'sent'), account: 'a@example.it' });
    v2.close();
    const v3 = await openCacheDb(name);
    expect(await v3.count('messages')).toBe(0);
    expect([...v3.transaction('messages').objectStore('messages').indexNames]).toContain('byMessage');
    v3.close();
  });
});
