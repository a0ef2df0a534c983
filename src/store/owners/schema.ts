// Table types for owners' monitoring updates and deadline extensions (migration 011), and the
// columns that migration adds to the tracker's tables. `ownersDb` widens a store handle to see them.
import type { Generated, Kysely, Transaction } from "kysely";
import type { Database } from "../schema.ts";
import type { AccountTables } from "../accounts/schema.ts";
import type { TrackerTables } from "../scrutiny/schema.ts";

export const UPDATE_STATES = ["pending", "accepted", "rejected"] as const;
export type UpdateState = (typeof UPDATE_STATES)[number];

export interface OwnerUpdatesTable {
  id: Generated<number>;
  recommendation_id: number | null;
  action_id: number | null;
  author_user_id: number;
  status: string;
  text: string;
  evidence_url: string | null;
  /** the calendar day it was posted, in the council's zone: the date it carries once accepted */
  update_date: string;
  submitted_at: string;
  state: Generated<UpdateState>;
  reviewed_by_user_id: number | null;
  reviewed_at: string | null;
  reject_reason: string | null;
}

export interface DeadlineExtensionsTable {
  id: Generated<number>;
  recommendation_id: number | null;
  action_id: number | null;
  due: string;
  reason: string;
  extended_on: string;
  by_name: string | null;
  created_at: string;
}

/** What migration 011 adds to a tracked item's row. */
interface Owned {
  owner_user_id: number | null;
  version: Generated<number>;
}

export type OwnerTables = {
  owner_updates: OwnerUpdatesTable;
  deadline_extensions: DeadlineExtensionsTable;
  tracked_recommendations: TrackerTables["tracked_recommendations"] & Owned;
  actions: TrackerTables["actions"] & Owned;
  recommendation_updates: TrackerTables["recommendation_updates"] & { evidence_url: string | null };
  action_updates: TrackerTables["action_updates"] & { evidence_url: string | null; status: string | null };
};

export type OwnersDatabase = Omit<Database & TrackerTables & AccountTables, keyof OwnerTables> & OwnerTables;
export type OwnersDb = Kysely<OwnersDatabase>;

export function ownersDb(db: Kysely<Database> | Transaction<Database> | Kysely<any>): OwnersDb {
  return db as unknown as OwnersDb;
}
