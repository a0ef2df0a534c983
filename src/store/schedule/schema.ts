// Table types for the schedule (migration 021_schedule_meeting_events); `scheduleDb` widens a store
// handle to see them, alongside the accounts tables.
import type { Generated, Kysely, Transaction } from "kysely";
import type { Database } from "../schema.ts";
import type { AccountTables } from "../accounts/schema.ts";

export const MEETING_EVENT_KINDS = ["scheduled", "rescheduled", "postponed", "cancelled", "restored"] as const;
export type MeetingEventKind = (typeof MEETING_EVENT_KINDS)[number];

export interface MeetingSeriesTable {
  id: Generated<number>;
  body_id: number;
  /** SeriesRule (domain/meeting-series.ts) as JSON */
  rule_json: string;
  from_date: string;
  to_date: string;
  start_time: string | null;
  venue: string | null;
  created_at: string;
  created_by: number | null;
  created_by_label: string;
}

export interface MeetingEventsTable {
  id: Generated<number>;
  meeting_id: number;
  kind: MeetingEventKind;
  at: string;
  actor_user_id: number | null;
  actor_label: string;
  from_date: string | null;
  from_time: string | null;
  from_venue: string | null;
  to_date: string | null;
  to_time: string | null;
  to_venue: string | null;
  reason: string | null;
  series_id: number | null;
}

export type ScheduleTables = AccountTables & {
  meeting_series: MeetingSeriesTable;
  meeting_events: MeetingEventsTable;
};

export type ScheduleDatabase = Database & ScheduleTables;
export type AnyDb = Kysely<Database> | Transaction<Database> | Kysely<ScheduleDatabase> | Transaction<ScheduleDatabase>;

export function scheduleDb(db: AnyDb): Kysely<ScheduleDatabase> {
  return (db as Kysely<Database>).withTables<ScheduleTables>();
}
