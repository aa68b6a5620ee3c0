// Contract: a write from another origin never changes anything, with or without the session cookie; the webmail's
// own pages and browser extensions keep working. Raw HTTP so every header is exactly what a browser would send.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  archivePath,
  archiveStatus,
  GIULIA,
  listAll,
  LUCA,
  mailboxItems,
  POSTMASTER,
  startTestProvider,
  tempDataDir,
  type Client,
  type TestProvider,
} from './helpers';

const EVIL = 'https://evil.example.com';
const CHROME_EXTENSION = `chrome-extension://${'abcdefghijklmnop'.repeat(2)}`;
const FIREFOX_EXTENSION = 'moz-extension://3f2504e0-4f89-41d3-9a0c-0305e82c3301';

let provider: TestProvider;
let giulia: Client;
let postmaster: Client;

beforeAll(async () => {
  provider = await startTestProvider();
  giulia = await provider.as(GIULIA);
  postmaster = await provider.as(POSTMASTER);
});
afterAll(async () => {
  await provider.close();
  expect(provider.errors).toEqual([]);
});

interface RawReply {
  status: number;
  body: any;
  setCookie: string[];
}

/** One request with exactly these headers and this body (none when undefined): no header is added behind our back. */
function raw(method: string, path: string, headers: Record<string, string>, body?: string, base = provider.url): Promise<RawReply> {
  return new Promise((resolve, reject) => {
    const url = new URL(path, base);
    const req = http.request(url, {
      method,
      headers: body === undefined ? headers : { ...headers, 'content-length': String(Buffer.byteLength(body)) },
    });
    req.on('error', reject);
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let parsed: unknown = null;
        try {
          parsed = text ? JSON.parse(text) : null;
        } catch {
          parsed = text;
        }
        resolve({ status: res.statusCode ?? 0, body: parsed, setCookie: res.headers['set-cookie'] ?? [] });
      });
    });
    req.end(body);
  });
}

const cookieOf = (client: Client): string => client.cookie ?? '';

describe('the cross-site POST that used to work', () => {
  it('"empty Posta inviata" with the Lax cookie, no body, no Content-Type, from another origin: 403 and the folder keeps its mail', async () => {
    const before = await listAll(giulia, GIULIA, 'sent');
    expect(before.length).toBeGreaterThan(0);
    const reply = await raw('POST', archivePath(GIULIA, '/folders/sent/empty'), { cookie: cookieOf(giulia), origin: EVIL });
    expect(reply.status).toBe(403);
    expect(reply.body.error.code).toBe('origin_not_allowed');
    expect((await listAll(giulia, GIULIA, 'sent')).map((m) => m.id)).toEqual(before.map((m) => m.id));
  });

  it('enable and restore the same way: refused, nothing changes', async () => {
    expect((await archiveStatus(postmaster, LUCA)).enabled).toBe(false);
    const enable = await raw('POST', archivePath(LUCA, '/enable'), { cookie: cookieOf(postmaster), origin: EVIL });
    expect(enable.status).toBe(403);
    expect((await archiveStatus(postmaster, LUCA)).enabled).toBe(false);

    const [message] = await listAll(giulia, GIULIA, 'inbox');
    const inboxBefore = (await mailboxItems(giulia, 'inbox')).length;
    const restore = await raw('POST', archivePath(GIULIA, `/messages/${message.id}/restore`), { cookie: cookieOf(giulia), origin: EVIL });
    expect(restore.status).toBe(403);
    expect((await mailboxItems(giulia, 'inbox')).length).toBe(inboxBefore);
  });

  it('without any Origin (a client that hides it) the write is refused too', async () => {
    const before = await listAll(giulia, GIULIA, 'sent');
    const reply = await raw(
      'POST',
      archivePath(GIULIA, '/folders/sent/empty'),
      { cookie: cookieOf(giulia), 'content-type': 'application/json' },
      '{}',
    );
    expect(reply.status).toBe(403);
    expect(reply.body.error.code).toBe('origin_not_allowed');
    expect((await listAll(giulia, GIULIA, 'sent')).length).toBe(before.length);
  });
});

describe('bodies: JSON, always', () => {
  const own = () => ({ cookie: cookieOf(giulia), origin: provider.url });

  it('from the webmail origin itself, a bodiless write is 415 and an empty JSON body is 400; nothing is emptied', async () => {
    const before = (await listAll(giulia, GIULIA, 'sent')).length;
    const bare = await raw('POST', archivePath(GIULIA, '/folders/sent/empty'), own());
    expect(bare.status).toBe(415);
    expect(bare.body.error.code).toBe('unsupported_media_type');
    const empty = await raw('POST', archivePath(GIULIA, '/folders/sent/empty'), { ...own(), 'content-type': 'application/json' }, '');
    expect(empty.status).toBe(400);
    expect(empty.body.error.code).toBe('invalid_request');
    expect((await listAll(giulia, GIULIA, 'sent')).length).toBe(before);
  });

  it('text/plain, form and multipart bodies are 415 even from the webmail origin', async () => {
    const before = (await listAll(giulia, GIULIA, 'sent')).length;
    for (const [type, body] of [
      ['text/plain;charset=UTF-8', '{}'],
      ['application/x-www-form-urlencoded', 'a=1'],
      ['multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x--\r\n'],
    ] as const) {
      const reply = await raw('POST', archivePath(GIULIA, '/folders/sent/empty'), { ...own(), 'content-type': type }, body);
      expect(reply.status, type).toBe(415);
      expect(reply.body.error.code, type).toBe('unsupported_media_type');
    }
    expect((await listAll(giulia, GIULIA, 'sent')).length).toBe(before);
  });

  it('a DELETE needs its {} body too', async () => {
    const [message] = await listAll(giulia, GIULIA, 'sent');
    const bare = await raw('DELETE', archivePath(GIULIA, `/messages/${message.id}`), own());
    expect(bare.status).toBe(415);
    expect((await giulia.get(archivePath(GIULIA, `/messages/${message.id}`))).status).toBe(200);
  });
});

