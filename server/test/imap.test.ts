// The archive over IMAPS: Dovecot serves the provider's own Maildirs, logins are the provider's, and the postmaster's
// settings (archive on/off, IMAP access, read-only or write mode) are in force without restarting Dovecot.
import fs from 'node:fs';
import path from 'node:path';
import type { ImapFlow } from 'imapflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { archivePath, type Client, GIULIA, LUCA, MARIO, POSTMASTER, sendMail } from './helpers';
import { archiveLogin, attempt, login, messageCount, mustLogin, smtpsTransport, startImapProvider, until, type ImapProvider } from './imap-helpers';

let provider: ImapProvider;
let postmaster: Client;
const open: ImapFlow[] = [];
const timings: Record<string, number> = {};

async function session(address: string): Promise<ImapFlow> {
  const client = await mustLogin(provider, archiveLogin(address));
  open.push(client);
  return client;
}

async function setArchive(address: string, patch: Record<string, unknown>): Promise<void> {
  const reply = await postmaster.patch(archivePath(address), patch);
  expect(reply.status).toBe(200);
}

async function apiFolders(owner: Client, address: string): Promise<Array<{ id: string; name: string; kind: string; messageCount: number }>> {
  const reply = await owner.get(archivePath(address, '/folders'));
  expect(reply.status).toBe(200);
  return reply.body.folders;
}

async function apiMessages(owner: Client, address: string, folderId: string): Promise<Array<{ id: string; messageId: string; size: number }>> {
  const reply = await owner.get(archivePath(address, `/folders/${folderId}/messages?limit=200`));
  expect(reply.status).toBe(200);
  return reply.body.items;
}

function filesIn(dir: string): number {
  return ['cur', 'new'].reduce((sum, sub) => sum + (fs.existsSync(path.join(dir, sub)) ? fs.readdirSync(path.join(dir, sub)).length : 0), 0);
}

beforeAll(async () => {
  provider = await startImapProvider();
  postmaster = await provider.as(POSTMASTER);
});

afterAll(async () => {
  for (const client of open) await client.logout().catch(() => undefined);
  await provider?.close();
  console.log('imap timings (ms):', JSON.stringify(timings));
});

describe('login', () => {
  it('lets the archive address in with the mailbox password when the archive is on and IMAP access allowed', async () => {
    const client = await session(GIULIA);
    expect(client.authenticated).toBeTruthy();
  });

  it('refuses a wrong password, an archive that is off and IMAP access that is off', async () => {
    expect(await login(provider, archiveLogin(GIULIA), 'wrong-password')).toBeInstanceOf(Error);
    expect(await login(provider, archiveLogin(LUCA))).toBeInstanceOf(Error);
    expect(await login(provider, archiveLogin(MARIO))).toBeInstanceOf(Error);
  });

  it('follows the postmaster at once: IMAP access on lets in, off refuses again', async () => {
    await setArchive(MARIO, { imapAccess: true });
    const first = await login(provider, archiveLogin(MARIO));
    expect(first).not.toBeInstanceOf(Error);
    await (first as ImapFlow).logout();
    await setArchive(MARIO, { imapAccess: false });
    expect(await login(provider, archiveLogin(MARIO))).toBeInstanceOf(Error);
    await setArchive(MARIO, { imapAccess: true });
  });

  it('lets an archive in once it is switched on with IMAP access, and refuses it again once it is switched off', async () => {
    expect((await postmaster.post(archivePath(LUCA, '/enable'), {})).status).toBe(200);
    expect(await login(provider, archiveLogin(LUCA))).toBeInstanceOf(Error);
    await setArchive(LUCA, { imapAccess: true });
    const client = await mustLogin(provider, archiveLogin(LUCA));
    expect((await client.list()).map((m) => m.path)).toEqual(expect.arrayContaining(['Posta in arrivo', 'Posta inviata']));
    await client.logout();
    expect((await postmaster.post(archivePath(LUCA, '/disable'), { confirm: LUCA })).status).toBe(200);
    expect(await login(provider, archiveLogin(LUCA))).toBeInstanceOf(Error);
  });
});

