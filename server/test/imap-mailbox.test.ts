// The mailbox over IMAPS (what a webmail such as Roundcube reads): the plain address and its password open the
// mailbox's own Maildirs, mail delivered over SMTP and restored from the archive is there, and what the client
// changes (seen flags, moves to the trash, expunges) is what the provider's own listing shows next.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImapFlow } from 'imapflow';
import { archivePath, type Client, GIULIA, listAll, mailboxItems, MARIO, sendMail, uniqueSubject } from './helpers';
import { archiveLogin, login, mustLogin, startImapProvider, until, type ImapProvider } from './imap-helpers';

let provider: ImapProvider;
let giulia: Client;
let imap: ImapFlow;

async function subjectsIn(client: ImapFlow, path: string): Promise<string[]> {
  const lock = await client.getMailboxLock(path);
  try {
    await client.noop();
    const subjects: string[] = [];
    if ((client.mailbox && client.mailbox.exists) === 0) return subjects;
    for await (const message of client.fetch('1:*', { envelope: true })) subjects.push(message.envelope?.subject ?? '');
    return subjects;
  } finally {
    lock.release();
  }
}

beforeAll(async () => {
  provider = await startImapProvider();
  giulia = await provider.as(GIULIA);
  imap = await mustLogin(provider, GIULIA);
});

afterAll(async () => {
  await imap?.logout().catch(() => undefined);
  await provider?.close();
});

describe('mailbox login', () => {
  it('opens the mailbox with its address and password, and refuses a wrong password', async () => {
    expect(imap.authenticated).toBeTruthy();
    expect(await login(provider, GIULIA, 'wrong-password')).toBeInstanceOf(Error);
    const folders = await imap.list();
    expect(folders.map((folder) => folder.path).sort()).toEqual(['INBOX', 'Sent', 'Trash']);
    // Webmails list subscribed folders only.
    expect(
      folders
        .filter((folder) => folder.subscribed)
        .map((folder) => folder.path)
        .sort(),
    ).toEqual(['INBOX', 'Sent', 'Trash']);
  });

  it('lets a mailbox in whatever its archive settings (the archive login stays refused when IMAP access is off)', async () => {
    expect(await login(provider, archiveLogin(MARIO))).toBeInstanceOf(Error);
    const mario = await mustLogin(provider, MARIO);
    await mario.logout();
  });
});

describe('one mailbox for the webmail and for IMAP', () => {
  it('shows in INBOX a message delivered over SMTP', async () => {
    const subject = uniqueSubject('smtp to imap');
    await sendMail(provider, { from: 'someone@elsewhere.example', to: GIULIA, subject, text: 'hello' });
    expect(await subjectsIn(imap, 'INBOX')).toContain(subject);
  });

  it('shows in INBOX a message restored from the archive through the API', async () => {
    const subject = uniqueSubject('restored');
    await sendMail(provider, { from: 'someone@elsewhere.example', to: GIULIA, subject, text: 'to restore' });
    const month = (await giulia.get(archivePath(GIULIA, '/folders'))).body.folders.find((f: { kind: string }) => f.kind === 'inbox-month');
    const archived = (await listAll(giulia, GIULIA, month.id)).find((item) => item.subject === subject);
    const inbox = await mailboxItems(giulia, 'inbox');
    const copy = inbox.find((item) => item.subject === subject);
    // Delete the mailbox copy first, so only the restore can bring it back.
    expect((await giulia.del(`/api/mail/messages/${copy.id}`)).status).toBeLessThan(300);
    const trashed = (await mailboxItems(giulia, 'trash')).find((item) => item.subject === subject);
    expect((await giulia.del(`/api/mail/messages/${trashed.id}`)).status).toBeLessThan(300);
    expect((await subjectsIn(imap, 'INBOX')).filter((s) => s === subject)).toHaveLength(0);
    const restore = await giulia.post(archivePath(GIULIA, `/messages/${archived.id}/restore`), {});
    expect(restore.status).toBeLessThan(300);
    expect((await subjectsIn(imap, 'INBOX')).filter((s) => s === subject)).toHaveLength(1);
  });

  it('keeps the provider listing in step with what the IMAP client did: seen, moved to Trash, expunged', async () => {
    const subject = uniqueSubject('changed over imap');
    await sendMail(provider, { from: 'someone@elsewhere.example', to: GIULIA, subject, text: 'change me' });
    const lock = await imap.getMailboxLock('INBOX');
    try {
      await imap.noop();
      const uids = await imap.search({ subject }, { uid: true });
      expect(uids).toHaveLength(1);
      await imap.messageFlagsAdd(uids as number[], ['\\Seen'], { uid: true });
      const seen = (await mailboxItems(giulia, 'inbox')).find((item) => item.subject === subject);
      expect(seen.seen).toBe(true);
      // The provider still reads the renamed file.
      expect((await giulia.get(`/api/mail/messages/${seen.id}`)).status).toBe(200);
      await imap.messageMove(uids as number[], 'Trash', { uid: true });
    } finally {
      lock.release();
    }
    expect((await mailboxItems(giulia, 'inbox')).some((item) => item.subject === subject)).toBe(false);
    const trashed = (await mailboxItems(giulia, 'trash')).filter((item) => item.subject === subject);
    expect(trashed).toHaveLength(1);
    expect((await giulia.get(`/api/mail/messages/${trashed[0].id}`)).status).toBe(200);
    const trash = await imap.getMailboxLock('Trash');
    try {
      const uids = await imap.search({ subject }, { uid: true });
      await imap.messageDelete(uids as number[], { uid: true });
    } finally {
      trash.release();
    }
    expect((await mailboxItems(giulia, 'trash')).some((item) => item.subject === subject)).toBe(false);
    const appended = uniqueSubject('appended');
    await imap.append(
      'INBOX',
      `From: x@elsewhere.example\r\nTo: ${GIULIA}\r\nSubject: ${appended}\r\nMessage-ID: <${Date.now()}@t>\r\n\r\nbody\r\n`,
      ['\\Seen'],
    );
    expect(await until(async () => (await mailboxItems(giulia, 'inbox')).some((item) => item.subject === appended), 5000)).toBeGreaterThanOrEqual(0);
  });
});