describe('origins', () => {
  it('a foreign or look-alike Origin is refused even with a proper JSON body', async () => {
    const before = (await listAll(giulia, GIULIA, 'sent')).length;
    const port = new URL(provider.url).port;
    for (const origin of [
      EVIL,
      'null',
      `http://127.0.0.1:${Number(port) + 1}`,
      `https://127.0.0.1:${port}`,
      'chrome-extension://evil',
      `chrome-extension://${'q'.repeat(32)}`,
      'moz-extension://not-a-uuid',
      `${provider.url}.evil.example.com`,
    ]) {
      const reply = await raw(
        'POST',
        archivePath(GIULIA, '/folders/sent/empty'),
        { cookie: cookieOf(giulia), origin, 'content-type': 'application/json' },
        '{}',
      );
      expect(reply.status, origin).toBe(403);
      expect(reply.body.error.code, origin).toBe('origin_not_allowed');
    }
    expect((await listAll(giulia, GIULIA, 'sent')).length).toBe(before);
  });

  it('the webmail origin (127.0.0.1 and localhost) and extension origins are accepted', async () => {
    const localhost = provider.url.replace('127.0.0.1', 'localhost');
    const messages = await listAll(giulia, GIULIA, 'inbox');
    for (const [i, origin] of [provider.url, localhost, CHROME_EXTENSION, FIREFOX_EXTENSION].entries()) {
      const message = messages[i];
      const reply = await raw(
        'POST',
        archivePath(GIULIA, `/messages/${message.id}/restore`),
        { cookie: cookieOf(giulia), origin, 'content-type': 'application/json' },
        '{}',
      );
      expect(reply.status, origin).toBe(200);
      expect(reply.body.restored, origin).toBe(true);
    }
    const folder = await raw(
      'POST',
      archivePath(GIULIA, '/folders'),
      { cookie: cookieOf(giulia), origin: CHROME_EXTENSION, 'content-type': 'application/json; charset=utf-8' },
      JSON.stringify({ name: 'Dall’estensione' }),
    );
    expect(folder.status).toBe(201);
  });

  it('sign-in from another origin is refused (no login CSRF), from the webmail it works', async () => {
    const body = JSON.stringify({ address: GIULIA, password: 'archivio-demo' });
    const foreign = await raw('POST', '/api/session', { origin: EVIL, 'content-type': 'application/json' }, body);
    expect(foreign.status).toBe(403);
    expect(foreign.setCookie).toEqual([]);
    const own = await raw('POST', '/api/session', { origin: provider.url, 'content-type': 'application/json' }, body);
    expect(own.status).toBe(200);
    expect(own.setCookie[0]).not.toMatch(/Secure/);
  });
});

describe('a provider behind https', () => {
  it('accepts writes from its public origin and marks the session cookie Secure', async () => {
    const publicOrigin = 'https://webmail.example.it';
    const behindTls = await startTestProvider({ dataDir: tempDataDir(), publicOrigin, seed: 'demo' });
    try {
      const body = JSON.stringify({ address: GIULIA, password: 'archivio-demo' });
      const signIn = await raw('POST', '/api/session', { origin: publicOrigin, 'content-type': 'application/json' }, body, behindTls.url);
      expect(signIn.status).toBe(200);
      expect(signIn.setCookie[0]).toMatch(/; Secure/);
      expect(signIn.setCookie[0]).toMatch(/HttpOnly; SameSite=Lax/);
      const cookie = (signIn.setCookie[0] ?? '').split(';')[0] ?? '';
      const signOut = await raw('DELETE', '/api/session', { cookie, origin: publicOrigin, 'content-type': 'application/json' }, '{}', behindTls.url);
      expect(signOut.status).toBe(204);
      expect(signOut.setCookie[0]).toMatch(/; Secure.*Max-Age=0/);
      const foreign = await raw(
        'POST',
        '/api/session',
        { origin: 'http://webmail.example.it', 'content-type': 'application/json' },
        body,
        behindTls.url,
      );
      expect(foreign.status).toBe(403);
    } finally {
      await behindTls.close();
    }
  });
});

describe('what a framing page or a copied data folder gets', () => {
  it('the webmail cannot be framed, and downloads of mail are sandboxed', async () => {
    const page = await giulia.get('/');
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    const [message] = await listAll(giulia, GIULIA, 'inbox');
    const rawMail = await giulia.get(archivePath(GIULIA, `/messages/${message.id}/raw`));
    expect(rawMail.status).toBe(200);
    expect(rawMail.headers.get('content-security-policy')).toBe("sandbox; default-src 'none'");
    expect(rawMail.headers.get('content-disposition')).toMatch(/^attachment;/);
  });

  it('the database holds neither the session token nor the password in clear', async () => {
    const token = (giulia.cookie ?? '').split('=')[1] ?? '';
    expect(token.length).toBeGreaterThan(20);
    const stored = ['provider.sqlite', 'provider.sqlite-wal']
      .map((name) => path.join(provider.dataDir, name))
      .filter((file) => fs.existsSync(file))
      .map((file) => fs.readFileSync(file));
    expect(stored.length).toBeGreaterThan(0);
    for (const bytes of stored) {
      expect(bytes.includes(Buffer.from(token))).toBe(false);
      expect(bytes.includes(Buffer.from('archivio-demo'))).toBe(false);
    }
  });
});
