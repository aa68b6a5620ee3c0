// Contract over real SMTP: direct mail archived, alias/forward not, submission archives the sent copy, full archive.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  archivePath,
  GIULIA,
  listAll,
  LUCA,
  mailboxItems,
  MARIO,
  POSTMASTER,
  sendMail,
  startTestProvider,
  uniqueSubject,
  type Client,
  type TestProvider,
} from './helpers';

let provider: TestProvider;
let mario: Client;
let giulia: Client;

beforeAll(async () => {
  provider = await startTestProvider();
  mario = await provider.as(MARIO);
  giulia = await provider.as(GIULIA);
});
afterAll(async () => {
  await provider.close();
  expect(provider.errors).toEqual([]);
});

async function archivedSubjects(client: Client, address: string, subject: string): Promise<any[]> {
  const reply = await client.get(archivePath(address, `/search?q=${encodeURIComponent(subject)}`));
  return reply.body.items;
}

async function inboxHas(client: Client, subject: string): Promise<boolean> {
  return (await mailboxItems(client, 'inbox')).some((m: any) => m.subject === subject);
}

describe('inbound mail', () => {
  it('mail addressed directly lands in the inbox and in the archive month folder', async () => {
    const subject = uniqueSubject('Diretto');
    const result = await sendMail(provider, { from: 'cliente@outside.example.com', to: MARIO, subject, text: 'ciao' });
    expect(result.accepted).toEqual([MARIO]);
    expect(await inboxHas(mario, subject)).toBe(true);
    const archived = await archivedSubjects(mario, MARIO, subject);
    expect(archived).toHaveLength(1);
    expect(archived[0].folderId).toMatch(/^inbox-\d{4}-\d{2}$/);
  });

  it('mail through the alias info@ or the forward vendite@ reaches the inbox but is not archived', async () => {
    for (const to of ['info@example.it', 'vendite@example.it']) {
      const subject = uniqueSubject(`via ${to}`);
      const before = (await mario.get(archivePath(MARIO))).body;
      await sendMail(provider, { from: 'someone@outside.example.com', to, subject, text: 'x' });
      expect(await inboxHas(mario, subject)).toBe(true);
      expect(await archivedSubjects(mario, MARIO, subject)).toEqual([]);
      const after = (await mario.get(archivePath(MARIO))).body;
      expect(after).toMatchObject({ messageCount: before.messageCount, usedBytes: before.usedBytes });
    }
  });

  it('one message to both the alias and the direct address is archived exactly once', async () => {
    const subject = uniqueSubject('alias e diretto');
    await sendMail(provider, { from: 'x@outside.example.com', to: ['info@example.it', MARIO], subject, text: 'x' });
    expect((await mailboxItems(mario, 'inbox')).filter((m: any) => m.subject === subject)).toHaveLength(1);
    expect(await archivedSubjects(mario, MARIO, subject)).toHaveLength(1);
  });

  it('a mailbox with the archive off gets the mail and nothing is archived', async () => {
    const luca = await provider.as(LUCA);
    const subject = uniqueSubject('per Luca');
    await sendMail(provider, { from: 'x@outside.example.com', to: LUCA, subject, text: 'x' });
    expect(await inboxHas(luca, subject)).toBe(true);
    expect((await luca.get(archivePath(LUCA, '/folders'))).body.error.code).toBe('archive_disabled');
  });

  it('rejects unknown local recipients and relaying for anonymous clients', async () => {
    await expect(sendMail(provider, { from: 'x@outside.example.com', to: 'nessuno@example.it', subject: 's', text: 'x' })).rejects.toThrow(/550/);
    await expect(sendMail(provider, { from: 'x@outside.example.com', to: 'someone@elsewhere.example.com', subject: 's', text: 'x' })).rejects.toThrow(
      /550|[Rr]elay/,
    );
  });
});

