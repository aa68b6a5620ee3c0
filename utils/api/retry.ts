// Retry policy for idempotent reads: capped exponential backoff with jitter, Retry-After respected.
import { type ArchiveError } from './errors';

export interface RetryPolicy {
  maxRetries: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** A Retry-After longer than this is not waited for: the caller gets `rate_limited` and decides. */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { maxRetries: 3, baseDelayMs: 300, maxDelayMs: 5_000, maxRetryAfterMs: 10_000 };

/** Errors worth another try of a read: the provider or the network may answer next time. */
export function isTransient(error: ArchiveError): boolean {
  return error.kind === 'network' || error.kind === 'timeout' || error.kind === 'server' || error.kind === 'rate_limited';
}

/** "Equal jitter": half the exponential step fixed, half random, so retries from many views spread out. */
export function backoffDelay(attempt: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
  return Math.round(step / 2 + (random() * step) / 2);
}

/** Retry-After in seconds or as an HTTP date, in milliseconds from `now`; null when absent or unreadable. */
export function parseRetryAfter(header: string | null, now = Date.now()): number | null {
  if (!header) return null;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

/** How long to wait before the next attempt, or null to give up. */
export function nextDelay(error: ArchiveError, attempt: number, policy: RetryPolicy, random?: () => number): number | null {
  if (!isTransient(error) || attempt >= policy.maxRetries) return null;
  if (error.retryAfterSeconds !== undefined) {
    const wait = error.retryAfterSeconds * 1000;
    return wait > policy.maxRetryAfterMs ? null : wait;
  }
  return backoffDelay(attempt, policy, random);
}
