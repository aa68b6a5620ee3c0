import { describe, expect, it } from 'vitest';
import { ArchiveError, kindForReply } from '@/utils/api/errors';
import { backoffDelay, DEFAULT_RETRY, nextDelay, parseRetryAfter } from '@/utils/api/retry';

describe('retry policy', () => {
  it('backs off exponentially with jitter, capped', () => {
    expect(backoffDelay(0, DEFAULT_RETRY, () => 0)).toBe(150);
    expect(backoffDelay(0, DEFAULT_RETRY, () => 1)).toBe(300);
    expect(backoffDelay(2, DEFAULT_RETRY, () => 1)).toBe(1200);
    expect(backoffDelay(20, DEFAULT_RETRY, () => 1)).toBe(DEFAULT_RETRY.maxDelayMs);
  });
  it('retries transient failures only, a bounded number of times', () => {
    expect(nextDelay(new ArchiveError('network'), 0, DEFAULT_RETRY, () => 0)).toBe(150);
    expect(nextDelay(new ArchiveError('server'), 3, DEFAULT_RETRY)).toBeNull();
    for (const kind of ['unauthenticated', 'forbidden', 'invalid_reply', 'read_only', 'not_found'] as const) {
      expect(nextDelay(new ArchiveError(kind), 0, DEFAULT_RETRY)).toBeNull();
    }
  });
  it('honours Retry-After, and gives up when it is too long', () => {
    expect(nextDelay(new ArchiveError('rate_limited', { retryAfterSeconds: 2 }), 0, DEFAULT_RETRY)).toBe(2000);
    expect(nextDelay(new ArchiveError('rate_limited', { retryAfterSeconds: 60 }), 0, DEFAULT_RETRY)).toBeNull();
  });
  it('reads Retry-After as seconds or as a date', () => {
    expect(parseRetryAfter('3')).toBe(3000);
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 4_000)).toBe(6000);
    expect(parseRetryAfter('soon')).toBeNull();
    expect(parseRetryAfter(null)).toBeNull();
  });
  it('maps contract codes first, then statuses', () => {
    expect(kindForReply(403, 'archive_read_only')).toBe('read_only');
    expect(kindForReply(401, 'session_expired')).toBe('unauthenticated');
    expect(kindForReply(502, undefined)).toBe('server');
    expect(kindForReply(418, undefined)).toBe('invalid_request');
  });
  it('reads any failure as an ArchiveError: itself, or a server error with its text', () => {
    const readOnly = new ArchiveError('read_only');
    expect(ArchiveError.from(readOnly)).toBe(readOnly);
    const other = ArchiveError.from(new TypeError('boom'));
    expect(other.kind).toBe('server');
    expect(other.messageKey).toBe('error_server');
    expect(other.toData().detail).toBe('TypeError: boom');
  });
});
