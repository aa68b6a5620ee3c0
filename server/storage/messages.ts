// The message index of both stores (mailbox and archive): insert, fetch, keyset-paged listings and search filters.
import type { Addr } from '../mail/parse';
import type { Db } from './db';

export type Store = 'mailbox' | 'archive';

export interface MessageRow {
  id: string;
  store: Store;
  address: string;
  folderId: string;
  file: string;
  messageId: string;
  dateMs: number;
  fromName: string;
  fromAddress: string;
  to: Addr[];
  subject: string;
  size: number;
  hasAttachments: boolean;
  snippet: string;
  searchText: string;
  fromSearch: string;
  toSearch: string;
  seen: boolean;
  deliveredVia: string;
  storedMs: number;
}

export interface Cursor {
  dateMs: number;
  id: string;
}

export interface MessageFilter {
  folderIds?: string[] | null;
  text?: string;
  from?: string;
  to?: string;
  afterMs?: number;
  beforeMs?: number;
  hasAttachments?: boolean;
  dateAtMost?: number;
}

const SELECT = `SELECT id, store, address, folder_id AS folderId, file, message_id AS messageId, date_ms AS dateMs,
  from_name AS fromName, from_address AS fromAddress, to_json AS toJson, subject, size,
  has_attachments AS hasAttachments, snippet, search_text AS searchText, from_search AS fromSearch,
  to_search AS toSearch, seen, delivered_via AS deliveredVia, stored_ms AS storedMs FROM messages`;

type RawRow = Omit<MessageRow, 'to' | 'hasAttachments' | 'seen'> & { toJson: string; hasAttachments: number; seen: number };

function fromRaw(row: RawRow): MessageRow {
  const { toJson, ...rest } = row;
  return { ...rest, to: JSON.parse(toJson) as Addr[], hasAttachments: row.hasAttachments === 1, seen: row.seen === 1 };
}

export class MessagesRepo {
  constructor(private readonly db: Db) {}

