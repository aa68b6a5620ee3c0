// Dovecot's mail processes never run as root: as root the provider hands them `nobody`/`nogroup` and shares the
// archive with that group (setgid folders, group-writable, umask 002); as any other user Dovecot runs as that user.
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export interface MailUser {
  user: string;
  group: string;
  uid: number;
  gid: number;
  /** True when the provider runs as root and Dovecot's processes get another user. */
  separate: boolean;
}

function lookup(file: string, name: string): number | null {
  try {
    for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
      const fields = line.split(':');
      if (fields[0] === name && fields[2] !== undefined) return Number(fields[2]);
    }
  } catch {
    return null;
  }
  return null;
}

export function mailUser(): MailUser {
  const uid = process.getuid?.() ?? 0;
  const gid = process.getgid?.() ?? 0;
  if (uid !== 0) {
    const me = os.userInfo();
    const group = fs
      .readFileSync('/etc/group', 'utf8')
      .split('\n')
      .find((line) => line.split(':')[2] === String(gid))
      ?.split(':')[0];
    return { user: me.username, group: group ?? me.username, uid, gid, separate: false };
  }
  const nobody = lookup('/etc/passwd', 'nobody') ?? 65534;
  const groupName = lookup('/etc/group', 'nogroup') !== null ? 'nogroup' : 'nobody';
  return { user: 'nobody', group: groupName, uid: nobody, gid: lookup('/etc/group', groupName) ?? 65534, separate: true };
}

/** Opens the archive and mailbox trees to Dovecot's group: every folder setgid + group-writable, every file group-readable. */
export async function shareArchive(dataDir: string, user: MailUser): Promise<void> {
  if (!user.separate) return;
  process.umask(0o002);
  const dataStat = await fsp.stat(dataDir);
  // Dovecot's processes must be able to pass through the data folder (a mkdtemp folder is 0700).
  if ((dataStat.mode & 0o001) === 0) await fsp.chmod(dataDir, (dataStat.mode & 0o7777) | 0o011);
  const archive = path.join(dataDir, 'archive');
  const mailboxes = path.join(dataDir, 'mailboxes');
  await fsp.mkdir(archive, { recursive: true });
  await fsp.mkdir(mailboxes, { recursive: true });
  const walk = async (dir: string): Promise<void> => {
    const stat = await fsp.stat(dir);
    if (stat.gid !== user.gid) await fsp.chown(dir, stat.uid, user.gid);
    if ((stat.mode & 0o2070) !== 0o2070) await fsp.chmod(dir, (stat.mode & 0o7777) | 0o2070);
    for (const entry of await fsp.readdir(dir, { withFileTypes: true })) {
      const child = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(child);
      else if (entry.isFile()) {
        const file = await fsp.stat(child);
        if (file.gid !== user.gid) await fsp.chown(child, file.uid, user.gid);
        if ((file.mode & 0o060) !== 0o060) await fsp.chmod(child, (file.mode & 0o7777) | 0o060);
      }
    }
  };
  await walk(archive);
  await walk(mailboxes);
}

/** A folder only Dovecot's processes write to (its index, its empty INBOX, its home). */
export function dovecotOwnedDir(dir: string, user: MailUser): void {
  fs.mkdirSync(dir, { recursive: true });
  if (user.separate) fs.chownSync(dir, user.uid, user.gid);
}
