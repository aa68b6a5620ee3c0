import { beforeEach, describe, expect, it } from 'vitest';
import { ArchiveCache, ListingDroppedError, summaryBytes } from '@/utils/cache/archive-cache';
import { openCacheDb, type CacheDb } from '@/utils/cache/open';
import { summaries, summary } from './fixtures';

const A = 'mario.rossi@example.it';
const B = 'giulia.verdi@example.it';
let db: CacheDb;
let clock = 1_000;

beforeEach(async () => {
  db = await openCacheDb(`cache-${Math.random()}`);
  clock = 1_000;
});

const cacheWith = (maxBytes?: number) => new ArchiveCache(db, maxBytes, () => ++clock);

describe('archive cache', () => {
  it('marks a listing complete only when the last page arrived', async () => {
    const cache = cacheWith();
    await cache.putPage(A, 'sent', { items: summaries(6, 10, 'sent'), nextCursor: 'c1', version: 1 }, { firstPage: true });
    expect((await cache.getMeta(A, 'sent'))?.complete).toBe(false);
    await cache.putPage(A, 'sent', { items: summaries(1, 5, 'sent'), nextCursor: null, version: 1 }, { firstPage: false });
    const listing = await cache.readWindow(A, 'sent', 0, 100);
    expect(listing?.meta.complete).toBe(true);
    expect(listing?.items.map((m) => m.id)).toEqual(['m10', 'm9', 'm8', 'm7', 'm6', 'm5', 'm4', 'm3', 'm2', 'm1']);
    expect((await cache.readWindow(A, 'sent', 3, 2))?.items.map((m) => m.id)).toEqual(['m7', 'm6']);
  });

  it('lists "inbox" across its month folders, newest first', async () => {
    const cache = cacheWith();
    const older = { ...summary(1, 'inbox-2025-12'), date: '2025-12-20T10:00:00.000Z' };
    const newer = { ...summary(2, 'inbox-2026-01'), date: '2026-01-03T10:00:00.000Z' };
    await cache.putPage(A, 'inbox', { items: [newer, older], nextCursor: null, version: 1 }, { firstPage: true });
    expect((await cache.readWindow(A, 'inbox', 0, 10))?.items.map((m) => m.id)).toEqual(['m2', 'm1']);
  });

  it('never fills gaps of a partial "inbox" listing with rows of a month listed on its own', async () => {
    const cache = cacheWith();
    const newest = { ...summary(9, 'inbox-2026-02'), date: '2026-02-10T10:00:00.000Z' };
    const oldest = { ...summary(1, 'inbox-2025-01'), date: '2025-01-10T10:00:00.000Z' };
    await cache.putPage(A, 'inbox', { items: [newest], nextCursor: 'more', version: 1 }, { firstPage: true });
    await cache.putPage(A, 'inbox-2025-01', { items: [oldest], nextCursor: null, version: 1 }, { firstPage: true });
    const inbox = await cache.readWindow(A, 'inbox', 0, 10);
    expect(inbox?.items.map((m) => m.id)).toEqual(['m9']);
    expect(await cache.countRows(A, 'inbox')).toBe(1);
    // Restarting the month does not touch the inbox listing's rows, and a delete reaches both.
    await cache.putPage(A, 'inbox-2026-02', { items: [newest], nextCursor: null, version: 1 }, { firstPage: true });
    expect((await cache.readWindow(A, 'inbox', 0, 10))?.items.map((m) => m.id)).toEqual(['m9']);
    await cache.removeMessages(A, ['m9']);
    expect((await cache.readWindow(A, 'inbox', 0, 10))?.items).toEqual([]);
    expect((await cache.readWindow(A, 'inbox-2026-02', 0, 10))?.items).toEqual([]);
  });

  it('keeps accounts apart and clears one without touching the other', async () => {
    const cache = cacheWith();
    await cache.putPage(A, 'sent', { items: summaries(1, 3, 'sent'), nextCursor: null, version: 1 }, { firstPage: true });
    await cache.putPage(B, 'sent', { items: summaries(1, 2, 'sent'), nextCursor: null, version: 1 }, { firstPage: true });
    expect((await cache.readWindow(B, 'sent', 0, 10))?.items).toHaveLength(2);
    await cache.clearAccount(A);
    expect(await cache.readWindow(A, 'sent', 0, 10)).toBeNull();
    expect((await cache.readWindow(B, 'sent', 0, 10))?.items).toHaveLength(2);
  });

  it('applies a delta: removals everywhere, additions only to listings it holds', async () => {
    const cache = cacheWith();
    await cache.putPage(A, 'sent', { items: summaries(1, 3, 'sent'), nextCursor: null, version: 4 }, { firstPage: true });
    const touched = await cache.applyChanges(A, {
      version: 6,
      foldersChanged: true,
      changes: [
        { folderId: 'sent', added: [summary(4, 'sent')], removed: ['m1'] },
        { folderId: 'inbox-2026-01', added: [summary(9, 'inbox-2026-01')], removed: [] },
      ],
    });
    expect(touched).toEqual(['sent']);
    expect(await cache.getMeta(A, 'inbox-2026-01')).toBeUndefined();
    const listing = await cache.readWindow(A, 'sent', 0, 10);
    expect(listing?.items.map((m) => m.id)).toEqual(['m4', 'm3', 'm2']);
    expect(listing?.meta.version).toBe(6);
    expect(await cache.messageCount()).toBe(3);
  });

  it('counts each listing in bytes as its rows arrive and as changes add to it', async () => {
    const cache = cacheWith();
    const first = summaries(6, 10, 'sent');
    const second = summaries(1, 5, 'sent');
    await cache.putPage(A, 'sent', { items: first, nextCursor: 'c1', version: 1 }, { firstPage: true });
    await cache.putPage(A, 'sent', { items: second, nextCursor: null, version: 1 }, { firstPage: false });
    const stored = [...first, ...second].reduce((sum, item) => sum + summaryBytes(item), 0);
    expect(await cache.storedBytes()).toBe(stored);
    const arrived = summary(11, 'sent');
    await cache.applyChanges(A, { version: 2, foldersChanged: false, changes: [{ folderId: 'sent', added: [arrived], removed: [] }] });
    expect(await cache.storedBytes()).toBe(stored + summaryBytes(arrived));
    // A first page restarts the listing, and its size with it.
    await cache.putPage(A, 'sent', { items: second, nextCursor: null, version: 3 }, { firstPage: true });
    expect(await cache.storedBytes()).toBe(second.reduce((sum, item) => sum + summaryBytes(item), 0));
  });

  it('evicts the least recently used listings beyond its bound in bytes, never the one just written', async () => {
    const month = summaries(1, 3, 'inbox-2026-01');
    const sentRows = summaries(10, 12, 'sent');
    const custom = summaries(20, 22, 'custom-1');
    const size = (items: typeof month) => items.reduce((sum, item) => sum + summaryBytes(item), 0);
    // Room for two of the three listings, however many rows that is.
    const cache = cacheWith(size(month) + size(sentRows) + 1);
    await cache.putPage(A, 'inbox-2026-01', { items: month, nextCursor: null, version: 1 }, { firstPage: true });
    await cache.putPage(A, 'sent', { items: sentRows, nextCursor: null, version: 1 }, { firstPage: true });
    expect(await cache.evict()).toBe(0);
    const written = await cache.putPage(A, 'custom-1', { items: custom, nextCursor: null, version: 1 }, { firstPage: true });
    expect(await cache.evict(written.key)).toBe(1);
    expect(await cache.readWindow(A, 'inbox-2026-01', 0, 10)).toBeNull();
    expect((await cache.readWindow(A, 'sent', 0, 10))?.items).toHaveLength(3);
    expect((await cache.readWindow(A, 'custom-1', 0, 10))?.items).toHaveLength(3);
    expect(await cache.storedBytes()).toBeLessThanOrEqual(size(month) + size(sentRows) + 1);
  });

  it('bounds by bytes, not by rows: many small summaries fit where a few large ones do not', async () => {
    const small = summaries(1, 50, 'sent');
    const large = summaries(100, 104, 'custom-1').map((item) => ({ ...item, subject: 'x'.repeat(5_000) }));
    const cache = cacheWith(small.reduce((sum, item) => sum + summaryBytes(item), 0) + 1_000);
    const sent = await cache.putPage(A, 'sent', { items: small, nextCursor: null, version: 1 }, { firstPage: true });
    expect(await cache.evict(sent.key)).toBe(0);
    const custom = await cache.putPage(A, 'custom-1', { items: large, nextCursor: null, version: 1 }, { firstPage: true });
    expect(await cache.evict(custom.key)).toBe(1);
    expect(await cache.readWindow(A, 'sent', 0, 10)).toBeNull();
    expect(await cache.messageCount()).toBe(5);
  });

  it('refuses a later page of a listing dropped while it was paged in, rather than store rows from its middle', async () => {
    const cache = cacheWith();
    await cache.putPage(A, 'sent', { items: summaries(6, 10, 'sent'), nextCursor: 'c1', version: 1 }, { firstPage: true });
    await cache.clearAll();
    await expect(
      cache.putPage(A, 'sent', { items: summaries(1, 5, 'sent'), nextCursor: null, version: 1 }, { firstPage: false }),
    ).rejects.toBeInstanceOf(ListingDroppedError);
    expect(await cache.getMeta(A, 'sent')).toBeUndefined();
    expect(await cache.messageCount()).toBe(0);
  });

  it('forgets exactly what a mutation touched', async () => {
    const cache = cacheWith();
    await cache.putFolders(A, { version: 1, folders: [] });
    await cache.putPage(A, 'sent', { items: summaries(1, 3, 'sent'), nextCursor: null, version: 1 }, { firstPage: true });
    await cache.putPage(A, 'custom-1', { items: summaries(7, 8, 'custom-1'), nextCursor: null, version: 1 }, { firstPage: true });
    await cache.removeMessages(A, ['m2']);
    expect((await cache.readWindow(A, 'sent', 0, 10))?.items.map((m) => m.id)).toEqual(['m3', 'm1']);
    expect((await cache.readWindow(A, 'custom-1', 0, 10))?.items).toHaveLength(2);
    expect(await cache.getFolders(A)).toBeUndefined();
  });
});
