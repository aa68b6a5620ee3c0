// The instant filter's in-memory copy of an account's summaries follows pages as they are stored: paging a listing
// in merges them, a restarted listing drops the copy (its old rows are gone), and no keystroke re-reads IndexedDB.
import { describe, expect, it } from 'vitest';
import { ArchiveCache } from '@/utils/cache/archive-cache';
import { openCacheDb } from '@/utils/cache/open';
import { summary } from '../archive/fixtures';

const MARIO = 'mario.rossi@example.it';
/** A filter every summary matches. */
const all = { text: '' };

describe('summaries kept in memory for the instant filter', () => {
  it('merges a later page into the copy without reading the account again', async () => {
    const db = await openCacheDb(`summaries-${Math.random()}`);
    const cache = new ArchiveCache(db);
    // Counts the batched reads of an account's summaries (the call the filter's index is built from).
    let reads = 0;
    const readAll = db.getAll.bind(db);
    db.getAll = ((...args: Parameters<typeof readAll>) => {
      if (args[0] === 'messages') reads++;
      return readAll(...args);
    }) as typeof db.getAll;
    const first = Array.from({ length: 30 }, (_, i) => summary(1 + i, { folderId: 'inbox-2026-11' }));
    const second = Array.from({ length: 30 }, (_, i) => summary(31 + i, { folderId: 'inbox-2026-11' }));
    await cache.putPage(MARIO, 'inbox-2026-11', { items: first, nextCursor: 'c1', version: 1 }, { firstPage: true });
    expect(await cache.filterMessages(MARIO, all, 500)).toHaveLength(30);
    await cache.putPage(MARIO, 'inbox-2026-11', { items: second, nextCursor: null, version: 1 }, { firstPage: false });
    const found = await cache.filterMessages(MARIO, all, 500);
    expect(found.map((item) => item.id)).toEqual([...first, ...second].map((item) => item.id));
    expect(reads).toBe(1);
  });

  it('drops the copy when a listing restarts, so rows that left are not found', async () => {
    const cache = new ArchiveCache(await openCacheDb(`summaries-${Math.random()}`));
    const old = [summary(1, { folderId: 'sent', subject: 'Vecchio' })];
    await cache.putPage(MARIO, 'sent', { items: old, nextCursor: null, version: 1 }, { firstPage: true });
    expect(await cache.filterMessages(MARIO, all, 500)).toHaveLength(1);
    const fresh = [summary(2, { folderId: 'sent', subject: 'Nuovo' })];
    await cache.putPage(MARIO, 'sent', { items: fresh, nextCursor: null, version: 2 }, { firstPage: true });
    expect((await cache.filterMessages(MARIO, all, 500)).map((item) => item.subject)).toEqual(['Nuovo']);
  });
});

describe("the instant filter's index", () => {
  it('finds by folded subject, sender and recipient, newest first, each message once, in the folder asked for', async () => {
    const cache = new ArchiveCache(await openCacheDb(`summaries-${Math.random()}`));
    const older = summary(1, { folderId: 'inbox-2026-10', subject: 'Fattura di ottobre', date: '2026-10-05T08:00:00.000Z' });
    const newer = summary(2, { folderId: 'inbox-2026-11', subject: 'Perché la FATTURA', date: '2026-11-05T08:00:00.000Z' });
    const other = summary(3, { folderId: 'sent', subject: 'Riunione', date: '2026-11-06T08:00:00.000Z' });
    await cache.putPage(MARIO, 'inbox-2026-10', { items: [older], nextCursor: null, version: 1 }, { firstPage: true });
    await cache.putPage(MARIO, 'inbox-2026-11', { items: [newer], nextCursor: null, version: 1 }, { firstPage: true });
    // The same message cached again under the aggregate listing is found once.
    await cache.putPage(MARIO, 'inbox', { items: [newer, older], nextCursor: null, version: 1 }, { firstPage: true });
    await cache.putPage(MARIO, 'sent', { items: [other], nextCursor: null, version: 1 }, { firstPage: true });
    expect((await cache.filterMessages(MARIO, { text: 'fattura' }, 10)).map((item) => item.id)).toEqual([newer.id, older.id]);
    expect((await cache.filterMessages(MARIO, { text: 'perche' }, 10)).map((item) => item.subject)).toEqual(['Perché la FATTURA']);
    expect((await cache.filterMessages(MARIO, { text: 'fattura', folderId: 'inbox-2026-10' }, 10)).map((item) => item.id)).toEqual([older.id]);
    expect((await cache.filterMessages(MARIO, { text: 'fattura', folderId: 'inbox' }, 10)).map((item) => item.id)).toEqual([newer.id, older.id]);
    expect(await cache.filterMessages(MARIO, { text: 'fattura' }, 1)).toEqual([newer]);
    expect(await cache.filterMessages(MARIO, { text: 'nulla' }, 10)).toEqual([]);
  });

  it('keeps its index through an empty change set and drops it when rows leave', async () => {
    const cache = new ArchiveCache(await openCacheDb(`summaries-${Math.random()}`));
    const kept = summary(1, { folderId: 'sent', subject: 'Resta' });
    await cache.putPage(MARIO, 'sent', { items: [kept], nextCursor: null, version: 1 }, { firstPage: true });
    expect(await cache.filterMessages(MARIO, all, 10)).toHaveLength(1);
    await cache.applyChanges(MARIO, { version: 1, foldersChanged: false, changes: [] });
    expect(await cache.filterMessages(MARIO, all, 10)).toHaveLength(1);
    await cache.applyChanges(MARIO, { version: 2, foldersChanged: false, changes: [{ folderId: 'sent', added: [], removed: [kept.id] }] });
    expect(await cache.filterMessages(MARIO, all, 10)).toEqual([]);
  });
});
