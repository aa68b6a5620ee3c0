// Contract: everything survives a restart on the same data folder; seeding twice changes nothing; Maildir layout on disk.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  archivePath,
  GIULIA,
  listAll,
  mailboxItems,
  MARIO,
  POSTMASTER,
  sendMail,
  startTestProvider,
  tempDataDir,
  uniqueSubject,
  type TestProvider,
} from './helpers';

function filesUnder(dir: string, predicate: (file: string) => boolean): string[] {
  if (!fs.existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(full, predicate));
    else if (predicate(full)) out.push(full);
  }
  return out;
}

async function snapshot(provider: TestProvider) {
  const mario = await provider.as(MARIO);
  const giulia = await provider.as(GIULIA);
  return {
    mario: (await mario.get(archivePath(MARIO))).body,
    giulia: (await giulia.get(archivePath(GIULIA))).body,
    marioFolders: (await mario.get(archivePath(MARIO, '/folders'))).body,
    giuliaFolders: (await giulia.get(archivePath(GIULIA, '/folders'))).body,
    marioInbox: (await listAll(mario, MARIO, 'inbox')).map((m) => m.id),
    giuliaMailbox: (await mailboxItems(giulia, 'inbox')).map((m: any) => m.id),
  };
}

describe('persistence', () => {
  it('keeps accounts, settings, archives, mailboxes and sessions across a restart', async () => {
    const dataDir = tempDataDir();
    // Both runs start at the same simulated date, so time-dependent fields (growth, purge points) compare exactly.
    const now = new Date();
    const first = await startTestProvider({ dataDir, now });
    const postmaster = await first.as(POSTMASTER);
    await postmaster.patch(archivePath(GIULIA), { retentionMonths: 36, imapAccess: false });
    const subject = uniqueSubject('Prima del riavvio');
    await sendMail(first, { from: 'x@outside.example.com', to: MARIO, subject, text: 'persistente' });
    const giulia = await first.as(GIULIA);
    const custom = (await giulia.post(archivePath(GIULIA, '/folders'), { name: 'Da tenere' })).body.folder.id;
    const toMove = (await listAll(giulia, GIULIA, 'inbox'))[0];
    await giulia.post(archivePath(GIULIA, `/messages/${toMove.id}/move`), { folderId: custom });
    const mario = await first.as(MARIO);
    const archived = (await mario.get(archivePath(MARIO, `/search?q=${encodeURIComponent(subject)}`))).body.items[0];
    const raw = (await mario.get(archivePath(MARIO, `/messages/${archived.id}/raw`))).text;
    const before = await snapshot(first);
    await first.close();
    expect(first.errors).toEqual([]);

    // Same data folder, demo seed requested again: nothing is added or reset.
    const second = await startTestProvider({ dataDir, now });
    try {
      const after = await snapshot(second);
      expect(after).toEqual(before);
      expect(after.giulia).toMatchObject({ retentionMonths: 36, imapAccess: false });
      const sameSession = second.client();
      sameSession.cookie = mario.cookie;
      expect((await sameSession.get(archivePath(MARIO, `/messages/${archived.id}/raw`))).text).toBe(raw);
      expect((await listAll(sameSession, MARIO, 'inbox')).some((m) => m.subject === subject)).toBe(true);
      const giulia2 = await second.as(GIULIA);
      expect((await listAll(giulia2, GIULIA, custom)).map((m) => m.id)).toEqual([toMove.id]);
    } finally {
      await second.close();
    }
    expect(second.errors).toEqual([]);
  });

  it('stores raw messages as Maildir files, one per index row, and drops half-written tmp files at start', async () => {
    const dataDir = tempDataDir();
    const first = await startTestProvider({ dataDir });
    const mario = await first.as(MARIO);
    const status = (await mario.get(archivePath(MARIO))).body;
    const mailboxCount = (await mario.get('/api/mail/folders')).body.folders.reduce((n: number, f: any) => n + f.count, 0);
    await first.close();

    const inMaildir = (file: string) => /[/\\](new|cur)[/\\][^/\\]+$/.test(file);
    const archiveFiles = filesUnder(path.join(dataDir, 'archive', MARIO), inMaildir);
    expect(archiveFiles).toHaveLength(status.messageCount);
    expect(archiveFiles.reduce((n, f) => n + fs.statSync(f).size, 0)).toBe(status.usedBytes);
    expect(filesUnder(path.join(dataDir, 'archive', MARIO, 'inbox'), inMaildir).length).toBeGreaterThan(0);
    expect(fs.existsSync(path.join(dataDir, 'archive', MARIO, 'sent', 'cur'))).toBe(true);
    expect(filesUnder(path.join(dataDir, 'mailboxes', MARIO), inMaildir)).toHaveLength(mailboxCount);

    const tmp = path.join(dataDir, 'archive', MARIO, 'sent', 'tmp', 'crashed.during.write');
    fs.writeFileSync(tmp, 'partial');
    const second = await startTestProvider({ dataDir, seed: null });
    try {
      expect(fs.existsSync(tmp)).toBe(false);
      const again = await second.as(MARIO);
      expect((await again.get(archivePath(MARIO))).body).toMatchObject({ messageCount: status.messageCount, usedBytes: status.usedBytes });
    } finally {
      await second.close();
    }
  });
});
