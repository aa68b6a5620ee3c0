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
    expect([...tx.objectStore('messages').indexNames].sort()).toEqual(['byAccount', 'byFolderDate']);
    expect([...tx.objectStore('meta').indexNames].sort()).toEqual(['byAccount', 'byLastUsed']);
    db.close();
  });

  it('upgrades a version 1 database and keeps what it held', async () => {
    const name = freshName();
    const v1 = await openCacheDb(name, 1);
    await v1.put('messages', { ...summary(1, 'sent'), account: 'a@example.it' });
    await v1.put('meta', { key: 'a@example.it|sent', account: 'a@example.it', folderId: 'sent', version: 3, fetchedAt: 1, complete: true, nextCursor: null, lastUsed: 5 });
    expect([...v1.transaction('meta').objectStore('meta').indexNames]).not.toContain('byLastUsed');
    v1.close();

    const v2 = await openCacheDb(name, 2);
    expect(await v2.count('messages')).toBe(1);
    expect(await v2.getAllFromIndex('meta', 'byLastUsed')).toHaveLength(1);
    const listing = await new ArchiveCache(v2).readListing('a@example.it', 'sent', 0, 10);
    expect(listing?.items.map((item) => item.id)).toEqual(['m1']);
    v2.close();
  });
});
