// Table types for the accounts tables and the audit log (migration 006_accounts);
// `accountsDb` widens a store handle to see them.
import type { Generated, Kysely, Transaction } from "kysely";
import type { Database } from "../schema.ts";

export const ROLES = ["admin", "clerk", "officer", "member"] as const;
export type Role = (typeof ROLES)[number];

export interface UsersTable {
  id: Generated<number>;
  email: string;
  display_name: string;
  role: Role;
  password_hash: string | null;
  disabled: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface SessionsTable {
  /** SHA-256 of the token in the cookie, hex */
  id: string;
  user_id: number;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  user_agent: string | null;
}

export interface SignInTokensTable {
  token_hash: string;
  user_id: number;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface SignInFailuresTable {
  id: Generated<number>;
  email: string;
  ip: string;
  at: string;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor_user_id: number | null;
  actor_label: string;
  action: string;
  record_kind: string;
  record_id: string | null;
  before_json: string | null;
  after_json: string | null;
}

export type AccountTables = {
  users: UsersTable;
  sessions: SessionsTable;
  sign_in_tokens: SignInTokensTable;
  sign_in_failures: SignInFailuresTable;
  audit_log: AuditLogTable;
};

export type AccountsDatabase = Database & AccountTables;
export type AccountsDb = Kysely<AccountsDatabase>;
export type AnyDb = Kysely<Database> | Transaction<Database> | Kysely<AccountsDatabase> | Transaction<AccountsDatabase>;

export function accountsDb(db: AnyDb): AccountsDb {
  return (db as Kysely<Database>).withTables<AccountTables>();
}
