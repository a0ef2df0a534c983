// `quorum check` counts the maintained summaries again (body_summaries) and reports, in one line,
// each committee whose summary differs from its rows: a count moved by hand, a row gone. Real
// processes, on SQLite and on a throwaway PostgreSQL cluster.
import { after, describe, test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { openStore } from "../../src/store/db.ts";
import { summaryDifferences } from "../../src/store/summaries/recount.ts";
import { GOLDEN_DIR } from "../support/golden.ts";
import { postgresUnavailable, startPostgres, type PostgresCluster } from "../support/postgres.ts";

const BIN = new URL("../../bin/quorum", import.meta.url).pathname;
const tmp = mkdtempSync(join(tmpdir(), "quorum-check-summaries-"));
let cluster: Promise<PostgresCluster> | null = null;
after(async () => {
  if (cluster) await (await cluster).stop();
  rmSync(tmp, { recursive: true, force: true });
});

const GOLDEN = ["bucks-cabinet-2018-04-23.txt", "staffs-safe-strong-2016-12-12.txt", "2016-10-west-dereham-parish-council-october-meeting-2.md"].map((f) => join(GOLDEN_DIR, f));
const STAFFS_BODY = "safe-and-strong-communities-select-committee";

function quorum(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, DATABASE_URL: "" } });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d) => (stdout += d));
  child.stderr.on("data", (d) => (stderr += d));
  return new Promise((resolve) => child.on("close", (code) => resolve({ code, stdout, stderr })));
}

