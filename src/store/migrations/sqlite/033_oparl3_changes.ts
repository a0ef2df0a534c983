// What OParl's clients need to keep a copy in step: when each council, committee and person last
// changed (`modified`, and the `modified_since` / `modified_until` filters OParl asks of every
// list), and a record of public people and meetings that went away, which OParl answers as deleted
// objects rather than as a 404. A membership added, changed or removed is a change to its person
// and its committee (OParl: removing a sub-object updates its parent's `modified`). Triggers stamp
// only real changes, so storing the same minutes again changes nothing. Frozen once released.
import { sql, type Kysely } from "kysely";

const NOW = sql.raw(`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`);

const STAMPED: [table: string, columns: string[]][] = [
  ["authorities", ["slug", "name", "time_zone", "licence_name", "licence_url"]],
  ["bodies", ["slug", "name", "kind"]],
  ["people", ["slug", "display_name", "honorific", "forenames", "surname", "kind", "party", "ward"]],
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const [table, columns] of STAMPED) {
    await sql.raw(`ALTER TABLE ${table} ADD COLUMN updated_at TEXT NOT NULL DEFAULT ''`).execute(db);
    await sql.raw(`UPDATE ${table} SET updated_at = created_at`).execute(db);
    await sql`CREATE TRIGGER ${sql.raw(`${table}_created`)} AFTER INSERT ON ${sql.raw(table)} FOR EACH ROW WHEN NEW.updated_at = ''
      BEGIN UPDATE ${sql.raw(table)} SET updated_at = NEW.created_at WHERE id = NEW.id; END`.execute(db);
    const changed = columns.map((c) => `NEW.${c} IS NOT OLD.${c}`).join(" OR ");
    await sql`CREATE TRIGGER ${sql.raw(`${table}_modified`)} AFTER UPDATE OF ${sql.raw(columns.join(", "))} ON ${sql.raw(table)} FOR EACH ROW WHEN ${sql.raw(changed)}
      BEGIN UPDATE ${sql.raw(table)} SET updated_at = ${NOW} WHERE id = NEW.id; END`.execute(db);
  }
  await sql`CREATE TRIGGER memberships_touch_added AFTER INSERT ON memberships FOR EACH ROW BEGIN
      UPDATE people SET updated_at = ${NOW} WHERE id = NEW.person_id;
      UPDATE bodies SET updated_at = ${NOW} WHERE id = NEW.body_id;
    END`.execute(db);
  await sql`CREATE TRIGGER memberships_touch_removed AFTER DELETE ON memberships FOR EACH ROW BEGIN
      UPDATE people SET updated_at = ${NOW} WHERE id = OLD.person_id;
      UPDATE bodies SET updated_at = ${NOW} WHERE id = OLD.body_id;
    END`.execute(db);
  await sql`CREATE TRIGGER memberships_touch_changed AFTER UPDATE OF person_id, body_id, role, kind, from_date, to_date ON memberships FOR EACH ROW BEGIN
      UPDATE people SET updated_at = ${NOW} WHERE id IN (OLD.person_id, NEW.person_id);
      UPDATE bodies SET updated_at = ${NOW} WHERE id IN (OLD.body_id, NEW.body_id);
    END`.execute(db);
  await sql`CREATE TABLE oparl_deleted (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL CHECK (kind IN ('person', 'meeting')),
    slug TEXT NOT NULL,
    authority_id INTEGER NOT NULL,
    body_id INTEGER,
    created_at TEXT NOT NULL,
    deleted_at TEXT NOT NULL,
    UNIQUE (kind, slug)
  )`.execute(db);
  await sql`CREATE INDEX oparl_deleted_authority ON oparl_deleted (authority_id, kind, id)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE IF EXISTS oparl_deleted`.execute(db);
  for (const t of ["memberships_touch_added", "memberships_touch_removed", "memberships_touch_changed"]) await sql.raw(`DROP TRIGGER IF EXISTS ${t}`).execute(db);
  for (const [table] of STAMPED) {
    await sql.raw(`DROP TRIGGER IF EXISTS ${table}_created`).execute(db);
    await sql.raw(`DROP TRIGGER IF EXISTS ${table}_modified`).execute(db);
    await sql.raw(`ALTER TABLE ${table} DROP COLUMN updated_at`).execute(db);
  }
}
