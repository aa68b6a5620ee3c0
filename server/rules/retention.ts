// Retention: allowed periods, due dates and the ±3-day purge window, with each message's fixed place inside it.
import { createHash } from 'node:crypto';

export const RETENTION_MONTHS = [6, 12, 18, 24, 30, 36, 42, 48] as const;
export const WINDOW_MS = 3 * 24 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

export function isRetentionMonths(value: unknown): value is number | null {
  return value === null || (typeof value === 'number' && (RETENTION_MONTHS as readonly number[]).includes(value));
}

/** Adds calendar months in UTC; a day that does not exist in the target month clamps to its last day (31 Jan + 1 = 28/29 Feb). */
export function addMonths(ms: number, months: number): number {
  const d = new Date(ms);
  const year = d.getUTCFullYear();
  const month = d.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(d.getUTCDate(), lastDay);
  return Date.UTC(year, month, day, d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds());
}

export interface PurgeSchedule {
  dueMs: number;
  fromMs: number;
  toMs: number;
  /** When this message is deleted: a fixed point of the window chosen from its id (same id, same point). */
  atMs: number;
}

export function purgeSchedule(id: string, dateMs: number, months: number): PurgeSchedule {
  const dueMs = addMonths(dateMs, months);
  const digest = createHash('sha256').update(id).digest();
  const minutes = digest.readUInt32BE(0) % (6 * 24 * 60 + 1);
  return { dueMs, fromMs: dueMs - WINDOW_MS, toMs: dueMs + WINDOW_MS, atMs: dueMs - WINDOW_MS + minutes * 60_000 };
}

/**
 * Latest message date whose due date can be ≤ dueLimitMs. Month lengths make "minus N months" inexact,
 * so the bound is widened by 4 days; callers filter candidates exactly with purgeSchedule.
 */
export function dateBoundForDue(dueLimitMs: number, months: number): number {
  return addMonths(dueLimitMs, -months) + 4 * DAY_MS;
}
