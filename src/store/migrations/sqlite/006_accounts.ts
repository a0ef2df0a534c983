// Version 6: the clerk's workspace. People who sign in, their sessions (only a SHA-256 hash of each
// session token is kept, so a copy of the database signs nobody in), one-time sign-in links, failed
// sign-in attempts (counted here so several processes agree on the limit), and the append-only
// audit log. Times are ISO 8601 UTC strings, which sort as they compare. Frozen once released.
import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE users (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    email TEXT NOT NULL UNIQUE CHECK (email = lower(email)),
    display_name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('admin', 'clerk', 'officer', 'member')),
    password_hash TEXT,
    disabled INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  )`.execute(db);
  await sql`CREATE TABLE sessions (
    id TEXT PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    last_seen_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    user_agent TEXT
  )`.execute(db);
  await sql`CREATE INDEX sessions_user ON sessions (user_id)`.execute(db);
  await sql`CREATE TABLE sign_in_tokens (
    token_hash TEXT PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    used_at TEXT
  )`.execute(db);
  await sql`CREATE TABLE sign_in_failures (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    email TEXT NOT NULL,
    ip TEXT NOT NULL,
    at TEXT NOT NULL
  )`.execute(db);
  await sql`CREATE INDEX sign_in_failures_email ON sign_in_failures (email, at)`.execute(db);
  await sql`CREATE INDEX sign_in_failures_ip ON sign_in_failures (ip, at)`.execute(db);
  await sql`CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    actor_user_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
    actor_label TEXT NOT NULL,
    action TEXT NOT NULL,
    record_kind TEXT NOT NULL,
    record_id TEXT,
    before_json TEXT,
    after_json TEXT
  )`.execute(db);
  await sql`CREATE INDEX audit_log_record ON audit_log (record_kind, record_id)`.execute(db);
  await sql`CREATE INDEX audit_log_at ON audit_log (at)`.execute(db);
  // append-only: the database itself refuses to change or remove an entry
  await sql`CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END`.execute(db);
  await sql`CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ["audit_log", "sign_in_failures", "sign_in_tokens", "sessions", "users"]) await sql`DROP TABLE IF EXISTS ${sql.table(t)}`.execute(db);
}
