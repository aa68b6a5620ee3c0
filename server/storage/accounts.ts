// Accounts (mailboxes of the domain) and their redirects (aliases and forwards).
import type { Redirect } from '../rules/delivery';
import type { Db } from './db';

export type Role = 'user' | 'postmaster';

export interface Account {
  address: string;
  domain: string;
  displayName: string;
  role: Role;
  passwordHash: string;
  mailboxQuotaBytes: number;
}

const ACCOUNT_COLUMNS = `address, domain, display_name AS displayName, role, password_hash AS passwordHash,
  mailbox_quota_bytes AS mailboxQuotaBytes`;

export class AccountsRepo {
  constructor(private readonly db: Db) {}

  get(address: string): Account | null {
    return (this.db.prepare(`SELECT ${ACCOUNT_COLUMNS} FROM accounts WHERE address = ?`).get(address) as Account) ?? null;
  }

  listByDomain(domain: string): Account[] {
    return this.db.prepare(`SELECT ${ACCOUNT_COLUMNS} FROM accounts WHERE domain = ? ORDER BY address`).all(domain) as Account[];
  }

  all(): Account[] {
    return this.db.prepare(`SELECT ${ACCOUNT_COLUMNS} FROM accounts ORDER BY address`).all() as Account[];
  }

  /** Inserts the account unless it exists (seeding is idempotent); returns whether it was created. */
  insertIfMissing(account: Account): boolean {
    const result = this.db
      .prepare(
        `INSERT OR IGNORE INTO accounts (address, domain, display_name, role, password_hash, mailbox_quota_bytes)
         VALUES (?, ?, ?, ?, ?, ?)`,
      )
      .run(account.address, account.domain, account.displayName, account.role, account.passwordHash, account.mailboxQuotaBytes);
    // After a reset, versions continue from where the old data stopped, so no client mistakes new data for old.
    this.db
      .prepare(
        `INSERT OR IGNORE INTO archives (address, version, changes_floor)
         SELECT ?, v, v FROM (SELECT COALESCE((SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'versionBase'), 0) AS v)`,
      )
      .run(account.address);
    return result.changes > 0;
  }

  redirect(address: string): Redirect | null {
    return (this.db.prepare('SELECT address, target, kind FROM redirects WHERE address = ?').get(address) as Redirect) ?? null;
  }

  redirectsTo(target: string): Redirect[] {
    return this.db.prepare('SELECT address, target, kind FROM redirects WHERE target = ? ORDER BY address').all(target) as Redirect[];
  }

  addRedirectIfMissing(redirect: Redirect): void {
    this.db.prepare('INSERT OR IGNORE INTO redirects (address, target, kind) VALUES (?, ?, ?)').run(redirect.address, redirect.target, redirect.kind);
  }
}
