// Webmail sessions: only a hash of the cookie token is stored; sliding expiry after 8 hours without requests.
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from './db';

export type SessionLookup = { state: 'valid'; address: string; tokenHash: string } | { state: 'expired' } | { state: 'missing' };

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export class SessionsRepo {
  constructor(
    private readonly db: Db,
    private readonly idleMs: number,
  ) {}

  create(address: string, nowMs: number): string {
    const token = randomBytes(32).toString('base64url');
    this.db
      .prepare('INSERT INTO sessions (token_hash, address, created_ms, last_seen_ms) VALUES (?, ?, ?, ?)')
      .run(hashToken(token), address, nowMs, nowMs);
    this.db.prepare('DELETE FROM sessions WHERE last_seen_ms < ?').run(nowMs - 7 * this.idleMs);
    return token;
  }

  /** Looks the token up and slides its expiry; an expired session stays "expired" (distinct from unknown). */
  touch(token: string, nowMs: number): SessionLookup {
    const tokenHash = hashToken(token);
    const row = this.db.prepare('SELECT address, last_seen_ms AS lastSeenMs, expired FROM sessions WHERE token_hash = ?').get(tokenHash) as
      { address: string; lastSeenMs: number; expired: number } | undefined;
    if (!row) return { state: 'missing' };
    if (row.expired === 1 || nowMs - row.lastSeenMs > this.idleMs) {
      this.db.prepare('UPDATE sessions SET expired = 1 WHERE token_hash = ?').run(tokenHash);
      return { state: 'expired' };
    }
    this.db.prepare('UPDATE sessions SET last_seen_ms = ? WHERE token_hash = ?').run(nowMs, tokenHash);
    return { state: 'valid', address: row.address, tokenHash };
  }

  expire(token: string): void {
    this.db.prepare('UPDATE sessions SET expired = 1 WHERE token_hash = ?').run(hashToken(token));
  }

  delete(token: string): void {
    this.db.prepare('DELETE FROM sessions WHERE token_hash = ?').run(hashToken(token));
  }
}
