// Version 15 (search): search no longer joins meetings to check the visibility rule on every match;
// search_entries holds only what the rule lets the public find. So the database keeps it sealed
// itself: minutes that become a draft (not public), by whatever write, leave search at once; the
// paths that make minutes public again re-index them. (SQLite's 015 also gives FTS5 its filter
// tags; the tsvector index needs no change: its filters are columns beside it.) Frozen once released.
import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE FUNCTION search_entries_seal_draft() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      DELETE FROM search_entries WHERE meeting_id = NEW.id;
      RETURN NULL;
    END $$`.execute(db);
  await sql`CREATE TRIGGER meetings_draft_unsearchable AFTER UPDATE OF minutes_status ON meetings
    FOR EACH ROW WHEN (NEW.minutes_status = 'draft') EXECUTE FUNCTION search_entries_seal_draft()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TRIGGER IF EXISTS meetings_draft_unsearchable ON meetings`.execute(db);
  await sql`DROP FUNCTION IF EXISTS search_entries_seal_draft()`.execute(db);
}
