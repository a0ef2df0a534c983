// The scale generator (bench/generate.ts), run as a real process on a few real documents from the
// test fixtures: what it reports is what the store holds, a seed gives the same archive on SQLite
// and PostgreSQL, every meeting is public and on its pages, the archive has the shape asked for,
// and an exempt item's text never reaches search.
import { ITEM_TEXT_COLUMNS, itemTextsOf } from "../../src/store/item-body.ts";
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openStore, type Db } from "../../src/store/db.ts";
import { storeDigest } from "../../src/store/digest.ts";
import { getBody, getMeeting, search } from "../../src/store/read/index.ts";
import { councilCount, MAX_YEARS, planArchive } from "../../bench/generate-shape.ts";
import { postgresUnavailable, startPostgres, type PostgresCluster } from "../support/postgres.ts";
import { generatorIn, type Generated } from "../support/generated.ts";

const MEETINGS = 60;
const PG_SKIP = postgresUnavailable();

const tmp = mkdtempSync(join(tmpdir(), "quorum-generate-"));
let cluster: Promise<PostgresCluster> | null = null;
let generator: ReturnType<typeof generatorIn>;

before(() => {
  generator = generatorIn(tmp);
});
after(async () => {
  if (cluster) await (await cluster).stop();
  rmSync(tmp, { recursive: true, force: true });
});

const generate = (db: string, seed: number, meetings = MEETINGS): Generated => generator(db, { meetings, seed, batch: 7 });

const count = async (db: Db, table: "meetings" | "items" | "resolutions" | "attendance" | "people" | "authorities" | "bodies" | "declarations") =>
  Number((await db.selectFrom(table).select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow()).n);

const digests = new Map<string, string>();

for (const dialect of ["sqlite", "postgres"] as const) {
  describe(`bench:generate on ${dialect}`, { skip: dialect === "postgres" && PG_SKIP ? PG_SKIP : false }, () => {
    let db: Db;
    let reported: Generated;

    before(async () => {
      let url: string;
      if (dialect === "sqlite") url = join(tmp, "archive.db");
      else {
        cluster ??= startPostgres();
        url = await (await cluster).createDatabase();
      }
      reported = generate(url, 3);
      db = await openStore(url);
      digests.set(dialect, await storeDigest(db));
    });
    after(async () => db?.destroy());

    test("reports what the store holds, and stores every meeting asked for", async () => {
      assert.equal(reported.meetings, MEETINGS);
      assert.deepEqual(
        { meetings: reported.meetings, items: reported.items, resolutions: reported.resolutions, attendance: reported.attendance, people: reported.people, councils: reported.councils, committees: reported.committees },
        {
          meetings: await count(db, "meetings"),
          items: await count(db, "items"),
          resolutions: await count(db, "resolutions"),
          attendance: await count(db, "attendance"),
          people: await count(db, "people"),
          councils: await count(db, "authorities"),
          committees: await count(db, "bodies"),
        },
      );
      assert.ok(reported.dbBytes > 0 && reported.seconds >= 0);
    });

    test("every meeting is public, on its own page and on its committee's", async () => {
      const meetings = await db.selectFrom("meetings").innerJoin("bodies", "bodies.id", "meetings.body_id").select(["meetings.slug", "meetings.minutes_status", "bodies.slug as body"]).execute();
      assert.equal(meetings.length, MEETINGS);
      const listed = new Map<string, Set<string>>();
      for (const m of meetings) {
        assert.notEqual(m.minutes_status, "draft", m.slug);
        const page = await getMeeting(db, m.slug);
        assert.ok(page, `${m.slug} has a public page`);
        assert.ok(page.items.length > 0, `${m.slug} shows its items`);
        if (!listed.has(m.body)) listed.set(m.body, new Set((await getBody(db, m.body))!.meetingsByYear.flatMap((y) => y.meetings.map((x) => x.slug))));
        assert.ok(listed.get(m.body)!.has(m.slug), `${m.slug} is listed on its committee's page`);
      }
    });

    test("councils, committees, members and their business are spread as specified", async () => {
      assert.equal(await count(db, "authorities"), councilCount(MEETINGS));
      const perCouncil = await db.selectFrom("bodies").select((eb) => ["authority_id", eb.fn.countAll().as("n")]).groupBy("authority_id").execute();
      for (const c of perCouncil) assert.ok(Number(c.n) >= 6 && Number(c.n) <= 15, `a council has ${c.n} committees`);
      // members sit on several committees of their council, as the same person
      const bodiesPerMember = await db
        .selectFrom("attendance")
        .innerJoin("meetings", "meetings.id", "attendance.meeting_id")
        .where("attendance.kind", "=", "member")
        .where("attendance.person_id", "is not", null)
        .select((eb) => ["attendance.person_id", eb.fn.count("meetings.body_id").distinct().as("n")])
        .groupBy("attendance.person_id")
        .execute();
      assert.ok(bodiesPerMember.filter((p) => Number(p.n) >= 2).length >= 10, "members attend several committees");
      const statuses = new Set((await db.selectFrom("attendance").select("status").distinct().execute()).map((r) => r.status));
      for (const s of ["present", "apologies", "in_attendance"]) assert.ok(statuses.has(s), `some attendance is ${s}`);
      const substitutes = await db.selectFrom("attendance").where("substitute_for_person_id", "is not", null).select("id").execute();
      assert.ok(substitutes.length > 0, "substitutes stand in for members, linked to them");
      const moved = await db.selectFrom("resolutions").where("moved_by_person_id", "is not", null).select("id").execute();
      assert.ok(moved.length > 0, "decisions name their movers, linked to members");
      assert.ok((await count(db, "declarations")) > 0, "declarations are made");
      assert.ok((await db.selectFrom("items").where("exempt", "=", dialect === "postgres" ? (true as never) : (1 as never)).select("id").execute()).length > 0, "some items are exempt");
      // a member's written names all lead to one person: no member is known only by a bare surname
      const bare = await db.selectFrom("people").where("kind", "=", "member").where("forenames", "is", null).where("initials", "is", null).select("display_name").execute();
      assert.deepEqual(bare, []);
    });

    test("an exempt item's text never reaches search", async () => {
      const isExempt = dialect === "postgres" ? (true as never) : (1 as never);
      const exempt = await itemTextsOf(db, await db.selectFrom("items").where("exempt", "=", isExempt).select(["meeting_id", ...ITEM_TEXT_COLUMNS]).execute());
      const publicText = [
        ...(await itemTextsOf(db, await db.selectFrom("items").where("exempt", "!=", isExempt).select(["meeting_id", "title", ...ITEM_TEXT_COLUMNS]).execute())).flatMap((r) => [r.text ?? "", r.title]),
        ...(await db.selectFrom("items").select("title").execute()).map((r) => r.title),
        ...(await db.selectFrom("resolutions").innerJoin("items", "items.id", "resolutions.item_id").where("items.exempt", "!=", isExempt).select("resolutions.text").execute()).map((r) => r.text),
        ...(await db.selectFrom("attendance").select("raw_name").execute()).map((r) => r.raw_name),
      ]
        .join(" ")
        .toLowerCase();
      const secret = [...new Set(exempt.flatMap((r) => (r.text ?? "").toLowerCase().match(/\b[a-z]{7,}\b/g) ?? []))].filter((w) => !publicText.includes(w.slice(0, 6)));
      assert.ok(secret.length >= 3, `the exempt items hold words found nowhere else (${secret.join(", ")})`);
      for (const word of secret.slice(0, 10)) {
        const results = await search(db, word);
        for (const hit of results.data) assert.ok(!hit.snippet.replace(/<\/?mark>/g, "").toLowerCase().includes(word), `"${word}" from an exempt item is found by search: ${hit.snippet}`);
        const indexed = await db.selectFrom("search_entries").where("text", "like", `%${word}%`).select("id").execute();
        assert.deepEqual(indexed, [], `"${word}" from an exempt item is in the search index`);
      }
    });
  });
}

