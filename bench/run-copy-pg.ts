// A SQLite archive copied row for row into a new PostgreSQL database, so that `--db-for SIZE=FILE`
// gives both databases the same archive. The schema is PostgreSQL's own (its migrations run first);
// rows are copied table by table with foreign-key checks off for the copy, booleans converted,
// generated columns left to PostgreSQL, the search tsvector made in the same statement, indexes
// that back no constraint built after the rows, and sequences moved past the copied ids.
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
    await client.query("SET maintenance_work_mem = '256MB'");
    const liteTables = new Set((lite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name));
    const tables = (await client.query("SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name NOT LIKE 'kysely_%' ORDER BY table_name")).rows.map((r) => r.name as string);
    // every table emptied at once first (one the archive lacks may still point at one it has, and a
    // CASCADE on one table would empty tables already copied)
    const copiedTables = tables.filter((t) => liteTables.has(t));
    if (tables.length) await client.query(`TRUNCATE ${tables.map(q).join(", ")}`);
    // indexes that back no constraint are built once over the copied rows, not kept up row by row
    const indexes = (
      await client.query(
        `SELECT i.indexname AS name, i.indexdef AS def FROM pg_indexes i
         WHERE i.schemaname = 'public' AND i.tablename = ANY ($1::text[])
           AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = format('%I.%I', i.schemaname, i.indexname)::regclass)`,
        [copiedTables],
      )
    ).rows as { name: string; def: string }[];
    for (const ix of indexes) await client.query(`DROP INDEX ${q(ix.name)}`);
    for (const table of copiedTables) await copyTable(lite, client, table);
    for (const ix of indexes) await client.query(ix.def);
    await client.query("SET session_replication_role = DEFAULT");
    await client.query("ANALYZE");
  } finally {
    lite.close();
    await client.end();
  }
}

/**
 * One table's rows, a batch a statement: each column sent as one array and the rows made by
 * `unnest`, so a statement has as many parameters as columns, whatever the batch. The next batch is
 * read from SQLite while PostgreSQL writes the last one.
 */
async function copyTable(lite: Database.Database, client: pg.Client, table: string): Promise<void> {
  const liteCols = new Set((lite.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[]).map((c) => c.name));
  const cols: Column[] = (
    await client.query(
      `SELECT a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type, a.attgenerated <> '' AS generated, a.attidentity <> '' AS identity,
              coalesce(pg_get_expr(d.adbin, d.adrelid), '') ~ '^nextval\\(' AS serial
       FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
       WHERE a.attrelid = $1::regclass AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum`,
      [q(table)],
    )
  ).rows;
  const placed = new Set(cols.filter((c) => !c.generated).map((c) => c.name));
  const unplaced = [...liteCols].filter((c) => !placed.has(c));
  if (unplaced.length) throw new Error(`the archive's ${unplaced.map((c) => `${table}.${c}`).join(", ")} has no column to go to in PostgreSQL: is the archive from another version of Quorum?`);
  const copied = cols.filter((c) => !c.generated && liteCols.has(c.name));
  if (!copied.length) return;
  // tsv is derived by a trigger, which the copy (as a replica) does not fire: it is made here, from
  // the entry's text or (migration 019) the text of its cut, cut as the store does
  const vectors = table === "search_entries" && cols.some((c) => c.name === "tsv") && !liteCols.has("tsv");
  const cuts = vectors && liteCols.has("text_doc");
  const names = copied.map((c) => q(c.name));
  const args = copied.map((c, i) => `$${i + 1}::${c.type}[]`);
  let select = copied.map((c) => `v.${q(c.name)}`);
  if (vectors) {
    args.push(`$${args.length + 1}::text[]`);
    names.push("tsv");
    select.push(`setweight(to_tsvector('english', coalesce(v.title, '')), 'A') || setweight(to_tsvector('english', coalesce(v.text, v.cut_text)), 'B')`);
  }
  const alias = [...copied.map((c) => q(c.name)), ...(vectors ? ["cut_text"] : [])];
  const statement = `INSERT INTO ${q(table)} (${names.join(", ")}) ${cols.some((c) => c.identity) ? "OVERRIDING SYSTEM VALUE " : ""}
    SELECT ${select.join(", ")} FROM unnest(${args.join(", ")}) AS v(${alias.join(", ")})`;
  const from = cuts
    ? `SELECT ${copied.map((c) => `e.${q(c.name)}`).join(", ")}, d.packed_text FROM search_entries e LEFT JOIN source_documents d ON d.id = e.text_doc AND e.text IS NULL`
    : `SELECT ${names.slice(0, copied.length).join(", ")}${vectors ? ", NULL" : ""} FROM ${q(table)}`;
  const at = (name: string) => copied.findIndex((c) => c.name === name);
  const [text, start, end] = [at("text"), at("text_start"), at("text_end")];
  const booleans = copied.map((c) => c.type === "boolean");
  let columns: unknown[][] = alias.map(() => []);
  let rows = 0;
  let bytes = 0;
  let writing: Promise<unknown> = Promise.resolve();
  const flush = async () => {
    if (!rows) return;
    const values = columns;
    columns = alias.map(() => []);
    rows = bytes = 0;
    await writing;
    writing = client.query(statement, values);
  };
  for (const row of lite.prepare(from).raw(true).iterate() as Iterable<unknown[]>) {
    for (let i = 0; i < copied.length; i++) {
      const v = row[i];
      columns[i].push(booleans[i] && v != null ? Boolean(v) : v);
      if (typeof v === "string") bytes += v.length;
      else if (v instanceof Uint8Array) bytes += v.byteLength * 2;
    }
    if (vectors) {
      const packed = row[copied.length] as Buffer | null;
      const cut = cuts && row[text] === null && packed ? cutPacked(packed, row[start] as number, row[end] as number) : null;
      columns[copied.length].push(cut);
      bytes += cut?.length ?? 0;
    }
    if (++rows >= 20_000 || bytes >= 16_000_000) await flush();
  }
  await flush();
  await writing;
  for (const c of cols.filter((c) => c.identity || c.serial)) {
    await client.query(`SELECT setval(pg_get_serial_sequence($1, $2), coalesce((SELECT max(${q(c.name)}) FROM ${q(table)}), 0) + 1, false)`, [table, c.name]);
  }
}

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;
