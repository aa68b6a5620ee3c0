// The postmaster's archive operations as views call them (always through the background, never the provider).
import type { ArchiveStatus, SettingsPatch } from '@/utils/api/schemas';
import type { BackgroundClient } from '@/utils/rpc/client';
import type { BulkAction } from './bulk/bulk';

export function enableArchive(background: BackgroundClient, mailbox: string): Promise<ArchiveStatus> {
  return background.call('admin.enable', { mailbox });
}

/** Sent once, never retried: a lost reply must not turn into a second request. */
export function disableArchive(background: BackgroundClient, mailbox: string, confirm: string): Promise<ArchiveStatus> {
  return background.call('admin.disable', { mailbox, confirm });
}

export function updateArchive(background: BackgroundClient, mailbox: string, patch: SettingsPatch): Promise<ArchiveStatus> {
  return background.call('admin.updateSettings', { mailbox, patch });
}

export function performBulkAction(background: BackgroundClient, action: BulkAction, mailbox: string): Promise<ArchiveStatus> {
  switch (action.kind) {
    case 'enable':
      return enableArchive(background, mailbox);
    case 'retention':
      return updateArchive(background, mailbox, { retentionMonths: action.months });
    case 'imap':
      return updateArchive(background, mailbox, { imapAccess: action.on });
  }
}

/** Starts the .mbox download of a whole archive; resolves to the browser's download id when known. */
export async function exportWholeArchive(background: BackgroundClient, mailbox: string): Promise<number | null> {
  const reply = await background.call('download', { target: { kind: 'archive-export', mailbox } });
  return reply.downloadId;
}
