// Contract: malformed JSON, wrong types, unknown ids, oversized bodies, path tricks, foreign mailboxes: stable JSON errors, no change.
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API, archivePath, GIULIA, listAll, LUCA, MARIO, POSTMASTER, startTestProvider, type Client, type TestProvider } from './helpers';

let provider: TestProvider;
let mario: Client;
let giulia: Client;
let postmaster: Client;
let before: Record<string, any>;

async function state() {
  return {
    mario: (await postmaster.get(archivePath(MARIO))).body,
    giulia: (await postmaster.get(archivePath(GIULIA))).body,
    luca: (await postmaster.get(archivePath(LUCA))).body,
  };
}

/** Sends the path exactly as written (fetch would normalise dot segments away). */
function rawGet(path: string, cookie: string | null): Promise<{ status: number; body: any }> {
  const url = new URL(provider.url);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: url.hostname, port: url.port, path, headers: cookie ? { cookie } : {} }, (res) => {
      let text = '';
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  provider = await startTestProvider();
  mario = await provider.as(MARIO);
  giulia = await provider.as(GIULIA);
  postmaster = await provider.as(POSTMASTER);
  before = await state();
});
afterAll(async () => {
  expect(await state()).toEqual(before);
  await provider.close();
  expect(provider.errors).toEqual([]);
});

describe('malformed bodies', () => {
  it('malformed JSON is invalid_request', async () => {
    for (const rawBody of ['{"writable":', '{writable: true}', 'nul', '\u0000']) {
      const reply = await postmaster.request('PATCH', archivePath(GIULIA), { rawBody, headers: { 'content-type': 'application/json' } });
      expect(reply.status).toBe(400);
      expect(reply.body.error.code).toBe('invalid_request');
    }
  });

  it('wrong types are invalid_request', async () => {
    for (const body of [{ address: 1, password: 'x' }, { address: MARIO }, [MARIO, 'archivio-demo'], 'x']) {
      const reply = await provider.client().post('/api/session', body);
      expect(reply.status).toBe(400);
      expect(reply.body.error.code).toBe('invalid_request');
    }
    const id = (await listAll(giulia, GIULIA, 'sent'))[0].id;
    for (const body of [{ folderId: ['sent'] }, {}, { folderId: 'sent', extra: 1 }, { folderId: '../inbox' }]) {
      expect((await giulia.post(archivePath(GIULIA, `/messages/${id}/move`), body)).body.error.code).toBe('invalid_request');
    }
    expect((await giulia.post(archivePath(GIULIA, `/messages/${id}/restore`), { now: true })).body.error.code).toBe('invalid_request');
    expect((await postmaster.post(archivePath(LUCA, '/enable'), { force: true })).body.error.code).toBe('invalid_request');
  });

  it('bodies over 1 MiB are payload_too_large, with or without Content-Length', async () => {
    const big = JSON.stringify({ name: 'x'.repeat(1024 * 1024 + 10) });
    const sized = await giulia.request('POST', archivePath(GIULIA, '/folders'), { rawBody: big, headers: { 'content-type': 'application/json' } });
    expect(sized.status).toBe(413);
    expect(sized.body.error.code).toBe('payload_too_large');

    const chunks = [Buffer.from('{"name":"'), Buffer.alloc(1024 * 1024, 'y'), Buffer.from('"}')];
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const chunk of chunks) controller.enqueue(chunk);
        controller.close();
      },
    });
    const res = await fetch(provider.url + archivePath(GIULIA, '/folders'), {
      method: 'POST',
      body: stream,
      headers: { 'content-type': 'application/json', cookie: giulia.cookie ?? '', origin: provider.url },
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
    expect(((await res.json()) as any).error.code).toBe('payload_too_large');
  });
});

