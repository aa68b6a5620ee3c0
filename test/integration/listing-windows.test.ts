// Windows of a listing against the reference provider over HTTP: cached windows never wait for the network, any
// other window is one request away by position (API 1.2 offset), however deep.
import { afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { ArchiveApiClient } from '@/utils/api/client';
import { ArchiveService } from '@/utils/background/archive-service';
import { memoryIdentityStore } from '@/utils/background/identity';
import { ArchiveCache } from '@/utils/cache/archive-cache';
import { openCacheDb } from '@/utils/cache/open';
import { signIn, testControl, type SessionFetch } from '../support/session';

const GIULIA = 'giulia.verdi@example.it';
const MONTH = 'inbox-2019-05';
const COUNT = 1_500;
let baseUrl: string;
let session: SessionFetch;

async function harness(freshForMs = 0) {
  const cache = new ArchiveCache(await openCacheDb(`windows-${Math.random()}`));
  const requests: string[] = [];
  const service = new ArchiveService({
    clientFor: (origin) =>
      new ArchiveApiClient({
        origin,
        apiPath: '/api/archive/v1',
        fetch: (input, init) => {
          requests.push(String(input));
          return session.fetch(input, init);
        },
        retry: { maxRetries: 0 },
        timeoutMs: 20_000,
      }),
    cache: async () => cache,
    identities: memoryIdentityStore(),
    notify: () => undefined,
    freshForMs,
  });
  return { service, cache, requests };
}

async function providerIds(): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const query: string = cursor ? `&cursor=${cursor}` : '';
    const reply = await session.fetch(new URL(`/api/archive/v1/mailboxes/${GIULIA}/archive/folders/${MONTH}/messages?limit=200${query}`, baseUrl));
    const page = (await reply.json()) as { items: { id: string }[]; nextCursor: string | null };
    ids.push(...page.items.map((item) => item.id));
    cursor = page.nextCursor;
  } while (cursor);
  return ids;
}

beforeAll(async () => {
  baseUrl = inject('providerUrl');
  session = await signIn(baseUrl, GIULIA);
  await testControl(baseUrl, `mailboxes/${GIULIA}/bulk`, { count: COUNT, month: '2019-05' });
});

afterEach(async () => {
  await testControl(baseUrl, 'faults', {}, 'DELETE');
});

describe('listing windows', () => {
  it('answers the end of a large listing with one request by position, rows as paging from the top gives them', async () => {
    const { service, requests } = await harness();
    await service.session(baseUrl);
    await service.folders(baseUrl);
    const all = await providerIds();
    expect(all).toHaveLength(COUNT);
    requests.length = 0;
    const end = await service.messages(baseUrl, MONTH, COUNT - 100, 100);
    expect(end.value.items.map((item) => item.id)).toEqual(all.slice(COUNT - 100));
    expect(end.value.total).toBe(COUNT);
    expect(requests.filter((url) => url.includes('/messages'))).toHaveLength(1);
    expect(requests[0]).toContain(`offset=${COUNT - 100}`);
  });

  it('answers identity, status, folders and a cached window from storage while the provider does not answer', async () => {
    const { service, cache } = await harness();
    await service.session(baseUrl);
    await service.status(baseUrl);
    await service.folders(baseUrl);
    await service.messages(baseUrl, MONTH, 0, 100);
    await expect.poll(async () => (await cache.readWindow(GIULIA, MONTH, 0, 100))?.covered).toBe(true);

    // Every provider call now hangs: a first paint that waited for one would never come.
    await testControl(baseUrl, 'faults', { path: '.*', stall: true, times: 50 });
    expect((await service.session(baseUrl)).me?.address).toBe(GIULIA);
    expect((await service.status(baseUrl)).freshness.source).toBe('cache');
    expect((await service.folders(baseUrl)).freshness.source).toBe('cache');
    const window = await service.messages(baseUrl, MONTH, 0, 100);
    expect(window.freshness.source).toBe('cache');
    expect(window.value.items).toHaveLength(100);
    expect(window.value.total).toBe(COUNT);
  });

  it('does not ask again for a status or folder list it has just fetched', async () => {
    const { service, requests } = await harness(60_000);
    await service.session(baseUrl);
    await service.status(baseUrl);
    await service.folders(baseUrl);
    await new Promise((done) => setTimeout(done, 200));
    requests.length = 0;
    expect((await service.status(baseUrl)).freshness).toMatchObject({ source: 'cache' });
    expect((await service.folders(baseUrl)).freshness).toMatchObject({ source: 'cache' });
    expect(requests).toEqual([]);
  });
});