describe("bench:generate from one seed", () => {
  test("gives the same archive each time, on SQLite and PostgreSQL alike, and another archive for another seed", async (t) => {
    const again = generate(join(tmp, "again.db"), 3);
    assert.equal(again.meetings, MEETINGS);
    const db = await openStore(join(tmp, "again.db"));
    try {
      assert.equal(await storeDigest(db), digests.get("sqlite"));
    } finally {
      await db.destroy();
    }
    if (digests.has("postgres")) assert.equal(digests.get("postgres"), digests.get("sqlite"));
    else t.diagnostic(`PostgreSQL not compared: ${PG_SKIP}`);
    generate(join(tmp, "other.db"), 4);
    const other = await openStore(join(tmp, "other.db"));
    try {
      assert.notEqual(await storeDigest(other), digests.get("sqlite"));
    } finally {
      await other.destroy();
    }
  });
});

describe("the plan of a large archive", () => {
  test("has a council per 2,000 meetings, 6–15 committees each, and members who come and go", () => {
    const { councils, plans } = planArchive(20_000, 9);
    assert.equal(councils.length, 10);
    let meetings = 0;
    const dates = new Map<string, string[]>();
    for (const p of plans()) {
      meetings++;
      const key = `${p.council.index}/${p.committee.index}`;
      dates.set(key, [...(dates.get(key) ?? []), p.date]);
      assert.ok(p.members.length >= Math.min(6, p.committee.size) && p.members.length <= 15, `${p.members.length} members`);
    }
    assert.equal(meetings, 20_000);
    for (const c of councils) {
      assert.ok(c.committees.length >= 6 && c.committees.length <= 15);
      // seats change hands at elections and by-elections
      const changed = c.seats.filter((s) => s.length > 1).length;
      assert.ok(changed > c.seats.length / 4, `${changed} of ${c.seats.length} seats changed hands`);
    }
    // a committee meets on distinct dates, in order, never in August, over several years
    for (const [key, ds] of dates) {
      assert.deepEqual(ds, [...new Set(ds)].sort(), key);
      assert.ok(!ds.some((d) => d.slice(5, 7) === "08"), key);
    }
    const years = new Set([...dates.values()].flat().map((d) => d.slice(0, 4)));
    assert.ok(years.size >= 5 && years.size <= MAX_YEARS + 3, `${years.size} years`);
    // the same seed plans the same archive
    const again = planArchive(20_000, 9);
    assert.deepEqual(again.councils.map((c) => c.name), councils.map((c) => c.name));
  });
});
