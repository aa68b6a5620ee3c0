// Brings the mailbox index (inbox, sent, trash) in line with what an IMAP client signed in with the mailbox address
// did to its Maildirs: seen flags (a file renamed `…:2,` → `…:2,S`), moves between folders, expunges, appends.
// Cheap when nothing changed: one stat of cur/ and new/ per folder, compared with the last scan.
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { newMessageId } from '../mail/ids';
import { parseForIndex } from '../mail/parse';
import { indexRow, type Services } from '../services/context';
import { MAIL_FOLDERS, type MailFolderId } from '../services/mailbox';

// A change in the same clock tick as our scan leaves the mtime unchanged: scan again a folder scanned this soon after.
const RACY_MS = 1500;

interface FoundFile {
  rel: string;
  folderId: MailFolderId;
  seen: boolean;
}

interface IndexedRow {
  id: string;
  file: string;
  size: number;
  messageId: string;
  folderId: string;
  seen: number;
}

function baseName(name: string): string {
  const colon = name.indexOf(':');
  return colon >= 0 ? name.slice(0, colon) : name;
}

/** Maildir's info part: `:2,` followed by the flag letters, S meaning seen. */
function seenIn(name: string): boolean {
  const info = /:2,([A-Za-z]*)$/.exec(name);
  return info !== null && (info[1] as string).includes('S');
}

export class MailboxReconciler {
  private readonly state = new Map<string, { mtimeMs: number; scannedAtMs: number }>();

  /** `opened` tells whether Dovecot ever opened a mailbox (only those can have been changed behind our back). */
  constructor(
    private readonly s: Services,
    private readonly opened: (address: string) => boolean,
  ) {}

  async reconcileAll(): Promise<number> {
    let changes = 0;
    for (const account of this.s.accounts.all()) if (this.opened(account.address)) changes += await this.reconcile(account.address);
    return changes;
  }

  async reconcile(address: string): Promise<number> {
    const dirs = MAIL_FOLDERS.map((folder) => {
      const rel = this.s.maildirs.mailboxDir(address, folder.id);
      return { folderId: folder.id, rel, abs: this.s.maildirs.resolve(rel) };
    });
    if (!dirs.some((dir) => this.needsScan(dir.abs))) return 0;
    return this.s.lock.run(() => this.apply(address, dirs));
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

  private async apply(address: string, dirs: Array<{ folderId: MailFolderId; rel: string; abs: string }>): Promise<number> {
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
          found.set(`${dir.folderId}/${baseName(name)}`, { rel: path.posix.join(dir.rel, sub, name), folderId: dir.folderId, seen: seenIn(name) });
        }
      }
      this.state.set(dir.abs, { mtimeMs, scannedAtMs: Date.now() });
    }

    const indexed = s.db
      .prepare(
        `SELECT id, file, size, message_id AS messageId, folder_id AS folderId, seen FROM messages
         WHERE store = 'mailbox' AND address = ?`,
      )
      .all(address) as IndexedRow[];
    const missing: IndexedRow[] = [];
    const update = s.db.prepare('UPDATE messages SET file = ?, seen = ? WHERE id = ?');
    let changes = 0;
    for (const row of indexed) {
      const key = `${row.folderId}/${baseName(path.posix.basename(row.file))}`;
      const file = found.get(key);
      if (!file) {
        missing.push(row);
        continue;
      }
      found.delete(key);
      if (file.rel !== row.file || (file.seen ? 1 : 0) !== row.seen) {
        update.run(file.rel, file.seen ? 1 : 0, row.id);
        changes++;
      }
    }

    // Files the client put here (MOVE, COPY, APPEND): a move keeps the message's id when its source disappeared.
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
      if (sourceIndex >= 0) {
        const [source] = missing.splice(sourceIndex, 1) as [IndexedRow];
        s.db.transaction(() => {
          s.messages.moveTo(source.id, file.folderId, file.rel);
          update.run(file.rel, file.seen ? 1 : 0, source.id);
        })();
      } else {
        s.messages.insert(
          indexRow(
            fields,
            { id: newMessageId(), store: 'mailbox', address, folderId: file.folderId, file: file.rel, size: raw.length },
            { dateMs: Math.floor(mtimeMs), seen: file.seen, via: 'imap', storedMs: s.clock.nowMs() },
          ),
        );
      }
      changes++;
    }

    for (const row of missing) s.messages.delete(row.id);
    return changes + missing.length;
  }
}
