// One account's cached listings never outlive its session: another account signing in on the same webmail (after a
// browser restart, or with the cookie changed under a stored identity) sees none of them. Real provider over HTTP.
import { afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { ArchiveApiClient } from '@/utils/api/client';
import { ArchiveService } from '@/utils/background/archive-service';
import { memoryIdentityStore, type IdentityStore } from '@/utils/background/identity';
import { ArchiveCache } from '@/utils/cache/archive-cache';
import { openCacheDb } from '@/utils/cache/open';
import { signIn, testControl, type SessionFetch } from '../support/session';

const MARIO = 'mario.rossi@example.it';
const GIULIA = 'giulia.verdi@example.it';
let baseUrl: string;

/** The browser's cookie jar for the webmail: whoever signed in last. */
interface Jar {
  session: SessionFetch;
}

function serviceFor(cache: ArchiveCache, identities: IdentityStore, jar: Jar, budgetMs = 150): ArchiveService {
  return new ArchiveService({
    clientFor: (origin) =>
      new ArchiveApiClient({
        origin,
        apiPath: '/api/archive/v1',
        fetch: (input, init) => jar.session.fetch(input, init),
        retry: { maxRetries: 0 },
        timeoutMs: 5_000,
      }),
    cache: async () => cache,
    identities,
    notify: () => undefined,
    revalidateBudgetMs: budgetMs,
  });
}

async function cachedSubjects(service: ArchiveService): Promise<string[]> {
  const found = await service.filter(baseUrl, { text: 'e', limit: 500 }).catch(() => []);
  return found.map((summary) => summary.subject);
}

/** Mario's archive opened and browsed: his folders and the newest rows of his inbox are in the cache. */
async function marioBrowsed(cache: ArchiveCache, identities: IdentityStore, jar: Jar) {
  const service = serviceFor(cache, identities, jar);
  expect((await service.session(baseUrl)).me?.address).toBe(MARIO);
  await service.folders(baseUrl);
  const window = await service.messages(baseUrl, 'inbox', 0, 20);
  expect(window.value.items.length).toBeGreaterThan(0);
  expect(await cache.accounts()).toContain(MARIO);
  return service;
}

beforeAll(() => {
  baseUrl = inject('providerUrl');
});

afterEach(async () => {
  await testControl(baseUrl, 'faults', {}, 'DELETE');
});

describe('cached listings and the account signed in', () => {
  it('drops the previous account after a browser restart once another account is confirmed', async () => {
    const cache = new ArchiveCache(await openCacheDb(`switch-${Math.random()}`));
    const jar: Jar = { session: await signIn(baseUrl, MARIO) };
    await marioBrowsed(cache, memoryIdentityStore(), jar);

    // The browser restarts: session storage is empty, IndexedDB is not. Giulia signs in on the webmail.
    jar.session = await signIn(baseUrl, GIULIA);
    const afterRestart = serviceFor(cache, memoryIdentityStore(), jar);
    expect((await afterRestart.session(baseUrl)).me?.address).toBe(GIULIA);

    expect(await cache.accounts()).not.toContain(MARIO);
    expect(await cache.getFolders(MARIO)).toBeUndefined();
    expect(await cache.readWindow(MARIO, 'inbox', 0, 10)).toBeNull();
  });

  it('re-checks the session on a 403 and drops the old account, even when the provider answers after the cache', async () => {
    const cache = new ArchiveCache(await openCacheDb(`switch-${Math.random()}`));
    const identities = memoryIdentityStore();
    const jar: Jar = { session: await signIn(baseUrl, MARIO) };
    const service = await marioBrowsed(cache, identities, jar);
    expect((await cachedSubjects(service)).length).toBeGreaterThan(0);

    // Giulia signs in on the webmail; the stored identity still says Mario. The provider is slow.
    jar.session = await signIn(baseUrl, GIULIA);
    await testControl(baseUrl, 'faults', { path: '/folders$', method: 'GET', latencyMs: 600, times: 1 });
    await service.folders(baseUrl).catch(() => undefined);

    await expect.poll(async () => (await identities.get(baseUrl))?.address, { timeout: 5_000 }).toBe(GIULIA);
    expect(await cache.getFolders(MARIO)).toBeUndefined();
    expect(await cache.accounts()).not.toContain(MARIO);
    expect(await cachedSubjects(service)).toEqual([]);
  });

  it('re-checks the session on a 403 from a listing and answers nothing of the old account', async () => {
    const cache = new ArchiveCache(await openCacheDb(`switch-${Math.random()}`));
    const identities = memoryIdentityStore();
    const jar: Jar = { session: await signIn(baseUrl, MARIO) };
    const service = await marioBrowsed(cache, identities, jar);

    jar.session = await signIn(baseUrl, GIULIA);
    // A window that is not cached yet goes to the provider, which refuses Mario's archive to Giulia.
    await expect(service.messages(baseUrl, 'sent', 0, 10)).rejects.toMatchObject({ kind: 'forbidden' });
    expect((await identities.get(baseUrl))?.address).toBe(GIULIA);
    expect(await cache.readWindow(MARIO, 'inbox', 0, 10)).toBeNull();
    expect(await cachedSubjects(service)).toEqual([]);
  });
});