describe('ids and paths', () => {
  it('unknown but well-formed ids are not_found', async () => {
    const unknown = 'ZZZZZZZZZZZZZZZZZZZZZZ';
    for (const reply of [
      await giulia.get(archivePath(GIULIA, `/messages/${unknown}`)),
      await giulia.get(archivePath(GIULIA, `/messages/${unknown}/raw`)),
      await giulia.get(archivePath(GIULIA, `/messages/${unknown}/attachments/0`)),
      await giulia.post(archivePath(GIULIA, `/messages/${unknown}/restore`), {}),
      await giulia.post(archivePath(GIULIA, `/messages/${unknown}/move`), { folderId: 'sent' }),
      await giulia.del(archivePath(GIULIA, `/messages/${unknown}`)),
      await giulia.get(`/api/mail/messages/${unknown}`),
      await giulia.get(`${API}/nothing-here`),
    ]) {
      expect(reply.status).toBe(404);
      expect(reply.body.error.code).toBe('not_found');
    }
  });

  it('path tricks in ids, addresses and indexes are invalid_request and never reach the disk', async () => {
    for (const trick of ['..%2F..%2Fprovider.sqlite', '..%252F..', 'a%00b', 'x'.repeat(65), 'abc%2Fdef', 'caf%C3%A9']) {
      const reply = await giulia.get(archivePath(GIULIA, `/messages/${trick}/raw`));
      expect(reply.status, trick).toBe(400);
      expect(reply.body.error.code).toBe('invalid_request');
    }
    for (const index of ['-1', '1e3', '99999', '0x1']) {
      const id = (await listAll(giulia, GIULIA, 'sent'))[0].id;
      expect((await giulia.get(archivePath(GIULIA, `/messages/${id}/attachments/${index}`))).body.error.code).toBe('invalid_request');
    }
    for (const address of ['..%2F..%2Fetc', 'giulia.verdi%40example.it%2F..', '%E0%A4%A']) {
      const reply = await giulia.get(`${API}/mailboxes/${address}/archive`);
      expect(reply.status).toBe(400);
      expect(reply.body.error.code).toBe('invalid_request');
    }
    expect((await giulia.get(`${API}/mailboxes/giulia.verdi%40example.it/archive`)).status).toBe(200);
    // Sent byte for byte (fetch would resolve these dot segments before sending).
    const encodedDots = await rawGet(`${archivePath(GIULIA)}/messages/%2e%2e/raw`, giulia.cookie);
    expect(encodedDots).toMatchObject({ status: 400, body: { error: { code: 'invalid_request' } } });
    for (const path of [
      `${archivePath(GIULIA)}/messages/../../../../../etc/passwd`,
      `${archivePath(GIULIA)}/messages/../folders`,
      `/api/archive/v1/mailboxes/${GIULIA}/archive/./folders`,
    ]) {
      const reply = await rawGet(path, giulia.cookie);
      expect([400, 404]).toContain(reply.status);
      expect(['invalid_request', 'not_found']).toContain(reply.body.error.code);
    }
  });
});

describe('access to other mailboxes', () => {
  it('a user cannot read, search, export, restore or follow changes of another mailbox’s archive', async () => {
    const id = (await listAll(giulia, GIULIA, 'inbox'))[0].id;
    for (const reply of [
      await mario.get(archivePath(GIULIA, '/folders')),
      await mario.get(archivePath(GIULIA, '/folders/inbox/messages')),
      await mario.get(archivePath(GIULIA, `/messages/${id}`)),
      await mario.get(archivePath(GIULIA, `/messages/${id}/raw`)),
      await mario.get(archivePath(GIULIA, `/messages/${id}/attachments/0`)),
      await mario.get(archivePath(GIULIA, '/search?q=a')),
      await mario.get(archivePath(GIULIA, '/changes?since=0')),
      await mario.get(archivePath(GIULIA, '/expiring')),
      await mario.get(archivePath(GIULIA, '/folders/inbox/export')),
      await mario.get(archivePath(GIULIA)),
      await mario.post(archivePath(GIULIA, `/messages/${id}/restore`), {}),
      await mario.post(archivePath(GIULIA, `/messages/${id}/move`), { folderId: 'sent' }),
      await mario.del(archivePath(GIULIA, `/messages/${id}`)),
      await mario.post(archivePath(GIULIA, '/folders/inbox/empty'), {}),
      await mario.get(archivePath('stranger@other.example', '/folders')),
    ]) {
      expect(reply.status).toBe(403);
      expect(reply.body.error.code).toBe('forbidden');
    }
    // The same id asked for in one's own archive simply does not exist there.
    expect((await mario.get(archivePath(MARIO, `/messages/${id}`))).status).toBe(404);
  });

  it('a user cannot change settings; the admin API is postmaster only', async () => {
    for (const reply of [
      await giulia.patch(archivePath(GIULIA), { retentionMonths: 6 }),
      await giulia.patch(archivePath(MARIO), { writable: true }),
      await giulia.post(archivePath(LUCA, '/enable'), {}),
      await giulia.post(archivePath(GIULIA, '/disable'), { confirm: GIULIA }),
      await giulia.get('/api/admin/mailboxes'),
      await giulia.get(`${API}/mailboxes`),
    ]) {
      expect(reply.status).toBe(403);
      expect(reply.body.error.code).toBe('forbidden');
    }
    const admin = await postmaster.get('/api/admin/mailboxes');
    const marioRow = (admin.body.mailboxes as any[]).find((m) => m.address === MARIO);
    expect(marioRow).toMatchObject({ aliases: ['info@example.it'], forwards: ['vendite@example.it'] });
    expect(marioRow.usedBytes).toBeGreaterThan(0);
  });
});
