// A SQLite archive copied row for row into a new PostgreSQL database, so that `--db-for SIZE=FILE`
// gives both databases the same archive. The schema is PostgreSQL's own (its migrations run first);
// rows are copied table by table with foreign-key checks off for the copy, booleans converted,
// generated columns (the tsvector) left to PostgreSQL, and sequences moved past the copied ids.
// The archive is brought to the latest migration first (so give it a copy): one made before a
// migration that moved data (017: source text deflated into packed_text, item text into cuts) would
// otherwise leave PostgreSQL's new columns at their defaults, and every page reading them fails.
import Database from "better-sqlite3";
import pg from "pg";
import { openStore } from "../src/store/db.ts";
import { cutPacked } from "../src/store/item-body.ts";

interface Column {
  name: string;
  type: string;
  generated: boolean;
  identity: boolean;
  serial: boolean;
}

export async function copySqliteToPostgres(file: string, url: string): Promise<void> {
  await (await openStore(url)).destroy();
  await (await openStore(`sqlite:${file}`)).destroy();
  const lite = new Database(file, { readonly: true, fileMustExist: true });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SET session_replication_role = replica");
    const liteTables = new Set((lite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name));
    const tables = (await client.query("SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name NOT LIKE 'kysely_%' ORDER BY table_name")).rows.map((r) => r.name as string);
    // every table emptied at once first (one the archive lacks may still point at one it has, and a
    // CASCADE on one table would empty tables already copied)
    const copiedTables = tables.filter((t) => liteTables.has(t));
    if (tables.length) await client.query(`TRUNCATE ${tables.map(q).join(", ")}`);
    for (const table of copiedTables) {
      const liteCols = new Set((lite.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[]).map((c) => c.name));
      const cols: Column[] = (
        await client.query(
          "SELECT column_name, data_type, is_generated, is_identity, column_default FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 ORDER BY ordinal_position",
          [table],
        )
      ).rows.map((c) => ({ name: c.column_name, type: c.data_type, generated: c.is_generated === "ALWAYS", identity: c.is_identity === "YES", serial: /^nextval\(/.test(c.column_default ?? "") }));
      const placed = new Set(cols.filter((c) => !c.generated).map((c) => c.name));
      const unplaced = [...liteCols].filter((c) => !placed.has(c));
      if (unplaced.length) throw new Error(`the archive's ${unplaced.map((c) => `${table}.${c}`).join(", ")} has no column to go to in PostgreSQL: is the archive from another version of Quorum?`);
      const copied = cols.filter((c) => !c.generated && liteCols.has(c.name));
      if (!copied.length) continue;
      const perBatch = Math.max(1, Math.floor(30_000 / copied.length));
      const head = `INSERT INTO ${q(table)} (${copied.map((c) => q(c.name)).join(", ")}) ${cols.some((c) => c.identity) ? "OVERRIDING SYSTEM VALUE " : ""}VALUES `;
      let batch: unknown[][] = [];
      const flush = async () => {
        if (!batch.length) return;
        const values: unknown[] = [];
        const rows = batch.map((row) => `(${row.map((v) => (values.push(v), `$${values.length}`)).join(", ")})`);
        await client.query(head + rows.join(", "), values);
        batch = [];
      };
      const stmt = lite.prepare(`SELECT ${copied.map((c) => q(c.name)).join(", ")} FROM ${q(table)}`).raw(true);
      for (const row of stmt.iterate() as Iterable<unknown[]>) {
        batch.push(row.map((v, i) => (copied[i].type === "boolean" && v != null ? Boolean(v) : v)));
        if (batch.length >= perBatch) await flush();
      }
      await flush();
      for (const c of cols.filter((c) => c.identity || c.serial)) {
        await client.query(`SELECT setval(pg_get_serial_sequence($1, $2), coalesce((SELECT max(${q(c.name)}) FROM ${q(table)}), 0) + 1, false)`, [table, c.name]);
      }
    }
    await client.query("SET session_replication_role = DEFAULT");
    if (copiedTables.includes("search_entries")) await searchVectors(lite, client);
    await client.query("ANALYZE");
  } finally {
    lite.close();
    await client.end();
  }
}

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * tsv is derived by a trigger, which the copy (as a replica) does not fire; an entry keeping its
 * text as a cut of its source (migration 019) has it from the cut's text, cut here as the store does.
 */
async function searchVectors(lite: Database.Database, client: pg.Client): Promise<void> {
  await client.query(`UPDATE search_entries SET tsv = setweight(to_tsvector('english', coalesce(title, '')), 'A') || setweight(to_tsvector('english', text), 'B') WHERE text IS NOT NULL`);
  const hasCuts = (lite.prepare("SELECT name FROM pragma_table_info('search_entries') WHERE name = 'text_doc'").get() as unknown) !== undefined;
  const rows = !hasCuts ? [] : lite
    .prepare("SELECT e.id, e.title, e.text_start, e.text_end, d.packed_text FROM search_entries e JOIN source_documents d ON d.id = e.text_doc WHERE e.text IS NULL ORDER BY e.text_doc, e.id")
    .iterate() as Iterable<{ id: number; title: string; text_start: number; text_end: number; packed_text: Buffer }>;
  let batch: { id: number; title: string; text: string }[] = [];
  const flush = async () => {
    if (!batch.length) return;
    await client.query(
      `UPDATE search_entries e SET tsv = setweight(to_tsvector('english', v.title), 'A') || setweight(to_tsvector('english', v.text), 'B')
       FROM unnest($1::int[], $2::text[], $3::text[]) AS v(id, title, text) WHERE e.id = v.id`,
      [batch.map((r) => r.id), batch.map((r) => r.title), batch.map((r) => r.text)],
    );
    batch = [];
  };
  for (const r of rows) {
    batch.push({ id: r.id, title: r.title, text: cutPacked(r.packed_text, r.text_start, r.text_end) });
    if (batch.length >= 500) await flush();
  }
  await flush();
  // every row was written twice; the copy stands for a store written once
  await client.query("VACUUM FULL search_entries");
}
