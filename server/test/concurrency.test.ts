// Contract: concurrent requests (SMTP intake, moves, deletes, restores, folder creation) never corrupt state.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { archivePath, GIULIA, listAll, mailboxItems, MARIO, sendMail, startTestProvider, type Client, type TestProvider } from './helpers';

let provider: TestProvider;
let giulia: Client;

function countMaildirFiles(dir: string): number {
  if (!fs.existsSync(dir)) return 0;
  let n = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) n += countMaildirFiles(full);
    else if (/[/\\](new|cur)$/.test(dir)) n++;
  }
  return n;
}

async function everything(): Promise<any[]> {
  const folders = (await giulia.get(archivePath(GIULIA, '/folders'))).body.folders as any[];
  const all: any[] = [];
  for (const folder of folders.filter((f) => f.kind !== 'inbox')) all.push(...(await listAll(giulia, GIULIA, folder.id)));
  return all;
}

beforeAll(async () => {
  provider = await startTestProvider();
  giulia = await provider.as(GIULIA);
});
afterAll(async () => {
  await provider.close();
  expect(provider.errors).toEqual([]);
});

describe('concurrency', () => {
  it('a burst of mixed writes leaves index, files, quota and change log consistent', async () => {
    const start = await everything();
    const startStatus = (await giulia.get(archivePath(GIULIA))).body;
    const folderReplies = await Promise.all(Array.from({ length: 6 }, () => giulia.post(archivePath(GIULIA, '/folders'), { name: 'Parallela' })));
    expect(folderReplies.filter((r) => r.status === 201)).toHaveLength(1);
    expect(folderReplies.filter((r) => r.status === 400)).toHaveLength(5);
    const custom = folderReplies.find((r) => r.status === 201)?.body.folder.id;

    const [toMove, toDelete, toRestore, contested] = [start.slice(0, 8), start.slice(8, 13), start.slice(13, 19), start[19]];
    const replies = await Promise.all([
      ...Array.from({ length: 12 }, (_, i) =>
        sendMail(provider, { from: `p${i}@outside.example.com`, to: GIULIA, subject: `Burst ${i}`, text: `n ${i}` }).then(() => ({ status: 250 })),
      ),
      ...toMove.map((m) => giulia.post(archivePath(GIULIA, `/messages/${m.id}/move`), { folderId: custom })),
      ...toDelete.map((m) => giulia.del(archivePath(GIULIA, `/messages/${m.id}`))),
      ...toRestore.map((m) => giulia.post(archivePath(GIULIA, `/messages/${m.id}/restore`), {})),
      giulia.post(archivePath(GIULIA, `/messages/${contested.id}/move`), { folderId: custom }),
      giulia.post(archivePath(GIULIA, `/messages/${contested.id}/move`), { folderId: 'sent' }),
      giulia.del(archivePath(GIULIA, `/messages/${contested.id}`)),
      ...Array.from({ length: 10 }, () => giulia.get(archivePath(GIULIA, '/folders/inbox/messages?limit=50'))),
      ...Array.from({ length: 5 }, () => giulia.get(archivePath(GIULIA))),
    ]);
    for (const reply of replies) expect([200, 204, 250, 404]).toContain(reply.status);

    const end = await everything();
    const ids = end.map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(end).toHaveLength(start.length + 12 - toDelete.length - 1);
    for (const m of toDelete) expect(ids).not.toContain(m.id);
    expect(ids).not.toContain(contested.id);
    expect(
      end
        .filter((m) => m.folderId === custom)
        .map((m) => m.id)
        .sort(),
    ).toEqual(toMove.map((m) => m.id).sort());
    expect(end.filter((m) => m.subject.startsWith('Burst '))).toHaveLength(12);

    const status = (await giulia.get(archivePath(GIULIA))).body;
    expect(status.messageCount).toBe(end.length);
    expect(status.usedBytes).toBe(end.reduce((n, m) => n + m.size, 0));
    expect(countMaildirFiles(path.join(provider.dataDir, 'archive', GIULIA))).toBe(end.length);
    const restored = (await mailboxItems(giulia, 'inbox')).filter((m: any) => toRestore.some((r) => r.messageId === m.messageId));
    expect(restored.length).toBeGreaterThanOrEqual(toRestore.length);

    // The change log accounts for every change since the burst started.
    const changes = (await giulia.get(archivePath(GIULIA, `/changes?since=${startStatus.version}`))).body;
    const removed = new Set((changes.changes as any[]).flatMap((c) => c.removed));
    for (const m of [...toDelete, contested]) expect(removed.has(m.id)).toBe(true);
    const added = (changes.changes as any[]).flatMap((c) => c.added.map((m: any) => m.id));
    expect(new Set(added).size).toBe(12 + toMove.length);
  });

  it('parallel sign-ins and reads of two mailboxes stay separate', async () => {
    const clients = await Promise.all([...Array(4)].map((_, i) => provider.as(i % 2 ? MARIO : GIULIA)));
    const replies = await Promise.all(clients.map((c, i) => c.get(archivePath(i % 2 ? MARIO : GIULIA, '/folders'))));
    for (const reply of replies) expect(reply.status).toBe(200);
    const forbidden = await Promise.all(clients.map((c, i) => c.get(archivePath(i % 2 ? GIULIA : MARIO, '/folders'))));
    for (const reply of forbidden) expect(reply.status).toBe(403);
  });
});
