// Version 18 (fwdplan): the forward plan as clerks keep it. Each key decision gains what a notice
// under reg 9 of the 2012 Regulations sets out (a summary, the wards, the consultees, the documents),
// the exception recorded when notice falls short (reg 10 general exception: the scrutiny chair
// informed, and when; reg 11 special urgency: the chair who agreed, and when; both with the reasons
// and the day notice was given), withdrawal with its reason, where the decision was taken (meeting;
// item and resolution kept by number and position because re-importing a meeting rewrites them),
// and a version that refuses a stale save. Frozen once released.
import { sql, type Kysely } from "kysely";

const COLUMNS = [
  "details TEXT",
  "wards_json TEXT NOT NULL DEFAULT '[]'",
  "consultees TEXT",
  "documents_json TEXT NOT NULL DEFAULT '[]'",
  "exception_reason TEXT",
  "exception_chair TEXT",
  "exception_on TEXT",
  "exception_notice_on TEXT",
  "withdrawn_on TEXT",
  "withdrawn_reason TEXT",
  "taken_meeting_id INTEGER REFERENCES meetings(id) ON DELETE SET NULL",
  "taken_item_number TEXT",
  "taken_resolution_position INTEGER",
  "version INTEGER NOT NULL DEFAULT 1",
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const c of COLUMNS) await sql.raw(`ALTER TABLE forward_plan_entries ADD COLUMN ${c}`).execute(db);
  await sql`CREATE INDEX forward_plan_taken ON forward_plan_entries (taken_meeting_id)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP INDEX IF EXISTS forward_plan_taken`.execute(db);
  for (const c of [...COLUMNS].reverse()) await sql.raw(`ALTER TABLE forward_plan_entries DROP COLUMN ${c.split(" ")[0]}`).execute(db);
}
