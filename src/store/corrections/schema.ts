// Table types for corrections (migration 008_corrections); `correctionsDb` widens a store handle to see them.
import type { Generated, Kysely, Transaction } from "kysely";
import type { AccountsDatabase, AnyDb } from "../accounts/schema.ts";

export const CORRECTION_STATES = ["active", "superseded", "conflict"] as const;
export type CorrectionState = (typeof CORRECTION_STATES)[number];

export interface CorrectionsTable {
  id: Generated<number>;
  /** the meeting's natural key: the same meeting has the same slug on every import */
  meeting_slug: string;
  /** the field's path in the parsed record it was made on ("attendance/3/role") */
  path: string;
  /** JSON Anchor (domain/corrections.ts), or null */
  anchor_json: string;
  before_json: string;
  after_json: string;
  /** the newly parsed value when it differs from before_json (state conflict) */
  parsed_now_json: string | null;
  reason: string | null;
  author_user_id: number | null;
  author_label: string;
  created_at: string;
  state: Generated<CorrectionState>;
}

export type CorrectionsDatabase = AccountsDatabase & { corrections: CorrectionsTable };

export function correctionsDb(db: AnyDb | Transaction<CorrectionsDatabase>): Kysely<CorrectionsDatabase> {
  return (db as Kysely<AccountsDatabase>).withTables<{ corrections: CorrectionsTable }>();
}
