// Brings the mailbox index (inbox, sent, trash) in line with what an IMAP client signed in with the mailbox address
// did to its Maildirs: seen flags (a file renamed `…:2,` → `…:2,S`), moves between folders, expunges, appends.
// Cheap when nothing changed: one stat of cur/ and new/ per folder, compared with the last scan.
import fs from 'node:fs';
import { newMessageId } from '../mail/ids';
import { parseForIndex } from '../mail/parse';
import { indexRow, type Services } from '../services/context';
import { MAIL_FOLDERS, type MailFolderId } from '../services/mailbox';
import { MaildirScanner, pairWithIndex, takeMoveSource, type IndexedFile, type ScanDir } from './maildir-scan';

interface IndexedRow extends IndexedFile {
  seen: number;
}

export class MailboxReconciler {
  private readonly scanner = new MaildirScanner();

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
    if (!dirs.some((dir) => this.scanner.needsScan(dir.abs))) return 0;
    return this.s.lock.run(() => this.apply(address, dirs));
  }

  private async apply(address: string, dirs: ScanDir[]): Promise<number> {
    const s = this.s;
    const found = await this.scanner.scan(dirs);

    const indexed = s.db
      .prepare(
        `SELECT id, file, size, message_id AS messageId, folder_id AS folderId, seen FROM messages
         WHERE store = 'mailbox' AND address = ?`,
      )
      .all(address) as IndexedRow[];
    const { kept, missing } = pairWithIndex(indexed, found);
    const update = s.db.prepare('UPDATE messages SET file = ?, seen = ? WHERE id = ?');
    let changes = 0;
    for (const { row, file } of kept) {
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
      const source = takeMoveSource(missing, raw.length, fields.messageId);
      const folderId = file.folderId as MailFolderId;
      if (source) {
        s.db.transaction(() => {
          s.messages.moveTo(source.id, folderId, file.rel);
          update.run(file.rel, file.seen ? 1 : 0, source.id);
        })();
      } else {
        s.messages.insert(
          indexRow(
            fields,
            { id: newMessageId(), store: 'mailbox', address, folderId, file: file.rel, size: raw.length },
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
