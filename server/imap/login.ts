// Who may sign in to the archive over IMAP/SMTPS: the archive address (box_domain.tld@archivio.…) with the mailbox's
// password, while the archive is on and the postmaster allows IMAP access. Checked at every login, never cached.
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
