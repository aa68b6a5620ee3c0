// The background's service (client + IndexedDB cache) against the reference provider over real HTTP.
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { ArchiveApiClient } from '@/utils/api/client';
import { ArchiveError } from '@/utils/api/errors';
import type { ArchiveStatus } from '@/utils/api/schemas';
import { ArchiveService } from '@/utils/background/archive-service';
import type { ChangeEvent } from '@/utils/rpc/events';
import { memoryIdentityStore } from '@/utils/background/identity';
import { ArchiveCache } from '@/utils/cache/archive-cache';
import { openCacheDb } from '@/utils/cache/open';
import { removeDataDir, startProvider, type RunningProvider } from '../support/provider';
import { signIn, testControl, type SessionFetch } from '../support/session';

const MARIO = 'mario.rossi@example.it';
const GIULIA = 'giulia.verdi@example.it';
let baseUrl: string;

interface Harness {
  service: ArchiveService;
  cache: ArchiveCache;
  events: Omit<ChangeEvent, 'type'>[];
  /** Every status the service reported as the signed-in user's own (what the toolbar badge follows). */
  ownStatuses: ArchiveStatus[];
}

async function harness(origin: string, session: SessionFetch, budgetMs = 2_000): Promise<Harness> {
  const cache = new ArchiveCache(await openCacheDb(`service-${Math.random()}`));
  const events: Omit<ChangeEvent, 'type'>[] = [];
  const ownStatuses: ArchiveStatus[] = [];
  const service = new ArchiveService({
    clientFor: (o) =>
      new ArchiveApiClient({ origin: o, apiPath: '/api/archive/v1', fetch: session.fetch, retry: { maxRetries: 0 }, timeoutMs: 3_000 }),
    cache: async () => cache,
    identities: memoryIdentityStore(),
    notify: (event) => events.push(event),
    revalidateBudgetMs: budgetMs,
    onOwnStatus: (status) => ownStatuses.push(status),
  });
  return { service, cache, events, ownStatuses };
}

beforeAll(() => {
  baseUrl = inject('providerUrl');
});

/** A message from Giulia to `to`, through the demo webmail: the archive's version moves. */
async function deliverTo(to: string, subject: string): Promise<void> {
  const giulia = await signIn(baseUrl, GIULIA);
  const sent = await giulia.fetch(new URL('/api/mail/send', baseUrl), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ to: [to], subject: `${subject} ${Date.now()}`, text: 'Un messaggio per la prova.' }),
  });
  expect(sent.ok).toBe(true);
}

afterEach(async () => {
  await testControl(baseUrl, 'faults', {}, 'DELETE');
});

