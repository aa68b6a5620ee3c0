// The instant filter's in-memory copy of an account's summaries follows pages as they are stored: paging a listing
// in merges them, a restarted listing drops the copy (its old rows are gone), and no keystroke re-reads IndexedDB.
import { describe, expect, it } from 'vitest';
import { ArchiveCache } from '@/utils/cache/archive-cache';
import { openCacheDb } from '@/utils/cache/open';
import { summary } from '../archive/fixtures';

const MARIO = 'mario.rossi@example.it';
const all = () => true;

describe('summaries kept in memory for the instant filter', () => {
  it('merges a later page into the copy without reading the account again', async () => {
    const db = await openCacheDb(`summaries-${Math.random()}`);
    const cache = new ArchiveCache(db);
    // Counts the full reads of an account's summaries (the call the filter's copy is built from).
    let reads = 0;
    const readAll = db.getAllFromIndex.bind(db);
    db.getAllFromIndex = ((...args: Parameters<typeof readAll>) => {
      if (args[0] === 'messages') reads++;
      return readAll(...args);
    }) as typeof db.getAllFromIndex;
    const first = Array.from({ length: 30 }, (_, i) => summary(1 + i, { folderId: 'inbox-2026-11' }));
    const second = Array.from({ length: 30 }, (_, i) => summary(31 + i, { folderId: 'inbox-2026-11' }));
    await cache.putPage(MARIO, 'inbox-2026-11', { items: first, nextCursor: 'c1', version: 1 }, { firstPage: true });
    expect(await cache.filterMessages(MARIO, undefined, all, 500)).toHaveLength(30);
    await cache.putPage(MARIO, 'inbox-2026-11', { items: second, nextCursor: null, version: 1 }, { firstPage: false });
    const found = await cache.filterMessages(MARIO, undefined, all, 500);
    expect(found.map((item) => item.id)).toEqual([...first, ...second].map((item) => item.id));
    expect(reads).toBe(1);
  });

  it('drops the copy when a listing restarts, so rows that left are not found', async () => {
    const cache = new ArchiveCache(await openCacheDb(`summaries-${Math.random()}`));
    const old = [summary(1, { folderId: 'sent', subject: 'Vecchio' })];
    await cache.putPage(MARIO, 'sent', { items: old, nextCursor: null, version: 1 }, { firstPage: true });
    expect(await cache.filterMessages(MARIO, undefined, all, 500)).toHaveLength(1);
    const fresh = [summary(2, { folderId: 'sent', subject: 'Nuovo' })];
    await cache.putPage(MARIO, 'sent', { items: fresh, nextCursor: null, version: 2 }, { firstPage: true });
    expect((await cache.filterMessages(MARIO, undefined, all, 500)).map((item) => item.subject)).toEqual(['Nuovo']);
  });
});
