// Load and crash: for a fixed short window, sessions list, search, restore and deliver over SMTP at once against the
// provider in its own process; afterwards nothing is lost or doubled and the SQLite index matches the Maildirs. Then
// a kill -9 in the middle of SMTP deliveries: every message acknowledged with 250 is there after the restart.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { spawnProvider, type ChildProvider } from './child-provider';
import { archivePath, Client, GIULIA, listAll, MARIO, sendMail, tempDataDir, type Reply } from './helpers';

const WINDOW_MS = 8_000;
const READERS = 4;
const SENDERS = 3;
const RESTORERS = 2;

const running: ChildProvider[] = [];
afterAll(async () => {
  for (const provider of running) await provider.kill();
});

async function start(dataDir: string): Promise<ChildProvider> {
  const provider = await spawnProvider(dataDir);
  running.push(provider);
  return provider;
}

async function signedIn(base: string, address: string): Promise<Client> {
  const client = new Client(base);
  await client.signIn(address);
  return client;
}

/** Every message of a mailbox folder (the webmail's own API), following cursors. */
async function mailboxAll(client: Client, folderId: string): Promise<any[]> {
  const items: any[] = [];
  let cursor: string | null = null;
  do {
    const reply: Reply = await client.get(`/api/mail/folders/${folderId}/messages?limit=200${cursor ? `&cursor=${cursor}` : ''}`);
    if (reply.status !== 200) throw new Error(`mailbox listing: ${reply.status} ${reply.text}`);
    items.push(...reply.body.items);
    cursor = reply.body.nextCursor;
  } while (cursor);
  return items;
}

function countBy(values: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
}

/** Files in the `new/` and `cur/` of every Maildir, and anything left in a `tmp/`, relative to the data folder. */
function maildirFiles(dataDir: string): { stored: Set<string>; inTmp: string[] } {
  const stored = new Set<string>();
  const inTmp: string[] = [];
  const walk = (rel: string) => {
    for (const entry of fs.readdirSync(path.join(dataDir, rel), { withFileTypes: true })) {
      const child = path.posix.join(rel, entry.name);
      if (entry.isDirectory()) walk(child);
      else if (/\/(new|cur)$/.test(rel)) stored.add(child);
      else if (/\/tmp$/.test(rel)) inTmp.push(child);
    }
  };
  for (const top of ['mailboxes', 'archive']) if (fs.existsSync(path.join(dataDir, top))) walk(top);
  return { stored, inTmp };
}

function indexedFiles(dataDir: string): string[] {
  const db = new Database(path.join(dataDir, 'provider.sqlite'), { readonly: true });
  try {
    return (db.prepare('SELECT file FROM messages').all() as Array<{ file: string }>).map((row) => row.file);
  } finally {
    db.close();
  }
}

interface Tally {
  requests: number;
  failures: string[];
}

/** Runs `step` again and again until the deadline; a step that is not the expected outcome is a failure. */
async function loop(deadline: number, tally: Tally, step: () => Promise<void>): Promise<void> {
  while (Date.now() < deadline) {
    try {
      await step();
    } catch (error) {
      tally.failures.push(String(error));
    }
  }
}

function expectOk(tally: Tally, what: string, reply: Reply, status = 200): void {
  tally.requests++;
  if (reply.status !== status) tally.failures.push(`${what}: ${reply.status} ${reply.text.slice(0, 200)}`);
}