describe('folders', () => {
  it('lists Posta in arrivo with its months below it and Posta inviata, the same folders and counts as the API', async () => {
    const client = await session(MARIO);
    const owner = await provider.as(MARIO);
    const listed = await client.list();
    const names = listed.map((m) => m.path);
    expect(names).toContain('Posta in arrivo');
    expect(names).toContain('Posta inviata');
    expect(listed.find((m) => m.path === 'Posta in arrivo')?.flags.has('\\Noselect')).toBe(true);
    const folders = await apiFolders(owner, MARIO);
    const months = folders.filter((f) => f.kind === 'inbox-month');
    expect(months.length).toBeGreaterThan(1);
    for (const month of months) {
      expect(names).toContain(`Posta in arrivo/${month.name}`);
      expect(await messageCount(client, `Posta in arrivo/${month.name}`)).toBe(month.messageCount);
    }
    const sent = folders.find((f) => f.id === 'sent');
    expect(await messageCount(client, 'Posta inviata')).toBe(sent?.messageCount);
  });

  it('serves every message with the very bytes of the API .eml download', async () => {
    const client = await session(MARIO);
    const owner = await provider.as(MARIO);
    const month = (await apiFolders(owner, MARIO)).find((f) => f.kind === 'inbox-month' && f.messageCount > 0)!;
    const summaries = await apiMessages(owner, MARIO, month.id);
    const lock = await client.getMailboxLock(`Posta in arrivo/${month.name}`);
    try {
      let compared = 0;
      for await (const message of client.fetch('1:*', { envelope: true, source: true })) {
        const summary =
          summaries.find((s) => s.messageId === message.envelope?.messageId?.replace(/^<|>$/g, '')) ??
          summaries.find((s) => `<${s.messageId}>` === message.envelope?.messageId || s.messageId === message.envelope?.messageId);
        expect(summary, `API summary for ${message.envelope?.messageId}`).toBeTruthy();
        const download = await fetch(`${provider.url}${archivePath(MARIO, `/messages/${summary!.id}/raw`)}`, { headers: { cookie: owner.cookie! } });
        expect(Buffer.from(await download.arrayBuffer()).equals(message.source!)).toBe(true);
        compared++;
      }
      expect(compared).toBe(month.messageCount);
    } finally {
      lock.release();
    }
  });
});

describe('read-only', () => {
  it('answers SELECT with [READ-ONLY] and changes nothing: no flags, expunge, append, move, copy, create, delete, rename', async () => {
    const client = await session(MARIO);
    const owner = await provider.as(MARIO);
    const folders = await apiFolders(owner, MARIO);
    const month = folders.find((f) => f.kind === 'inbox-month' && f.messageCount > 1)!;
    const box = `Posta in arrivo/${month.name}`;
    const monthDir = path.join(provider.dataDir, 'archive', MARIO, 'inbox', month.name!);
    const sentDir = path.join(provider.dataDir, 'archive', MARIO, 'sent');
    const before = {
      month: await messageCount(client, box),
      sent: await messageCount(client, 'Posta inviata'),
      files: filesIn(monthDir),
      sentFiles: filesIn(sentDir),
    };

    const mailbox = await client.mailboxOpen(box);
    expect(mailbox.readOnly).toBe(true);
    const raw = 'From: a@example.org\r\nTo: b@example.org\r\nSubject: planted\r\nMessage-ID: <planted@example.org>\r\n\r\nhello\r\n';
    const results = {
      flag: await attempt(() => client.messageFlagsAdd('1', ['\\Flagged'])),
      deleted: await attempt(() => client.messageFlagsAdd('1', ['\\Deleted'])),
      expunge: await attempt(() => client.messageDelete('1')),
      move: await attempt(() => client.messageMove('2', 'Posta inviata')),
      copy: await attempt(() => client.messageCopy('1', 'Posta inviata')),
      append: await attempt(() => client.append('Posta inviata', raw)),
      appendMonth: await attempt(() => client.append(box, raw)),
      create: await attempt(() => client.mailboxCreate('Nuova cartella')),
      createBelow: await attempt(() => client.mailboxCreate('Posta in arrivo/2099-01')),
      remove: await attempt(() => client.mailboxDelete('Posta inviata')),
      rename: await attempt(() => client.mailboxRename(box, 'Rinominata')),
    };
    for (const [name, result] of Object.entries(results)) expect(result.ok, `${name} refused`).toBe(false);
    await client.mailboxClose();

    // The outcome, not the replies: counts on the server, files on disk, the API's view.
    expect(await messageCount(client, box)).toBe(before.month);
    expect(await messageCount(client, 'Posta inviata')).toBe(before.sent);
    expect(filesIn(monthDir)).toBe(before.files);
    expect(filesIn(sentDir)).toBe(before.sentFiles);
    const names = (await client.list()).map((m) => m.path);
    expect(names).not.toContain('Nuova cartella');
    expect(names).not.toContain('Rinominata');
    expect(names).toContain(box);
    const flagged = await client.getMailboxLock(box);
    try {
      for await (const message of client.fetch('1:*', { flags: true })) {
        expect(message.flags?.has('\\Flagged')).toBe(false);
        expect(message.flags?.has('\\Deleted')).toBe(false);
      }
    } finally {
      flagged.release();
    }
    const after = await apiFolders(owner, MARIO);
    expect(after.find((f) => f.id === month.id)?.messageCount).toBe(month.messageCount);
  });
});

