// An unchanged warm reopen asks the provider one thing: `changes?since=`. Its version says whether the cached folder
// list and a recent own status are still current; when it cannot, they are asked for with the validator of the cached
// copy (If-None-Match) and a 304 keeps that copy. A change brings the new ones.
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { ArchiveApiClient } from '@/utils/api/client';
import { ArchiveService } from '@/utils/background/archive-service';
import { memoryIdentityStore } from '@/utils/background/identity';
import { ArchiveCache } from '@/utils/cache/archive-cache';
import { openCacheDb } from '@/utils/cache/open';
import { signIn, testControl, type SessionFetch } from '../support/session';

const MARIO = 'mario.rossi@example.it';
const GIULIA = 'giulia.verdi@example.it';
let baseUrl: string;

interface Exchange {
  path: string;
  ifNoneMatch: string | null;
  status: number;
}

/** The service over real HTTP, with every exchange recorded as the provider saw it. */
async function recordedService(session: SessionFetch, freshForMs = 0) {
  const clock = { now: Date.now() };
  const exchanges: Exchange[] = [];
  const recording: typeof fetch = async (input, init) => {
    const response = await session.fetch(input, init);
    const url = new URL(String(input));
    exchanges.push({ path: url.pathname + url.search, ifNoneMatch: new Headers(init?.headers).get('If-None-Match'), status: response.status });
    return response;
  };
  const cache = new ArchiveCache(await openCacheDb(`conditional-${Math.random()}`), undefined, () => clock.now);
  const service = new ArchiveService({
    clientFor: (origin) => new ArchiveApiClient({ origin, apiPath: '/api/archive/v1', fetch: recording, retry: { maxRetries: 0 } }),
    cache: async () => cache,
    identities: memoryIdentityStore(),
    notify: () => undefined,
    // Waits for the provider when it answers in time, so each call below is one finished exchange.
    revalidateBudgetMs: 5_000,
    freshForMs,
    now: () => clock.now,
  });
  return { service, cache, exchanges, clock };
}

/** Resolves once no exchange happened for half a second. */
async function quiet(exchanges: Exchange[]): Promise<void> {
  for (let seen = -1; seen !== exchanges.length;) {
    seen = exchanges.length;
    await new Promise((done) => setTimeout(done, 500));
  }
}

beforeAll(() => {
  baseUrl = inject('providerUrl');
});

describe('conditional refreshes', () => {
  it('ask only changes?since= when nothing changed, for the folder list, the status and a cached listing together', async () => {
    const { service, exchanges } = await recordedService(await signIn(baseUrl, MARIO));
    const folders = await service.folders(baseUrl);
    const status = await service.status(baseUrl);
    await service.messages(baseUrl, 'sent', 0, 20);
    await expect.poll(async () => (await service.messages(baseUrl, 'sent', 0, 20)).freshness.source).toBe('cache');
    // The sign-in's warm-up and the archive fill run behind the answers: let them finish.
    await quiet(exchanges);
    exchanges.length = 0;

    // As the archive page asks on a warm reopen: all at once, accepting settings a minute old (it asks every minute).
    const [foldersAgain, statusAgain] = await Promise.all([
      service.folders(baseUrl),
      service.status(baseUrl, undefined, 60_000),
      service.messages(baseUrl, 'sent', 0, 20),
    ]);
    await new Promise((done) => setTimeout(done, 200));
    expect(foldersAgain.value).toEqual(folders.value);
    expect(statusAgain.value).toEqual(status.value);
    expect(exchanges.map((exchange) => exchange.path.replace(/^.*\/archive/, ''))).toEqual([`/changes?since=${folders.value.version}`]);
  });

  it('keep the cached status on a 304 when the caller does not take it on the version alone, or it is too old', async () => {
    const { service, cache, exchanges, clock } = await recordedService(await signIn(baseUrl, MARIO));
    const status = await service.status(baseUrl);
    const held = await cache.getStatus(MARIO, MARIO);
    expect(held?.etag).toMatch(/^".+"$/);
    exchanges.length = 0;
    clock.now += 61_000;

    const again = await service.status(baseUrl, undefined, 60_000);
    expect(again.value).toEqual(status.value);
    const statusReads = exchanges.filter((exchange) => exchange.path.endsWith('/archive'));
    expect(statusReads).toEqual([{ path: expect.any(String), ifNoneMatch: held!.etag, status: 304 }]);
    expect((await cache.getStatus(MARIO, MARIO))?.fetchedAt).toBe(clock.now);

    // The popup states no tolerance: a settings change made elsewhere (here the quota) shows at once.
    exchanges.length = 0;
    await testControl(baseUrl, `mailboxes/${MARIO}/quota`, { quotaBytes: 5 * 1024 ** 3 });
    try {
      expect((await service.status(baseUrl)).value.quotaBytes).toBe(5 * 1024 ** 3);
      expect(exchanges.filter((exchange) => exchange.path.endsWith('/archive')).map((exchange) => exchange.status)).toEqual([200]);
    } finally {
      await testControl(baseUrl, `mailboxes/${MARIO}/quota`, { quotaBytes: null });
    }
  });

  it('bring the new folder list and status once the archive changed', async () => {
    const { service, exchanges } = await recordedService(await signIn(baseUrl, MARIO));
    const before = await service.folders(baseUrl);
    const statusBefore = await service.status(baseUrl);
    const giulia = await signIn(baseUrl, GIULIA);
    const sent = await giulia.fetch(new URL('/api/mail/send', baseUrl), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ to: [MARIO], subject: `Etag ${Date.now()}`, text: 'Cambia la versione.' }),
    });
    expect(sent.ok).toBe(true);
    await expect.poll(async () => (await service.folders(baseUrl)).value.version).toBeGreaterThan(before.value.version);
    expect((await service.status(baseUrl)).value.messageCount).toBe(statusBefore.value.messageCount + 1);
    expect(exchanges.some((exchange) => exchange.path.endsWith('/folders') && exchange.ifNoneMatch !== null && exchange.status === 200)).toBe(true);
  });

  it('do not ask who is signed in again within a minute of the provider saying so, by /me or an owner-only read', async () => {
    const { service, exchanges, clock } = await recordedService(await signIn(baseUrl, MARIO));
    const asksForMe = () => exchanges.filter((exchange) => exchange.path.endsWith('/me')).length;
    await service.session(baseUrl);
    await service.session(baseUrl);
    await service.session(baseUrl);
    expect(asksForMe()).toBe(1);
    clock.now += 61_000;
    await service.session(baseUrl);
    await expect.poll(asksForMe).toBe(2);
    // A listing's changes?since= (owner only) confirms the session as well as /me does.
    await service.messages(baseUrl, 'sent', 0, 10);
    await expect.poll(async () => (await service.messages(baseUrl, 'sent', 0, 10)).freshness.source).toBe('cache');
    clock.now += 61_000;
    await service.messages(baseUrl, 'sent', 0, 10);
    await expect.poll(() => exchanges.some((exchange) => exchange.path.includes('/changes?since='))).toBe(true);
    await new Promise((done) => setTimeout(done, 200));
    await service.session(baseUrl);
    await new Promise((done) => setTimeout(done, 200));
    expect(asksForMe()).toBe(2);
    // The webmail page asking (it loaded, or moved: someone may have signed in as another user) is always checked.
    await service.session(baseUrl, undefined, { fromWebmailPage: true });
    await expect.poll(asksForMe).toBe(3);
  });
});
