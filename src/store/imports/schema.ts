// Table type for the import review queue (migration 007_review_import_reviews); `reviewsDb` widens
// a store handle to see it.
import type { Generated, Kysely, Transaction } from "kysely";
import type { Database } from "../schema.ts";
import type { AccountTables } from "../accounts/schema.ts";

export const REVIEW_STATES = ["pending", "published", "rejected"] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];

export interface ImportReviewsTable {
  id: Generated<number>;
  source_document_id: number | null;
  meeting_id: number | null;
  meeting_slug: string;
  /** a held record that replaces a meeting already public when published */
  replaces: boolean | number;
  state: ReviewState;
  council: string;
  committee: string;
  meeting_date: string;
  file_name: string;
  content_hash: string;
  /** the parsed quorum.minutes/1 record as imported */
  record_json: string;
  /** what else the import was given (authority, folder overrides, parser version) */
  options_json: string;
  warnings_json: string;
  queued_at: string;
  queued_by: string;
  decided_by: number | null;
  decided_by_label: string | null;
  decided_at: string | null;
}

export type ReviewTables = AccountTables & { import_reviews: ImportReviewsTable };
export type ReviewsDatabase = Database & ReviewTables;
export type ReviewsDb = Kysely<ReviewsDatabase> | Transaction<ReviewsDatabase>;

export function reviewsDb(db: Kysely<Database> | Transaction<Database>): Kysely<ReviewsDatabase> {
  return (db as Kysely<Database>).withTables<ReviewTables>();
}
