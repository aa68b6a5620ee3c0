// Contract: restore (read-only too), move/delete/empty/new folder only in write mode, folders never deletable.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  archivePath,
  archiveStatus,
  GIULIA,
  listAll,
  mailboxItems,
  MARIO,
  POSTMASTER,
  sendMail,
  startTestProvider,
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

describe('restore', () => {
  it('copies an archived message back into the mailbox inbox, also in read-only mode', async () => {
    const inboxBefore = await mailboxItems(mario, 'inbox');
    const archived = (await listAll(mario, MARIO, 'inbox')).find((m) => !inboxBefore.some((i: any) => i.messageId === m.messageId));
    expect(archived, 'the demo history has mail deleted from the mailbox').toBeTruthy();
    const before = await archiveStatus(mario, MARIO);
    const reply = await mario.post(archivePath(MARIO, `/messages/${archived.id}/restore`), {});
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ restored: true, mailboxMessageId: expect.stringMatching(/^[A-Za-z0-9_-]+$/) });
    const inboxAfter = await mailboxItems(mario, 'inbox');
    const restored = inboxAfter.find((m: any) => m.id === reply.body.mailboxMessageId);
    expect(restored).toMatchObject({ subject: archived.subject, messageId: archived.messageId, size: archived.size, seen: false });
    const detail = await mario.get(`/api/mail/messages/${restored.id}`);
    expect(detail.body.subject).toBe(archived.subject);
    // The archive itself is unchanged.
    expect(await archiveStatus(mario, MARIO)).toMatchObject({ messageCount: before.messageCount, usedBytes: before.usedBytes });
  });

  it('the postmaster cannot restore, read or list someone else’s archive', async () => {
    const postmaster = await provider.as(POSTMASTER);
    const some = (await listAll(mario, MARIO, 'sent'))[0];
    for (const reply of [
      await postmaster.post(archivePath(MARIO, `/messages/${some.id}/restore`), {}),
      await postmaster.get(archivePath(MARIO, `/messages/${some.id}`)),
      await postmaster.get(archivePath(MARIO, '/folders')),
      await postmaster.get(archivePath(MARIO, '/folders/inbox/messages')),
      await postmaster.get(archivePath(MARIO, '/search?q=a')),
      await postmaster.get(archivePath(MARIO, `/messages/${some.id}/raw`)),
      await postmaster.get(archivePath(MARIO, '/folders/sent/export')),
    ]) {
      expect(reply.status).toBe(403);
      expect(reply.body.error.code).toBe('forbidden');
    }
  });
});

describe('read-only archive', () => {
  it('refuses move, delete, empty and new folders with archive_read_only and changes nothing', async () => {
    const before = await archiveStatus(mario, MARIO);
    const victim = (await listAll(mario, MARIO, 'inbox'))[0];
    for (const reply of [
      await mario.post(archivePath(MARIO, `/messages/${victim.id}/move`), { folderId: 'sent' }),
      await mario.del(archivePath(MARIO, `/messages/${victim.id}`)),
      await mario.post(archivePath(MARIO, '/folders/inbox/empty'), {}),
      await mario.post(archivePath(MARIO, '/folders'), { name: 'Progetti' }),
    ]) {
      expect(reply.status).toBe(403);
      expect(reply.body.error.code).toBe('archive_read_only');
    }
    const after = await archiveStatus(mario, MARIO);
    expect(after).toMatchObject({ messageCount: before.messageCount, usedBytes: before.usedBytes, version: before.version });
  });
});

