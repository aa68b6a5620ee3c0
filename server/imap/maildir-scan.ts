// What the two IMAP reconcilers share: which Maildir folders changed since the last scan, the files they hold now, and
// how those files pair with the rows of the index (same folder and same unique base name = the same message).
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';

// A change in the same clock tick as our scan leaves the mtime unchanged; a folder scanned this soon after its last
// change is scanned again next time (git's "racily clean" rule).
const RACY_MS = 1500;

export interface ScanDir {
  folderId: string;
  /** Path relative to the Maildir root, as the index stores it. */
  rel: string;
  abs: string;
}

export interface FoundFile {
  rel: string;
  folderId: string;
  /** Maildir's info part holds S. */
  seen: boolean;
}

export interface IndexedFile {
  id: string;
  file: string;
  size: number;
  messageId: string;
  folderId: string;
}

/** The unique part of a Maildir file name: Dovecot renames `base:2,S` to `base:2,ST` and moves new/ → cur/. */
function baseName(name: string): string {
  const colon = name.indexOf(':');
  return colon >= 0 ? name.slice(0, colon) : name;
}

function seenIn(name: string): boolean {
  const info = /:2,([A-Za-z]*)$/.exec(name);
  return info !== null && (info[1] as string).includes('S');
}

function mtimeOf(abs: string): number {
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

export class MaildirScanner {
  private readonly state = new Map<string, { mtimeMs: number; scannedAtMs: number }>();

  /** One stat of cur/ and new/: false when nothing changed since this folder's last scan. */
  needsScan(abs: string): boolean {
    const known = this.state.get(abs);
    if (!known) return true;
    return mtimeOf(abs) !== known.mtimeMs || known.scannedAtMs - known.mtimeMs < RACY_MS;
  }

  /** Every message file of these folders, keyed by folder and base name. */
  async scan(dirs: ScanDir[]): Promise<Map<string, FoundFile>> {
    const found = new Map<string, FoundFile>();
    for (const dir of dirs) {
      const mtimeMs = mtimeOf(dir.abs);
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
    return found;
  }
}

/**
 * Pairs the index with the files found: `kept` rows whose file is still there (maybe renamed), `missing` rows whose
 * file is gone. What is left in `found` afterwards are files the client put there (MOVE, COPY, APPEND).
 */
export function pairWithIndex<Row extends IndexedFile>(rows: Row[], found: Map<string, FoundFile>) {
  const kept: Array<{ row: Row; file: FoundFile }> = [];
  const missing: Row[] = [];
  for (const row of rows) {
    const key = `${row.folderId}/${baseName(path.posix.basename(row.file))}`;
    const file = found.get(key);
    if (!file) {
      missing.push(row);
      continue;
    }
    found.delete(key);
    kept.push({ row, file });
  }
  return { kept, missing };
}

/** A new file is a moved message when a vanished row had its size and Message-ID: that row is taken from `missing`. */
export function takeMoveSource<Row extends IndexedFile>(missing: Row[], size: number, messageId: string): Row | null {
  const index = missing.findIndex((row) => row.size === size && row.messageId === messageId);
  return index >= 0 ? (missing.splice(index, 1)[0] as Row) : null;
}