describe('write mode', () => {
  it('switches without a restart: SELECT becomes read-write once the postmaster allows writing', async () => {
    const client = await session(MARIO);
    const month = (await apiFolders(await provider.as(MARIO), MARIO)).find((f) => f.kind === 'inbox-month' && f.messageCount > 0)!;
    await setArchive(MARIO, { writable: true });
    timings.readWriteAfterSettingMs = await until(async () => {
      const mailbox = await client.mailboxOpen(`Posta in arrivo/${month.name}`);
      await client.mailboxClose();
      return !mailbox.readOnly;
    }, 3000);
    await setArchive(MARIO, { writable: false });
    timings.readOnlyAgainAfterSettingMs = await until(async () => {
      const mailbox = await client.mailboxOpen(`Posta in arrivo/${month.name}`);
      await client.mailboxClose();
      return mailbox.readOnly === true;
    }, 3000);
  });

  it('moves a message between archive folders and deletes one; the API sees both at its next read', async () => {
    const client = await session(GIULIA);
    const owner = await provider.as(GIULIA);
    const statusBefore = (await owner.get(archivePath(GIULIA))).body;
    const month = (await apiFolders(owner, GIULIA)).find((f) => f.kind === 'inbox-month' && f.messageCount > 1)!;
    const box = `Posta in arrivo/${month.name}`;
    const summaries = await apiMessages(owner, GIULIA, month.id);
    const sentBefore = (await apiMessages(owner, GIULIA, 'sent')).length;

    await client.mailboxOpen(box);
    const envelopes: Array<{ uid: number; messageId: string }> = [];
    for await (const message of client.fetch('1:*', { envelope: true, uid: true })) {
      envelopes.push({ uid: message.uid, messageId: (message.envelope?.messageId ?? '').replace(/^<|>$/g, '') });
    }
    const [toMove, toDelete] = envelopes as [{ uid: number; messageId: string }, { uid: number; messageId: string }];
    const moved = summaries.find((s) => s.messageId.replace(/^<|>$/g, '') === toMove.messageId)!;
    const deleted = summaries.find((s) => s.messageId.replace(/^<|>$/g, '') === toDelete.messageId)!;
    expect(await client.messageMove(String(toMove.uid), 'Posta inviata', { uid: true })).toBeTruthy();
    expect(await client.messageDelete(String(toDelete.uid), { uid: true })).toBe(true);
    await client.mailboxClose();

    const inMonth = await apiMessages(owner, GIULIA, month.id);
    expect(inMonth.map((m) => m.id)).not.toContain(moved.id);
    expect(inMonth.map((m) => m.id)).not.toContain(deleted.id);
    const sent = await apiMessages(owner, GIULIA, 'sent');
    expect(sent.length).toBe(sentBefore + 1);
    expect(sent.map((m) => m.id)).toContain(moved.id);
    expect((await owner.get(archivePath(GIULIA, `/messages/${deleted.id}`))).status).toBe(404);
    const statusAfter = (await owner.get(archivePath(GIULIA))).body;
    expect(statusAfter.messageCount).toBe(statusBefore.messageCount - 1);
    expect(statusAfter.usedBytes).toBe(statusBefore.usedBytes - deleted.size);
    const movedRaw = await owner.get(archivePath(GIULIA, `/messages/${moved.id}`));
    expect(movedRaw.status).toBe(200);
    expect(movedRaw.body.folderId).toBe('sent');
  });

  it('never deletes, renames or creates folders, even in write mode', async () => {
    const client = await session(GIULIA);
    const month = (await apiFolders(await provider.as(GIULIA), GIULIA)).find((f) => f.kind === 'inbox-month')!;
    expect((await attempt(() => client.mailboxDelete('Posta inviata'))).ok).toBe(false);
    expect((await attempt(() => client.mailboxDelete(`Posta in arrivo/${month.name}`))).ok).toBe(false);
    expect((await attempt(() => client.mailboxRename('Posta inviata', 'Altro'))).ok).toBe(false);
    expect((await attempt(() => client.mailboxCreate('Nuova'))).ok).toBe(false);
    const names = (await client.list()).map((m) => m.path);
    expect(names).toEqual(expect.arrayContaining(['Posta inviata', `Posta in arrivo/${month.name}`]));
    expect(names).not.toContain('Altro');
    expect(names).not.toContain('Nuova');
  });
});

