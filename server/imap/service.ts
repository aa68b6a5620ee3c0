// The archive over IMAPS (Dovecot) and SMTPS (refusing to send), run by the provider when Dovecot is installed:
// writes the config, views and ACL, starts Dovecot, keeps views and ACL in step with the postmaster's settings,
// and lets the HTTP API reconcile its index with what Dovecot changed before it answers.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { archiveAddressOf } from '../rules/archive-address';
import type { Services } from '../services/context';
import { mailboxAclLines, renderAcl, type AclEntry } from './acl';
import { startAuthSocket, writeCheckpasswordWrapper, type AuthSocket } from './auth-socket';
import { ensureCertificate } from './certificate';
import { renderDovecotConfig } from './dovecot-config';
import { findDoveadm, findDovecot, startDovecot, type DovecotProcess } from './dovecot-process';
import { imapFolders } from './folder-names';
import { MailboxReconciler } from './mailbox-reconcile';
import { MAILBOX_IMAP_FOLDERS, syncMailboxView } from './mailbox-views';
import { imapPaths, type ImapPaths } from './paths';
import { dovecotOwnedDir, mailUser, shareArchive } from './permissions';
import { MaildirReconciler } from './reconcile';
import { startSmtps, type SmtpsHandle } from './smtps';
import { removeView, syncView } from './views';

export interface ImapOptions {
  imapsPort: number;
  smtpsPort: number;
}

export interface ImapHandle {
  imapsPort: number;
  smtpsPort: number;
  certPath: string;
  /** Before an archive or mail API request: fold Dovecot's changes (archive and mailbox logins) into the index. */
  beforeRequest(): Promise<void>;
  /** After a write through the API: views and ACL follow the settings and folders at once. */
  afterWrite(): void;
  close(): Promise<void>;
}

const CHECKPASSWORD_SCRIPT = path.join(path.dirname(fileURLToPath(import.meta.url)), 'checkpassword.mjs');

interface Known {
  login: string;
  fingerprint: string;
}

export async function startImap(
  s: Services,
  options: ImapOptions,
  log: (line: string) => void,
  onError: (error: unknown) => void,
): Promise<ImapHandle | null> {
  const binary = findDovecot();
  if (!binary) {
    log('archivio-provider: Dovecot is not installed (apt-get install dovecot-imapd): the archive is not served over IMAP');
    return null;
  }
  const paths = imapPaths(s.config.dataDir);
  const user = mailUser();
  await shareArchive(s.config.dataDir, user);
  fs.mkdirSync(paths.root, { recursive: true });
  fs.chmodSync(paths.root, 0o755);
  for (const dir of [paths.index, paths.inbox, paths.home]) dovecotOwnedDir(dir, user);
  fs.mkdirSync(paths.views, { recursive: true });
  ensureCertificate(paths.cert, paths.key);

  const known = new Map<string, Known>();
  const viewedMailboxes = new Set<string>();
  const syncAll = (): void => {
    const entries: AclEntry[] = [];
    const present = new Set<string>();
    for (const archive of s.db.prepare('SELECT address FROM archives').all() as Array<{ address: string }>) {
      const row = s.archives.get(archive.address);
      if (!row) continue;
      const login = archiveAddressOf(row.address);
      present.add(row.address);
      const folders = row.enabled ? imapFolders(s.archives.folders(row.address)) : [];
      const fingerprint = JSON.stringify([row.enabled, row.writable, row.imapAccess, folders]);
      const before = known.get(row.address);
      if (before?.fingerprint !== fingerprint) {
        if (row.enabled) syncView(s, paths.views, login, row.address, folders, user);
        else {
          removeView(paths.views, login);
          // A re-enabled archive starts from new files: Dovecot's index of the old ones must not survive.
          fs.rmSync(path.join(paths.index, login), { recursive: true, force: true });
        }
        const lostAccess = before !== undefined && (!row.enabled || !row.imapAccess);
        if (lostAccess) kick(login);
        known.set(row.address, { login, fingerprint });
      }
      entries.push({ login, archive: row, folders });
    }
    for (const address of known.keys()) if (!present.has(address)) known.delete(address);
    const mailboxLines: string[] = [];
    for (const account of s.accounts.all()) {
      if (!viewedMailboxes.has(account.address)) {
        syncMailboxView(s, paths, account.address, user);
        viewedMailboxes.add(account.address);
      }
      mailboxLines.push(
        ...mailboxAclLines(
          account.address,
          MAILBOX_IMAP_FOLDERS.map((folder) => folder.name),
        ),
      );
    }
    writeIfChanged(paths.acl, renderAcl(entries, mailboxLines));
  };

  const doveadm = findDoveadm(binary);
  const kick = (login: string): void => {
    if (doveadm) execFile(doveadm, ['-c', paths.config, 'kick', login], () => undefined);
  };

  syncAll();
  fs.writeFileSync(paths.config, renderDovecotConfig({ paths, host: s.config.host, imapsPort: options.imapsPort, user }));
  writeCheckpasswordWrapper(paths.checkpassword, CHECKPASSWORD_SCRIPT, paths.authSocket);
  const auth: AuthSocket = await startAuthSocket(s, paths.authSocket, () => undefined);
  // Dovecot makes a login's index folder the first time it opens that archive.
  const reconciler = new MaildirReconciler(s, (address) => fs.existsSync(path.join(paths.index, archiveAddressOf(address))));
  const mailboxReconciler = new MailboxReconciler(s, (address) => fs.existsSync(path.join(paths.index, address)));
  await reconciler.reconcileAll();
  await mailboxReconciler.reconcileAll();

  let dovecot: DovecotProcess;
  let smtps: SmtpsHandle;
  try {
    dovecot = await startDovecot(binary, paths.config, paths.baseDir, s.config.host, options.imapsPort);
  } catch (error) {
    await auth.close();
    throw error;
  }
  try {
    smtps = await startSmtps(s, s.config.host, options.smtpsPort, paths, onError);
  } catch (error) {
    await dovecot.stop();
    await auth.close();
    throw error;
  }

  // Each request gets a pass that starts after it arrived (so a change Dovecot finished before is seen);
  // requests arriving while one pass runs share the next one.
  let running: Promise<void> | null = null;
  let queued: Promise<void> | null = null;
  const pass = (): Promise<void> => {
    running = reconciler
      .reconcileAll()
      .then(() => mailboxReconciler.reconcileAll())
      .then(() => undefined)
      .finally(() => {
        running = null;
      });
    return running;
  };
  return {
    imapsPort: options.imapsPort,
    smtpsPort: smtps.port,
    certPath: paths.cert,
    beforeRequest: () => {
      if (!running) return pass();
      queued ??= running
        .catch(() => undefined)
        .then(() => {
          queued = null;
          return pass();
        });
      return queued;
    },
    afterWrite: () => {
      try {
        syncAll();
      } catch (error) {
        onError(error);
      }
    },
    close: async () => {
      await smtps.close();
      await dovecot.stop();
      await auth.close();
    },
  };
}

function writeIfChanged(file: string, content: string): void {
  try {
    if (fs.readFileSync(file, 'utf8') === content) return;
  } catch {
    // first write
  }
  const tmp = `${file}.tmp`;
  fs.writeFileSync(tmp, content, { mode: 0o644 });
  fs.renameSync(tmp, file);
}

export type { ImapPaths };
