// The licence each council publishes its data under (open data exports, OParl `license`, /data):
// the Open Government Licence v3.0 unless the council's folder settings (quorum.json) name another.
// Frozen once released.
import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE authorities ADD COLUMN licence_name TEXT NOT NULL DEFAULT 'Open Government Licence v3.0'`.execute(db);
  await sql`ALTER TABLE authorities ADD COLUMN licence_url TEXT NOT NULL DEFAULT 'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/'`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE authorities DROP COLUMN licence_url`.execute(db);
  await sql`ALTER TABLE authorities DROP COLUMN licence_name`.execute(db);
}
