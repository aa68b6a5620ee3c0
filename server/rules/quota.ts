// Archive plans and quota arithmetic: base 1 GiB, GigaMail +10 GiB (11 GiB total), SpazioMail illimitato unlimited.
export type Plan = 'base' | 'gigamail' | 'unlimited';

const GIB = 1024 ** 3;

export const PLANS: Record<Plan, { name: string; quotaBytes: number | null }> = {
  base: { name: 'Archivio base 1 GB', quotaBytes: GIB },
  gigamail: { name: 'GigaMail (+10 GB)', quotaBytes: 11 * GIB },
  unlimited: { name: 'SpazioMail illimitato', quotaBytes: null },
};

export function isPlan(value: unknown): value is Plan {
  return value === 'base' || value === 'gigamail' || value === 'unlimited';
}

export function effectiveQuota(plan: Plan, override: { set: boolean; bytes: number | null }): number | null {
  return override.set ? override.bytes : PLANS[plan].quotaBytes;
}

/** A message is archived only if it fits whole: the archive never goes past its quota. */
export function fitsQuota(usedBytes: number, size: number, quotaBytes: number | null): boolean {
  return quotaBytes === null || usedBytes + size <= quotaBytes;
}

/** Full once a message was refused for lack of space (until space is freed) or when nothing more fits at all. */
export function isFull(usedBytes: number, quotaBytes: number | null, refusedSinceLastFree: boolean): boolean {
  if (quotaBytes === null) return false;
  return refusedSinceLastFree || usedBytes >= quotaBytes;
}
