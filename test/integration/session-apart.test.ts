// The archive API apart from the webmail: the background signs in at the API's own origin, every caller of this
// browser session uses that one sign-in, and the webmail's sign-out ends it at the provider. Real provider over HTTP:
// the webmail is on `localhost`, the API on `127.0.0.1` (another host, another cookie), as behind a third-party webmail.
import { beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { ArchiveApiClient } from '@/utils/api/client';
import { ArchiveError } from '@/utils/api/errors';
import { ArchiveService } from '@/utils/background/archive-service';
import { memoryIdentityStore, type IdentityStore } from '@/utils/background/identity';
import { sessionScope } from '@/utils/background/session-scope';
import { ArchiveCache } from '@/utils/cache/archive-cache';
import { openCacheDb } from '@/utils/cache/open';
import { apiOriginFor, referenceApartProfile, type ProviderProfile } from '@/utils/providers/profile';
import type { ChangeEvent } from '@/utils/rpc/events';
import { browserFetch, signIn, type BrowserFetch } from '../support/session';

const MARIO = 'mario.rossi@example.it';
const PASSWORD = 'archivio-demo';
let profile: ProviderProfile;
let webmail: string;
let apiOrigin: string;

interface Browser {
  service: ArchiveService;
  cache: ArchiveCache;
  identities: IdentityStore;
  net: BrowserFetch;
  events: Omit<ChangeEvent, 'type'>[];
}

function serviceFor(net: BrowserFetch, cache: ArchiveCache, identities: IdentityStore, events: Omit<ChangeEvent, 'type'>[]) {
  return new ArchiveService({
    clientFor: (origin) =>
      new ArchiveApiClient({
        origin: apiOriginFor(profile, origin),
        apiPath: profile.apiPath,
        fetch: net.fetch,
        retry: { maxRetries: 0 },
        timeoutMs: 5_000,
      }),
    scope: sessionScope(profile),
    cache: async () => cache,
    identities,
    notify: (event) => events.push(event),
    revalidateBudgetMs: 2_000,
  });
}

async function browser(): Promise<Browser> {
  const net = browserFetch();
  const cache = new ArchiveCache(await openCacheDb(`apart-${Math.random()}`));
  const identities = memoryIdentityStore();
  const events: Omit<ChangeEvent, 'type'>[] = [];
  return { service: serviceFor(net, cache, identities, events), cache, identities, net, events };
}

/** What the provider says of a session cookie now. */
async function providerSays(cookie: string): Promise<number> {
  return (await fetch(new URL('/api/session', apiOrigin), { headers: { Cookie: `archivio_session=${cookie}` } })).status;
}

beforeAll(() => {
  const port = Number(new URL(inject('providerUrl')).port);
  profile = referenceApartProfile(port);
  webmail = profile.webmailOrigins[0]!;
  apiOrigin = profile.apiOrigin!;
});

let b: Browser;
beforeEach(async () => {
  b = await browser();
});

describe('the archive API apart from the webmail', () => {
  it('has no session while only the webmail is signed in, and says where to sign in, with the hint kept', async () => {
    // The user is signed in on the webmail's own host: that cookie is not the archive's.
    await signIn(`http://localhost:${new URL(apiOrigin).port}`, MARIO);
    const session = await b.service.session(webmail, MARIO);
    expect(session).toEqual({ origin: webmail, me: null, offline: false, signInAt: 'archive', accountHint: MARIO });
    expect(b.net.urls).toEqual([`GET ${apiOrigin}/api/archive/v1/me`]);
    await expect(b.service.folders(webmail)).rejects.toMatchObject({ kind: 'unauthenticated' });
  });

  it('refuses a wrong password without a session, then signs in once at the API origin for every caller', async () => {
    const wrong = await b.service.signIn(webmail, MARIO, 'sbagliata').catch((error: unknown) => error);
    expect(wrong).toBeInstanceOf(ArchiveError);
    expect((wrong as ArchiveError).kind).toBe('unauthenticated');
    expect(b.net.cookie('127.0.0.1')).toBeNull();
    expect((await b.service.session(webmail)).me).toBeNull();

    const signedIn = await b.service.signIn(webmail, MARIO, PASSWORD);
    expect(signedIn.me?.address).toBe(MARIO);
    expect(b.net.cookie('127.0.0.1')).not.toBeNull();
    expect(b.net.cookie('localhost')).toBeNull();
    expect(b.events).toContainEqual({ origin: webmail, account: MARIO, scope: 'session' });
    const folders = await b.service.folders(webmail);
    expect(folders.value.folders.length).toBeGreaterThan(0);
    // Every request went to the API origin, with the extension's Origin on the write (the provider's guard took it).
    expect(b.net.urls.every((url) => url.split(' ')[1]!.startsWith(`${apiOrigin}/`))).toBe(true);
    expect(b.net.urls).toContain(`POST ${apiOrigin}/api/session`);

    // Another tab, frame or popup of this browser session (a fresh worker, its identity store empty): no sign-in.
    const other = serviceFor(b.net, b.cache, memoryIdentityStore(), []);
    expect((await other.session(webmail)).me?.address).toBe(MARIO);
  });

  it('reports a locked sign-in with how long it lasts, after repeated wrong passwords', async () => {
    // An address of its own: the lock would stand in the way of the other tests for minutes.
    const address = 'nessuno.bloccato@example.it';
    for (let attempt = 0; attempt < 5; attempt++) {
      await expect(b.service.signIn(webmail, address, `sbagliata-${attempt}`)).rejects.toMatchObject({ kind: 'unauthenticated' });
    }
    const locked = (await b.service.signIn(webmail, address, PASSWORD).catch((error: unknown) => error)) as ArchiveError;
    expect(locked.kind).toBe('rate_limited');
    expect(locked.retryAfterSeconds).toBeGreaterThan(0);
    expect(locked.retryAfterSeconds).toBeLessThanOrEqual(300);
    expect(b.net.urls.filter((url) => url === `POST ${apiOrigin}/api/session`)).toHaveLength(6);
  });

  it("ends the archive's session with the webmail's: DELETE at the API origin, identity and cache gone", async () => {
    await b.service.signIn(webmail, MARIO, PASSWORD);
    await b.service.folders(webmail);
    await b.service.messages(webmail, 'inbox', 0, 20);
    expect(await b.cache.accounts()).toContain(MARIO);
    const cookie = b.net.cookie('127.0.0.1')!;
    expect(await providerSays(cookie)).toBe(200);

    await b.service.hostSignedOut(webmail);
    expect(b.net.urls.at(-1)).toBe(`DELETE ${apiOrigin}/api/session`);
    expect(await providerSays(cookie)).toBe(401);
    expect(await b.identities.get(apiOrigin)).toBeNull();
    expect([...(await b.cache.accounts())]).toEqual([]);
    expect(b.events).toContainEqual({ origin: webmail, account: null, scope: 'session' });
    expect((await b.service.session(webmail)).me).toBeNull();
  });

  it('with the provider out of reach at sign-out, forgets at once and ends the session as soon as it answers', async () => {
    await b.service.signIn(webmail, MARIO, PASSWORD);
    await b.service.folders(webmail);
    const cookie = b.net.cookie('127.0.0.1')!;
    b.net.offline = true;
    await b.service.hostSignedOut(webmail);
    expect([...(await b.cache.accounts())]).toEqual([]);
    expect(await b.identities.pendingSignOut(apiOrigin)).toBe(true);
    expect(await b.service.session(webmail)).toMatchObject({ me: null, offline: true });
    expect(await providerSays(cookie)).toBe(200);

    // Back online: the sign-out goes first, so the cookie left behind cannot sign the account in again.
    b.net.offline = false;
    expect((await b.service.session(webmail)).me).toBeNull();
    expect(await providerSays(cookie)).toBe(401);
    expect(await b.identities.pendingSignOut(apiOrigin)).toBe(false);
    const asked = b.net.urls.slice(-2);
    expect(asked).toEqual([`DELETE ${apiOrigin}/api/session`, `GET ${apiOrigin}/api/archive/v1/me`]);
  });

  it('does not let a /me answered across the sign-out sign the account in again', async () => {
    await b.service.signIn(webmail, MARIO, PASSWORD);
    // The provider answers this /me (200, the cookie is still good) but the answer is held until the sign-out is done.
    let release!: () => void;
    const held = new Promise<void>((done) => (release = done));
    const slowMe: BrowserFetch = {
      ...b.net,
      fetch: async (input, init) => {
        const response = await b.net.fetch(input, init);
        if (String(input).endsWith('/me')) await held;
        return response;
      },
    };
    const identities = memoryIdentityStore();
    const service = serviceFor(slowMe, b.cache, identities, []);
    const racing = service.session(webmail);
    await expect.poll(() => b.net.urls.includes(`GET ${apiOrigin}/api/archive/v1/me`)).toBe(true);
    await service.hostSignedOut(webmail);
    release();
    expect((await racing).me).toBeNull();
    expect(await identities.get(apiOrigin)).toBeNull();
  });

  it('lets a /me asked during a sign-out wait for it', async () => {
    await b.service.signIn(webmail, MARIO, PASSWORD);
    await b.identities.forget(apiOrigin);
    const signingOut = b.service.hostSignedOut(webmail);
    const asked = b.service.session(webmail);
    await signingOut;
    expect((await asked).me).toBeNull();
    const sessionCalls = b.net.urls.filter((url) => url.endsWith('/api/session') || url.endsWith('/me'));
    expect(sessionCalls.slice(-2)).toEqual([`DELETE ${apiOrigin}/api/session`, `GET ${apiOrigin}/api/archive/v1/me`]);
  });

  it('keeps the webmail-beside profiles as they were: no archive sign-in there', async () => {
    const beside = new ArchiveService({
      clientFor: (origin) => new ArchiveApiClient({ origin, apiPath: '/api/archive/v1', fetch: b.net.fetch, retry: { maxRetries: 0 } }),
      cache: async () => b.cache,
      identities: memoryIdentityStore(),
      notify: () => undefined,
    });
    await expect(beside.signIn(apiOrigin, MARIO, PASSWORD)).rejects.toMatchObject({ kind: 'forbidden' });
    expect(b.net.urls).toEqual([]);
  });
});
