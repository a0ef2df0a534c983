// No index repeats the leading columns of another on the same table: every lookup such an index
// serves, the longer one serves too, and each costs space and a write per row (at 100,000 meetings
// on PostgreSQL the three that did were 9 MB). Unique and partial indexes keep their own meaning and
// are left out. Checked on both databases, after every migration.
import { after, describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { openStore, type Db } from "./db.ts";
import { postgresUnavailable, startPostgres, type PostgresCluster } from "../../test/support/postgres.ts";

const PG_SKIP = postgresUnavailable();
const tmp = mkdtempSync(join(tmpdir(), "quorum-indexes-"));
let cluster: Promise<PostgresCluster> | null = null;
after(async () => {
  if (cluster) await (await cluster).stop();
  rmSync(tmp, { recursive: true, force: true });
});

interface Index {
  table: string;
  name: string;
  /** column names; an expression never equals another index's */
  columns: string[];
  /** unique or partial: not a plain lookup index */
  special: boolean;
}

async function sqliteIndexes(db: Db): Promise<Index[]> {
  const list = await sql<{ tbl_name: string; name: string; sql: string | null }>`SELECT tbl_name, name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL`.execute(db);
  const out: Index[] = [];
  for (const ix of list.rows) {
    const cols = await sql<{ cid: number; name: string | null; key: number }>`SELECT cid, name, key FROM pragma_index_xinfo(${ix.name})`.execute(db);
    out.push({
      table: ix.tbl_name,
      name: ix.name,
      columns: cols.rows.filter((c) => c.key).map((c, i) => c.name ?? `(an expression, ${ix.name} ${i})`),
      special: /^\s*CREATE\s+UNIQUE/i.test(ix.sql!) || /\bWHERE\b/i.test(ix.sql!),
    });
  }
  return out;
}

async function postgresIndexes(db: Db): Promise<Index[]> {
  const rows = await sql<{ table: string; name: string; columns: string[]; special: boolean }>`
    SELECT t.relname AS table, i.relname AS name, x.indisunique OR x.indpred IS NOT NULL AS special,
      array(SELECT pg_get_indexdef(x.indexrelid, k, true) FROM generate_series(1, x.indnkeyatts) AS k ORDER BY k) AS columns
    FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
    JOIN pg_namespace n ON n.oid = t.relnamespace JOIN pg_am am ON am.oid = i.relam
    WHERE n.nspname = 'public' AND am.amname = 'btree'`.execute(db);
  return rows.rows;
}

/** "a is covered by b" for every plain index a whose columns lead another index b on its table. */
function redundant(indexes: Index[]): string[] {
  const out: string[] = [];
  for (const a of indexes) {
    if (a.special) continue;
    for (const b of indexes) {
      if (b === a || b.table !== a.table || b.columns.length < a.columns.length) continue;
      if (b.columns.length === a.columns.length && b.special === false && b.name > a.name) continue; // a twin is reported once
      if (a.columns.every((c, i) => b.columns[i] === c)) out.push(`${a.name} is covered by ${b.name}`);
    }
  }
  return out.sort();
}

for (const dialect of ["sqlite", "postgres"] as const) {
  describe(`indexes on ${dialect}`, { skip: dialect === "postgres" && PG_SKIP ? PG_SKIP : false }, () => {
    test("no plain index repeats the leading columns of another", async () => {
      let url = `sqlite:${join(tmp, "indexes.db")}`;
      if (dialect === "postgres") {
        cluster ??= startPostgres();
        url = await (await cluster).createDatabase();
      }
      const db = await openStore(url);
      try {
        const indexes = dialect === "sqlite" ? await sqliteIndexes(db) : await postgresIndexes(db);
        assert.ok(indexes.some((ix) => ix.name === "meetings_body_order"), "the check reads the indexes");
        assert.deepEqual(redundant(indexes), []);
      } finally {
        await db.destroy();
      }
    });

    test("the check itself finds an index another one leads with", () => {
      const found = redundant([
        { table: "t", name: "t_a", columns: ["a"], special: false },
        { table: "t", name: "t_a_b", columns: ["a", "b"], special: false },
        { table: "t", name: "t_b", columns: ["b"], special: true },
        { table: "t", name: "t_b_a", columns: ["b", "a"], special: false },
      ]);
      assert.deepEqual(found, ["t_a is covered by t_a_b"]);
    });
  });
}
