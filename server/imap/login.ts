// Who may sign in over IMAP/SMTPS: the archive address (box_domain.tld@archivio.…) with the mailbox's password, while
// the archive is on and the postmaster allows IMAP access; and, over IMAP only, the mailbox address itself with its
// password, which opens the mailbox (what a webmail such as Roundcube reads). Checked at every login, never cached.
import { PRODUCT } from '../config';
import { normalizeAddress } from '../rules/delivery';
import { authenticate } from '../services/auth';
import type { Services } from '../services/context';

export type LoginRefusal = 'bad-credentials' | 'archive-off' | 'imap-off';
export type LoginResult = { ok: true; mailbox: string; login: string } | { ok: false; reason: LoginRefusal };

/** `box_domain.tld@archivio.postassl.it` → `box@domain.tld`; domains have no "_", so the last one splits. */
export function mailboxOfLogin(login: string): string | null {
  const normalized = normalizeAddress(login);
  const suffix = `@${PRODUCT.archiveHost}`;
  if (!normalized.endsWith(suffix)) return null;
  const local = normalized.slice(0, -suffix.length);
  const split = local.lastIndexOf('_');
  if (split <= 0 || split === local.length - 1) return null;
  return `${local.slice(0, split)}@${local.slice(split + 1)}`;
}

export async function checkArchiveLogin(s: Services, login: unknown, password: unknown): Promise<LoginResult> {
  const mailbox = typeof login === 'string' ? mailboxOfLogin(login) : null;
  // An unknown login still costs one password check, so refusals take the same time.
  const account = await authenticate(s, mailbox ?? 'nobody@invalid', password);
  if (!account || !mailbox || account.address !== mailbox) return { ok: false, reason: 'bad-credentials' };
  const archive = s.archives.get(mailbox);
  if (!archive?.enabled) return { ok: false, reason: 'archive-off' };
  if (!archive.imapAccess) return { ok: false, reason: 'imap-off' };
  return { ok: true, mailbox, login: normalizeAddress(login as string) };
}

/** The mailbox's own IMAP login: its address and password, whatever its archive's settings. */
export async function checkMailboxLogin(s: Services, login: unknown, password: unknown): Promise<LoginResult> {
  const address = typeof login === 'string' ? normalizeAddress(login) : 'nobody@invalid';
  const account = await authenticate(s, address, password);
  if (!account || account.address !== address) return { ok: false, reason: 'bad-credentials' };
  return { ok: true, mailbox: address, login: address };
}

/** An IMAP login is an archive login when it has the archive host's form, else a mailbox login. */
export async function checkImapLogin(s: Services, login: unknown, password: unknown): Promise<LoginResult> {
  if (typeof login === 'string' && mailboxOfLogin(login) !== null) return checkArchiveLogin(s, login, password);
  return checkMailboxLogin(s, login, password);
}
