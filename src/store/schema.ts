// Table types for Kysely. Column names are the SQL names; read functions map them to the portal's
// camelCase types. Dates are ISO "YYYY-MM-DD" text and times local "HH:MM" text, as written, in the
// authority's zone; SQLite keeps booleans as 0/1, so flags are typed as number | boolean.
import type { ColumnType, Generated } from "kysely";

type Flag = ColumnType<number | boolean, number | boolean, number | boolean>;
type Stamp = ColumnType<string, string | undefined, string>;
/** Sealed with exempt business (migration 005); defaults to public when not given. */
export type SealFlag = ColumnType<number | boolean, number | boolean | undefined, number | boolean>;

export const BODY_KINDS = [
  "committee",
  "cabinet",
  "full council",
  "select committee",
  "scrutiny committee",
  "sub-committee",
  "panel",
  "board",
  "task and finish group",
  "municipal district",
  "strategic policy committee",
  "parish council",
  "town council",
  "other",
] as const;
export type BodyKind = (typeof BODY_KINDS)[number];

export const MEETING_STATUSES = ["scheduled", "held", "cancelled", "postponed"] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

export const MINUTES_STATUSES = ["draft", "published", "approved"] as const;
export type MinutesStatus = (typeof MINUTES_STATUSES)[number];

export const OUTCOMES = ["noted", "agreed", "approved", "approved with amendments", "deferred", "refused", "carried", "lost"] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const PERSON_KINDS = ["member", "officer", "other"] as const;
export type PersonKind = (typeof PERSON_KINDS)[number];

export interface AuthoritiesTable {
  id: Generated<number>;
  slug: string;
  name: string;
  time_zone: Generated<string>;
  created_at: Stamp;
}

export interface BodiesTable {
  id: Generated<number>;
  authority_id: number;
  slug: string;
  name: string;
  /** normalised name used to recognise the same body spelt differently ("&" / "and", case) */
  name_key: string;
  kind: string;
  /** edits made by hand, for optimistic locking (migration 009) */
  version: ColumnType<number, number | undefined, number>;
  created_at: Stamp;
}

export interface PeopleTable {
  id: Generated<number>;
  authority_id: number;
  slug: string;
  display_name: string;
  honorific: string | null;
  forenames: string | null;
  initials: string | null;
  surname: string;
  surname_key: string;
  kind: string;
  /** set by hand (migration 009); settling people keeps them through `person_decisions` */
  party: ColumnType<string | null, string | null | undefined, string | null>;
  ward: ColumnType<string | null, string | null | undefined, string | null>;
  version: ColumnType<number, number | undefined, number>;
  created_at: Stamp;
}

export interface MembershipsTable {
  id: Generated<number>;
  person_id: number;
  body_id: number;
  role: string | null;
  kind: string;
  from_date: string | null;
  to_date: string | null;
  /** "attendance" when derived from minutes; other sources (manual entry) are kept on re-derivation */
  source: string;
}

export interface MeetingsTable {
  id: Generated<number>;
  body_id: number;
  slug: string;
  date: string;
  start_time: string | null;
  end_time: string | null;
  venue: string | null;
  status: string;
  minutes_status: string;
  /** 1 when published minutes are a draft awaiting approval (migration 012) */
  minutes_draft: Generated<number>;
  /** what the minutes say of their own standing, "draft" or "approved", and the words (migration 013) */
  stated_minutes_status: ColumnType<string | null, string | null | undefined, string | null>;
  stated_minutes_text: ColumnType<string | null, string | null | undefined, string | null>;
  source_document_id: number | null;
  /** ISO instant the meeting was announced (scheduled here); null: known only from its minutes (migration 025) */
  announced_at: ColumnType<string | null, string | null | undefined, string | null>;
  next_meeting_date: string | null;
  next_meeting_time: string | null;
  next_meeting_venue: string | null;
  /** raised on every change through the store (migration 008), so two editors cannot overwrite each other */
  version: Generated<number>;
  created_at: Stamp;
  updated_at: Stamp;
}

export interface AttendanceTable {
  id: Generated<number>;
  meeting_id: number;
  position: number;
  raw_name: string;
  person_id: number | null;
  status: string;
  kind: string;
  role: string | null;
  substitute_for: string | null;
  substitute_for_person_id: number | null;
  /** the meeting's date and start time ('' for none), kept by triggers (migration 039) */
  meeting_date: Generated<string>;
  meeting_start: Generated<string>;
}

export interface ItemsTable {
  id: Generated<number>;
  meeting_id: number;
  position: number;
  number: string;
  slug: string;
  title: string;
  exempt: Flag;
  exempt_paragraphs: string | null;
  /** ISO date from which an exempt item is public (migration 010); null: not released */
  exempt_release_on: ColumnType<string | null, string | null | undefined, string | null>;
  /** where the item's text lies in the meeting's source text (migration 017); read through item-body.ts */
  text_start: number | null;
  text_end: number | null;
  /** the item's text where it is not one plain cut of the source text */
  text_uncut: string | null;
}

export interface ResolutionsTable {
  id: Generated<number>;
  meeting_id: number;
  item_id: number;
  position: number;
  slug: string;
  text: string;
  outcome: string | null;
  votes_for: number | null;
  votes_against: number | null;
  votes_abstain: number | null;
  /** the mover and seconder as the minutes write them, and the people they were matched to */
  moved_by_name: string | null;
  seconded_by_name: string | null;
  moved_by_person_id: number | null;
  seconded_by_person_id: number | null;
  /** recorded as unanimous (migration 013); null when not recorded */
  votes_unanimous: ColumnType<number | boolean | null, number | boolean | null | undefined, number | boolean | null>;
}

