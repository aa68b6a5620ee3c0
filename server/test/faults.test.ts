// Contract: test-mode faults (500/503/429+Retry-After, truncated JSON, stall, stalled body, latency, expired session), reset, and no test API outside test mode.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { archivePath, GIULIA, MARIO, POSTMASTER, startTestProvider, tempDataDir, type Client, type TestProvider } from './helpers';

let provider: TestProvider;
let mario: Client;
const FOLDERS = archivePath(MARIO, '/folders');

const addFault = async (spec: Record<string, unknown>) => {
  const reply = await provider.client().post('/api/test/faults', spec);
  expect(reply.status).toBe(200);
  return reply.body.id as string;
};

beforeAll(async () => {
  provider = await startTestProvider();
  mario = await provider.as(MARIO);
});
afterAll(async () => {
  await provider.close();
  expect(provider.errors).toEqual([]);
});

describe('injected errors', () => {
  it.each([
    [500, 'internal'],
    [503, 'unavailable'],
  ])('status %i answers a JSON error with code %s, once by default', async (status, code) => {
    await addFault({ path: '/archive/folders$', status });
    const failed = await mario.get(FOLDERS);
    expect(failed.status).toBe(status);
    expect(failed.body.error.code).toBe(code);
    expect((await mario.get(FOLDERS)).status).toBe(200);
  });

  it('429 carries Retry-After; `times` repeats it; `method` narrows it', async () => {
    await addFault({ path: 'archive/folders', method: 'GET', status: 429, retryAfter: 7, times: 2 });
    for (let i = 0; i < 2; i++) {
      const reply = await mario.get(FOLDERS);
      expect(reply.status).toBe(429);
      expect(reply.body.error.code).toBe('rate_limited');
      expect(reply.headers.get('retry-after')).toBe('7');
    }
    expect((await mario.get(FOLDERS)).status).toBe(200);
    await addFault({ path: 'archive/folders', method: 'POST', status: 500 });
    expect((await mario.get(FOLDERS)).status).toBe(200);
    await provider.client().del('/api/test/faults');
  });

  it('truncate sends half of the JSON body', async () => {
    const whole = await mario.get(FOLDERS);
    await addFault({ path: 'archive/folders', truncate: true });
    const cut = await mario.get(FOLDERS);
    expect(cut.status).toBe(200);
    expect(cut.body).toBeUndefined();
    expect(cut.text.length).toBe(Math.floor(Buffer.byteLength(whole.text) / 2));
    expect(whole.text.startsWith(cut.text)).toBe(true);
    expect(() => JSON.parse(cut.text)).toThrow();
  });

  it('stall never answers until the client gives up', async () => {
    await addFault({ path: 'archive/folders', stall: true });
    const signal = AbortSignal.timeout(300);
    await expect(fetch(provider.url + FOLDERS, { headers: { cookie: mario.cookie ?? '' }, signal })).rejects.toThrow();
    expect((await mario.get(FOLDERS)).status).toBe(200);
  });

  it('stallBody sends the status, the headers and half the body, then nothing more until the client gives up', async () => {
    const whole = await mario.get(FOLDERS);
    await addFault({ path: 'archive/folders', stallBody: true });
    const controller = new AbortController();
    const reply = await fetch(provider.url + FOLDERS, { headers: { cookie: mario.cookie ?? '' }, signal: controller.signal });
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-length')).toBe(String(Buffer.byteLength(whole.text)));
    const reader = reply.body!.getReader();
    let received = '';
    const decoder = new TextDecoder();
    const readAll = (async () => {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return 'ended';
        received += decoder.decode(value, { stream: true });
      }
    })().catch(() => 'aborted');
    await expect.poll(() => received.length).toBe(Math.floor(Buffer.byteLength(whole.text) / 2));
    // The rest never comes: only the client's giving up ends the read.
    controller.abort();
    expect(await readAll).toBe('aborted');
    expect(whole.text.startsWith(received)).toBe(true);
    expect((await mario.get(FOLDERS)).status).toBe(200);
  });

  it('latency delays the answer by at least latencyMs', async () => {
    await addFault({ path: 'archive/folders', latencyMs: 250 });
    const started = performance.now();
    const reply = await mario.get(FOLDERS);
    expect(performance.now() - started).toBeGreaterThanOrEqual(240);
    expect(reply.status).toBe(200);
  });

  it('expireSession expires the caller’s session: 401 session_expired from then on', async () => {
    const client = await provider.as(MARIO);
    await addFault({ path: 'archive/folders', expireSession: true });
    const reply = await client.get(FOLDERS);
    expect(reply.status).toBe(401);
    expect(reply.body.error.code).toBe('session_expired');
    expect((await client.get(archivePath(MARIO))).body.error.code).toBe('session_expired');
    expect((await client.get('/api/session')).body.error.code).toBe('session_expired');
    expect((await mario.get(FOLDERS)).status).toBe(200);
    await client.signIn(MARIO);
    expect((await client.get(FOLDERS)).status).toBe(200);
  });

  it('validates fault specs', async () => {
    for (const spec of [{ path: '(' }, { path: 'x', status: 200 }, { path: 'x', bogus: 1 }, { status: 500 }]) {
      expect((await provider.client().post('/api/test/faults', spec)).body.error.code).toBe('invalid_request');
    }
  });
});

