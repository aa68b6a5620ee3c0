// messages.filter in the background: the instant filter reads the IndexedDB cache only, newest first, per account.
import { beforeEach, describe, expect, it } from 'vitest';
import { ArchiveService } from '@/utils/background/archive-service';
import { memoryIdentityStore } from '@/utils/background/identity';
import { ArchiveCache } from '@/utils/cache/archive-cache';
import { openCacheDb } from '@/utils/cache/open';
import type { ArchiveApiClient } from '@/utils/api/client';
import { summary } from './fixtures';

const ORIGIN = 'http://127.0.0.1:8787';
const MARIO = 'mario.rossi@example.it';
const GIULIA = 'giulia.verdi@example.it';
let cache: ArchiveCache;
let service: ArchiveService;
let providerCalls = 0;

beforeEach(async () => {
  cache = new ArchiveCache(await openCacheDb(`filter-${Math.random()}`));
  const identities = memoryIdentityStore();
  await identities.set(ORIGIN, { address: MARIO, domain: 'example.it', role: 'user', displayName: 'Mario Rossi' });
  providerCalls = 0;
  const client = new Proxy(
    {},
    {
      get: () => () => {
        providerCalls++;
        throw new Error('the instant filter must not call the provider');
      },
    },
  );
  service = new ArchiveService({ clientFor: () => client as ArchiveApiClient, cache: async () => cache, identities, notify: () => undefined });
  const november = Array.from({ length: 40 }, (_, i) => summary(i, { folderId: 'inbox-2026-11' }));
  const sent = [summary(100, { folderId: 'sent', subject: 'Preventivo cantiere', to: [{ name: 'Giulia Verdi', address: GIULIA }] })];
  await cache.putPage(MARIO, 'inbox', { items: november, nextCursor: null, version: 1 }, { firstPage: true });
  await cache.putPage(MARIO, 'sent', { items: sent, nextCursor: null, version: 1 }, { firstPage: true });
  await cache.putPage(
    GIULIA,
    'sent',
    { items: [summary(7, { id: 'giulia7', folderId: 'sent' })], nextCursor: null, version: 1 },
    { firstPage: true },
  );
});

describe('local filter over cached summaries', () => {
  it('finds by subject, sender and recipient across folders, newest first, only in the signed-in account', async () => {
    expect((await service.filter(ORIGIN, { text: 'numero 27' })).map((m) => m.id)).toEqual(['m000027']);
    expect((await service.filter(ORIGIN, { text: 'mittente3' })).map((m) => m.id)).toEqual([
      'm000003',
      'm000030',
      'm000031',
      'm000032',
      'm000033',
      'm000034',
      'm000035',
      'm000036',
      'm000037',
      'm000038',
      'm000039',
    ]);
    expect((await service.filter(ORIGIN, { text: 'giulia' })).map((m) => m.id)).toEqual(['m000100']);
    expect((await service.filter(ORIGIN, { text: 'messaggio' })).every((m) => m.id !== 'giulia7')).toBe(true);
    expect(providerCalls).toBe(0);
  });

  it('narrows to a folder, attachments and a date range, and caps the answer at the newest `limit`', async () => {
    expect(await service.filter(ORIGIN, { text: 'messaggio', folderId: 'sent' })).toEqual([]);
    const withAttachments = await service.filter(ORIGIN, { text: '', hasAttachment: true, folderId: 'inbox' });
    expect(withAttachments.map((m) => m.id)).toEqual(['m000000', 'm000005', 'm000010', 'm000015', 'm000020', 'm000025', 'm000030', 'm000035']);
    const capped = await service.filter(ORIGIN, { text: 'messaggio', limit: 3 });
    expect(capped.map((m) => m.id)).toEqual(['m000000', 'm000001', 'm000002']);
    const day = summary(30).date.slice(0, 10);
    const dated = await service.filter(ORIGIN, { text: '', after: day, before: day.replace(/\d\d$/, (d) => String(Number(d) + 1).padStart(2, '0')) });
    expect(dated.length).toBeGreaterThan(0);
    expect(dated.every((m) => m.date.startsWith(day))).toBe(true);
    expect(await service.filter(ORIGIN, { text: '   ' })).toEqual([]);
  });
});
