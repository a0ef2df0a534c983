// Prepared reads on both databases: the same rows as the builder gives for every value, the builder
// run once per shape, a shape of null built every time, and the reads that cannot be kept refused
// (a value in the SQL text, a value changed before binding) or built afresh (a value holding the
// stand-ins' control character). With checking on, a builder that branches on a value fails.
process.env.QUORUM_CHECK_PREPARED = "1";
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { openStore, type Db } from "./db.ts";
import { postgresUnavailable, startPostgres, type PostgresCluster } from "../../test/support/postgres.ts";

const { preparedRead } = await import("./prepared.ts");
const PG_SKIP = postgresUnavailable();
const tmp = mkdtempSync(join(tmpdir(), "quorum-prepared-"));
let cluster: Promise<PostgresCluster> | undefined;

after(async () => {
  await (await cluster)?.stop();
  rmSync(tmp, { recursive: true, force: true });
});

for (const dialect of ["sqlite", "postgres"] as const) {
  describe(`prepared reads on ${dialect}`, { skip: dialect === "postgres" && PG_SKIP ? PG_SKIP : false }, () => {
    let db: Db;
    before(async () => {
      let url = `sqlite:${join(tmp, "prepared.db")}`;
      if (dialect === "postgres") {
        cluster ??= startPostgres();
        url = await (await cluster).createDatabase();
      }
      db = await openStore(url);
      await db.insertInto("authorities").values([{ slug: "north", name: "North Council" }, { slug: "south", name: "South Council" }, { slug: "odd\u0001one", name: "Odd" }]).execute();
    });
    after(async () => {
      await db?.destroy();
    });

    test("each value gives the rows its builder gives, and the builder runs once per shape", async () => {
      let built = 0;
      const bySlug = preparedRead(
        (d: Db, p: { slug: string; limit: number }, s: { newestFirst: boolean }) => {
          built++;
          return d.selectFrom("authorities").where("slug", "=", p.slug).where("id", "<=", p.limit).select(["slug", "name"]).orderBy("id", s.newestFirst ? "desc" : "asc");
        },
        (s) => (s.newestFirst ? "desc" : "asc"),
      );
      for (const slug of ["north", "south", "east", "north"]) {
        const rows = await bySlug(db, { slug, limit: 100 }, { newestFirst: false });
        const expected = await db.selectFrom("authorities").where("slug", "=", slug).select(["slug", "name"]).execute();
        assert.deepEqual(rows, expected);
      }
      assert.deepEqual(await bySlug(db, { slug: "south", limit: 0 }, { newestFirst: false }), []);
      // built once for the kept SQL; checking builds each call again (4 + 1 calls)
      assert.equal(built, 1 + 5);
      await bySlug(db, { slug: "north", limit: 9 }, { newestFirst: true });
      assert.equal(built, 1 + 5 + 1 + 1);
    });

    test("a shape of null is built afresh each time", async () => {
      let built = 0;
      const read = preparedRead(
        (d: Db, p: { slug: string }) => {
          built++;
          return d.selectFrom("authorities").where("slug", "=", p.slug).select("name");
        },
        () => null,
      );
      assert.deepEqual(await read(db, { slug: "north" }, null), [{ name: "North Council" }]);
      assert.deepEqual(await read(db, { slug: "south" }, null), [{ name: "South Council" }]);
      assert.equal(built, 2);
    });

    test("a value holding the stand-ins' control character is read by a fresh build", async () => {
      const read = preparedRead((d: Db, p: { slug: string }) => d.selectFrom("authorities").where("slug", "=", p.slug).select("name"), () => "");
      assert.deepEqual(await read(db, { slug: "north" }, null), [{ name: "North Council" }]);
      assert.deepEqual(await read(db, { slug: "odd\u0001one" }, null), [{ name: "Odd" }]);
    });

    test("a value written into the SQL text, or changed before binding, is refused", async () => {
      const literal = preparedRead((d: Db, p: { slug: string }) => d.selectFrom("authorities").where("slug", "=", sql.lit(p.slug)).select("name"), () => "");
      await assert.rejects(literal(db, { slug: "north" }, null), /into its SQL text/);
      const changed = preparedRead((d: Db, p: { slug: string }) => d.selectFrom("authorities").where("name", "like", `%${p.slug}%`).select("name"), () => "");
      await assert.rejects(changed(db, { slug: "North" }, null), /changed one of its values/);
    });

    test("with checking on, a builder whose SQL depends on a value fails", async () => {
      const branching = preparedRead(
        (d: Db, p: { slug: string }) => {
          const q = d.selectFrom("authorities").select("name");
          return p.slug === "north" ? q.where("slug", "=", p.slug).where("id", ">", 0) : q.where("slug", "=", p.slug);
        },
        () => "",
      );
      assert.deepEqual(await branching(db, { slug: "south" }, null), [{ name: "South Council" }]);
      await assert.rejects(branching(db, { slug: "north" }, null), /kept SQL differs from what it builds/);
    });
  });
}
