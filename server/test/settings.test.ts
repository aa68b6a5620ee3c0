// Contract: archive status, mailbox list, settings by the postmaster only, enable, disable with typed confirmation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  API,
  archivePath,
  GIULIA,
  listAll,
  LUCA,
  mailboxItems,
  MARIO,
  POSTMASTER,
  sendMail,
  startTestProvider,
  type Client,
  type TestProvider,
} from './helpers';

let provider: TestProvider;
let postmaster: Client;

beforeAll(async () => {
  provider = await startTestProvider();
  postmaster = await provider.as(POSTMASTER);
});
afterAll(async () => {
  await provider.close();
  expect(provider.errors).toEqual([]);
});

describe('status', () => {
  it('describes the demo archives as seeded', async () => {
    const mario = await provider.as(MARIO);
    const status = (await mario.get(archivePath(MARIO))).body;
    expect(status).toMatchObject({
      address: MARIO,
      enabled: true,
      writable: false,
      imapAccess: false,
      retentionMonths: 24,
      plan: 'base',
      quotaBytes: 1024 ** 3,
      full: false,
      archiveAddress: 'mario.rossi_example.it@archivio.postassl.it',
      imap: { host: 'imaps.archivio.postassl.it', port: 993, security: 'ssl' },
      smtp: { host: 'smtps.archivio.postassl.it', port: 465, security: 'ssl' },
      growth: { windowDays: 30 },
    });
    expect(status.messageCount).toBeGreaterThan(0);
    expect(Number.isInteger(status.version)).toBe(true);
    expect(typeof status.planName).toBe('string');
    expect(status.nextPurge.count).toBeGreaterThan(0);
    expect(Date.parse(status.nextPurge.dueFrom)).toBeLessThan(Date.parse(status.nextPurge.dueTo));

    const giulia = (await postmaster.get(archivePath(GIULIA))).body;
    expect(giulia).toMatchObject({
      enabled: true,
      writable: true,
      imapAccess: true,
      plan: 'unlimited',
      quotaBytes: null,
      planName: 'SpazioMail illimitato',
      retentionMonths: null,
      nextPurge: null,
    });
    const luca = (await postmaster.get(archivePath(LUCA))).body;
    expect(luca).toMatchObject({ enabled: false, usedBytes: 0, messageCount: 0, enabledAt: null, nextPurge: null, full: false });
  });

  it('usedBytes is the exact sum of the archived message sizes', async () => {
    const mario = await provider.as(MARIO);
    const status = (await mario.get(archivePath(MARIO))).body;
    const folders = (await mario.get(archivePath(MARIO, '/folders'))).body.folders as any[];
    let sum = 0;
    let count = 0;
    for (const folder of folders.filter((f) => f.kind !== 'inbox')) {
      for (const item of await listAll(mario, MARIO, folder.id)) {
        sum += item.size;
        count++;
      }
    }
    expect(status.usedBytes).toBe(sum);
    expect(status.messageCount).toBe(count);
  });

  it('lets the owner and the postmaster read the status, nobody else', async () => {
    const luca = await provider.as(LUCA);
    const reply = await luca.get(archivePath(MARIO));
    expect(reply.status).toBe(403);
    expect(reply.body.error.code).toBe('forbidden');
    expect((await postmaster.get(archivePath('ghost@example.it'))).body.error.code).toBe('not_found');
  });
});

describe('mailbox list', () => {
  it('lists every mailbox of the domain for the postmaster', async () => {
    const reply = await postmaster.get(`${API}/mailboxes`);
    expect(reply.status).toBe(200);
    const byAddress = new Map((reply.body.mailboxes as any[]).map((m) => [m.address, m]));
    expect([...byAddress.keys()].sort()).toEqual([GIULIA, LUCA, MARIO, POSTMASTER].sort());
    expect(byAddress.get(MARIO).archive).toMatchObject({
      enabled: true,
      writable: false,
      imapAccess: false,
      retentionMonths: 24,
      plan: 'base',
      quotaBytes: 1024 ** 3,
      full: false,
    });
    expect(byAddress.get(LUCA).archive.enabled).toBe(false);
    expect(byAddress.get(GIULIA).displayName).toBe('Giulia Verdi');
  });

  it('is refused to a user', async () => {
    const reply = await (await provider.as(MARIO)).get(`${API}/mailboxes`);
    expect(reply.status).toBe(403);
    expect(reply.body.error.code).toBe('forbidden');
  });
});

