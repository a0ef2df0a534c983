// Table types for the minutes lifecycle (migration 012_lifecycle_minutes); `lifecycleDb` widens a
// store handle to see them, alongside the accounts tables.
import type { Generated, Kysely, Transaction } from "kysely";
import type { Database } from "../schema.ts";
import type { AccountTables } from "../accounts/schema.ts";

export interface MinutesApprovalsTable {
  meeting_id: number;
  /** the date of the meeting that agreed the minutes as a correct record, ISO */
  approved_on: string;
  approving_meeting_id: number | null;
  approving_item_number: string | null;
  approving_item_title: string | null;
  source_document_id: number | null;
  /** the record as approved: ApprovedSnapshot as JSON */
  snapshot_json: string;
  recorded_at: string;
  recorded_by: number | null;
}

export interface MinutesCorrectionsTable {
  id: Generated<number>;
  meeting_id: number;
  corrected_on: string;
  reason: string;
  recorded_at: string;
  recorded_by: number | null;
}

export type LifecycleTables = AccountTables & {
  minutes_approvals: MinutesApprovalsTable;
  minutes_corrections: MinutesCorrectionsTable;
};

export type LifecycleDb = Kysely<Database & LifecycleTables>;
export type AnyDb = Kysely<Database> | Transaction<Database> | Kysely<Database & LifecycleTables> | Transaction<Database & LifecycleTables>;

export function lifecycleDb(db: AnyDb): LifecycleDb {
  return (db as Kysely<Database>).withTables<LifecycleTables>();
}