describe('archive service', () => {
  it('caches folders, then answers from the cache when the provider is slow', async () => {
    const { service, cache } = await harness(baseUrl, await signIn(baseUrl, MARIO), 150);
    const first = await service.folders(baseUrl);
    expect(first.freshness).toMatchObject({ source: 'network', offline: false });
    expect((await cache.getFolders(MARIO))?.folders).toEqual(first.value.folders);

    // The folder list is revalidated through the archive's version (changes) and, when that cannot tell, itself.
    await testControl(baseUrl, 'faults', { path: '/(folders|changes)$', method: 'GET', latencyMs: 1_500, times: 2 });
    const started = Date.now();
    const second = await service.folders(baseUrl);
    expect(second.freshness).toMatchObject({ source: 'cache', stale: true, offline: false });
    expect(second.value.folders).toEqual(first.value.folders);
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it('keeps the cache intact when replies are malformed or failing, and says why', async () => {
    const { service, cache } = await harness(baseUrl, await signIn(baseUrl, MARIO));
    await service.folders(baseUrl);
    const before = await cache.getFolders(MARIO);

    // A full reply (the archive changed since the cached copy), cut in half on its way.
    await deliverTo(MARIO, 'Tronca la risposta');
    await testControl(baseUrl, 'faults', { path: '/(folders|changes)$', method: 'GET', truncate: true, times: 2 });
    const truncated = await service.folders(baseUrl);
    expect(truncated.freshness).toMatchObject({ source: 'cache', stale: true, error: { kind: 'invalid_reply' } });

    await testControl(baseUrl, 'faults', { path: '/(folders|changes)$', method: 'GET', status: 500, times: 2 });
    const failing = await service.folders(baseUrl);
    expect(failing.freshness).toMatchObject({ source: 'cache', error: { kind: 'server' } });
    expect(await cache.getFolders(MARIO)).toEqual(before);
  });

  it('pages a listing into the cache and marks it complete only at its end', async () => {
    const { service, cache } = await harness(baseUrl, await signIn(baseUrl, MARIO));
    const folders = (await service.folders(baseUrl)).value.folders;
    const sent = folders.find((folder) => folder.id === 'sent')!;
    const window = await service.messages(baseUrl, 'sent', 0, 5);
    expect(window.value.items).toHaveLength(Math.min(5, sent.messageCount));
    // The listing is paged into the cache behind the answer.
    await expect.poll(async () => (await cache.getMeta(MARIO, 'sent'))?.complete).toBe(sent.messageCount <= 200);
    const tail = await service.messages(baseUrl, 'sent', Math.max(0, sent.messageCount - 2), 10);
    expect(tail.value.complete).toBe(true);
    expect(tail.value.total).toBe(sent.messageCount);
    expect((await cache.getMeta(MARIO, 'sent'))?.complete).toBe(true);
  });

  it('brings a cached listing up to date through changes and tells the views', async () => {
    const marioSession = await signIn(baseUrl, MARIO);
    const { service, events } = await harness(baseUrl, marioSession);
    await service.messages(baseUrl, 'inbox', 0, 20);
    const giulia = await signIn(baseUrl, GIULIA);
    const subject = `Aggiornamento ${Date.now()}`;
    const sent = await giulia.fetch(new URL('/api/mail/send', baseUrl), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ to: [MARIO], subject, text: 'Nuovo messaggio per la prova della cache.' }),
    });
    expect(sent.ok).toBe(true);
    await expect.poll(async () => (await service.messages(baseUrl, 'inbox', 0, 20)).value.items.map((m) => m.subject)).toContain(subject);
    expect(events.some((event) => event.scope === 'listing')).toBe(true);
  });

  it('pages the whole archive into the cache behind the first listing opened, each folder whole', async () => {
    const { service, cache } = await harness(baseUrl, await signIn(baseUrl, MARIO));
    const folders = (await service.folders(baseUrl)).value.folders;
    const concrete = folders.filter((folder) => folder.kind !== 'inbox' && folder.messageCount > 0);
    expect(concrete.length).toBeGreaterThan(1);
    await service.messages(baseUrl, concrete[0]!.id, 0, 20);
    for (const folder of concrete) {
      await expect.poll(async () => (await cache.getMeta(MARIO, folder.id))?.complete, { timeout: 20_000 }).toBe(true);
      expect(await cache.countRows(MARIO, folder.id), folder.id).toBe(folder.messageCount);
    }
    // The aggregate "inbox" is not stored a second time.
    expect(await cache.getMeta(MARIO, 'inbox')).toBeUndefined();
    expect(await cache.messageCount()).toBe(concrete.reduce((sum, folder) => sum + folder.messageCount, 0));
  });

  it('invalidates exactly what a delete touched (write mode)', async () => {
    const { service, cache } = await harness(baseUrl, await signIn(baseUrl, GIULIA));
    await service.folders(baseUrl);
    const listing = await service.messages(baseUrl, 'sent', 0, 11);
    const victim = listing.value.items[0]!;
    await service.remove(baseUrl, victim.id, 'sent');
    const after = await cache.readWindow(GIULIA, 'sent', 0, 10);
    expect(after?.items.map((m) => m.id)).not.toContain(victim.id);
    expect(after?.items.map((m) => m.id)).toEqual(listing.value.items.slice(1).map((m) => m.id));
    expect(await cache.getFolders(GIULIA)).toBeUndefined();
  });

  it("reports the user's own status, fresh or cached, and never another mailbox's", async () => {
    const { service, ownStatuses } = await harness(baseUrl, await signIn(baseUrl, 'postmaster@example.it'));
    await service.status(baseUrl, MARIO);
    const own = await service.status(baseUrl);
    // The sign-in visit also warms the status in the background: let it settle before counting.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(new Set(ownStatuses.map((status) => status.address))).toEqual(new Set(['postmaster@example.it']));
    const reported = ownStatuses.length;
    await testControl(baseUrl, 'faults', { path: '/archive$', method: 'GET', status: 503, times: 1 });
    const cached = await service.status(baseUrl);
    expect(cached.freshness.source).toBe('cache');
    expect(ownStatuses).toHaveLength(reported + 1);
    expect(ownStatuses.at(-1)).toEqual(own.value);
  });

  it('forgets the account and its cache when the session is gone', async () => {
    const session = await signIn(baseUrl, MARIO);
    const { service, cache } = await harness(baseUrl, session);
    await service.folders(baseUrl);
    // A recent own status is revalidated through the archive's version (changes) first.
    await testControl(baseUrl, 'faults', { path: '/archive(/changes)?$', method: 'GET', expireSession: true, times: 1 });
    const error = await service.status(baseUrl).then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(ArchiveError);
    expect((error as ArchiveError).kind).toBe('unauthenticated');
    expect(await cache.getFolders(MARIO)).toBeUndefined();
    expect((await service.session(baseUrl)).me).toBeNull();
  });
});

describe('archive service offline', () => {
  let provider: RunningProvider;
  afterAll(async () => {
    await provider?.stop();
    if (provider) removeDataDir(provider.dataDir);
  });

  it('answers from the cache, marked offline, once the provider is stopped', async () => {
    provider = await startProvider({ seed: true, testMode: false });
    const { service } = await harness(provider.url, await signIn(provider.url, MARIO));
    const online = await service.folders(provider.url);
    await provider.stop();
    const offline = await service.folders(provider.url);
    expect(offline.freshness).toMatchObject({ source: 'cache', offline: true, stale: true, error: { kind: 'network' } });
    expect(offline.value).toEqual(online.value);
    expect((await service.session(provider.url)).offline).toBe(true);
  });
});
