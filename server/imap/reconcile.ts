// Brings the archive index in line with what Dovecot did to the Maildirs (write mode: moves, deletions, flag
// renames, appends). Cheap when nothing changed: one stat of cur/ and new/ per folder, compared with the last scan.
import fs from 'node:fs';
import { newMessageId } from '../mail/ids';
import { parseForIndex } from '../mail/parse';
import { addFolder, removeFromArchive } from '../services/archive-store';
import { indexRow, type Services } from '../services/context';
import type { FolderRow } from '../storage/archives';
import { MaildirScanner, pairWithIndex, takeMoveSource, type IndexedFile } from './maildir-scan';

interface FolderDir {
  folder: FolderRow;
  folderId: string;
  rel: string;
  abs: string;
}

function folderOfMonthDir(name: string): FolderRow | null {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(name)) return null;
  return { id: `inbox-${name}`, kind: 'inbox-month', name, month: name };
}

export class MaildirReconciler {
  private readonly scanner = new MaildirScanner();

  /** `opened` tells whether Dovecot ever opened an archive (only those can have been changed behind our back). */
  constructor(
    private readonly s: Services,
    private readonly opened: (address: string) => boolean = () => true,
  ) {}

  /** Every enabled archive Dovecot opened: it may have changed one while it was writable, even if it no longer is. */
  async reconcileAll(): Promise<number> {
    let changes = 0;
    const rows = this.s.db.prepare('SELECT address FROM archives WHERE enabled = 1').all() as Array<{ address: string }>;
    for (const { address } of rows) if (this.opened(address)) changes += await this.reconcile(address);
    return changes;
  }

  async reconcile(address: string): Promise<number> {
    const dirs = this.folderDirs(address);
    const changed = dirs.filter((dir) => this.scanner.needsScan(dir.abs));
    if (changed.length === 0) return 0;
    return this.s.lock.run(() => this.apply(address, changed));
  }

  private folderDirs(address: string): FolderDir[] {
    const s = this.s;
    const out = new Map<string, FolderDir>();
    for (const folder of s.archives.folders(address)) {
      if (folder.kind === 'inbox') continue;
      const rel = s.maildirs.archiveDir(address, folder.id);
      out.set(folder.id, { folder, folderId: folder.id, rel, abs: s.maildirs.resolve(rel) });
    }
    // Months on disk whose folder row is gone (emptied by the purge) can receive a message moved there over IMAP.
    const inboxRel = `${s.maildirs.archiveRoot(address)}/inbox`;
    let months: string[] = [];
    try {
      months = fs.readdirSync(s.maildirs.resolve(inboxRel));
    } catch {
      months = [];
    }
    for (const name of months) {
      const folder = folderOfMonthDir(name);
      if (!folder || out.has(folder.id)) continue;
      const rel = s.maildirs.archiveDir(address, folder.id);
      out.set(folder.id, { folder, folderId: folder.id, rel, abs: s.maildirs.resolve(rel) });
    }
    return [...out.values()];
  }

  private async apply(address: string, dirs: FolderDir[]): Promise<number> {
    const s = this.s;
    const found = await this.scanner.scan(dirs);

    const folderIds = dirs.map((d) => d.folder.id);
    const indexed = s.db
      .prepare(
        `SELECT id, file, size, message_id AS messageId, folder_id AS folderId FROM messages
         WHERE store = 'archive' AND address = ? AND folder_id IN (${folderIds.map(() => '?').join(', ')})`,
      )
      .all(address, ...folderIds) as IndexedFile[];

    const { kept, missing } = pairWithIndex(indexed, found);
    const renamed = kept.filter(({ row, file }) => file.rel !== row.file).map(({ row, file }) => ({ id: row.id, file: file.rel }));
    if (renamed.length > 0) {
      const update = s.db.prepare('UPDATE messages SET file = ? WHERE id = ?');
      s.db.transaction(() => renamed.forEach((r) => update.run(r.file, r.id)))();
    }

    // Files Dovecot put here (MOVE, COPY or APPEND): a move keeps the message's id when its source disappeared.
    let changes = 0;
    const folderById = new Map(dirs.map((d) => [d.folder.id, d.folder]));
    for (const file of found.values()) {
      let raw: Buffer;
      let mtimeMs: number;
      try {
        raw = await s.maildirs.read(file.rel);
        mtimeMs = fs.statSync(s.maildirs.resolve(file.rel)).mtimeMs;
      } catch {
        continue;
      }
      const fields = await parseForIndex(raw);
      const source = takeMoveSource(missing, raw.length, fields.messageId);
      const folder = folderById.get(file.folderId) as FolderRow;
      s.db.transaction(() => {
        const version = s.archives.bumpVersion(address);
        addFolder(s, address, folder, version);
        if (source) {
          s.messages.moveTo(source.id, file.folderId, file.rel);
          s.archives.logChange(address, { version, folderId: source.folderId, messageId: source.id, kind: 'removed' });
          s.archives.logChange(address, { version, folderId: file.folderId, messageId: source.id, kind: 'added' });
        } else {
          const id = newMessageId();
          s.messages.insert(
            indexRow(
              fields,
              { id, store: 'archive', address, folderId: file.folderId, file: file.rel, size: raw.length },
              { dateMs: Math.floor(mtimeMs), seen: true, via: 'imap', storedMs: s.clock.nowMs() },
            ),
          );
          s.archives.logChange(address, { version, folderId: file.folderId, messageId: id, kind: 'added' });
        }
      })();
      changes++;
    }

    if (missing.length > 0) {
      const rows = missing.map((row) => s.messages.get('archive', address, row.id)).filter((row) => row !== null);
      changes += await removeFromArchive(s, address, rows);
    }
    return changes;
  }
}
