// Question time and declaration kinds, stored from the parser's record of real minutes (an excerpt
// of Limerick's Metropolitan District, test/fixtures/questions/) on SQLite and PostgreSQL: each
// public question with who asked it and the reply; the question asked after the public were
// excluded is stored sealed, and no public read or search gives it.
import { after, describe, test } from "node:test";
import assert from "node:assert/strict";
import { resolve } from "node:path";
import { parsedDb, stopPostgres } from "../../test/support/portal-db.ts";
import { postgresUnavailable } from "../../test/support/postgres.ts";
import { getMeeting } from "./read/index.ts";
import { search } from "./search.ts";

const FIXTURE = resolve(import.meta.dirname, "../../test/fixtures/questions/limerick-metropolitan-2024-11-18-questions.md");
const MEETING = "limerick-city-and-county-council-metropolitan-district-of-limerick-2024-11-18-0945";

for (const dialect of ["sqlite", "postgres"] as const) {
  const skip = dialect === "postgres" ? postgresUnavailable() ?? false : false;
  describe(`questions and declaration kinds on ${dialect}`, { skip }, () => {
    after(() => stopPostgres());

    test("public questions are read back with asker, reply and item; the exempt one is stored sealed and read nowhere", async () => {
      const t = await parsedDb([FIXTURE], dialect);
      try {
        const rows = await t.db.selectFrom("questions").select(["position", "asked_by", "question", "answer", "exempt", "item_id"]).orderBy("position").execute();
        assert.equal(rows.length, 3);
        assert.deepEqual(rows.map((r) => Boolean(Number(r.exempt))), [false, false, true]);
        assert.match(rows[2].question, /Quarrymount tenancy arrears/);

        const slug = (await t.db.selectFrom("meetings").select("slug").executeTakeFirstOrThrow()).slug;
        assert.equal(slug, MEETING);
        const m = await getMeeting(t.db, slug);
        assert.ok(m);
        assert.deepEqual(
          m.questions.map((q) => [q.item?.number, q.askedBy, q.askedTo]),
          [
            ["3", "Councillor D. McSweeney", null],
            ["4", "Councillor E. O’Donovan", null],
          ],
        );
        assert.match(m.questions[0].question, /^I will ask at the next Meeting of the Metropolitan District of Limerick for a list of all projects/);
        assert.match(m.questions[1].answer ?? "", /^The Rosbrien Road Active Travel scheme will provide a link/);
        assert.ok(!JSON.stringify(m).includes("Quarrymount"), "the exempt question is not in the public record");

        // the declaration with a clause before its verb, with its kind
        assert.deepEqual(
          m.declarations.map((d) => [d.rawName, d.interest, d.kind, d.item?.number]),
          [["Councillor Leddin", "personal", "personal", "2"]],
        );

        const found = await search(t.db, "Quarrymount");
        assert.equal(found.total, 0, JSON.stringify(found));
        const asked = await search(t.db, "Rosbrien");
        assert.ok(asked.total > 0, "a public question's words are found through its item");
      } finally {
        await t.close();
      }
    });

    test("re-importing replaces the questions rather than adding to them", async () => {
      const t = await parsedDb([FIXTURE, FIXTURE], dialect);
      try {
        const n = await t.db.selectFrom("questions").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
        assert.equal(Number(n.n), 3);
      } finally {
        await t.close();
      }
    });
  });
}