for (const dialect of ["sqlite", "postgres"] as const) {
  const skip = dialect === "postgres" ? (postgresUnavailable() ?? false) : false;
  describe(`quorum check recounts the summaries on ${dialect}`, { skip }, () => {
    test("sound summaries pass; a count moved by hand, or a committee's row gone, fails with one line saying which and by how much", async () => {
      let url: string;
      if (dialect === "sqlite") url = join(tmp, "check.db");
      else {
        cluster ??= startPostgres();
        url = await (await cluster).createDatabase();
      }
      const made = await quorum("import", "--db", url, ...GOLDEN);
      assert.equal(made.code, 0, made.stderr);

      const sound = await quorum("check", "--db", url);
      assert.equal(sound.code, 0, sound.stderr);
      assert.match(sound.stdout, /^ok: \w+ .*summaries, documents \(\d+ kept, \d+ that no row names\)\n$/);

      const db = await openStore(url, { migrate: false });
      try {
        const body = await db.selectFrom("bodies").where("slug", "=", STAFFS_BODY).select("id").executeTakeFirstOrThrow();
        const held = await db.selectFrom("body_summaries").where("body_id", "=", body.id).selectAll().executeTakeFirstOrThrow();
        assert.equal(held.meeting_count, 1);
        assert.ok(held.decision_count > 0 && held.exempt_decision_count > 0, "the Staffordshire minutes hold public and exempt decisions");

        // one decision too many, and an exempt decision counted as public
        await db.updateTable("body_summaries").set({ decision_count: sql`decision_count + 1` }).where("body_id", "=", body.id).execute();
        const counted = await quorum("check", "--db", url);
        assert.equal(counted.code, 1);
        assert.equal(counted.stderr.trim().split("\n").length, 1);
        assert.match(counted.stderr, new RegExp(`^quorum: check failed: body_summaries for ${STAFFS_BODY}: decisions ${held.decision_count + 1}, counted ${held.decision_count}\\n$`));
        assert.deepEqual(await summaryDifferences(db), [`body_summaries for ${STAFFS_BODY}: decisions ${held.decision_count + 1}, counted ${held.decision_count}`]);
        await db.updateTable("body_summaries").set({ decision_count: held.decision_count - 1, exempt_decision_count: held.exempt_decision_count + 1 }).where("body_id", "=", body.id).execute();
        assert.deepEqual(await summaryDifferences(db), [
          `body_summaries for ${STAFFS_BODY}: decisions ${held.decision_count - 1}, counted ${held.decision_count}, exempt decisions ${held.exempt_decision_count + 1}, counted ${held.exempt_decision_count}`,
        ]);

        // the row gone: the committee's pages would read no meetings
        await db.deleteFrom("body_summaries").where("body_id", "=", body.id).execute();
        const gone = await quorum("check", "--db", url);
        assert.equal(gone.code, 1);
        assert.match(gone.stderr, new RegExp(`body_summaries for ${STAFFS_BODY}: meetings 0, counted 1, decisions 0, counted ${held.decision_count}, exempt decisions 0, counted ${held.exempt_decision_count}, first meeting none, counted 2016-12-12, last meeting none, counted 2016-12-12`));

        // put back as it was, the check passes again
        await db.insertInto("body_summaries").values(held).execute();
        assert.deepEqual(await summaryDifferences(db), []);

        // a person's summary one meeting out: one line naming them
        const person = await db.selectFrom("person_summaries").innerJoin("people", "people.id", "person_summaries.person_id").where("person_summaries.meeting_count", ">", 0).select("people.slug").selectAll("person_summaries").orderBy("people.slug").executeTakeFirstOrThrow();
        const { slug: personSlug, ...row } = person;
        await db.updateTable("person_summaries").set({ meeting_count: row.meeting_count + 1 }).where("person_id", "=", row.person_id).execute();
        const personCheck = await quorum("check", "--db", url);
        assert.equal(personCheck.code, 1);
        assert.equal(personCheck.stderr, `quorum: check failed: person_summaries for ${personSlug}: meetings ${row.meeting_count + 1}, counted ${row.meeting_count}\n`);
        // their row gone: the register would show them at no meetings
        await db.deleteFrom("person_summaries").where("person_id", "=", row.person_id).execute();
        const lost = [`meetings 0, counted ${row.meeting_count}`, ...(["present", "apologies", "absent", "in_attendance"] as const).flatMap((k) => (row[k] ? [`${k.replace("_", " ")} 0, counted ${row[k]}`] : []))];
        assert.deepEqual(await summaryDifferences(db), [`person_summaries for ${personSlug}: ${lost.join(", ")}`]);
        await db.insertInto("person_summaries").values(row).execute();
        assert.deepEqual(await summaryDifferences(db), []);

        // a name as written counted once too often: one line naming the person
        const name = await db.selectFrom("person_names").where("person_id", "=", row.person_id).select(["name_key", "raw_name", "row_count"]).orderBy("raw_name").executeTakeFirstOrThrow();
        await db.updateTable("person_names").set({ row_count: name.row_count + 1 }).where("person_id", "=", row.person_id).where("name_key", "=", name.name_key).execute();
        const names = await summaryDifferences(db);
        assert.equal(names.length, 1);
        const raw = name.raw_name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
        assert.match(names[0], new RegExp(`^person_names for ${personSlug}: .*"${raw}" ×${name.row_count + 1}.*, counted .*"${raw}" ×${name.row_count}`));
        await db.updateTable("person_names").set({ row_count: name.row_count }).where("person_id", "=", row.person_id).where("name_key", "=", name.name_key).execute();
        assert.deepEqual(await summaryDifferences(db), []);

        // attendance rows dated otherwise than their meeting (triggers off during a restore, or by hand)
        const meeting = await db.selectFrom("meetings").where("body_id", "=", body.id).select(["id", "slug"]).executeTakeFirstOrThrow();
        const rows = (await db.selectFrom("attendance").where("meeting_id", "=", meeting.id).select("id").execute()).length;
        assert.ok(rows > 1);
        if (dialect === "sqlite") await sql`DROP TRIGGER meetings_redated`.execute(db);
        else await sql`ALTER TABLE meetings DISABLE TRIGGER meetings_redated`.execute(db);
        await db.updateTable("meetings").set({ start_time: "23:59" }).where("id", "=", meeting.id).execute();
        const dates = await quorum("check", "--db", url);
        assert.equal(dates.code, 1);
        assert.equal(dates.stderr, `quorum: check failed: attendance: ${rows} row(s) carry another date or time than their meeting's, at 1 meeting(s) (first: ${meeting.slug})\n`);
        await db.updateTable("attendance").set({ meeting_start: "23:59" }).where("meeting_id", "=", meeting.id).execute();
        assert.deepEqual(await summaryDifferences(db), []);

        // minutes made draft without keeping the summary: the meeting no longer counts
        await db.updateTable("meetings").set({ minutes_status: "draft" }).where("body_id", "=", body.id).execute();
        assert.match((await summaryDifferences(db))[0] ?? "", new RegExp(`body_summaries for ${STAFFS_BODY}: meetings 1, counted 0`));
      } finally {
        await db.destroy();
      }
    });
  });
}