describe('extra mailboxes', () => {
  it('creates a mailbox with any display name and an address the API can name, at a served domain, listed as given', async () => {
    const displayName = '<img src=x onerror="alert(1)"> "Mario" </td><script>x</script>';
    const address = 'x+%3cscript%3e.%22-_@example.it';
    const created = await provider.client().post('/api/test/accounts', { address, displayName, archive: true });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ address, enabled: true });
    const postmaster = await provider.as(POSTMASTER);
    const listed = (await postmaster.get('/api/archive/v1/mailboxes')).body.mailboxes as { address: string; displayName: string }[];
    expect(listed.find((mailbox) => mailbox.address === address)?.displayName).toBe(displayName);
    expect((await provider.as(address)).cookie).toBeTruthy();
    for (const refused of ['a b@example.it', '<x>@example.it', '"q"@example.it', "o'neil@example.it", 'a..b@example.it', 'x@elsewhere.example']) {
      const reply = await provider.client().post('/api/test/accounts', { address: refused, displayName: 'x' });
      expect(reply.status, refused).toBe(400);
    }
    expect((await provider.client().post('/api/test/accounts', { address, displayName: 'again' })).status).toBe(400);
  });
});

describe('reset', () => {
  it('re-creates the demo data from scratch', async () => {
    const postmaster = await provider.as(POSTMASTER);
    const before = (await postmaster.get(archivePath(GIULIA))).body;
    await postmaster.post(archivePath(GIULIA, '/disable'), { confirm: GIULIA });
    await postmaster.patch(archivePath(MARIO), { writable: true });
    const reply = await provider.client().post('/api/test/reset', {});
    expect(reply.body).toEqual({ reset: true });
    expect((await postmaster.get(archivePath(GIULIA))).status).toBe(401);
    const again = await provider.as(POSTMASTER);
    const giulia = (await again.get(archivePath(GIULIA))).body;
    expect(giulia).toMatchObject({ enabled: true, messageCount: before.messageCount, usedBytes: before.usedBytes });
    expect(giulia.version).toBeGreaterThan(before.version);
    expect((await again.get(archivePath(MARIO))).body.writable).toBe(false);
    const g = await provider.as(GIULIA);
    expect((await g.get(archivePath(GIULIA, `/changes?since=${before.version}`))).status).toBe(410);
  });
});

describe('outside test mode', () => {
  it('the test endpoints do not exist', async () => {
    const plain = await startTestProvider({ dataDir: tempDataDir(), testMode: false, seed: null });
    try {
      for (const [method, url] of [
        ['POST', '/api/test/faults'],
        ['POST', '/api/test/clock'],
        ['POST', '/api/test/purge'],
        ['POST', '/api/test/reset'],
        ['DELETE', '/api/test/faults'],
      ]) {
        const reply = await plain.client().request(method as string, url as string, { body: {} });
        expect(reply.status).toBe(404);
        expect(reply.body.error.code).toBe('not_found');
      }
      expect((await plain.client().get('/api/health')).body.testMode).toBe(false);
    } finally {
      await plain.close();
    }
  });
});