describe('one archive, two doors', () => {
  it('shows a message archived by SMTP over IMAP with the same bytes', async () => {
    const client = await session(GIULIA);
    const owner = await provider.as(GIULIA);
    const subject = `over smtp ${Date.now()}`;
    await sendMail(provider, { from: 'someone@example.org', to: GIULIA, subject, text: 'archived copy' });
    const search = await owner.get(archivePath(GIULIA, `/search?q=${encodeURIComponent(subject)}`));
    expect(search.status).toBe(200);
    const [summary] = search.body.items as Array<{ id: string; folderId: string }>;
    expect(summary?.folderId).toMatch(/^inbox-\d{4}-\d{2}$/);
    const box = `Posta in arrivo/${summary!.folderId.slice('inbox-'.length)}`;
    let found: Buffer | null = null;
    timings.smtpToImapMs = await until(async () => {
      const lock = await client.getMailboxLock(box);
      try {
        const uids = await client.search({ subject }, { uid: true });
        if (!uids || uids.length === 0) return false;
        const message = await client.fetchOne(String(uids[0]), { source: true }, { uid: true });
        found = message ? (message.source ?? null) : null;
        return found !== null;
      } finally {
        lock.release();
      }
    }, 3000);
    const download = await fetch(`${provider.url}${archivePath(GIULIA, `/messages/${summary!.id}/raw`)}`, { headers: { cookie: owner.cookie! } });
    expect(Buffer.from(await download.arrayBuffer()).equals(found!)).toBe(true);
  });

  it('drops a message deleted through the API from IMAP too', async () => {
    const client = await session(GIULIA);
    const owner = await provider.as(GIULIA);
    const month = (await apiFolders(owner, GIULIA)).find((f) => f.kind === 'inbox-month' && f.messageCount > 0)!;
    const box = `Posta in arrivo/${month.name}`;
    const before = await messageCount(client, box);
    const [victim] = await apiMessages(owner, GIULIA, month.id);
    expect((await owner.del(archivePath(GIULIA, `/messages/${victim!.id}`))).status).toBeLessThan(300);
    expect(await messageCount(client, box)).toBe(before - 1);
  });
});

describe('custom folders', () => {
  it('shows a folder created through the API under its own name, with what the API moves into it', async () => {
    const owner = await provider.as(GIULIA);
    const created = await owner.post(archivePath(GIULIA, '/folders'), { name: 'Fatture però 2026' });
    expect(created.status).toBe(201);
    const folderId = created.body.folder.id as string;
    const month = (await apiFolders(owner, GIULIA)).find((f) => f.kind === 'inbox-month' && f.messageCount > 0)!;
    const [message] = await apiMessages(owner, GIULIA, month.id);
    expect((await owner.post(archivePath(GIULIA, `/messages/${message!.id}/move`), { folderId })).status).toBeLessThan(300);
    const client = await session(GIULIA);
    const names = (await client.list()).map((m) => m.path);
    expect(names).toContain('Fatture però 2026');
    expect(await messageCount(client, 'Fatture però 2026')).toBe(1);
    expect(await messageCount(client, `Posta in arrivo/${month.name}`)).toBe(month.messageCount - 1);
  });
});

describe('SMTPS for the archive account', () => {
  it('accepts the archive login and refuses every message with a 550 that says the archive does not send', async () => {
    const transport = smtpsTransport(provider, archiveLogin(GIULIA));
    await expect(transport.verify()).resolves.toBe(true);
    const refused = await transport.sendMail({ from: GIULIA, to: 'someone@example.org', subject: 'no', text: 'no' }).catch((error: Error) => error);
    expect(refused).toBeInstanceOf(Error);
    expect((refused as Error & { responseCode?: number }).responseCode).toBe(550);
    expect((refused as Error).message).toContain('does not send');
    transport.close();
  });

  it('refuses a wrong password and an archive whose IMAP access is off', async () => {
    const wrong = smtpsTransport(provider, archiveLogin(GIULIA), 'wrong-password');
    await expect(wrong.verify()).rejects.toThrow(/535/);
    await setArchive(MARIO, { imapAccess: false });
    const off = smtpsTransport(provider, archiveLogin(MARIO));
    await expect(off.verify()).rejects.toThrow(/535/);
    await setArchive(MARIO, { imapAccess: true });
    wrong.close();
    off.close();
  });
});

describe('access taken away', () => {
  it('disconnects an open IMAP session when the postmaster turns IMAP access off', async () => {
    await setArchive(MARIO, { imapAccess: true });
    const client = await mustLogin(provider, archiveLogin(MARIO));
    let closed = false;
    client.on('close', () => {
      closed = true;
    });
    await setArchive(MARIO, { imapAccess: false });
    timings.sessionClosedAfterImapOffMs = await until(async () => closed, 5000);
    await setArchive(MARIO, { imapAccess: true });
  });
});