describe('authenticated submission', () => {
  it.each(['PLAIN', 'LOGIN'] as const)(
    'AUTH %s: the sent copy goes to Posta inviata of mailbox and archive, local recipients get it',
    async (method) => {
      const subject = uniqueSubject(`Inviato ${method}`);
      await sendMail(provider, { from: MARIO, to: [GIULIA, 'partner@remote.example.com'], subject, text: 'x', auth: { user: MARIO, method } });
      expect((await mailboxItems(mario, 'sent')).some((m: any) => m.subject === subject)).toBe(true);
      const archived = await archivedSubjects(mario, MARIO, subject);
      expect(archived.map((m) => m.folderId)).toEqual(['sent']);
      expect(await inboxHas(giulia, subject)).toBe(true);
      const atGiulia = await archivedSubjects(giulia, GIULIA, subject);
      expect(atGiulia.map((m) => m.folderId)).toEqual([expect.stringMatching(/^inbox-/)]);
    },
  );

  it('refuses a wrong password and a foreign sender address', async () => {
    await expect(sendMail(provider, { from: MARIO, to: GIULIA, subject: 's', text: 'x', auth: { user: MARIO, pass: 'wrong' } })).rejects.toThrow(
      /535|[Ii]nvalid/,
    );
    await expect(sendMail(provider, { from: GIULIA, to: LUCA, subject: 's', text: 'x', auth: { user: MARIO } })).rejects.toThrow(/553/);
  });

  it('the webmail send API follows the same rules', async () => {
    const subject = uniqueSubject('Dal webmail');
    const reply = await giulia.post('/api/mail/send', { to: [MARIO], subject, text: 'Ciao Mario' });
    expect(reply.status).toBe(200);
    expect(reply.body.id).toMatch(/^[A-Za-z0-9_-]+$/);
    expect((await mailboxItems(giulia, 'sent')).find((m: any) => m.id === reply.body.id)?.subject).toBe(subject);
    expect((await archivedSubjects(giulia, GIULIA, subject)).map((m) => m.folderId)).toEqual(['sent']);
    expect(await inboxHas(mario, subject)).toBe(true);
    expect(await archivedSubjects(mario, MARIO, subject)).toHaveLength(1);
    for (const body of [
      { to: [], subject: 's', text: 't' },
      { to: ['not an address'], subject: 's', text: 't' },
      { to: MARIO, subject: 's', text: 't' },
    ]) {
      expect((await giulia.post('/api/mail/send', body)).body.error.code).toBe('invalid_request');
    }
  });
});

describe('quota', () => {
  it('a full archive stops archiving and says so; inbox delivery goes on; freeing space resumes it', async () => {
    const before = (await mario.get(archivePath(MARIO))).body;
    const quota = await provider.client().post(`/api/test/mailboxes/${MARIO}/quota`, { quotaBytes: before.usedBytes + 100 });
    expect(quota.body).toMatchObject({ quotaBytes: before.usedBytes + 100, full: false });

    const subject = uniqueSubject('Troppo grande');
    await sendMail(provider, { from: 'x@outside.example.com', to: MARIO, subject, text: 'y'.repeat(2000) });
    expect(await inboxHas(mario, subject)).toBe(true);
    expect(await archivedSubjects(mario, MARIO, subject)).toEqual([]);
    const full = (await mario.get(archivePath(MARIO))).body;
    expect(full).toMatchObject({ full: true, usedBytes: before.usedBytes, messageCount: before.messageCount });
    const listed = (await (await provider.as(POSTMASTER)).get('/api/archive/v1/mailboxes')).body.mailboxes.find((m: any) => m.address === MARIO);
    expect(listed.archive.full).toBe(true);

    // Sent mail is not archived either while full.
    const sentSubject = uniqueSubject('Inviata da piena');
    await sendMail(provider, { from: MARIO, to: 'x@remote.example.com', subject: sentSubject, text: 'z', auth: { user: MARIO } });
    expect(await archivedSubjects(mario, MARIO, sentSubject)).toEqual([]);

    await provider.client().post(`/api/test/mailboxes/${MARIO}/quota`, { quotaBytes: null });
    const restored = (await mario.get(archivePath(MARIO))).body;
    expect(restored).toMatchObject({ full: false, quotaBytes: 1024 ** 3 });
    const later = uniqueSubject('Dopo');
    await sendMail(provider, { from: 'x@outside.example.com', to: MARIO, subject: later, text: 'ok' });
    expect(await archivedSubjects(mario, MARIO, later)).toHaveLength(1);
  });

  it('an unlimited plan has no quota and is never full', async () => {
    const status = (await giulia.get(archivePath(GIULIA))).body;
    expect(status).toMatchObject({ plan: 'unlimited', quotaBytes: null, full: false });
    const items = await listAll(giulia, GIULIA, 'inbox');
    expect(items.length).toBeGreaterThan(0);
  });
});
