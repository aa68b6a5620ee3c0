// The IMAP names of an archive's folders: "Posta in arrivo" (its months below it, "Posta in arrivo/2026-11"),
// "Posta inviata", and each custom folder under its own name made safe for a file name and for an ACL pattern.
import { INBOX_NAME, SENT_NAME } from '../services/archive-store';
import type { FolderRow } from '../storage/archives';

export interface ImapFolder {
  /** Top-level IMAP name (also the view entry's file name). */
  name: string;
  /** The archive folder behind it: "inbox" (the parent of the months), "sent" or "custom-N". */
  folderId: string;
}

const RESERVED = ['inbox', INBOX_NAME.toLowerCase(), SENT_NAME.toLowerCase()];
const MAX_NAME = 100;

/** Global ACL file patterns have no quoting: every character but a safe few becomes the one-character wildcard. */
export function aclPattern(name: string): string {
  return name.replace(/[^A-Za-z0-9._()-]/g, '?');
}

function patternMatches(pattern: string, name: string): boolean {
  const regex = new RegExp(`^${pattern.replace(/[.()]/g, '\\$&').replace(/\?/g, '.')}$`, 'is');
  return regex.test(name);
}

function cleanName(name: string): string {
  const cleaned = name
    .replace(/[\u0000-\u001f\u007f/\\*%?"]/g, '-')
    .trim()
    .replace(/^\.+/, '')
    .slice(0, MAX_NAME)
    .trim();
  return cleaned;
}

export function imapFolders(folders: readonly FolderRow[]): ImapFolder[] {
  const out: ImapFolder[] = [
    { name: INBOX_NAME, folderId: 'inbox' },
    { name: SENT_NAME, folderId: 'sent' },
  ];
  const taken = (name: string) =>
    RESERVED.some((reserved) => patternMatches(aclPattern(name), reserved)) ||
    out.some((folder) => folder.name.toLowerCase() === name.toLowerCase() || patternMatches(aclPattern(name), folder.name));
  const customs = folders.filter((f) => f.kind === 'custom').sort((a, b) => Number(a.id.slice(7)) - Number(b.id.slice(7)));
  for (const folder of customs) {
    let name = cleanName(folder.name);
    if (!name || taken(name)) name = `${name || 'Cartella'} (${folder.id})`;
    if (taken(name)) continue;
    out.push({ name, folderId: folder.id });
  }
  return out;
}
