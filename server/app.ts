// startProvider: opens storage, seeds, purges, and starts the HTTP and SMTP servers; close() shuts all down cleanly.
import type { AddressInfo } from 'node:net';
import { Clock } from './clock';
import { PRODUCT, type SeedSize } from './config';
import { Faults } from './http/faults';
import { createHttpServer } from './http/server';
import { startImap, type ImapHandle, type ImapOptions } from './imap/service';
import { startSmtp } from './intake/smtp';
import { WriteLock } from './lock';
import { runPurge, startPurgeTimer } from './purge/purge';
import { seedDemo } from './seed/demo';
import type { Services } from './services/context';
import { AccountsRepo } from './storage/accounts';
import { ArchivesRepo } from './storage/archives';
import { openDatabase, setMeta } from './storage/db';
import { Maildirs } from './storage/maildir';
import { MessagesRepo } from './storage/messages';
import { SessionsRepo } from './storage/sessions';
import path from 'node:path';

export interface StartOptions {
  port?: number;
  smtpPort?: number;
  dataDir: string;
  seed?: 'demo' | null;
  /** 'small' seeds a few dozen messages per mailbox instead of a few hundred (fast tests). */
  seedSize?: SeedSize;
  testMode?: boolean;
  /** Simulated current date at start (it keeps running from there). */
  now?: Date | string;
  host?: string;
  /** The webmail's public origin; writes from it are accepted, and https makes the session cookie `Secure`. */
  publicOrigin?: string | null;
  purgeIntervalMs?: number;
  onError?: (error: unknown) => void;
  /** Serve the archive over IMAPS (Dovecot) and SMTPS on these ports when Dovecot is installed; off when absent. */
  imap?: ImapOptions | null;
  log?: (line: string) => void;
}

export interface ProviderHandle {
  url: string;
  port: number;
  smtpPort: number;
  dataDir: string;
  /** The archive's IMAPS/SMTPS servers, or null when they are off (not asked for, or Dovecot not installed). */
  imap: { imapsPort: number; smtpsPort: number; certPath: string } | null;
  close(): Promise<void>;
}

export async function startProvider(options: StartOptions): Promise<ProviderHandle> {
  const host = options.host ?? '127.0.0.1';
  const dataDir = path.resolve(options.dataDir);
  const onError = options.onError ?? ((error: unknown) => console.error('[archivio-provider]', error));
  const seedSize = options.seedSize ?? 'full';
  const log = options.log ?? ((line: string) => console.error(line));
  const db = openDatabase(dataDir);
  const s: Services = {
    config: {
      port: options.port ?? 0,
      smtpPort: options.smtpPort ?? 0,
      host,
      dataDir,
      seed: options.seed ?? null,
      seedSize,
      testMode: options.testMode ?? false,
      publicOrigin: options.publicOrigin ?? null,
      imap: options.imap ?? null,
    },
    db,
    clock: new Clock(options.now === undefined ? null : new Date(options.now)),
    lock: new WriteLock(),
    maildirs: new Maildirs(dataDir),
    accounts: new AccountsRepo(db),
    archives: new ArchivesRepo(db),
    messages: new MessagesRepo(db),
    sessions: new SessionsRepo(db, PRODUCT.sessionIdleMs),
  };
  s.maildirs.cleanTmp();
  if (options.seed === 'demo') await s.lock.run(() => seedDemo(s, seedSize));
  await runPurge(s, s.clock.nowMs());
  const stopPurge = startPurgeTimer(s, options.purgeIntervalMs ?? PRODUCT.purgeIntervalMs, onError);

  const faults = new Faults();
  const initialNow = options.now === undefined ? null : new Date(options.now);
  let imap: ImapHandle | null = null;
  const runtime = {
    testMode: s.config.testMode,
    beforeIndexedRequest: () => imap?.beforeRequest() ?? Promise.resolve(),
    afterWrite: () => imap?.afterWrite(),
    faults,
    ownOrigins: new Set<string>(),
    secureCookies: s.config.publicOrigin?.startsWith('https:') ?? false,
    purgeNow: (nowMs: number) => runPurge(s, nowMs),
    reset: async () => {
      faults.clear();
      s.clock.set(initialNow);
      await s.lock.run(async () => {
        wipe(s);
        await s.maildirs.removeAll();
        await seedDemo(s, seedSize);
      });
      await runPurge(s, s.clock.nowMs());
    },
  };

  const smtp = await startSmtp(s, host, options.smtpPort ?? 0, onError);
  const server = createHttpServer(s, runtime, onError);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  for (const origin of ownOrigins(host, port, s.config.publicOrigin)) runtime.ownOrigins.add(origin);
  if (options.imap) {
    try {
      imap = await startImap(s, options.imap, log, onError);
    } catch (error) {
      // The provider is still useful without IMAP (a port taken, Dovecot broken): say so and go on.
      log(`archivio-provider: the archive is not served over IMAP: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  // The archive status names the servers that really answer: these local ones, or the product's when none run.
  s.config.imap = imap ? { imapsPort: imap.imapsPort, smtpsPort: imap.smtpsPort } : null;

  let closing: Promise<void> | null = null;
  return {
    url: `http://${host}:${port}`,
    port,
    smtpPort: smtp.port,
    dataDir,
    imap: imap ? { imapsPort: imap.imapsPort, smtpsPort: imap.smtpsPort, certPath: imap.certPath } : null,
    close: () => {
      closing ??= (async () => {
        stopPurge();
        await imap?.close();
        const httpClosed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeAllConnections();
        await Promise.all([httpClosed, smtp.close()]);
        await s.lock.run(() => undefined);
        db.close();
      })();
      return closing;
    },
  };
}

/** The listening address (and `localhost` for loopback, as the demo build names both) plus the public origin. */
function ownOrigins(host: string, port: number, publicOrigin: string | null): string[] {
  const origins = [`http://${host}:${port}`];
  if (host === '127.0.0.1') origins.push(`http://localhost:${port}`);
  if (publicOrigin) origins.push(publicOrigin);
  return origins;
}

/** Empties every table (test-mode reset); versions restart above the old ones so cached clients refetch. */
function wipe(s: Services): void {
  s.db.transaction(() => {
    const row = s.db.prepare('SELECT COALESCE(MAX(version), 0) AS v FROM archives').get() as { v: number };
    for (const table of ['sessions', 'archive_changes', 'messages', 'archive_folders', 'archives', 'redirects', 'accounts', 'meta']) {
      s.db.prepare(`DELETE FROM ${table}`).run();
    }
    setMeta(s.db, 'versionBase', String(row.v + 1));
  })();
}
