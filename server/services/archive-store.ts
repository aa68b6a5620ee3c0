// Changes to an archive's content: archive a copy, remove, move, custom folders, enable/disable. Callers hold the write lock.
import { newMessageId } from '../mail/ids';
import type { IndexFields } from '../mail/parse';
import { monthFolderId, monthKey } from '../rules/months';
import { effectiveQuota, fitsQuota } from '../rules/quota';
import type { FolderRow } from '../storage/archives';
import type { MessageRow } from '../storage/messages';
import { indexRow, type Services } from './context';

export const INBOX_NAME = 'Posta in arrivo';
export const SENT_NAME = 'Posta inviata';
export const CHANGE_LOG_KEEP = 20_000;

export type ArchiveOutcome = { outcome: 'archived'; id: string } | { outcome: 'disabled' } | { outcome: 'full' };

function baseFolders(): FolderRow[] {
  return [
    { id: 'inbox', kind: 'inbox', name: INBOX_NAME, month: null },
    { id: 'sent', kind: 'sent', name: SENT_NAME, month: null },
  ];
}

export function monthFolder(dateMs: number): FolderRow {
  const month = monthKey(dateMs);
  return { id: `inbox-${month}`, kind: 'inbox-month', name: month, month };
}

export function addFolder(s: Services, address: string, folder: FolderRow, version: number): void {
  if (s.archives.insertFolder(address, folder)) {
    s.archives.logChange(address, { version, folderId: folder.id, messageId: null, kind: 'folder' });
  }
}

export function quotaOf(s: Services, address: string): number | null {
  const archive = s.archives.get(address);
  if (!archive) return null;
  return effectiveQuota(archive.plan, { set: archive.quotaOverrideSet, bytes: archive.quotaOverride });
}

/** Archives one copy (received → its month under Posta in arrivo; sent → Posta inviata) if the archive is on and it fits. */
export async function archiveCopy(
  s: Services,
  address: string,
  kind: 'inbox' | 'sent',
  raw: Buffer,
  fields: IndexFields,
  dateMs: number,
  via: string,
): Promise<ArchiveOutcome> {
  const archive = s.archives.get(address);
  if (!archive?.enabled) return { outcome: 'disabled' };
  const used = s.messages.totals('archive', address).bytes;
  if (!fitsQuota(used, raw.length, quotaOf(s, address))) {
    s.archives.update(address, { fullFlag: true });
    return { outcome: 'full' };
  }
  const folderId = kind === 'inbox' ? monthFolderId(dateMs) : 'sent';
  const id = newMessageId();
  const file = await s.maildirs.deliver(s.maildirs.archiveDir(address, folderId), raw, true);
  s.db.transaction(() => {
    const version = s.archives.bumpVersion(address);
    if (kind === 'inbox') addFolder(s, address, monthFolder(dateMs), version);
    s.messages.insert(
      indexRow(fields, { id, store: 'archive', address, folderId, file, size: raw.length }, { dateMs, seen: true, via, storedMs: s.clock.nowMs() }),
    );
    s.archives.logChange(address, { version, folderId, messageId: id, kind: 'added' });
  })();
  return { outcome: 'archived', id };
}

/**
 * Index rows go first (one transaction), files after: a crash leaves at worst an orphan file, never a dangling row.
 * The retention purge also drops the month folders it leaves empty (users can only empty folders, never remove them).
 */
export async function removeFromArchive(
  s: Services,
  address: string,
  rows: MessageRow[],
  options: { dropEmptyMonths?: boolean } = {},
): Promise<number> {
  if (rows.length === 0) return 0;
  s.db.transaction(() => {
    const version = s.archives.bumpVersion(address);
    for (const row of rows) {
      s.messages.delete(row.id);
      s.archives.logChange(address, { version, folderId: row.folderId, messageId: row.id, kind: 'removed' });
    }
    if (options.dropEmptyMonths) {
      for (const folderId of new Set(rows.map((r) => r.folderId))) {
        if (!folderId.startsWith('inbox-')) continue;
        if (s.messages.totals('archive', address, { folderIds: [folderId] }).count > 0) continue;
        s.archives.deleteFolder(address, folderId);
        s.archives.logChange(address, { version, folderId, messageId: null, kind: 'folder' });
      }
    }
    s.archives.update(address, { fullFlag: false });
    s.archives.trimChanges(address, CHANGE_LOG_KEEP);
  })();
  for (const row of rows) await s.maildirs.remove(row.file);
  return rows.length;
}

/** Resolves a move target: "inbox" means the message's own month; other months are refused (inbox is grouped by date). */
export function moveTarget(s: Services, address: string, row: MessageRow, folderId: string): FolderRow | 'wrong-month' | null {
  if (folderId === 'inbox') return monthFolder(row.dateMs);
  const folder = s.archives.folder(address, folderId);
  if (!folder || folder.kind === 'inbox') return null;
  if (folder.kind === 'inbox-month' && folder.id !== monthFolderId(row.dateMs)) return 'wrong-month';
  return folder;
}

export async function moveInArchive(s: Services, address: string, row: MessageRow, target: FolderRow): Promise<MessageRow> {
  if (row.folderId === target.id) return row;
  const file = await s.maildirs.link(row.file, s.maildirs.archiveDir(address, target.id), true);
  s.db.transaction(() => {
    const version = s.archives.bumpVersion(address);
    addFolder(s, address, target, version);
    s.messages.moveTo(row.id, target.id, file);
    s.archives.logChange(address, { version, folderId: row.folderId, messageId: row.id, kind: 'removed' });
    s.archives.logChange(address, { version, folderId: target.id, messageId: row.id, kind: 'added' });
  })();
  await s.maildirs.remove(row.file);
  return { ...row, folderId: target.id, file };
}

export function createCustomFolder(s: Services, address: string, name: string): FolderRow {
  return s.db.transaction(() => {
    const folder: FolderRow = { id: `custom-${s.archives.takeCustomNumber(address)}`, kind: 'custom', name, month: null };
    addFolder(s, address, folder, s.archives.bumpVersion(address));
    return folder;
  })();
}

/** Enabling starts empty, read-only, IMAP off, no retention (the product's defaults); already on → unchanged. */
export function enableArchive(s: Services, address: string): void {
  const archive = s.archives.get(address);
  if (!archive || archive.enabled) return;
  s.db.transaction(() => {
    const version = s.archives.bumpVersion(address);
    s.archives.update(address, {
      enabled: true,
      writable: false,
      imapAccess: false,
      retentionMonths: null,
      fullFlag: false,
      enabledAt: s.clock.now().toISOString(),
      changesFloor: version,
    });
    for (const folder of baseFolders()) addFolder(s, address, folder, version);
  })();
}

/** Destroys this archive's mail and folders (nothing else), keeping the version counter monotonic. */
export async function disableArchive(s: Services, address: string): Promise<void> {
  const archive = s.archives.get(address);
  if (!archive) return;
  await s.maildirs.discard(s.maildirs.archiveRoot(address));
  s.db.transaction(() => {
    s.messages.deleteAll('archive', address);
    s.archives.deleteFolders(address);
    s.archives.deleteChanges(address);
    const version = s.archives.bumpVersion(address);
    s.archives.update(address, {
      enabled: false,
      writable: false,
      imapAccess: false,
      retentionMonths: null,
      fullFlag: false,
      enabledAt: null,
      changesFloor: version,
    });
  })();
}
