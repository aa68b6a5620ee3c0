// Who may do what: the owner reads their archive, the domain postmaster manages (never reads) every archive.
import type { ArchiveRow } from '../storage/archives';
import type { Account } from '../storage/accounts';
import type { MessageRow } from '../storage/messages';
import type { Ctx } from './context';
import { ApiError, forbidden, notFound } from './errors';
import { requireAccount } from './session';

function mailboxOf(ctx: Ctx, address: string): Account {
  const mailbox = ctx.services.accounts.get(address);
  if (!mailbox) throw notFound('No such mailbox');
  return mailbox;
}

/** Status may be read by the owner or by the postmaster of its domain. */
export function requireOwnerOrPostmaster(ctx: Ctx, address: string): Account {
  const caller = requireAccount(ctx);
  if (caller.address === address) return caller;
  if (caller.role !== 'postmaster') throw forbidden();
  const mailbox = mailboxOf(ctx, address);
  if (mailbox.domain !== caller.domain) throw forbidden();
  return caller;
}

/** Settings, enable and disable: the postmaster of the mailbox's domain only. */
export function requirePostmasterOf(ctx: Ctx, address: string): Account {
  const caller = requireAccount(ctx);
  if (caller.role !== 'postmaster') throw forbidden('Only the postmaster manages archives');
  const mailbox = mailboxOf(ctx, address);
  if (mailbox.domain !== caller.domain) throw forbidden();
  return caller;
}

export function requirePostmaster(ctx: Ctx): Account {
  const caller = requireAccount(ctx);
  if (caller.role !== 'postmaster') throw forbidden('Only the postmaster may do this');
  return caller;
}

/** Reading archived mail: the owner only, and only while the archive is on. */
export function requireReadableArchive(ctx: Ctx, address: string): ArchiveRow {
  const caller = requireAccount(ctx);
  if (caller.address !== address) throw forbidden('Only the mailbox owner may read its archive');
  const archive = ctx.services.archives.get(address);
  if (!archive) throw notFound('No such mailbox');
  if (!archive.enabled) throw new ApiError('archive_disabled', 'The archive of this mailbox is not active');
  return archive;
}

/**
 * The whole-archive .mbox export: the owner, or the postmaster of the domain so an archive can be saved before it
 * is disabled (the one place a postmaster gets mail content; every other read stays owner-only).
 */
export function requireExportableArchive(ctx: Ctx, address: string): ArchiveRow {
  requireOwnerOrPostmaster(ctx, address);
  const archive = ctx.services.archives.get(address);
  if (!archive) throw notFound('No such mailbox');
  if (!archive.enabled) throw new ApiError('archive_disabled', 'The archive of this mailbox is not active');
  return archive;
}

export function requireWritableArchive(ctx: Ctx, address: string): ArchiveRow {
  const archive = requireReadableArchive(ctx, address);
  if (!archive.writable) throw new ApiError('archive_read_only', 'The archive is read-only');
  return archive;
}

export function archivedMessage(ctx: Ctx, address: string, id: string): MessageRow {
  const row = ctx.services.messages.get('archive', address, id);
  if (!row) throw notFound('No such message in this archive');
  return row;
}