describe('settings', () => {
  it('the postmaster changes writable, IMAP access and retention', async () => {
    const reply = await postmaster.patch(archivePath(GIULIA), { writable: false, imapAccess: false, retentionMonths: 48 });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ writable: false, imapAccess: false, retentionMonths: 48 });
    const back = await postmaster.patch(archivePath(GIULIA), { writable: true, imapAccess: true, retentionMonths: null });
    expect(back.body).toMatchObject({ writable: true, imapAccess: true, retentionMonths: null });
  });

  it('accepts every retention step from 6 to 48 months and nothing else', async () => {
    for (const months of [6, 12, 18, 24, 30, 36, 42, 48]) {
      expect((await postmaster.patch(archivePath(MARIO), { retentionMonths: months })).body.retentionMonths).toBe(months);
    }
    for (const months of [0, 3, 7, 25, 54, 60, '24', -6, 24.5]) {
      const reply = await postmaster.patch(archivePath(MARIO), { retentionMonths: months });
      expect(reply.status).toBe(400);
      expect(reply.body.error.code).toBe('invalid_request');
    }
    expect((await postmaster.patch(archivePath(MARIO), { retentionMonths: 24 })).body.retentionMonths).toBe(24);
  });

  it('refuses unknown keys and wrong types without changing anything', async () => {
    for (const body of [{ writable: 'yes' }, { imapAccess: 1 }, { plan: 'unlimited' }, [], 'x', null]) {
      const reply = await postmaster.patch(archivePath(MARIO), body);
      expect(reply.status).toBe(400);
      expect(reply.body.error.code).toBe('invalid_request');
    }
    expect((await postmaster.get(archivePath(MARIO))).body).toMatchObject({ writable: false, imapAccess: false, plan: 'base' });
  });

  it('a user may not change settings, not even of their own archive', async () => {
    const mario = await provider.as(MARIO);
    for (const reply of [
      await mario.patch(archivePath(MARIO), { writable: true }),
      await mario.post(archivePath(LUCA, '/enable')),
      await mario.post(archivePath(MARIO, '/disable'), { confirm: MARIO }),
    ]) {
      expect(reply.status).toBe(403);
      expect(reply.body.error.code).toBe('forbidden');
    }
    expect((await mario.get(archivePath(MARIO))).body).toMatchObject({ enabled: true, writable: false });
    expect((await postmaster.get(archivePath(LUCA))).body.enabled).toBe(false);
  });

  it('settings of a disabled archive answer archive_disabled', async () => {
    const reply = await postmaster.patch(archivePath(LUCA), { writable: true });
    expect(reply.status).toBe(409);
    expect(reply.body.error.code).toBe('archive_disabled');
  });
});

describe('enable and disable', () => {
  it('enabling starts an empty, read-only archive and is idempotent', async () => {
    const first = await postmaster.post(archivePath(LUCA, '/enable'), {});
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ enabled: true, writable: false, imapAccess: false, retentionMonths: null, messageCount: 0, usedBytes: 0 });
    expect(first.body.enabledAt).not.toBeNull();
    const again = await postmaster.post(archivePath(LUCA, '/enable'), {});
    expect(again.status).toBe(200);
    expect(again.body.enabledAt).toBe(first.body.enabledAt);
    const luca = await provider.as(LUCA);
    const folders = (await luca.get(archivePath(LUCA, '/folders'))).body.folders;
    expect(folders.map((f: any) => f.id)).toEqual(['inbox', 'sent']);
  });

  it('disabling needs the exact mailbox address typed in "confirm"', async () => {
    const before = (await postmaster.get(archivePath(GIULIA))).body;
    for (const body of [
      {},
      { confirm: 'yes' },
      { confirm: GIULIA.toUpperCase() },
      { confirm: ` ${GIULIA}` },
      { confirm: true },
      { confirm: MARIO },
    ]) {
      const reply = await postmaster.post(archivePath(GIULIA, '/disable'), body);
      expect(reply.status).toBe(400);
      expect(reply.body.error.code).toBe('confirmation_required');
    }
    const after = (await postmaster.get(archivePath(GIULIA))).body;
    expect(after).toMatchObject({ enabled: true, messageCount: before.messageCount, usedBytes: before.usedBytes });
  });

  it('disabling destroys that archive only; its mailbox and other archives stay; re-enabling starts empty', async () => {
    const giulia = await provider.as(GIULIA);
    const mario = await provider.as(MARIO);
    const marioBefore = (await mario.get(archivePath(MARIO))).body;
    const giuliaInbox = (await mailboxItems(giulia, 'inbox')).length;
    const oldVersion = (await giulia.get(archivePath(GIULIA))).body.version;

    const reply = await postmaster.post(archivePath(GIULIA, '/disable'), { confirm: GIULIA });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ enabled: false, messageCount: 0, usedBytes: 0 });
    const closed = await giulia.get(archivePath(GIULIA, '/folders'));
    expect(closed.status).toBe(409);
    expect(closed.body.error.code).toBe('archive_disabled');
    expect((await mailboxItems(giulia, 'inbox')).length).toBe(giuliaInbox);
    const marioAfter = (await mario.get(archivePath(MARIO))).body;
    expect(marioAfter).toMatchObject({ enabled: true, messageCount: marioBefore.messageCount, usedBytes: marioBefore.usedBytes });

    // Mail arriving while the archive is off is delivered but not archived.
    await sendMail(provider, { from: 'x@outside.example.com', to: GIULIA, subject: 'while off', text: 'hi' });
    const enabled = await postmaster.post(archivePath(GIULIA, '/enable'), {});
    expect(enabled.body).toMatchObject({ enabled: true, messageCount: 0, usedBytes: 0, writable: false });
    expect(enabled.body.version).toBeGreaterThan(oldVersion);
    const changes = await giulia.get(archivePath(GIULIA, `/changes?since=${oldVersion}`));
    expect(changes.status).toBe(410);
    expect(changes.body.error.code).toBe('version_expired');
  });
});
