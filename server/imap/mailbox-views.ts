// A mailbox login (the plain address) is served the mailbox's own Maildirs, the ones the provider delivers into:
// INBOX is `inbox/<address>` → mailboxes/<address>/inbox, and the view holds `Sent` and `Trash` beside it.
// IMAP's standard names let a webmail recognise (and translate) the special folders.
import fs from 'node:fs';
import path from 'node:path';
import type { Services } from '../services/context';
import type { MailFolderId } from '../services/mailbox';
import type { ImapPaths } from './paths';
import type { MailUser } from './permissions';

export const MAILBOX_IMAP_FOLDERS: ReadonlyArray<{ name: string; folderId: Exclude<MailFolderId, 'inbox'> }> = [
  { name: 'Sent', folderId: 'sent' },
  { name: 'Trash', folderId: 'trash' },
];

/** Makes the mailbox's Maildirs exist and points the login's INBOX and view at them. */
export function syncMailboxView(s: Services, paths: ImapPaths, address: string, owner: MailUser): void {
  const dirOf = (folderId: MailFolderId): string => s.maildirs.resolve(s.maildirs.mailboxDir(address, folderId));
  for (const folderId of ['inbox', 'sent', 'trash'] as const) {
    for (const sub of ['tmp', 'new', 'cur']) fs.mkdirSync(path.join(dirOf(folderId), sub), { recursive: true });
  }
  const viewDir = path.join(paths.views, address);
  fs.mkdirSync(viewDir, { recursive: true });
  if (owner.separate) fs.chownSync(viewDir, 0, owner.gid);
  fs.chmodSync(viewDir, 0o755);
  for (const folder of MAILBOX_IMAP_FOLDERS) replaceLink(path.join(viewDir, folder.name), dirOf(folder.folderId));
  fs.chmodSync(viewDir, 0o555);
  replaceLink(path.join(paths.inbox, address), dirOf('inbox'));
  subscribe(path.join(paths.index, address), owner);
}

/** Webmails list subscribed folders only: Dovecot's subscriptions file (in CONTROL=) starts with all three. */
function subscribe(controlDir: string, owner: MailUser): void {
  const file = path.join(controlDir, 'subscriptions');
  if (fs.existsSync(file)) return;
  fs.mkdirSync(controlDir, { recursive: true });
  fs.writeFileSync(file, ['INBOX', ...MAILBOX_IMAP_FOLDERS.map((folder) => folder.name)].join('\n') + '\n');
  if (owner.separate) {
    fs.chownSync(controlDir, owner.uid, owner.gid);
    fs.chownSync(file, owner.uid, owner.gid);
  }
}

function replaceLink(link: string, target: string): void {
  try {
    if (fs.readlinkSync(link) === target) return;
  } catch {
    // absent, or not a link
  }
  fs.rmSync(link, { recursive: true, force: true });
  fs.symlinkSync(target, link);
}
