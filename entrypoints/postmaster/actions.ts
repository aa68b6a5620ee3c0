// The postmaster's archive operations as views call them (always through the background, never the provider).
import type { ArchiveStatus } from '@/utils/api/schemas';
import { rpc } from '@/utils/rpc/client';
import type { BulkAction } from './bulk/bulk';

export function enableArchive(mailbox: string, origin: string | null): Promise<ArchiveStatus> {
  return rpc('admin.enable', { origin: origin ?? undefined, mailbox });
}

/** Sent once, never retried: a lost reply must not turn into a second request. */
export function disableArchive(mailbox: string, confirm: string, origin: string | null): Promise<ArchiveStatus> {
  return rpc('admin.disable', { origin: origin ?? undefined, mailbox, confirm });
}

export function updateArchive(
  mailbox: string,
  patch: { writable?: boolean; imapAccess?: boolean; retentionMonths?: ArchiveStatus['retentionMonths'] },
  origin: string | null,
): Promise<ArchiveStatus> {
  return rpc('admin.updateSettings', { origin: origin ?? undefined, mailbox, patch });
}

export function performBulkAction(action: BulkAction, mailbox: string, origin: string | null): Promise<ArchiveStatus> {
  switch (action.kind) {
    case 'enable':
      return enableArchive(mailbox, origin);
    case 'retention':
      return updateArchive(mailbox, { retentionMonths: action.months }, origin);
    case 'imap':
      return updateArchive(mailbox, { imapAccess: action.on }, origin);
  }
}

/** Starts the .mbox download of a whole archive; resolves to the browser's download id when known. */
export async function exportWholeArchive(mailbox: string, origin: string | null): Promise<number | null> {
  const reply = await rpc('download', { origin: origin ?? undefined, target: { kind: 'archive-export', mailbox } });
  return reply.downloadId;
}
