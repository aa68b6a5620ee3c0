// Maildir files: one Maildir per mailbox folder and per archive folder; tmp → fsync → rename, then the caller indexes.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';

const SAFE_ADDRESS = /^[a-z0-9._%+-]+@[a-z0-9.-]+$/;
const SAFE_FOLDER = /^(inbox|sent|trash|inbox-\d{4}-\d{2}|custom-\d{1,9})$/;

let counter = 0;

export class Maildirs {
  private readonly ensured = new Set<string>();

  constructor(readonly root: string) {}

  /** Archive folder → Maildir: inbox months nest under inbox/ (a LAYOUT=fs tree an IMAP server can serve). */
  archiveDir(address: string, folderId: string): string {
    const base = path.posix.join('archive', checkAddress(address));
    const month = /^inbox-(\d{4}-\d{2})$/.exec(checkFolder(folderId));
    return month ? path.posix.join(base, 'inbox', month[1] as string) : path.posix.join(base, folderId);
  }

  archiveRoot(address: string): string {
    return path.posix.join('archive', checkAddress(address));
  }

  mailboxDir(address: string, folderId: string): string {
    return path.posix.join('mailboxes', checkAddress(address), checkFolder(folderId));
  }

  /** Writes a message durably into a Maildir and returns its path relative to the data folder. */
  async deliver(relDir: string, raw: Buffer, seen: boolean): Promise<string> {
    const dir = this.resolve(relDir);
    await this.ensure(dir);
    const unique = uniqueName(raw.length);
    const tmpPath = path.join(dir, 'tmp', unique);
    const finalName = seen ? `${unique}:2,S` : unique;
    const sub = seen ? 'cur' : 'new';
    const handle = await fsp.open(tmpPath, 'wx');
    try {
      await handle.writeFile(raw);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fsp.rename(tmpPath, path.join(dir, sub, finalName));
    await syncDir(path.join(dir, sub));
    return path.posix.join(relDir, sub, finalName);
  }

  /**
   * Test mode only (bulk inserts): many messages into one Maildir, still tmp → rename, but without an fsync per file;
   * the directory is synced once at the end. The caller indexes after it returns, so a crash leaves at worst
   * unindexed files, as with deliver(), but recently written bytes may be lost: never use it for real mail.
   */
  async deliverBatch(relDir: string, raws: readonly Buffer[], seen: boolean, concurrency = 32): Promise<string[]> {
    const dir = this.resolve(relDir);
    await this.ensure(dir);
    const sub = seen ? 'cur' : 'new';
    const files = new Array<string>(raws.length);
    let next = 0;
    const worker = async () => {
      while (next < raws.length) {
        const i = next++;
        const raw = raws[i] as Buffer;
        const unique = uniqueName(raw.length);
        const finalName = seen ? `${unique}:2,S` : unique;
        const tmpPath = path.join(dir, 'tmp', unique);
        await fsp.writeFile(tmpPath, raw, { flag: 'wx' });
        await fsp.rename(tmpPath, path.join(dir, sub, finalName));
        files[i] = path.posix.join(relDir, sub, finalName);
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, raws.length) }, worker));
    await syncDir(path.join(dir, sub));
    return files;
  }

  /** Puts an existing message file into another Maildir too (hard link, else copy); the old file stays until unlinked. */
  async link(relFile: string, destRelDir: string, seen: boolean): Promise<string> {
    const source = this.resolve(relFile);
    const dir = this.resolve(destRelDir);
    await this.ensure(dir);
    const stat = await fsp.stat(source);
    const unique = uniqueName(stat.size);
    const sub = seen ? 'cur' : 'new';
    const finalName = seen ? `${unique}:2,S` : unique;
    const target = path.join(dir, sub, finalName);
    try {
      await fsp.link(source, target);
    } catch {
      const tmpPath = path.join(dir, 'tmp', unique);
      await fsp.copyFile(source, tmpPath);
      const handle = await fsp.open(tmpPath, 'r+');
      await handle.sync().finally(() => handle.close());
      await fsp.rename(tmpPath, target);
    }
    await syncDir(path.join(dir, sub));
    return path.posix.join(destRelDir, sub, finalName);
  }

  async read(relFile: string): Promise<Buffer> {
    return fsp.readFile(this.resolve(relFile));
  }

  async remove(relFile: string): Promise<void> {
    await fsp.rm(this.resolve(relFile), { force: true });
  }

  /** Takes a whole tree out of sight at once (rename into .discarded/), then deletes it. */
  async discard(relDir: string): Promise<void> {
    const source = this.resolve(relDir);
    const trash = path.join(this.root, '.discarded', randomBytes(8).toString('hex'));
    await fsp.mkdir(path.dirname(trash), { recursive: true });
    try {
      await fsp.rename(source, trash);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    for (const dir of [...this.ensured]) if (dir === source || dir.startsWith(source + path.sep)) this.ensured.delete(dir);
    await fsp.rm(trash, { recursive: true, force: true });
  }

  async removeAll(): Promise<void> {
    for (const top of ['archive', 'mailboxes', '.discarded']) await fsp.rm(path.join(this.root, top), { recursive: true, force: true });
    this.ensured.clear();
  }

  /** Drops half-written files left in tmp/ by a crash: they were never acknowledged. */
  cleanTmp(): number {
    let removed = 0;
    const walk = (dir: string): void => {
      let entries: fs.Dirent[];
      try {
        entries = fs.readdirSync(dir, { withFileTypes: true });
      } catch {
        return;
      }
      for (const entry of entries) {
        if (!entry.isDirectory()) continue;
        const child = path.join(dir, entry.name);
        if (entry.name === 'tmp') {
          for (const file of fs.readdirSync(child)) {
            fs.rmSync(path.join(child, file), { force: true });
            removed++;
          }
        } else if (entry.name !== 'new' && entry.name !== 'cur') {
          walk(child);
        }
      }
    };
    fs.rmSync(path.join(this.root, '.discarded'), { recursive: true, force: true });
    walk(path.join(this.root, 'archive'));
    walk(path.join(this.root, 'mailboxes'));
    return removed;
  }

  /** Absolute path of a stored relative path; refuses anything that would leave the data folder. */
  resolve(rel: string): string {
    const absolute = path.resolve(this.root, rel);
    if (absolute !== this.root && !absolute.startsWith(this.root + path.sep)) throw new Error(`path escapes data dir: ${rel}`);
    return absolute;
  }

  private async ensure(dir: string): Promise<void> {
    if (this.ensured.has(dir)) return;
    for (const sub of ['tmp', 'new', 'cur']) await fsp.mkdir(path.join(dir, sub), { recursive: true });
    this.ensured.add(dir);
  }
}

function uniqueName(size: number): string {
  const now = Date.now();
  counter = (counter + 1) % 1_000_000;
  return `${Math.floor(now / 1000)}.M${(now % 1000) * 1000}P${process.pid}Q${counter}R${randomBytes(6).toString('hex')}.archivio,S=${size}`;
}

async function syncDir(dir: string): Promise<void> {
  const handle = await fsp.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

function checkAddress(address: string): string {
  if (!SAFE_ADDRESS.test(address) || address.includes('..')) throw new Error(`unsafe mailbox address: ${address}`);
  return address;
}

function checkFolder(folderId: string): string {
  if (!SAFE_FOLDER.test(folderId)) throw new Error(`unsafe folder id: ${folderId}`);
  return folderId;
}
