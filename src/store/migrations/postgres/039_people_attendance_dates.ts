// Version 39: each attendance row carries its meeting's date and start time, so that a person's
// meetings, newest first, are read along one index a page at a time instead of joining and sorting
// their whole record (src/store/migrations/sqlite/039_people_attendance_dates.ts says why). A
// trigger dates a row as it is written or moved to another meeting, and another carries a
// meeting's new date or time to its rows. Frozen once released.
import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE attendance ADD COLUMN meeting_date TEXT NOT NULL DEFAULT '', ADD COLUMN meeting_start TEXT NOT NULL DEFAULT ''`.execute(db);
  await sql`UPDATE attendance a SET meeting_date = m.date, meeting_start = coalesce(m.start_time, '') FROM meetings m WHERE m.id = a.meeting_id`.execute(db);
  await sql`CREATE INDEX attendance_person_recent ON attendance (person_id, meeting_date, meeting_start, meeting_id, id)`.execute(db);
  await sql`DROP INDEX IF EXISTS attendance_person`.execute(db);
  await sql`CREATE FUNCTION attendance_dated() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      SELECT m.date, coalesce(m.start_time, '') INTO NEW.meeting_date, NEW.meeting_start FROM meetings m WHERE m.id = NEW.meeting_id;
      RETURN NEW;
    END $$`.execute(db);
  await sql`CREATE TRIGGER attendance_dated BEFORE INSERT OR UPDATE OF meeting_id ON attendance
    FOR EACH ROW EXECUTE FUNCTION attendance_dated()`.execute(db);
  await sql`CREATE FUNCTION meetings_redated() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      UPDATE attendance SET meeting_date = NEW.date, meeting_start = coalesce(NEW.start_time, '') WHERE meeting_id = NEW.id;
      RETURN NULL;
    END $$`.execute(db);
  await sql`CREATE TRIGGER meetings_redated AFTER UPDATE OF date, start_time ON meetings FOR EACH ROW
    WHEN (NEW.date IS DISTINCT FROM OLD.date OR NEW.start_time IS DISTINCT FROM OLD.start_time)
    EXECUTE FUNCTION meetings_redated()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TRIGGER IF EXISTS meetings_redated ON meetings`.execute(db);
  await sql`DROP FUNCTION IF EXISTS meetings_redated()`.execute(db);
  await sql`DROP TRIGGER IF EXISTS attendance_dated ON attendance`.execute(db);
  await sql`DROP FUNCTION IF EXISTS attendance_dated()`.execute(db);
  await sql`CREATE INDEX IF NOT EXISTS attendance_person ON attendance (person_id)`.execute(db);
  await sql`DROP INDEX IF EXISTS attendance_person_recent`.execute(db);
  await sql`ALTER TABLE attendance DROP COLUMN meeting_start, DROP COLUMN meeting_date`.execute(db);
}
