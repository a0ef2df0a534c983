// Version 4: who moved and seconded a resolution. The names as the minutes write them are kept
// beside the person they were matched to, because a name that matches nobody (or more than one
// person) must still be shown as written. Frozen once released.
import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE resolutions ADD COLUMN moved_by_name TEXT`.execute(db);
  await sql`ALTER TABLE resolutions ADD COLUMN seconded_by_name TEXT`.execute(db);
  await sql`ALTER TABLE resolutions ADD COLUMN moved_by_person_id INTEGER REFERENCES people(id) ON DELETE SET NULL`.execute(db);
  await sql`ALTER TABLE resolutions ADD COLUMN seconded_by_person_id INTEGER REFERENCES people(id) ON DELETE SET NULL`.execute(db);
  // a person page lists the motions they moved or seconded
  await sql`CREATE INDEX resolutions_moved_by ON resolutions (moved_by_person_id)`.execute(db);
  await sql`CREATE INDEX resolutions_seconded_by ON resolutions (seconded_by_person_id)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP INDEX IF EXISTS resolutions_seconded_by`.execute(db);
  await sql`DROP INDEX IF EXISTS resolutions_moved_by`.execute(db);
  await sql`ALTER TABLE resolutions DROP COLUMN seconded_by_person_id`.execute(db);
  await sql`ALTER TABLE resolutions DROP COLUMN moved_by_person_id`.execute(db);
  await sql`ALTER TABLE resolutions DROP COLUMN seconded_by_name`.execute(db);
  await sql`ALTER TABLE resolutions DROP COLUMN moved_by_name`.execute(db);
}
