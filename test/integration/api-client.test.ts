// The API client against the reference provider over real HTTP: replies validated, errors mapped, retries for reads only.
import { afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { ArchiveApiClient } from '@/utils/api/client';
import { ArchiveError } from '@/utils/api/errors';
import { signIn, testControl, type SessionFetch } from '../support/session';

const MARIO = 'mario.rossi@example.it';
const GIULIA = 'giulia.verdi@example.it';
let baseUrl: string;
let mario: SessionFetch;

function clientFor(session: SessionFetch | null, options: Partial<ConstructorParameters<typeof ArchiveApiClient>[0]> = {}) {
  return new ArchiveApiClient({
    origin: baseUrl,
    apiPath: '/api/archive/v1',
    fetch: session?.fetch ?? fetch,
    retry: { baseDelayMs: 20, maxDelayMs: 100 },
    ...options,
  });
}

async function failure(promise: Promise<unknown>): Promise<ArchiveError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ArchiveError);
  return error as ArchiveError;
}

beforeAll(async () => {
  baseUrl = inject('providerUrl');
  mario = await signIn(baseUrl, MARIO);
});

afterEach(async () => {
  await testControl(baseUrl, 'faults', {}, 'DELETE');
});

describe('archive API client — replies', () => {
  it('knows who is signed in and reads the archive status', async () => {
    const client = clientFor(mario);
    expect(await client.me()).toMatchObject({ address: MARIO, role: 'user' });
    const status = await client.status(MARIO);
    expect(status).toMatchObject({
      address: MARIO,
      enabled: true,
      writable: false,
      imapAccess: false,
      retentionMonths: 24,
      plan: 'base',
      quotaBytes: 1024 ** 3,
      archiveAddress: 'mario.rossi_example.it@archivio.postassl.it',
      imap: { host: 'imaps.archivio.postassl.it', port: 993, security: 'ssl' },
      smtp: { host: 'smtps.archivio.postassl.it', port: 465, security: 'ssl' },
    });
    expect(status.usedBytes).toBeGreaterThan(0);
  });

  it('lists month folders and pages a listing newest first without gaps or repeats', async () => {
    const client = clientFor(mario);
    const { folders } = await client.folders(MARIO);
    const month = folders.filter((folder) => folder.kind === 'inbox-month').sort((a, b) => b.messageCount - a.messageCount)[0]!;
    expect(month.id).toBe(`inbox-${month.month}`);
    const seen: string[] = [];
    let cursor: string | null = null;
    const dates: string[] = [];
    do {
      const page = await client.messages(MARIO, month.id, { limit: 3, cursor });
      seen.push(...page.items.map((item) => item.id));
      dates.push(...page.items.map((item) => item.date));
      cursor = page.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toHaveLength(month.messageCount);
    expect([...dates].sort().reverse()).toEqual(dates);
  });

  it('reads a message and reports changes since a version', async () => {
    const client = clientFor(mario);
    const { version } = await client.folders(MARIO);
    const first = (await client.messages(MARIO, 'sent', { limit: 1 })).items[0]!;
    const detail = await client.message(MARIO, first.id);
    expect(detail.id).toBe(first.id);
    expect(detail.headers.length).toBeGreaterThan(0);
    const delta = await client.changes(MARIO, version);
    expect(delta.version).toBeGreaterThanOrEqual(version);
  });
});

describe('archive API client — errors', () => {
  it('maps a missing session, a foreign mailbox and read-only mode to distinct kinds', async () => {
    expect((await failure(clientFor(null).status(MARIO))).kind).toBe('unauthenticated');
    expect((await failure(clientFor(mario).folders(GIULIA))).kind).toBe('forbidden');
    const someId = (await clientFor(mario).messages(MARIO, 'sent', { limit: 1 })).items[0]!.id;
    const readOnly = await failure(clientFor(mario).remove(MARIO, someId));
    expect(readOnly.kind).toBe('read_only');
    expect(readOnly.messageKey).toBe('error_read_only');
  });

  it('retries a read after a 503 and succeeds', async () => {
    await testControl(baseUrl, 'faults', { path: '/archive$', method: 'GET', status: 503, times: 2 });
    const status = await clientFor(mario).status(MARIO);
    expect(status.address).toBe(MARIO);
  });

  it('gives up on reads after its retry budget with a server error', async () => {
    await testControl(baseUrl, 'faults', { path: '/archive$', method: 'GET', status: 500, times: 10 });
    const error = await failure(clientFor(mario, { retry: { maxRetries: 2, baseDelayMs: 10, maxDelayMs: 20 } }).status(MARIO));
    expect(error).toMatchObject({ kind: 'server', status: 500 });
  });

  it('respects Retry-After on 429', async () => {
    await testControl(baseUrl, 'faults', { path: '/folders$', method: 'GET', status: 429, retryAfter: 1, times: 1 });
    const waits: number[] = [];
    const client = clientFor(mario, { sleep: async (ms) => void waits.push(ms) });
    await client.folders(MARIO);
    expect(waits).toEqual([1000]);
  });

  it('never retries a write', async () => {
    const someId = (await clientFor(mario).messages(MARIO, 'sent', { limit: 1 })).items[0]!.id;
    await testControl(baseUrl, 'faults', { path: '/restore$', method: 'POST', status: 503, times: 1 });
    const error = await failure(clientFor(mario).restore(MARIO, someId));
    expect(error.kind).toBe('server');
    // The fault was used up by the single attempt: the next call goes through.
    expect(await clientFor(mario).restore(MARIO, someId)).toMatchObject({ restored: true });
  });

  it('rejects a truncated reply as invalid', async () => {
    await testControl(baseUrl, 'faults', { path: '/folders$', method: 'GET', truncate: true, times: 1 });
    expect((await failure(clientFor(mario).folders(MARIO))).kind).toBe('invalid_reply');
  });

  it('times out a stalled reply', async () => {
    await testControl(baseUrl, 'faults', { path: '/folders$', method: 'GET', stall: true, times: 5 });
    const error = await failure(clientFor(mario, { timeoutMs: 300, retry: { maxRetries: 0 } }).folders(MARIO));
    expect(error.kind).toBe('timeout');
  });

  it.each([
    ['never answers', { stall: true }],
    ['sends the headers and half the body, then stalls', { stallBody: true }],
  ])('reports a read whose reply %s as a timeout after one timeout, retries included', async (_, stall) => {
    await testControl(baseUrl, 'faults', { path: '/folders$', method: 'GET', ...stall, times: 5 });
    const error = await failure(clientFor(mario, { timeoutMs: 600 }).folders(MARIO));
    expect(error.kind).toBe('timeout');
    // The first attempt used the whole budget: no retry was sent, so four of the five stalls are left.
    let left = 0;
    for (let probe = 0; probe < 5; probe++) {
      const stalled = await clientFor(mario, { timeoutMs: 300, retry: { maxRetries: 0 } })
        .folders(MARIO)
        .then(
          () => false,
          (caught: ArchiveError) => caught.kind === 'timeout',
        );
      if (!stalled) break;
      left++;
    }
    expect(left).toBe(4);
  });

  it('reports an unreachable provider as a network error', async () => {
    const client = new ArchiveApiClient({ origin: 'http://127.0.0.1:9', apiPath: '/api/archive/v1', retry: { maxRetries: 0 } });
    expect((await failure(client.me())).kind).toBe('network');
  });

  it('reports an expired session as unauthenticated', async () => {
    const session = await signIn(baseUrl, MARIO);
    await testControl(baseUrl, 'faults', { path: '/me$', method: 'GET', expireSession: true, times: 1 });
    expect((await failure(clientFor(session).me())).kind).toBe('unauthenticated');
    expect((await failure(clientFor(session).status(MARIO))).kind).toBe('unauthenticated');
  });
});
