// Test mode: archives thousands of small synthetic messages at once (files, index rows, change log, quota) for load tests.
import { newMessageId } from '../mail/ids';
import { syntheticMessage } from '../mail/synthetic';
import { monthKey } from '../rules/months';
import { fitsQuota } from '../rules/quota';
import { addFolder, CHANGE_LOG_KEEP, monthFolder, quotaOf } from './archive-store';
import { indexRow, type Services } from './context';

export const BULK_MAX = 50_000;

export interface BulkRequest {
  count: number;
  /** "YYYY-MM" (Europe/Rome) the messages are dated in; default: the provider's current month. */
  month?: string;
  /** "inbox" (the month's folder, default) or "sent". */
  folder?: 'inbox' | 'sent';
}

export type BulkOutcome = { outcome: 'archived'; inserted: number; folderId: string; version: number } | { outcome: 'disabled' };

const HOUR_MS = 3_600_000;

/**
 * Dates 1..count, strictly increasing (message 1 is the oldest), spread over the month and never after now when
 * the month is the current one. The span starts at 00:00 UTC on the 1st and ends 2 h before the next month in UTC,
 * so every instant lies inside that month in Europe/Rome (UTC+1 or +2).
 */
function datesIn(month: string, count: number, nowMs: number): number[] {
  const [year, mon] = month.split('-').map(Number) as [number, number];
  const startMs = Date.UTC(year, mon - 1, 1);
  const endMs = Math.min(Date.UTC(year, mon, 1) - 2 * HOUR_MS, nowMs > startMs ? nowMs : Number.POSITIVE_INFINITY);
  const step = Math.max(1, Math.floor((endMs - startMs) / count));
  return Array.from({ length: count }, (_, i) => startMs + i * step);
}

/**
 * Callers hold the write lock. Unlike archiveCopy (one durable message at a time), the files are written without
 * an fsync each and every index row, the folder and the change-log entries go in ONE transaction under ONE new
 * version: fine for test data, and 20,000 messages take seconds instead of minutes. Quota is respected as for real
 * mail: messages that do not fit are not archived and mark the archive full.
 */
export async function bulkArchive(s: Services, address: string, request: BulkRequest): Promise<BulkOutcome> {
  const archive = s.archives.get(address);
  if (!archive?.enabled) return { outcome: 'disabled' };
  const nowMs = s.clock.nowMs();
  const month = request.month ?? monthKey(nowMs);
  const kind = request.folder ?? 'inbox';
  const dates = datesIn(month, request.count, nowMs);
  const folder = kind === 'inbox' ? monthFolder(dates[0] as number) : null;
  const folderId = folder?.id ?? 'sent';
  const account = s.accounts.get(address);
  const owner = { name: account?.displayName ?? '', address };
  const batch = newMessageId().slice(0, 8);

  const quota = quotaOf(s, address);
  let used = s.messages.totals('archive', address).bytes;
  const messages: Array<ReturnType<typeof syntheticMessage> & { dateMs: number }> = [];
  for (const [i, dateMs] of dates.entries()) {
    const message = syntheticMessage({ owner, direction: kind === 'inbox' ? 'in' : 'out', n: i + 1, count: request.count, dateMs, batch });
    if (!fitsQuota(used, message.raw.length, quota)) break;
    used += message.raw.length;
    messages.push({ ...message, dateMs });
  }
  const refused = messages.length < request.count;

  const files = await s.maildirs.deliverBatch(
    s.maildirs.archiveDir(address, folderId),
    messages.map((m) => m.raw),
    true,
  );
  const storedMs = nowMs;
  const version = s.db.transaction(() => {
    const version = s.archives.bumpVersion(address);
    if (folder) addFolder(s, address, folder, version);
    for (const [i, message] of messages.entries()) {
      const id = newMessageId();
      s.messages.insert(
        indexRow(
          message.fields,
          { id, store: 'archive', address, folderId, file: files[i] as string, size: message.raw.length },
          { dateMs: message.dateMs, seen: true, via: kind === 'inbox' ? 'direct' : 'submission', storedMs },
        ),
      );
      s.archives.logChange(address, { version, folderId, messageId: id, kind: 'added' });
    }
    if (refused) s.archives.update(address, { fullFlag: true });
    // A batch larger than the log drops its own entries too: clients older than this version get 410 and refetch.
    s.archives.trimChanges(address, CHANGE_LOG_KEEP);
    return version;
  })();
  return { outcome: 'archived', inserted: messages.length, folderId, version };
}
