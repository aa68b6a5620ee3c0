// Query-string parsing shared by listings: limit, opaque keyset cursors, ISO dates and booleans.
import type { Cursor } from '../storage/messages';
import { invalid } from './errors';
import { ID_PATTERN } from '../mail/ids';

export function parseLimit(query: URLSearchParams, fallback = 50, max = 200): number {
  const raw = query.get('limit');
  if (raw === null) return fallback;
  if (!/^\d{1,6}$/.test(raw)) throw invalid('limit must be an integer');
  const limit = Number(raw);
  if (limit < 1 || limit > max) throw invalid(`limit must be between 1 and ${max}`);
  return limit;
}

const MAX_OFFSET = 1_000_000;

/** A seek by position (rows to skip, newest first); it cannot be combined with a cursor. */
export function parseOffset(query: URLSearchParams): number {
  const raw = query.get('offset');
  if (raw === null || raw === '') return 0;
  if (!/^\d{1,7}$/.test(raw) || Number(raw) > MAX_OFFSET) throw invalid(`offset must be an integer between 0 and ${MAX_OFFSET}`);
  if (query.get('cursor')) throw invalid('offset and cursor cannot be combined');
  return Number(raw);
}

/** The cursor names the last item of the previous page (date and id), so new mail never shifts later pages. */
export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(`${cursor.dateMs}.${cursor.id}`, 'utf8').toString('base64url');
}

export function parseCursor(query: URLSearchParams): Cursor | null {
  const raw = query.get('cursor');
  if (raw === null || raw === '') return null;
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(raw)) throw invalid('Malformed cursor');
  const text = Buffer.from(raw, 'base64url').toString('utf8');
  const match = /^(-?\d{1,15})\.(.+)$/.exec(text);
  if (!match || !ID_PATTERN.test(match[2] as string)) throw invalid('Malformed cursor');
  return { dateMs: Number(match[1]), id: match[2] as string };
}

/** Pages are fetched one row long: the extra row only tells whether a next page exists. */
export function page<T extends { dateMs: number; id: string }>(rows: T[], limit: number): { rows: T[]; nextCursor: string | null } {
  if (rows.length <= limit) return { rows, nextCursor: null };
  const kept = rows.slice(0, limit);
  const last = kept[kept.length - 1] as T;
  return { rows: kept, nextCursor: encodeCursor({ dateMs: last.dateMs, id: last.id }) };
}

export function parseDate(query: URLSearchParams, name: string): number | undefined {
  const raw = query.get(name);
  if (raw === null || raw === '') return undefined;
  if (raw.length > 40 || !/^\d{4}-\d{2}-\d{2}/.test(raw)) throw invalid(`${name} must be an ISO date`);
  const ms = Date.parse(raw);
  if (Number.isNaN(ms)) throw invalid(`${name} must be an ISO date`);
  return ms;
}

export function parseBoolean(query: URLSearchParams, name: string): boolean | undefined {
  const raw = query.get(name);
  if (raw === null || raw === '') return undefined;
  if (raw === 'true' || raw === '1') return true;
  if (raw === 'false' || raw === '0') return false;
  throw invalid(`${name} must be true or false`);
}

export function parseText(query: URLSearchParams, name: string, max = 200): string | undefined {
  const raw = query.get(name);
  if (raw === null) return undefined;
  const text = raw.trim();
  if (text.length > max) throw invalid(`${name} is too long`);
  return text === '' ? undefined : text;
}
