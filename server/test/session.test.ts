// Contract: health, webmail sign-in/out, cookie attributes, /me, CSRF guard (415), never any CORS header.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIGN_IN_LIMITS, SignInThrottle } from '../services/sign-in-throttle';
import { API, archivePath, GIULIA, LUCA, MARIO, PASSWORD, POSTMASTER, startTestProvider, type TestProvider } from './helpers';

let provider: TestProvider;

beforeAll(async () => {
  provider = await startTestProvider();
});
afterAll(async () => {
  await provider.close();
  expect(provider.errors).toEqual([]);
});

describe('health', () => {
  it('answers without a session', async () => {
    const reply = await provider.client().get('/api/health');
    expect(reply.status).toBe(200);
    expect(reply.body.status).toBe('ok');
    expect(reply.body.testMode).toBe(true);
  });
});

describe('session', () => {
  it('signs in with the demo password and sets an HttpOnly, SameSite=Lax cookie', async () => {
    const client = provider.client();
    const reply = await client.post('/api/session', { address: 'Mario.Rossi@Example.it', password: 'archivio-demo' });
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ address: MARIO, domain: 'example.it', role: 'user', displayName: 'Mario Rossi' });
    const cookie = reply.headers.getSetCookie()[0] ?? '';
    expect(cookie).toMatch(/^archivio_session=[A-Za-z0-9_-]+;/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Path=\//);
    expect((await client.get('/api/session')).body.address).toBe(MARIO);
    expect((await client.get(`${API}/me`)).body).toEqual(reply.body);
  });

  it('reports the postmaster role', async () => {
    const client = await provider.as(POSTMASTER);
    expect((await client.get(`${API}/me`)).body.role).toBe('postmaster');
  });

  it('refuses a wrong password and an unknown account alike', async () => {
    for (const body of [
      { address: MARIO, password: 'wrong' },
      { address: 'nobody@example.it', password: 'archivio-demo' },
    ]) {
      const reply = await provider.client().post('/api/session', body);
      expect(reply.status).toBe(401);
      expect(reply.body.error.code).toBe('unauthenticated');
      expect(reply.headers.getSetCookie()).toEqual([]);
    }
  });

  it('locks an address after repeated wrong passwords, even for the right one, and says for how long', async () => {
    for (let attempt = 0; attempt < SIGN_IN_LIMITS.failures; attempt++) {
      expect((await provider.client().post('/api/session', { address: LUCA, password: `wrong-${attempt}` })).status).toBe(401);
    }
    const locked = await provider.client().post('/api/session', { address: 'Luca.Neri@Example.it', password: PASSWORD });
    expect(locked.status).toBe(429);
    expect(locked.body.error.code).toBe('rate_limited');
    expect(locked.headers.getSetCookie()).toEqual([]);
    const retryAfter = Number(locked.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(SIGN_IN_LIMITS.lockMs / 1000);
    // Other addresses are not affected.
    expect((await provider.client().post('/api/session', { address: MARIO, password: PASSWORD })).status).toBe(200);
  });

  it('signs out: the cookie is cleared and the old token no longer works', async () => {
    const client = await provider.as(GIULIA);
    const token = client.cookie;
    const out = await client.del('/api/session');
    expect(out.status).toBe(204);
    expect(out.headers.getSetCookie()[0]).toMatch(/Max-Age=0/);
    const stale = provider.client();
    stale.cookie = token;
    const reply = await stale.get(archivePath(GIULIA));
    expect(reply.status).toBe(401);
    expect(reply.body.error.code).toBe('unauthenticated');
  });

  it('requires a session for the archive API', async () => {
    const reply = await provider.client().get(archivePath(MARIO, '/folders'));
    expect(reply.status).toBe(401);
    expect(reply.body.error.code).toBe('unauthenticated');
  });
});

describe('cross-site protection', () => {
  it('refuses a form-encoded or typeless body with 415 and changes nothing', async () => {
    const postmaster = await provider.as(POSTMASTER);
    const form = await postmaster.request('POST', archivePath(MARIO, '/disable'), {
      rawBody: `confirm=${MARIO}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(form.status).toBe(415);
    expect(form.body.error.code).toBe('unsupported_media_type');
    const plain = await postmaster.request('POST', archivePath(MARIO, '/disable'), {
      rawBody: JSON.stringify({ confirm: MARIO }),
      headers: { 'content-type': 'text/plain' },
    });
    expect(plain.status).toBe(415);
    expect((await postmaster.get(archivePath(MARIO))).body.enabled).toBe(true);
  });

  it('never sends CORS headers, not even to a preflight from another origin', async () => {
    const client = await provider.as(MARIO);
    const headers = { origin: 'https://evil.example.com', 'access-control-request-method': 'POST' };
    for (const reply of [
      await client.request('OPTIONS', archivePath(MARIO, '/folders'), { headers }),
      await client.get(archivePath(MARIO, '/folders'), { origin: 'https://evil.example.com' }),
      await client.get('/api/health', { origin: 'https://evil.example.com' }),
      await client.get('/'),
    ]) {
      const names = [...reply.headers.keys()].filter((name) => name.startsWith('access-control-'));
      expect(names).toEqual([]);
    }
  });
});

describe('sign-in throttle', () => {
  it('counts failures in a window, locks, unlocks after the lock, and forgets on success', () => {
    let now = 0;
    const throttle = new SignInThrottle({ failures: 3, windowMs: 1_000, lockMs: 10_000 }, () => now);
    throttle.failed('a');
    throttle.failed('a');
    now = 1_500; // the window passed: counting starts over
    throttle.failed('a');
    throttle.failed('a');
    expect(throttle.lockedFor('a')).toBe(0);
    throttle.failed('a');
    expect(throttle.lockedFor('a')).toBe(10);
    expect(throttle.lockedFor('b')).toBe(0);
    now = 11_499;
    expect(throttle.lockedFor('a')).toBe(1);
    now = 11_500;
    expect(throttle.lockedFor('a')).toBe(0);
    throttle.failed('a');
    throttle.succeeded('a');
    throttle.failed('a');
    throttle.failed('a');
    expect(throttle.lockedFor('a')).toBe(0);
  });
});
