// Quota arithmetic: usage ratio, warning levels, unlimited plans and a days-until-full estimate.

export type QuotaLevel = 'ok' | 'warning' | 'critical' | 'full' | 'unlimited';

export const WARNING_RATIO = 0.8;
export const CRITICAL_RATIO = 0.95;
export const BADGE_RATIO = 0.9;

export interface QuotaInput {
  usedBytes: number;
  quotaBytes: number | null;
  full?: boolean;
}

export function isUnlimited(quota: QuotaInput): boolean {
  return quota.quotaBytes === null;
}

/** Used share in 0..1 (capped), or null when the plan has no limit. */
export function usageRatio(quota: QuotaInput): number | null {
  if (quota.quotaBytes === null) return null;
  if (quota.quotaBytes <= 0) return 1;
  return Math.min(1, Math.max(0, quota.usedBytes / quota.quotaBytes));
}

export function quotaLevel(quota: QuotaInput): QuotaLevel {
  const ratio = usageRatio(quota);
  if (ratio === null) return 'unlimited';
  if (quota.full || ratio >= 1) return 'full';
  if (ratio >= CRITICAL_RATIO) return 'critical';
  if (ratio >= WARNING_RATIO) return 'warning';
  return 'ok';
}

/** Whether the toolbar badge should call attention to the archive (≥ 90 % or full). */
export function needsBadge(quota: QuotaInput): boolean {
  const ratio = usageRatio(quota);
  return ratio !== null && (quota.full === true || ratio >= BADGE_RATIO);
}

/**
 * Days until the archive fills at the growth seen in the last `windowDays`; null when it is unlimited
 * or not growing (no estimate is better than a wrong one). 0 when already full.
 */
export function daysUntilFull(quota: QuotaInput, growth: { windowDays: number; bytes: number }): number | null {
  if (quota.quotaBytes === null) return null;
  const free = quota.quotaBytes - quota.usedBytes;
  if (quota.full || free <= 0) return 0;
  if (growth.bytes <= 0 || growth.windowDays <= 0) return null;
  const perDay = growth.bytes / growth.windowDays;
  return Math.ceil(free / perDay);
}
