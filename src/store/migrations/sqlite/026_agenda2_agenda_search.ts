// Published agenda items and papers are search entries of their own kinds ('agenda', 'paper'),
// written by store/agenda/search.ts. They belong to the agenda, not to the minutes: their
// meeting_id is NULL, so nothing that rewrites or seals a meeting's minutes entries touches them.
// These triggers remove them with their item or paper, however it goes (a meeting deleted takes
// its agenda with it). Frozen once released.
import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE TRIGGER agenda_items_unsearchable AFTER DELETE ON agenda_items BEGIN
    DELETE FROM search_entries WHERE kind = 'agenda' AND entity_id = old.id;
  END`.execute(db);
  await sql`CREATE TRIGGER agenda_papers_unsearchable AFTER DELETE ON agenda_papers BEGIN
    DELETE FROM search_entries WHERE kind = 'paper' AND entity_id = old.id;
  END`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TRIGGER IF EXISTS agenda_papers_unsearchable`.execute(db);
  await sql`DROP TRIGGER IF EXISTS agenda_items_unsearchable`.execute(db);
  await sql`DELETE FROM search_entries WHERE kind IN ('agenda', 'paper')`.execute(db);
}
