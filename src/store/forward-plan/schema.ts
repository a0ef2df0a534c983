// The forward plan's table as clerks keep it (migration 023_fwdplan_key_decisions): the tracker's
// `forward_plan_entries` with the columns the workspace writes. `planDb` widens a store handle.
import type { ColumnType, Kysely, Transaction } from "kysely";
import type { Database } from "../schema.ts";
import type { ForwardPlanEntriesTable, TrackerTables } from "../scrutiny/schema.ts";

type Opt<T> = ColumnType<T, T | undefined, T>;

export interface KeyDecisionsTable extends ForwardPlanEntriesTable {
  /** what the decision is about, beyond its title; withheld from the public when exempt */
  details: Opt<string | null>;
  /** JSON array of ward names */
  wards_json: Opt<string>;
  consultees: Opt<string | null>;
  /** JSON array of { title, url } */
  documents_json: Opt<string>;
  exception_reason: Opt<string | null>;
  exception_chair: Opt<string | null>;
  exception_on: Opt<string | null>;
  exception_notice_on: Opt<string | null>;
  withdrawn_on: Opt<string | null>;
  withdrawn_reason: Opt<string | null>;
  taken_meeting_id: Opt<number | null>;
  taken_item_number: Opt<string | null>;
  taken_resolution_position: Opt<number | null>;
  version: Opt<number>;
}

export type PlanTables = Omit<TrackerTables, "forward_plan_entries"> & { forward_plan_entries: KeyDecisionsTable };
export type PlanDatabase = Omit<Database, keyof PlanTables> & PlanTables;
type AnyDb = Kysely<Database> | Transaction<Database>;

export function planDb(db: AnyDb): Kysely<PlanDatabase> {
  return (db as Kysely<Database>).withTables<PlanTables>() as unknown as Kysely<PlanDatabase>;
}

export interface DocumentLink {
  title: string;
  url: string;
}
