// Contract: the test-mode bulk insert (§7) — real files, index rows, change log and quota, consistent everywhere after it.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseForIndex } from '../mail/parse';
import { syntheticMessage } from '../mail/synthetic';
import { archivePath, archiveStatus, GIULIA, listAll, LUCA, MARIO, startTestProvider, tempDataDir, type Client, type TestProvider } from './helpers';

let provider: TestProvider;
let giulia: Client;

const bulk = (address: string, body: unknown) => provider.client().post(`/api/test/mailboxes/${address}/bulk`, body);
const folderOf = async (client: Client, address: string, id: string) =>
  ((await client.get(archivePath(address, '/folders'))).body.folders as any[]).find((folder) => folder.id === id);
const filesIn = (dir: string) => {
  const cur = path.join(provider.dataDir, dir, 'cur');
  return fs.existsSync(cur) ? fs.readdirSync(cur).length : 0;
};

beforeAll(async () => {
  provider = await startTestProvider();
  giulia = await provider.as(GIULIA);
});
afterAll(async () => {
  await provider.close();
  expect(provider.errors).toEqual([]);
});

describe('bulk insert', () => {
  it('does not exist outside test mode', async () => {
    const plain = await startTestProvider({ dataDir: tempDataDir(), testMode: false });
    try {
      const giuliaThere = await plain.as(GIULIA);
      const before = await archiveStatus(giuliaThere, GIULIA);
      const reply = await plain.client().post(`/api/test/mailboxes/${GIULIA}/bulk`, { count: 10 });
      expect(reply.status).toBe(404);
      expect(reply.body.error.code).toBe('not_found');
      const after = await archiveStatus(giuliaThere, GIULIA);
      expect([after.messageCount, after.version]).toEqual([before.messageCount, before.version]);
    } finally {
      await plain.close();
    }
  });

  it('refuses bad specs, unknown mailboxes and archives that are off, changing nothing', async () => {
    const before = await archiveStatus(giulia, GIULIA);
    for (const body of [
      {},
      { count: 0 },
      { count: 50_001 },
      { count: 1.5 },
      { count: '10' },
      { count: 10, month: '2020-13' },
      { count: 10, month: '2020-1' },
      { count: 10, folder: 'trash' },
      { count: 10, extra: true },
    ]) {
      const reply = await bulk(GIULIA, body);
      expect(reply.status, JSON.stringify(body)).toBe(400);
      expect(reply.body.error.code).toBe('invalid_request');
    }
    expect((await bulk('nessuno@example.it', { count: 10 })).status).toBe(404);
    const off = await bulk(LUCA, { count: 10 });
    expect(off.status).toBe(409);
    expect(off.body.error.code).toBe('archive_disabled');
    const text = await provider
      .client()
      .request('POST', `/api/test/mailboxes/${GIULIA}/bulk`, { rawBody: '{"count":1}', headers: { 'content-type': 'text/plain' } });
    expect(text.status).toBe(415);
    const after = await archiveStatus(giulia, GIULIA);
    expect(after.messageCount).toBe(before.messageCount);
    expect(after.version).toBe(before.version);
  });

  it('archives count messages into a new month: folders, status, listing, changes, detail, search and export agree', async () => {
    const before = await archiveStatus(giulia, GIULIA);
    const inboxBefore = await folderOf(giulia, GIULIA, 'inbox');
    const reply = await bulk(GIULIA, { count: 2500, month: '2020-01' });
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ inserted: 2500, folderId: 'inbox-2020-01', version: before.version + 1 });

    const month = await folderOf(giulia, GIULIA, 'inbox-2020-01');
    expect(month).toMatchObject({ parentId: 'inbox', kind: 'inbox-month', month: '2020-01', messageCount: 2500 });
    expect((await folderOf(giulia, GIULIA, 'inbox')).messageCount).toBe(inboxBefore.messageCount + 2500);
    const after = await archiveStatus(giulia, GIULIA);
    expect(after.messageCount).toBe(before.messageCount + 2500);
    expect(after.usedBytes).toBe(before.usedBytes + month.bytes);
    expect(after.version).toBe(before.version + 1);
    expect(filesIn(`archive/${GIULIA}/inbox/2020-01`)).toBe(2500);

    // Paging with cursors: every message once, newest first, all dated inside the month in Europe/Rome.
    const items = await listAll(giulia, GIULIA, 'inbox-2020-01', 200);
    expect(items).toHaveLength(2500);
    expect(new Set(items.map((item) => item.id)).size).toBe(2500);
    expect(items.reduce((sum, item) => sum + item.size, 0)).toBe(month.bytes);
    expect(items[0].subject).toBe('Riunione di prova n. 02500');
    expect(items.at(-1).subject).toBe('Fattura di prova n. 00001');
    for (let i = 1; i < items.length; i++) expect(items[i - 1].date > items[i].date).toBe(true);
    expect(items.at(-1).date).toBe('2020-01-01T00:00:00.000Z');
    expect(items[0].date < '2020-01-31T22:00:00.000Z').toBe(true);
    expect(items.every((item) => item.folderId === 'inbox-2020-01' && item.to[0].address === GIULIA)).toBe(true);
    const firstPage = (await giulia.get(archivePath(GIULIA, '/folders/inbox-2020-01/messages?limit=50'))).body;
    expect(firstPage.items.map((item: any) => item.id)).toEqual(items.slice(0, 50).map((item) => item.id));

    const changes = (await giulia.get(archivePath(GIULIA, `/changes?since=${before.version}`))).body;
    expect(changes.foldersChanged).toBe(true);
    expect(changes.changes).toHaveLength(1);
    expect(changes.changes[0].folderId).toBe('inbox-2020-01');
    expect(changes.changes[0].added.map((item: any) => item.id)).toEqual(items.map((item) => item.id));

    const oldest = items.at(-1);
    const detail = (await giulia.get(archivePath(GIULIA, `/messages/${oldest.id}`))).body;
    expect(detail.text).toContain('Messaggio sintetico 1 di 2500');
    const raw = await giulia.get(archivePath(GIULIA, `/messages/${oldest.id}/raw`));
    expect(raw.status).toBe(200);
    expect(Buffer.byteLength(raw.text)).toBe(oldest.size);

    const found: any[] = [];
    let cursor: string | null = null;
    do {
      const page: any = (
        await giulia.get(archivePath(GIULIA, `/search?q=fattura&folderId=inbox-2020-01&limit=200${cursor ? `&cursor=${cursor}` : ''}`))
      ).body;
      found.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    expect(found).toHaveLength(Math.ceil(2500 / 8));

    const mbox = await giulia.get(archivePath(GIULIA, '/folders/inbox-2020-01/export'));
    expect(mbox.text.split('\n').filter((line) => /^From \S+ \w{3} \w{3} /.test(line))).toHaveLength(2500);
  });

  it('builds messages whose stored index fields are what parsing their bytes gives', async () => {
    for (const [n, direction] of [
      [1, 'in'],
      [7, 'out'],
      [12_345, 'in'],
    ] as const) {
      const message = syntheticMessage({
        owner: { name: 'Giulia "G" Verdi è', address: GIULIA },
        direction,
        n,
        count: 20_000,
        dateMs: Date.UTC(2021, 4, 3, 10),
        batch: 'abc',
      });
      expect(await parseForIndex(message.raw)).toEqual(message.fields);
    }
  });

  it('fills Posta inviata too, sent by the owner', async () => {
    const sentBefore = (await folderOf(giulia, GIULIA, 'sent')).messageCount;
    const reply = await bulk(GIULIA, { count: 30, folder: 'sent', month: '2021-06' });
    expect(reply.body).toMatchObject({ inserted: 30, folderId: 'sent' });
    expect((await folderOf(giulia, GIULIA, 'sent')).messageCount).toBe(sentBefore + 30);
    const newest = (await giulia.get(archivePath(GIULIA, '/search?q=prova&folderId=sent&limit=30'))).body.items as any[];
    expect(newest).toHaveLength(30);
    expect(newest.every((item) => item.from.address === GIULIA && item.date.startsWith('2021-06'))).toBe(true);
  });

  it('respects the quota as real mail does: what does not fit is not archived and the archive is full', async () => {
    const mario = await provider.as(MARIO);
    const before = await archiveStatus(mario, MARIO);
    const size = syntheticMessage({
      owner: { name: 'Mario Rossi', address: MARIO },
      direction: 'in',
      n: 1,
      count: 100,
      dateMs: Date.now(),
      batch: 'x',
    }).raw.length;
    await provider.client().post(`/api/test/mailboxes/${MARIO}/quota`, { quotaBytes: before.usedBytes + Math.floor(size * 5.5) });
    try {
      const reply = await bulk(MARIO, { count: 100 });
      expect(reply.status).toBe(200);
      expect(reply.body.inserted).toBe(5);
      const after = await archiveStatus(mario, MARIO);
      expect(after.full).toBe(true);
      expect(after.messageCount).toBe(before.messageCount + reply.body.inserted);
      expect(after.usedBytes).toBeLessThanOrEqual(after.quotaBytes);
    } finally {
      await provider.client().post(`/api/test/mailboxes/${MARIO}/quota`, { quotaBytes: null });
    }
  });

  it('is purged like any mail: old bulk months go, files included', async () => {
    const mario = await provider.as(MARIO);
    const reply = await bulk(MARIO, { count: 40, month: '2019-02' });
    expect(reply.body).toMatchObject({ inserted: 40, folderId: 'inbox-2019-02' });
    expect(filesIn(`archive/${MARIO}/inbox/2019-02`)).toBe(40);
    const purged = (await provider.client().post('/api/test/purge', {})).body.purged;
    expect(purged).toBeGreaterThanOrEqual(40);
    expect(await folderOf(mario, MARIO, 'inbox-2019-02')).toBeUndefined();
    expect(filesIn(`archive/${MARIO}/inbox/2019-02`)).toBe(0);
  });

  it('20,000 at once: every page consistent, and a batch larger than the change log sends older clients to refetch', async () => {
    const before = await archiveStatus(giulia, GIULIA);
    const reply = await bulk(GIULIA, { count: 20_000, month: '2020-02' });
    expect(reply.body).toEqual({ inserted: 20_000, folderId: 'inbox-2020-02', version: before.version + 1 });
    expect((await folderOf(giulia, GIULIA, 'inbox-2020-02')).messageCount).toBe(20_000);
    expect((await archiveStatus(giulia, GIULIA)).messageCount).toBe(before.messageCount + 20_000);
    const items = await listAll(giulia, GIULIA, 'inbox-2020-02', 200);
    expect(items).toHaveLength(20_000);
    expect(new Set(items.map((item) => item.id)).size).toBe(20_000);
    expect(items.at(-1).subject).toBe('Fattura di prova n. 00001');
    // 20,000 added + the new folder > the 20,000 entries kept: the log no longer covers versions before the batch.
    const stale = await giulia.get(archivePath(GIULIA, `/changes?since=${before.version}`));
    expect(stale.status).toBe(410);
    expect(stale.body.error.code).toBe('version_expired');
    const current = await giulia.get(archivePath(GIULIA, `/changes?since=${before.version + 1}`));
    expect(current.body).toEqual({ version: before.version + 1, changes: [], foldersChanged: false });
  });
});