describe('write mode', () => {
  it('creates a custom folder, moves a message into it and back', async () => {
    const created = await giulia.post(archivePath(GIULIA, '/folders'), { name: '  Progetti 2025  ' });
    expect(created.status).toBe(201);
    expect(created.body.folder).toMatchObject({ id: expect.stringMatching(/^custom-\d+$/), name: 'Progetti 2025', kind: 'custom', parentId: null });
    const duplicate = await giulia.post(archivePath(GIULIA, '/folders'), { name: 'progetti 2025' });
    expect(duplicate.body.error.code).toBe('invalid_request');
    for (const name of ['', '   ', 'a/b', 'x'.repeat(101)]) {
      expect((await giulia.post(archivePath(GIULIA, '/folders'), { name })).body.error.code).toBe('invalid_request');
    }
    const customId = created.body.folder.id;
    const v0 = (await archiveStatus(giulia, GIULIA)).version;
    const message = (await listAll(giulia, GIULIA, 'inbox'))[0];
    const moved = await giulia.post(archivePath(GIULIA, `/messages/${message.id}/move`), { folderId: customId });
    expect(moved.status).toBe(200);
    expect(moved.body.message).toMatchObject({ id: message.id, folderId: customId });
    expect((await listAll(giulia, GIULIA, customId)).map((m) => m.id)).toEqual([message.id]);
    expect((await listAll(giulia, GIULIA, message.folderId)).some((m) => m.id === message.id)).toBe(false);
    const detail = await giulia.get(archivePath(GIULIA, `/messages/${message.id}`));
    expect(detail.body.subject).toBe(message.subject);

    const changes = (await giulia.get(archivePath(GIULIA, `/changes?since=${v0}`))).body;
    const byFolder = new Map((changes.changes as any[]).map((c) => [c.folderId, c]));
    expect(byFolder.get(message.folderId).removed).toEqual([message.id]);
    expect(byFolder.get(customId).added.map((m: any) => m.id)).toEqual([message.id]);

    // Back into "inbox": it returns to its own month; another month is refused.
    const otherMonth = ((await giulia.get(archivePath(GIULIA, '/folders'))).body.folders as any[]).find(
      (f) => f.kind === 'inbox-month' && f.id !== message.folderId,
    );
    expect((await giulia.post(archivePath(GIULIA, `/messages/${message.id}/move`), { folderId: otherMonth.id })).body.error.code).toBe(
      'invalid_request',
    );
    expect((await giulia.post(archivePath(GIULIA, `/messages/${message.id}/move`), { folderId: 'custom-999' })).body.error.code).toBe('not_found');
    expect((await giulia.post(archivePath(GIULIA, `/messages/${message.id}/move`), { folderId: 42 })).body.error.code).toBe('invalid_request');
    const back = await giulia.post(archivePath(GIULIA, `/messages/${message.id}/move`), { folderId: 'inbox' });
    expect(back.body.message.folderId).toBe(message.folderId);
  });

  it('deletes a message and empties a folder; usedBytes follows exactly', async () => {
    const before = await archiveStatus(giulia, GIULIA);
    const victim = (await listAll(giulia, GIULIA, 'sent'))[0];
    const deleted = await giulia.del(archivePath(GIULIA, `/messages/${victim.id}`));
    expect(deleted.status).toBe(204);
    expect((await giulia.get(archivePath(GIULIA, `/messages/${victim.id}`))).status).toBe(404);
    expect((await giulia.del(archivePath(GIULIA, `/messages/${victim.id}`))).status).toBe(404);
    const mid = await archiveStatus(giulia, GIULIA);
    expect(mid).toMatchObject({ messageCount: before.messageCount - 1, usedBytes: before.usedBytes - victim.size });

    const sent = await listAll(giulia, GIULIA, 'sent');
    const emptied = await giulia.post(archivePath(GIULIA, '/folders/sent/empty'), {});
    expect(emptied.status).toBe(200);
    expect(emptied.body.removed).toBe(sent.length);
    const after = await archiveStatus(giulia, GIULIA);
    expect(after.usedBytes).toBe(mid.usedBytes - sent.reduce((n, m) => n + m.size, 0));
    const folders = (await giulia.get(archivePath(GIULIA, '/folders'))).body.folders as any[];
    expect(folders.find((f) => f.id === 'sent')).toMatchObject({ messageCount: 0, bytes: 0 });
    const month = folders.find((f) => f.kind === 'inbox-month' && f.messageCount > 0);
    expect((await giulia.post(archivePath(GIULIA, `/folders/${month.id}/empty`), {})).body.removed).toBe(month.messageCount);
    const kept = ((await giulia.get(archivePath(GIULIA, '/folders'))).body.folders as any[]).find((f) => f.id === month.id);
    expect(kept).toMatchObject({ messageCount: 0, bytes: 0 });
    // The mailbox itself is untouched by archive operations.
    expect((await mailboxItems(giulia, 'sent')).length).toBeGreaterThan(0);
  });

  it('never deletes a folder, in any mode', async () => {
    for (const [client, address, folder] of [
      [giulia, GIULIA, 'sent'],
      [giulia, GIULIA, 'inbox'],
      [mario, MARIO, 'inbox'],
    ] as const) {
      const reply = await client.del(archivePath(address, `/folders/${folder}`));
      expect(reply.status).toBe(409);
      expect(reply.body.error.code).toBe('folder_not_deletable');
    }
    const ids = ((await giulia.get(archivePath(GIULIA, '/folders'))).body.folders as any[]).map((f) => f.id);
    expect(ids).toContain('sent');
    expect(ids).toContain('inbox');
  });
});

describe('mailbox API', () => {
  it('deleting in the mailbox moves to trash, then removes for good; the archive keeps its copy', async () => {
    const subject = `Da cancellare ${Date.now()}`;
    await sendMail(provider, { from: 'x@outside.example.com', to: GIULIA, subject, text: 'x' });
    const inbox = await mailboxItems(giulia, 'inbox');
    const victim = inbox.find((m: any) => m.subject === subject);
    expect((await giulia.del(`/api/mail/messages/${victim.id}`)).status).toBe(204);
    expect((await mailboxItems(giulia, 'trash')).some((m: any) => m.id === victim.id)).toBe(true);
    expect((await mailboxItems(giulia, 'inbox')).some((m: any) => m.id === victim.id)).toBe(false);
    expect((await giulia.del(`/api/mail/messages/${victim.id}`)).status).toBe(204);
    expect((await giulia.get(`/api/mail/messages/${victim.id}`)).status).toBe(404);
    const archived = await giulia.get(archivePath(GIULIA, `/search?q=${encodeURIComponent(subject)}`));
    expect((archived.body.items as any[]).map((m) => m.messageId)).toEqual([victim.messageId]);
    // Another user's mailbox message is simply not found.
    expect((await mario.get(`/api/mail/messages/${inbox[1].id}`)).status).toBe(404);
  });
});