describe('under load', () => {
  it('lists, searches, restores and delivers at once with no error, loss or duplicate; index and Maildirs agree', { timeout: 120_000 }, async () => {
    const dataDir = tempDataDir();
    const provider = await start(dataDir);
    const giulia = await signedIn(provider.url, GIULIA);
    const archivedBefore = await listAll(giulia, GIULIA, 'inbox');
    const mailboxBefore = (await mailboxAll(giulia, 'inbox')).length;
    const toRestore = archivedBefore.slice(0, 40);

    const http: Tally = { requests: 0, failures: [] };
    const smtp: Tally = { requests: 0, failures: [] };
    const delivered: string[] = [];
    let restored = 0;
    const deadline = Date.now() + WINDOW_MS;
    const started = Date.now();

    const readers = Array.from({ length: READERS }, async (_, i) => {
      const address = i % 2 === 0 ? MARIO : GIULIA;
      const client = await signedIn(provider.url, address);
      const words = ['fattura', 'riunione', 'ciao', 'progetto'];
      let n = 0;
      await loop(deadline, http, async () => {
        expectOk(http, 'list', await client.get(archivePath(address, '/folders/inbox/messages?limit=50')));
        expectOk(http, 'search', await client.get(archivePath(address, `/search?q=${words[n++ % words.length]}&limit=20`)));
        expectOk(http, 'folders', await client.get(archivePath(address, '/folders')));
      });
    });
    const restorers = Array.from({ length: RESTORERS }, async (_, i) => {
      const client = await signedIn(provider.url, GIULIA);
      let n = i;
      await loop(deadline, http, async () => {
        const message = toRestore[n % toRestore.length];
        n += RESTORERS;
        const reply = await client.post(archivePath(GIULIA, `/messages/${message.id}/restore`), {});
        expectOk(http, 'restore', reply);
        if (reply.status === 200) restored++;
      });
    });
    const senders = Array.from({ length: SENDERS }, async (_, i) => {
      let n = 0;
      await loop(deadline, smtp, async () => {
        const subject = `Carico ${i}-${n++}-${Math.random().toString(36).slice(2, 8)}`;
        smtp.requests++;
        const result = await sendMail(
          { smtpPort: provider.smtpPort },
          { from: `mittente${i}@esterno.example`, to: GIULIA, subject, text: `n. ${n}` },
        );
        if (result.accepted.length === 1) delivered.push(subject);
        else smtp.failures.push(`${subject}: ${JSON.stringify(result.rejected)}`);
      });
    });
    await Promise.all([...readers, ...restorers, ...senders]);
    const seconds = (Date.now() - started) / 1000;

    console.log(
      `load: ${seconds.toFixed(1)} s, ${http.requests} API requests (${(http.requests / seconds).toFixed(0)}/s, ${restored} restores), ` +
        `${delivered.length} SMTP deliveries (${(delivered.length / seconds).toFixed(1)}/s), ` +
        `${http.failures.length + smtp.failures.length} failures`,
    );
    expect(http.failures).toEqual([]);
    expect(smtp.failures).toEqual([]);
    expect(delivered.length).toBeGreaterThan(0);
    expect(restored).toBeGreaterThan(0);

    // Each delivered message is archived once and in the mailbox once; restores add exactly one copy each.
    const archivedAfter = await listAll(giulia, GIULIA, 'inbox');
    const archivedCounts = countBy(archivedAfter.map((m) => m.subject));
    expect(archivedAfter.length).toBe(archivedBefore.length + delivered.length);
    for (const subject of delivered) expect(archivedCounts.get(subject), subject).toBe(1);
    const mailboxAfter = await mailboxAll(giulia, 'inbox');
    const mailboxCounts = countBy(mailboxAfter.map((m) => m.subject));
    expect(mailboxAfter.length).toBe(mailboxBefore + delivered.length + restored);
    for (const subject of delivered) expect(mailboxCounts.get(subject), subject).toBe(1);

    await provider.stop();
    const files = maildirFiles(dataDir);
    const indexed = indexedFiles(dataDir);
    expect(new Set(indexed).size).toBe(indexed.length);
    expect([...files.stored].sort()).toEqual([...indexed].sort());
    expect(files.inTmp).toEqual([]);
  });
});

describe('kill -9 during SMTP deliveries', () => {
  it('every message acknowledged with 250 is in the mailbox and the archive after the restart, once', { timeout: 120_000 }, async () => {
    const dataDir = tempDataDir();
    const first = await start(dataDir);
    const acknowledged: string[] = [];
    const attempted: string[] = [];
    let stopped = false;
    const senders = Array.from({ length: 6 }, async (_, i) => {
      for (let n = 0; !stopped; n++) {
        const subject = `Prima del crollo ${i}-${n}-${Math.random().toString(36).slice(2, 8)}`;
        attempted.push(subject);
        try {
          const result = await sendMail({ smtpPort: first.smtpPort }, { from: `mittente${i}@esterno.example`, to: GIULIA, subject, text: `n. ${n}` });
          if (result.accepted.length === 1) acknowledged.push(subject);
        } catch {
          // cut off by the kill: not acknowledged, so the sender still owns it
        }
      }
    });
    await expect.poll(() => acknowledged.length, { timeout: 60_000, interval: 50 }).toBeGreaterThanOrEqual(15);
    stopped = true;
    const inFlightAtKill = attempted.length - acknowledged.length;
    await first.kill();
    await Promise.all(senders);
    const ackedAtKill = acknowledged.length;
    expect(inFlightAtKill, 'deliveries under way when the process died').toBeGreaterThan(0);

    const second = await start(dataDir);
    const giulia = await signedIn(second.url, GIULIA);
    const archived = countBy((await listAll(giulia, GIULIA, 'inbox')).map((m) => m.subject));
    const inMailbox = countBy((await mailboxAll(giulia, 'inbox')).map((m) => m.subject));
    console.log(
      `kill -9: ${inFlightAtKill} deliveries under way at the kill, ${ackedAtKill} acknowledged, ` +
        `${attempted.filter((s) => inMailbox.has(s)).length} found after the restart`,
    );
    for (const subject of acknowledged) {
      expect(inMailbox.get(subject), `mailbox: ${subject}`).toBe(1);
      expect(archived.get(subject), `archive: ${subject}`).toBe(1);
    }
    // Nothing was acknowledged twice and nothing unacknowledged came in twice.
    for (const subject of attempted) expect(inMailbox.get(subject) ?? 0, subject).toBeLessThanOrEqual(1);

    await second.stop();
    // A crash may leave a file the index does not name, never an index row without its file; tmp/ is swept at start.
    const files = maildirFiles(dataDir);
    for (const file of indexedFiles(dataDir)) expect(files.stored.has(file), file).toBe(true);
    expect(files.inTmp).toEqual([]);
  });
});