  insert(row: MessageRow): void {
    this.db
      .prepare(
        `INSERT INTO messages (id, store, address, folder_id, file, message_id, date_ms, from_name, from_address, to_json,
           subject, size, has_attachments, snippet, search_text, from_search, to_search, seen, delivered_via, stored_ms)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        row.id,
        row.store,
        row.address,
        row.folderId,
        row.file,
        row.messageId,
        row.dateMs,
        row.fromName,
        row.fromAddress,
        JSON.stringify(row.to),
        row.subject,
        row.size,
        row.hasAttachments ? 1 : 0,
        row.snippet,
        row.searchText,
        row.fromSearch,
        row.toSearch,
        row.seen ? 1 : 0,
        row.deliveredVia,
        row.storedMs,
      );
  }

  get(store: Store, address: string, id: string): MessageRow | null {
    const row = this.db.prepare(`${SELECT} WHERE id = ? AND store = ? AND address = ?`).get(id, store, address) as RawRow | undefined;
    return row ? fromRaw(row) : null;
  }

  delete(id: string): void {
    this.db.prepare('DELETE FROM messages WHERE id = ?').run(id);
  }

  deleteAll(store: Store, address: string): void {
    this.db.prepare('DELETE FROM messages WHERE store = ? AND address = ?').run(store, address);
  }

  moveTo(id: string, folderId: string, file: string): void {
    this.db.prepare('UPDATE messages SET folder_id = ?, file = ? WHERE id = ?').run(folderId, file, id);
  }

  markSeen(id: string): void {
    this.db.prepare('UPDATE messages SET seen = 1 WHERE id = ?').run(id);
  }

  /** Newest first (date desc, id desc); the cursor is the last row of the previous page, so inserts never shift pages. */
  query(store: Store, address: string, filter: MessageFilter, limit: number, cursor: Cursor | null, offset = 0): MessageRow[] {
    const where: string[] = ['store = ?', 'address = ?'];
    const args: unknown[] = [store, address];
    this.addFilter(filter, where, args);
    if (cursor) {
      where.push('(date_ms < ? OR (date_ms = ? AND id < ?))');
      args.push(cursor.dateMs, cursor.dateMs, cursor.id);
    }
    const sql = `${SELECT} WHERE ${where.join(' AND ')} ORDER BY date_ms DESC, id DESC LIMIT ? OFFSET ?`;
    return (this.db.prepare(sql).all(...args, limit, offset) as RawRow[]).map(fromRaw);
  }

  /** Oldest first, for purge/expiring scans and mbox export. */
  oldestFirst(store: Store, address: string, filter: MessageFilter): MessageRow[] {
    const where: string[] = ['store = ?', 'address = ?'];
    const args: unknown[] = [store, address];
    this.addFilter(filter, where, args);
    const sql = `${SELECT} WHERE ${where.join(' AND ')} ORDER BY date_ms ASC, id ASC`;
    return (this.db.prepare(sql).all(...args) as RawRow[]).map(fromRaw);
  }

  oldest(store: Store, address: string): MessageRow | null {
    const row = this.db.prepare(`${SELECT} WHERE store = ? AND address = ? ORDER BY date_ms ASC, id ASC LIMIT 1`).get(store, address) as
      RawRow | undefined;
    return row ? fromRaw(row) : null;
  }

  *iterateOldestFirst(store: Store, address: string, filter: MessageFilter): Generator<MessageRow> {
    const where: string[] = ['store = ?', 'address = ?'];
    const args: unknown[] = [store, address];
    this.addFilter(filter, where, args);
    const sql = `SELECT id FROM messages WHERE ${where.join(' AND ')} ORDER BY date_ms ASC, id ASC`;
    const ids = (this.db.prepare(sql).all(...args) as Array<{ id: string }>).map((r) => r.id);
    for (const id of ids) {
      const row = this.get(store, address, id);
      if (row) yield row;
    }
  }

  totals(store: Store, address: string, filter: MessageFilter = {}): { count: number; bytes: number } {
    const where: string[] = ['store = ?', 'address = ?'];
    const args: unknown[] = [store, address];
    this.addFilter(filter, where, args);
    return this.db.prepare(`SELECT COUNT(*) AS count, COALESCE(SUM(size), 0) AS bytes FROM messages WHERE ${where.join(' AND ')}`).get(...args) as {
      count: number;
      bytes: number;
    };
  }

  totalsByFolder(store: Store, address: string): Map<string, { count: number; bytes: number; unread: number }> {
    const rows = this.db
      .prepare(
        `SELECT folder_id AS folderId, COUNT(*) AS count, COALESCE(SUM(size), 0) AS bytes,
           SUM(CASE WHEN seen = 0 THEN 1 ELSE 0 END) AS unread
         FROM messages WHERE store = ? AND address = ? GROUP BY folder_id`,
      )
      .all(store, address) as Array<{ folderId: string; count: number; bytes: number; unread: number }>;
    return new Map(rows.map((r) => [r.folderId, { count: r.count, bytes: r.bytes, unread: r.unread }]));
  }

  private addFilter(filter: MessageFilter, where: string[], args: unknown[]): void {
    if (filter.folderIds) {
      if (filter.folderIds.length === 0) where.push('0');
      else {
        where.push(`folder_id IN (${filter.folderIds.map(() => '?').join(', ')})`);
        args.push(...filter.folderIds);
      }
    }
    // instr() on lower-cased copies: case-insensitive for every script, and no LIKE wildcards to escape.
    // Free text: every whitespace-separated term must occur in the subject or the body.
    for (const term of (filter.text ?? '').toLowerCase().split(/\s+/).filter(Boolean).slice(0, 10)) {
      where.push('instr(search_text, ?) > 0');
      args.push(term);
    }
    if (filter.from) {
      where.push('instr(from_search, ?) > 0');
      args.push(filter.from.toLowerCase());
    }
    if (filter.to) {
      where.push('instr(to_search, ?) > 0');
      args.push(filter.to.toLowerCase());
    }
    if (filter.afterMs !== undefined) {
      where.push('date_ms >= ?');
      args.push(filter.afterMs);
    }
    if (filter.beforeMs !== undefined) {
      where.push('date_ms < ?');
      args.push(filter.beforeMs);
    }
    if (filter.dateAtMost !== undefined) {
      where.push('date_ms <= ?');
      args.push(filter.dateAtMost);
    }
    if (filter.hasAttachments !== undefined) {
      where.push('has_attachments = ?');
      args.push(filter.hasAttachments ? 1 : 0);
    }
  }
}
