// Retention ("Impostazioni di cancellazione"): allowed periods and the ±3-day window in which deletion happens.

export const RETENTION_MONTHS = [6, 12, 18, 24, 30, 36, 42, 48] as const;
export type RetentionMonths = (typeof RETENTION_MONTHS)[number];

/** The provider may delete 2–3 days before or after the due date; we show the outer bound. */
export const PURGE_WINDOW_DAYS = 3;
const DAY_MS = 86_400_000;

export function isRetentionMonths(value: unknown): value is RetentionMonths {
  return typeof value === 'number' && (RETENTION_MONTHS as readonly number[]).includes(value);
}

/** Adds calendar months in UTC, clamping to the month's last day (31 Aug + 6 months → 28/29 Feb). */
export function addMonthsUtc(date: Date, months: number): Date {
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(date.getUTCDate(), lastDay);
  return new Date(Date.UTC(year, month, day, date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds(), date.getUTCMilliseconds()));
}

export interface RetentionWindow {
  due: Date;
  from: Date;
  to: Date;
}

/** When a message archived on `archivedAt` is due for deletion, and the window in which it may really go. */
export function retentionWindow(archivedAt: Date, months: RetentionMonths): RetentionWindow {
  const due = addMonthsUtc(archivedAt, months);
  return {
    due,
    from: new Date(due.getTime() - PURGE_WINDOW_DAYS * DAY_MS),
    to: new Date(due.getTime() + PURGE_WINDOW_DAYS * DAY_MS),
  };
}

/** True when the message may be deleted within `days` from `now` (its window opens before the horizon). */
export function isExpiringWithin(window: RetentionWindow, now: Date, days: number): boolean {
  return window.from.getTime() <= now.getTime() + days * DAY_MS;
}

/**
 * Whether moving from `current` to `next` makes mail go sooner (from "never" to a period, or to a shorter one):
 * messages older than the new period are deleted at the next purge, so the change needs a confirmation.
 */
export function shortensRetention(current: RetentionMonths | null, next: RetentionMonths | null): boolean {
  if (next === null) return false;
  return current === null || next < current;
}
