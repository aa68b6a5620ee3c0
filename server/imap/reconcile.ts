// Brings the archive index in line with what Dovecot did to the Maildirs (write mode: moves, deletions, flag
// renames, appends). Cheap when nothing changed: one stat of cur/ and new/ per folder, compared with the last scan.
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { newMessageId } from '../mail/ids';
import { parseForIndex } from '../mail/parse';
import { addFolder, removeFromArchive } from '../services/archive-store';
import { indexRow, type Services } from '../services/context';
import type { FolderRow } from '../storage/archives';

interface DirState {
  mtimeMs: number;
  scannedAtMs: number;
}

interface IndexedFile {
  id: string;
  file: string;
  size: number;
  messageId: string;
}

interface FoundFile {
  rel: string;
  folderId: string;
}

// A change in the same clock tick as our scan leaves the mtime unchanged; a folder scanned this soon after its last
// change is scanned again next time (git's "racily clean" rule).
const RACY_MS = 1500;

/** The unique part of a Maildir file name: Dovecot renames `base:2,S` to `base:2,ST` and moves new/ → cur/. */
function baseName(name: string): string {
  const colon = name.indexOf(':');
  return colon >= 0 ? name.slice(0, colon) : name;
}

function folderOfMonthDir(name: string): FolderRow | null {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(name)) return null;
  return { id: `inbox-${name}`, kind: 'inbox-month', name, month: name };
}

export class MaildirReconciler {
  private readonly state = new Map<string, DirState>();

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
    const changed = dirs.filter((dir) => this.needsScan(dir.abs));
    if (changed.length === 0) return 0;
    return this.s.lock.run(() => this.apply(address, changed));
  }

  private folderDirs(address: string): Array<{ folder: FolderRow; rel: string; abs: string }> {
    const s = this.s;
    const out = new Map<string, { folder: FolderRow; rel: string; abs: string }>();
    for (const folder of s.archives.folders(address)) {
      if (folder.kind === 'inbox') continue;
      const rel = s.maildirs.archiveDir(address, folder.id);
      out.set(folder.id, { folder, rel, abs: s.maildirs.resolve(rel) });
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
      out.set(folder.id, { folder, rel, abs: s.maildirs.resolve(rel) });
    }
    return [...out.values()];
  }

  private mtimeOf(abs: string): number {
    let latest = -1;
    for (const sub of ['cur', 'new']) {
      try {
        latest = Math.max(latest, fs.statSync(path.join(abs, sub)).mtimeMs);
      } catch {
        // a folder without cur/ or new/ holds nothing
      }
    }
    return latest;
  }

  private needsScan(abs: string): boolean {
    const known = this.state.get(abs);
    if (!known) return true;
    return this.mtimeOf(abs) !== known.mtimeMs || known.scannedAtMs - known.mtimeMs < RACY_MS;
  }

  private async apply(address: string, dirs: Array<{ folder: FolderRow; rel: string; abs: string }>): Promise<number> {
    const s = this.s;
    const found = new Map<string, FoundFile>();
    for (const dir of dirs) {
      const mtimeMs = this.mtimeOf(dir.abs);
      for (const sub of ['cur', 'new']) {
        let names: string[] = [];
        try {
          names = await fsp.readdir(path.join(dir.abs, sub));
        } catch {
          names = [];
        }
        for (const name of names) {
          if (name.startsWith('.')) continue;
          found.set(`${dir.folder.id}/${baseName(name)}`, { rel: path.posix.join(dir.rel, sub, name), folderId: dir.folder.id });
        }
      }
      this.state.set(dir.abs, { mtimeMs, scannedAtMs: Date.now() });
    }

    const folderIds = dirs.map((d) => d.folder.id);
    const indexed = s.db
      .prepare(
        `SELECT id, file, size, message_id AS messageId, folder_id AS folderId FROM messages
         WHERE store = 'archive' AND address = ? AND folder_id IN (${folderIds.map(() => '?').join(', ')})`,
      )
      .all(address, ...folderIds) as Array<IndexedFile & { folderId: string }>;

    const missing: Array<IndexedFile & { folderId: string }> = [];
    const renamed: Array<{ id: string; file: string }> = [];
    for (const row of indexed) {
      const key = `${row.folderId}/${baseName(path.posix.basename(row.file))}`;
      const file = found.get(key);
      if (!file) {
        missing.push(row);
        continue;
      }
      found.delete(key);
      if (file.rel !== row.file) renamed.push({ id: row.id, file: file.rel });
    }
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
      const sourceIndex = missing.findIndex((row) => row.size === raw.length && row.messageId === fields.messageId);
      const folder = folderById.get(file.folderId) as FolderRow;
      s.db.transaction(() => {
        const version = s.archives.bumpVersion(address);
        addFolder(s, address, folder, version);
        if (sourceIndex >= 0) {
          const [source] = missing.splice(sourceIndex, 1) as [IndexedFile & { folderId: string }];
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