export const MEMBER_VOTES = ["for", "against", "abstain", "absent", "recused"] as const;
export type MemberVote = (typeof MEMBER_VOTES)[number];

/** How one member voted on a decision (migration 013); read only through its decision, so sealed with it. */
export interface DecisionVotesTable {
  id: Generated<number>;
  resolution_id: number;
  meeting_id: number;
  position: number;
  vote: MemberVote;
  raw_name: string;
  person_id: number | null;
}

export interface DeclarationsTable {
  id: Generated<number>;
  meeting_id: number;
  item_id: number | null;
  position: number;
  raw_name: string;
  person_id: number | null;
  interest: string | null;
  description: string | null;
  /** parsed from an exempt item (or from exempt text): never public */
  exempt: SealFlag;
  /** the kind in the closed vocabulary (migration 013); null when not stated or stored before it */
  kind: ColumnType<string | null, string | null | undefined, string | null>;
}

/** A question put at a meeting (migration 013). */
export interface QuestionsTable {
  id: Generated<number>;
  meeting_id: number;
  item_id: number | null;
  position: number;
  /** as written */
  asked_by: string | null;
  asked_to: string | null;
  question: string;
  answer: string | null;
  /** asked in an exempt item (or in exempt text): never public */
  exempt: SealFlag;
}

export interface RecommendationsTable {
  id: Generated<number>;
  meeting_id: number;
  position: number;
  number: string;
  text: string;
  response: string | null;
  response_text: string | null;
  responsible_member: string | null;
  responsible_officer: string | null;
  action_by: string | null;
  /** read from a table in an exempt item: never public */
  exempt: SealFlag;
}

export interface SourceDocumentsTable {
  id: Generated<number>;
  file_name: string;
  format: string;
  content_hash: string;
  byte_length: number;
  /** the source text, deflated (packed.ts, migration 017) */
  packed_text: Uint8Array;
  parser_version: string;
  /** JSON array of strings */
  warnings: string;
  /** JSON array of [start, end) character ranges of exempt item text, withheld from public views */
  exempt_ranges: ColumnType<string, string | undefined, string>;
  meeting_id: number | null;
  /** the parsed quorum.minutes/1 record, before corrections (migration 008), as deflated JSON (migration 017); null for rows stored before 008 */
  packed_record: ColumnType<Uint8Array | null, Uint8Array | null | undefined, Uint8Array | null>;
  /** where each of its values was read, packed (provenance-pack.ts, migration 041); null for none */
  packed_provenance: ColumnType<Uint8Array | null, Uint8Array | null | undefined, Uint8Array | null>;
  imported_at: Stamp;
  /** the original file in the document store (its SHA-256), its media type and cleaned file name (migration 028); null when not kept */
  document_key: ColumnType<string | null, string | null | undefined, string | null>;
  media_type: ColumnType<string | null, string | null | undefined, string | null>;
  original_name: ColumnType<string | null, string | null | undefined, string | null>;
}

/** What public search sees: one row per public thing, written only through the visibility rule. */
export interface SearchEntriesTable {
  id: Generated<number>;
  /** meeting | item | decision | person */
  kind: string;
  entity_id: number;
  meeting_id: number | null;
  body_id: number | null;
  authority_id: number;
  year: number | null;
  title: string;
  /** null: the text is the cut text_start..text_end of source document text_doc (migration 019) */
  text: string | null;
  text_doc: number | null;
  text_start: number | null;
  text_end: number | null;
}

/** Per committee: its public meetings and their decisions (migration 015_pages_summaries, kept by store/summaries.ts). */
export interface BodySummariesTable {
  body_id: number;
  meeting_count: Generated<number>;
  decision_count: Generated<number>;
  exempt_decision_count: Generated<number>;
  first_meeting: string | null;
  last_meeting: string | null;
}

/** A person's attendance over public minutes (migration 038_people_summaries), kept by store/summaries/people.ts. */
export interface PersonSummariesTable {
  person_id: number;
  meeting_count: Generated<number>;
  present: Generated<number>;
  apologies: Generated<number>;
  absent: Generated<number>;
  in_attendance: Generated<number>;
}

/** The names a person was written as over public minutes, with their attendance rows (migration 040_people_names), kept by store/summaries/people.ts. */
export interface PersonNamesTable {
  person_id: number;
  /** summaries/name-key.ts */
  name_key: string;
  raw_name: string;
  row_count: number;
}

export interface Database {
  authorities: AuthoritiesTable;
  bodies: BodiesTable;
  people: PeopleTable;
  memberships: MembershipsTable;
  meetings: MeetingsTable;
  attendance: AttendanceTable;
  items: ItemsTable;
  resolutions: ResolutionsTable;
  decision_votes: DecisionVotesTable;
  declarations: DeclarationsTable;
  questions: QuestionsTable;
  recommendations: RecommendationsTable;
  source_documents: SourceDocumentsTable;
  search_entries: SearchEntriesTable;
  body_summaries: BodySummariesTable;
  person_summaries: PersonSummariesTable;
  person_names: PersonNamesTable;
}
