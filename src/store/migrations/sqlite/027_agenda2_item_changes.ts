// A change to an agenda item after it has been published (its number, title, report author,
// wards, decision maker, or whether it is exempt) is kept with the reason the clerk gave, which is
// shown with the agenda, as the reason for a late agenda is. What it was and what it became are in
// the audit log. Frozen once released.
import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE agenda_item_changes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    item_id INTEGER NOT NULL REFERENCES agenda_items(id) ON DELETE CASCADE,
    changed_at TEXT NOT NULL,
    changed_on TEXT NOT NULL,
    reason TEXT NOT NULL,
    changed_by INTEGER REFERENCES users(id) ON DELETE SET NULL
  )`.execute(db);
  await sql`CREATE INDEX agenda_item_changes_item ON agenda_item_changes (item_id)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE agenda_item_changes`.execute(db);
}
