// The mailbox itself (not the archive): delivery into inbox/sent, trash and permanent deletion. Callers hold the write lock.
import { newMessageId } from '../mail/ids';
import type { IndexFields } from '../mail/parse';
import type { MessageRow } from '../storage/messages';
import { indexRow, type Services } from './context';

export type MailFolderId = 'inbox' | 'sent' | 'trash';

export const MAIL_FOLDERS: ReadonlyArray<{ id: MailFolderId; name: string }> = [
  { id: 'inbox', name: 'Posta in arrivo' },
  { id: 'sent', name: 'Posta inviata' },
  { id: 'trash', name: 'Cestino' },
];

export function isMailFolder(value: string): value is MailFolderId {
  return value === 'inbox' || value === 'sent' || value === 'trash';
}

export async function deliverToMailbox(
  s: Services,
  address: string,
  folderId: MailFolderId,
  raw: Buffer,
  fields: IndexFields,
  meta: { dateMs: number; via: string; seen: boolean },
): Promise<string> {
  const id = newMessageId();
  const file = await s.maildirs.deliver(s.maildirs.mailboxDir(address, folderId), raw, meta.seen);
  s.messages.insert(
    indexRow(
      fields,
      { id, store: 'mailbox', address, folderId, file, size: raw.length },
      { dateMs: meta.dateMs, seen: meta.seen, via: meta.via, storedMs: s.clock.nowMs() },
    ),
  );
  return id;
}

/** Deleting from inbox or sent moves to the trash; deleting from the trash removes for good (the archive keeps its copy). */
export async function deleteFromMailbox(s: Services, row: MessageRow): Promise<void> {
  if (row.folderId === 'trash') {
    s.messages.delete(row.id);
    await s.maildirs.remove(row.file);
    return;
  }
  const file = await s.maildirs.link(row.file, s.maildirs.mailboxDir(row.address, 'trash'), row.seen);
  s.messages.moveTo(row.id, 'trash', file);
  await s.maildirs.remove(row.file);
}
