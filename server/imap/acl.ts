// The global ACL file Dovecot reads (vfile, re-read at most once a second): one block of rules per archive login,
// derived from the postmaster's settings. Rules are unioned by Dovecot, so no two patterns of a login overlap.
import { INBOX_NAME } from '../services/archive-store';
import type { ArchiveRow } from '../storage/archives';
import { aclPattern, type ImapFolder } from './folder-names';

/** l lookup, r read. Never k (create), x (delete/rename), a (admin) or p (post). */
export const READ_RIGHTS = 'lr';
/** Write mode adds flags (w, s, t), insert (needed by MOVE/COPY into a folder) and expunge. */
export const WRITE_RIGHTS = 'lrwstie';

export interface AclEntry {
  login: string;
  archive: Pick<ArchiveRow, 'enabled' | 'writable' | 'imapAccess'>;
  folders: readonly ImapFolder[];
}

export function aclLines(entry: AclEntry): string[] {
  const { archive, login } = entry;
  if (!archive.enabled || !archive.imapAccess) return [];
  const rights = archive.writable ? WRITE_RIGHTS : READ_RIGHTS;
  // The empty INBOX IMAP insists on, and the parent of the months, are never written to.
  const lines = [`INBOX user=${login} ${READ_RIGHTS}`];
  for (const folder of entry.folders) {
    const pattern = aclPattern(folder.name);
    if (folder.name === INBOX_NAME) {
      lines.push(`${pattern} user=${login} ${READ_RIGHTS}`, `${pattern}/* user=${login} ${rights}`);
    } else {
      lines.push(`${pattern} user=${login} ${rights}`);
    }
  }
  return lines;
}

export function renderAcl(entries: readonly AclEntry[], mailboxLines: readonly string[] = []): string {
  return [...entries.flatMap(aclLines), ...mailboxLines].join('\n') + '\n';
}

/** A mailbox login owns its mailbox: flags, deletion and moves between its folders, never creating new ones. */
export function mailboxAclLines(address: string, folderNames: readonly string[]): string[] {
  return ['INBOX', ...folderNames].map((name) => `${aclPattern(name)} user=${address} ${WRITE_RIGHTS}`);
}
