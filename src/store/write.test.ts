// writeTransaction runs a whole transaction again after a conflict with another writer, a bounded
// number of times, and never after an error that running again cannot mend.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openStore } from "./db.ts";
import { isTransientWriteError, writeTransaction } from "./write.ts";

const conflict = (code: string) => Object.assign(new Error(`conflict ${code}`), { code });

test("transient write errors are told from the rest", () => {
  for (const code of ["40001", "40P01", "23505", "SQLITE_BUSY", "SQLITE_BUSY_SNAPSHOT", "SQLITE_LOCKED"]) assert.equal(isTransientWriteError(conflict(code)), true, code);
  for (const e of [conflict("23503"), conflict("SQLITE_CONSTRAINT_UNIQUE"), new Error("plain"), null, "40001"]) assert.equal(isTransientWriteError(e), false, String(e));
});

test("a transaction that meets a conflict is rolled back and run again; its first attempt leaves nothing", async () => {
  const db = await openStore(":memory:");
  try {
    let attempts = 0;
    const retried: number[] = [];
    const id = await writeTransaction(
      db,
      async (trx) => {
        attempts++;
        const row = await trx.insertInto("authorities").values({ slug: `a-${attempts}`, name: `Authority ${attempts}` }).returning("id").executeTakeFirstOrThrow();
        if (attempts < 3) throw conflict(attempts === 1 ? "40001" : "SQLITE_BUSY");
        return row.id;
      },
      { onRetry: (n) => retried.push(n) },
    );
    assert.equal(attempts, 3);
    assert.deepEqual(retried, [2, 3]);
    const slugs = (await db.selectFrom("authorities").select("slug").execute()).map((r) => r.slug);
    assert.deepEqual(slugs, ["a-3"]);
    assert.equal(typeof id, "number");
  } finally {
    await db.destroy();
  }
});

test("other errors are not retried, and retries stop after the bounded number of attempts", async () => {
  const db = await openStore(":memory:");
  try {
    let attempts = 0;
    await assert.rejects(
      writeTransaction(db, async () => {
        attempts++;
        throw conflict("23503");
      }),
      /conflict 23503/,
    );
    assert.equal(attempts, 1);
    attempts = 0;
    await assert.rejects(
      writeTransaction(
        db,
        async () => {
          attempts++;
          throw conflict("40P01");
        },
        { attempts: 4 },
      ),
      /conflict 40P01/,
    );
    assert.equal(attempts, 4);
  } finally {
    await db.destroy();
  }
});
