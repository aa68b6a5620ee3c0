// Each archive login gets a folder of symlinks Dovecot serves as its mail root (LAYOUT=fs): the IMAP names point at
// the archive's own Maildirs, so Dovecot reads and writes the very files the provider indexes — no copy to keep in step.
import fs from 'node:fs';
import path from 'node:path';
import type { Services } from '../services/context';
import type { ImapFolder } from './folder-names';
import type { MailUser } from './permissions';

/** Makes `<views>/<login>` hold exactly one symlink per IMAP folder; returns false when nothing had to change. */
export function syncView(s: Services, viewsRoot: string, login: string, mailbox: string, folders: readonly ImapFolder[], owner: MailUser): boolean {
  const viewDir = path.join(viewsRoot, login);
  // Dovecot gives its index files the group of the mail root, so the root has its group; and the root is not
  // writable, so no CREATE can add a folder beside the archive's (the ACL has no right for the top level).
  fs.mkdirSync(viewDir, { recursive: true });
  if (owner.separate) fs.chownSync(viewDir, 0, owner.gid);
  fs.chmodSync(viewDir, 0o755);
  const wanted = new Map<string, string>();
  for (const folder of folders) {
    const target = s.maildirs.resolve(
      folder.folderId === 'inbox' ? `${s.maildirs.archiveRoot(mailbox)}/inbox` : s.maildirs.archiveDir(mailbox, folder.folderId),
    );
    // The parent of the months has no cur/ of its own, so IMAP shows it as \Noselect; the others are selectable when empty.
    const subdirs = folder.folderId === 'inbox' ? [''] : ['tmp', 'new', 'cur'];
    for (const sub of subdirs) fs.mkdirSync(path.join(target, sub), { recursive: true });
    wanted.set(folder.name, target);
  }
  let changed = false;
  for (const entry of fs.readdirSync(viewDir)) {
    const full = path.join(viewDir, entry);
    const target = wanted.get(entry);
    let current: string | null = null;
    try {
      current = fs.readlinkSync(full);
    } catch {
      current = null;
    }
    if (target !== undefined && current === target) {
      wanted.delete(entry);
      continue;
    }
    fs.rmSync(full, { recursive: true, force: true });
    changed = true;
  }
  for (const [name, target] of wanted) {
    fs.symlinkSync(target, path.join(viewDir, name));
    changed = true;
  }
  fs.chmodSync(viewDir, 0o555);
  return changed;
}

export function removeView(viewsRoot: string, login: string): void {
  if (fs.existsSync(path.join(viewsRoot, login))) fs.chmodSync(path.join(viewsRoot, login), 0o755);
  fs.rmSync(path.join(viewsRoot, login), { recursive: true, force: true });
}
