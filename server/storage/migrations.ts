// Ordered SQLite schema migrations; each runs once, inside a transaction, and is recorded in schema_migrations.
export const MIGRATIONS: ReadonlyArray<{ version: number; sql: string }> = [
  {
    version: 1,
    sql: `
      CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

      CREATE TABLE accounts (
        address TEXT PRIMARY KEY,
        domain TEXT NOT NULL,
        display_name TEXT NOT NULL,
        password_hash TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('user', 'postmaster')),
        mailbox_quota_bytes INTEGER NOT NULL
      );

      -- alias: another name of the mailbox; forward: a redirect to it. Neither is archived.
      CREATE TABLE redirects (
        address TEXT PRIMARY KEY,
        target TEXT NOT NULL REFERENCES accounts(address) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('alias', 'forward'))
      );

      CREATE TABLE archives (
        address TEXT PRIMARY KEY REFERENCES accounts(address) ON DELETE CASCADE,
        enabled INTEGER NOT NULL DEFAULT 0,
        writable INTEGER NOT NULL DEFAULT 0,
        imap_access INTEGER NOT NULL DEFAULT 0,
        retention_months INTEGER,
        plan TEXT NOT NULL DEFAULT 'base' CHECK (plan IN ('base', 'gigamail', 'unlimited')),
        quota_override_set INTEGER NOT NULL DEFAULT 0,
        quota_override INTEGER,
        full_flag INTEGER NOT NULL DEFAULT 0,
        enabled_at TEXT,
        version INTEGER NOT NULL DEFAULT 0,
        changes_floor INTEGER NOT NULL DEFAULT 0,
        next_custom INTEGER NOT NULL DEFAULT 1
      );

      CREATE TABLE archive_folders (
        address TEXT NOT NULL REFERENCES archives(address) ON DELETE CASCADE,
        id TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('inbox', 'inbox-month', 'sent', 'custom')),
        name TEXT NOT NULL,
        month TEXT,
        PRIMARY KEY (address, id)
      );

      -- One index for both stores: 'mailbox' (the mailbox itself) and 'archive' (the security archive).
      CREATE TABLE messages (
        id TEXT PRIMARY KEY,
        store TEXT NOT NULL CHECK (store IN ('mailbox', 'archive')),
        address TEXT NOT NULL,
        folder_id TEXT NOT NULL,
        file TEXT NOT NULL,
        message_id TEXT NOT NULL,
        date_ms INTEGER NOT NULL,
        from_name TEXT NOT NULL,
        from_address TEXT NOT NULL,
        to_json TEXT NOT NULL,
        subject TEXT NOT NULL,
        size INTEGER NOT NULL,
        has_attachments INTEGER NOT NULL,
        snippet TEXT NOT NULL,
        search_text TEXT NOT NULL,
        from_search TEXT NOT NULL,
        to_search TEXT NOT NULL,
        seen INTEGER NOT NULL DEFAULT 0,
        delivered_via TEXT NOT NULL,
        stored_ms INTEGER NOT NULL
      );
      CREATE INDEX messages_listing ON messages (store, address, folder_id, date_ms DESC, id DESC);
      CREATE INDEX messages_by_date ON messages (store, address, date_ms DESC, id DESC);

      CREATE TABLE archive_changes (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        address TEXT NOT NULL,
        version INTEGER NOT NULL,
        folder_id TEXT NOT NULL,
        message_id TEXT,
        kind TEXT NOT NULL CHECK (kind IN ('added', 'removed', 'folder'))
      );
      CREATE INDEX archive_changes_by_version ON archive_changes (address, version);

      CREATE TABLE sessions (
        token_hash TEXT PRIMARY KEY,
        address TEXT NOT NULL REFERENCES accounts(address) ON DELETE CASCADE,
        created_ms INTEGER NOT NULL,
        last_seen_ms INTEGER NOT NULL,
        expired INTEGER NOT NULL DEFAULT 0
      );
    `,
  },
  {
    version: 2,
    // Covering index: usedBytes (SUM of sizes) is computed on every archived message for the quota check.
    sql: 'CREATE INDEX messages_sizes ON messages (store, address, folder_id, size, seen);',
  },
];
