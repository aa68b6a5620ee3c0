// Which archived messages are due for deletion: candidates by date, then each message's exact window and point.
import { dateBoundForDue, purgeSchedule, WINDOW_MS, type PurgeSchedule } from '../rules/retention';
import type { Services } from '../services/context';
import type { MessageRow } from '../storage/messages';

const DAY_MS = 86_400_000;
const NEXT_PURGE_HORIZON_MS = 30 * DAY_MS;

export interface Scheduled {
  row: MessageRow;
  schedule: PurgeSchedule;
}

/** Messages whose due date is ≤ dueLimitMs, oldest first. */
export function dueBy(s: Services, address: string, months: number, dueLimitMs: number): Scheduled[] {
  const rows = s.messages.oldestFirst('archive', address, { dateAtMost: dateBoundForDue(dueLimitMs, months) });
  return rows.map((row) => ({ row, schedule: purgeSchedule(row.id, row.dateMs, months) })).filter((item) => item.schedule.dueMs <= dueLimitMs);
}

/** Messages whose deletion point has come (it lies inside their ±3-day window). */
export function duePurge(s: Services, address: string, months: number, nowMs: number): MessageRow[] {
  return dueBy(s, address, months, nowMs + WINDOW_MS)
    .filter((item) => item.schedule.atMs <= nowMs)
    .map((item) => item.row);
}

/** Messages whose window opens within `days` (they may be deleted by then), soonest first. */
export function expiringWithin(s: Services, address: string, months: number, nowMs: number, days: number): Scheduled[] {
  return dueBy(s, address, months, nowMs + days * DAY_MS + WINDOW_MS).filter((item) => item.schedule.fromMs <= nowMs + days * DAY_MS);
}

/**
 * The next purge: starting from the later of now and the oldest message's due date, every message due within
 * 30 days of it; dueFrom/dueTo span their windows. Null when nothing is archived.
 */
export function nextPurge(s: Services, address: string, months: number, nowMs: number): { dueFrom: string; dueTo: string; count: number } | null {
  const oldest = s.messages.oldest('archive', address);
  if (!oldest) return null;
  const anchor = Math.max(nowMs, purgeSchedule(oldest.id, oldest.dateMs, months).dueMs);
  const group = dueBy(s, address, months, anchor + NEXT_PURGE_HORIZON_MS);
  if (group.length === 0) return null;
  const from = Math.min(...group.map((g) => g.schedule.fromMs));
  const to = Math.max(...group.map((g) => g.schedule.toMs));
  return { dueFrom: new Date(from).toISOString(), dueTo: new Date(to).toISOString(), count: group.length };
}
