// Table types for the tracker tables (migration 002_tracker). Kept beside the tracker's
// repositories; `trackerDb` widens a store handle to see them.
import type { ColumnType, Generated, Kysely, Transaction } from "kysely";
import type { Database, SealFlag } from "../schema.ts";

type Stamp = ColumnType<string, string | undefined, string>;

export interface InquiriesTable {
  id: Generated<number>;
  slug: string;
  authority_id: number;
  title: string;
  committee_name: string | null;
  committee_body_id: number | null;
  chair: string | null;
  lead_member: string | null;
  lead_officer: string | null;
  report_date: string | null;
  received_on: string | null;
  response_period_months: number | null;
  /** The meeting whose minutes carry the executive's response (imported inquiries). */
  response_meeting_id: number | null;
  source: string;
  created_at: Stamp;
  updated_at: Stamp;
}

export interface InquirySchedulesTable {
  inquiry_id: number;
  months_after: number;
}

export interface TrackedRecommendationsTable {
  id: Generated<number>;
  inquiry_id: number;
  position: number;
  number: string;
  text: string;
  response: string | null;
  response_text: string | null;
  responsible_member: string | null;
  responsible_officer: string | null;
  action_by: string | null;
  responded_on: string | null;
  response_meeting_id: number | null;
  closure_outcome: string | null;
  closure_date: string | null;
  closure_note: string | null;
  /** copied from an exempt item's table: never public (migration 005) */
  exempt: SealFlag;
  created_at: Stamp;
  updated_at: Stamp;
}

export interface RecommendationUpdatesTable {
  id: Generated<number>;
  recommendation_id: number;
  date: string;
  rag: string;
  text: string;
  by_name: string | null;
  created_at: Stamp;
}

export interface ActionsTable {
  id: Generated<number>;
  slug: string;
  body_id: number;
  meeting_id: number | null;
  item_slug: string | null;
  item_number: string | null;
  resolution_position: number | null;
  label: string | null;
  text: string;
  owner: string | null;
  recipient: string | null;
  due: string | null;
  status: Generated<string>;
  answered_meeting_id: number | null;
  source: string;
  created_at: Stamp;
  updated_at: Stamp;
}

export interface ActionUpdatesTable {
  id: Generated<number>;
  action_id: number;
  date: string;
  text: string;
  by_name: string | null;
  created_at: Stamp;
}

export interface WorkProgrammeItemsTable {
  id: Generated<number>;
  slug: string;
  body_id: number;
  title: string;
  title_key: string;
  planned_for: string | null;
  status: string;
  created_at: Stamp;
  updated_at: Stamp;
}

export interface WorkProgrammeEventsTable {
  id: Generated<number>;
  item_id: number;
  position: number;
  kind: string;
  on_date: string;
  from_slot: string | null;
  to_slot: string | null;
  note: string | null;
  meeting_id: number | null;
  /** minuted in an exempt item: never public (migration 005) */
  exempt: SealFlag;
}

export interface ForwardPlanEntriesTable {
  id: Generated<number>;
  slug: string;
  authority_id: number;
  reference: string | null;
  decision: string;
  decision_maker: string;
  body_id: number | null;
  planned_date: string;
  first_published: string;
  private_reason: string | null;
  private_paragraphs: string | null;
  notice_exception: string | null;
  created_at: Stamp;
  updated_at: Stamp;
}

export type TrackerTables = {
  inquiries: InquiriesTable;
  inquiry_schedules: InquirySchedulesTable;
  tracked_recommendations: TrackedRecommendationsTable;
  recommendation_updates: RecommendationUpdatesTable;
  actions: ActionsTable;
  action_updates: ActionUpdatesTable;
  work_programme_items: WorkProgrammeItemsTable;
  work_programme_events: WorkProgrammeEventsTable;
  forward_plan_entries: ForwardPlanEntriesTable;
};

export type TrackerDatabase = Database & TrackerTables;
export type TrackerDb = Kysely<TrackerDatabase>;

export function trackerDb(db: Kysely<Database> | Transaction<Database>): TrackerDb {
  return db.withTables<TrackerTables>();
}
