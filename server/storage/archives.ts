// Archive settings per mailbox, its folders, its version counter and the change log behind `changes?since=`.
import type { Plan } from '../rules/quota';
import type { Db } from './db';

export interface ArchiveRow {
  address: string;
  enabled: boolean;
  writable: boolean;
  imapAccess: boolean;
  retentionMonths: number | null;
  plan: Plan;
  quotaOverrideSet: boolean;
  quotaOverride: number | null;
  fullFlag: boolean;
  enabledAt: string | null;
  version: number;
  changesFloor: number;
  nextCustom: number;
}

export type FolderKind = 'inbox' | 'inbox-month' | 'sent' | 'custom';

export interface FolderRow {
  id: string;
  kind: FolderKind;
  name: string;
  month: string | null;
}

export interface ChangeRow {
  version: number;
  folderId: string;
  messageId: string | null;
  kind: 'added' | 'removed' | 'folder';
}

type RawArchive = Omit<ArchiveRow, 'enabled' | 'writable' | 'imapAccess' | 'quotaOverrideSet' | 'fullFlag'> & {
  enabled: number;
  writable: number;
  imapAccess: number;
  quotaOverrideSet: number;
  fullFlag: number;
};

export type ArchivePatch = Partial<
  Pick<
    ArchiveRow,
    | 'enabled'
    | 'writable'
    | 'imapAccess'
    | 'retentionMonths'
    | 'plan'
    | 'quotaOverrideSet'
    | 'quotaOverride'
    | 'fullFlag'
    | 'enabledAt'
    | 'changesFloor'
  >
>;

const COLUMNS: Record<keyof ArchivePatch, string> = {
  enabled: 'enabled',
  writable: 'writable',
  imapAccess: 'imap_access',
  retentionMonths: 'retention_months',
  plan: 'plan',
  quotaOverrideSet: 'quota_override_set',
  quotaOverride: 'quota_override',
  fullFlag: 'full_flag',
  enabledAt: 'enabled_at',
  changesFloor: 'changes_floor',
};

export class ArchivesRepo {
  constructor(private readonly db: Db) {}

  get(address: string): ArchiveRow | null {
    const row = this.db
      .prepare(
        `SELECT address, enabled, writable, imap_access AS imapAccess, retention_months AS retentionMonths, plan,
           quota_override_set AS quotaOverrideSet, quota_override AS quotaOverride, full_flag AS fullFlag,
           enabled_at AS enabledAt, version, changes_floor AS changesFloor, next_custom AS nextCustom
         FROM archives WHERE address = ?`,
      )
      .get(address) as RawArchive | undefined;
    if (!row) return null;
    return {
      ...row,
      enabled: row.enabled === 1,
      writable: row.writable === 1,
      imapAccess: row.imapAccess === 1,
      quotaOverrideSet: row.quotaOverrideSet === 1,
      fullFlag: row.fullFlag === 1,
    };
  }

  listEnabled(): ArchiveRow[] {
    const rows = this.db.prepare('SELECT address FROM archives WHERE enabled = 1').all() as Array<{ address: string }>;
    return rows.map((r) => this.get(r.address)).filter((r): r is ArchiveRow => r !== null);
  }

  update(address: string, patch: ArchivePatch): void {
    const entries = Object.entries(patch).filter(([, value]) => value !== undefined) as Array<[keyof ArchivePatch, unknown]>;
    if (entries.length === 0) return;
    const sets = entries.map(([key]) => `${COLUMNS[key]} = ?`).join(', ');
    const values = entries.map(([, value]) => (typeof value === 'boolean' ? (value ? 1 : 0) : value));
    this.db.prepare(`UPDATE archives SET ${sets} WHERE address = ?`).run(...values, address);
  }

  /** Every mutation of an archive's content takes a new version; the change rows carry it. */
  bumpVersion(address: string): number {
    const row = this.db.prepare('UPDATE archives SET version = version + 1 WHERE address = ? RETURNING version').get(address) as { version: number };
    return row.version;
  }

  takeCustomNumber(address: string): number {
    const row = this.db
      .prepare('UPDATE archives SET next_custom = next_custom + 1 WHERE address = ? RETURNING next_custom - 1 AS n')
      .get(address) as { n: number };
    return row.n;
  }

  folders(address: string): FolderRow[] {
    return this.db.prepare('SELECT id, kind, name, month FROM archive_folders WHERE address = ?').all(address) as FolderRow[];
  }

  folder(address: string, id: string): FolderRow | null {
    return (this.db.prepare('SELECT id, kind, name, month FROM archive_folders WHERE address = ? AND id = ?').get(address, id) as FolderRow) ?? null;
  }

  insertFolder(address: string, folder: FolderRow): boolean {
    const result = this.db
      .prepare('INSERT OR IGNORE INTO archive_folders (address, id, kind, name, month) VALUES (?, ?, ?, ?, ?)')
      .run(address, folder.id, folder.kind, folder.name, folder.month);
    return result.changes > 0;
  }

  deleteFolder(address: string, id: string): void {
    this.db.prepare('DELETE FROM archive_folders WHERE address = ? AND id = ?').run(address, id);
  }

  deleteFolders(address: string): void {
    this.db.prepare('DELETE FROM archive_folders WHERE address = ?').run(address);
  }

  logChange(address: string, change: ChangeRow): void {
    this.db
      .prepare('INSERT INTO archive_changes (address, version, folder_id, message_id, kind) VALUES (?, ?, ?, ?, ?)')
      .run(address, change.version, change.folderId, change.messageId, change.kind);
  }

  changesSince(address: string, since: number): ChangeRow[] {
    return this.db
      .prepare(
        `SELECT version, folder_id AS folderId, message_id AS messageId, kind FROM archive_changes
         WHERE address = ? AND version > ? ORDER BY seq`,
      )
      .all(address, since) as ChangeRow[];
  }

  deleteChanges(address: string): void {
    this.db.prepare('DELETE FROM archive_changes WHERE address = ?').run(address);
  }

  /** Keeps the change log bounded: drops the oldest rows and raises the floor below which clients get 410. */
  trimChanges(address: string, keep: number): void {
    const row = this.db.prepare('SELECT version FROM archive_changes WHERE address = ? ORDER BY seq DESC LIMIT 1 OFFSET ?').get(address, keep) as
      { version: number } | undefined;
    if (!row) return;
    this.db.prepare('DELETE FROM archive_changes WHERE address = ? AND version <= ?').run(address, row.version);
    this.db.prepare('UPDATE archives SET changes_floor = MAX(changes_floor, ?) WHERE address = ?').run(row.version, address);
  }
}
