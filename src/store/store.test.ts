// One store suite, run on SQLite and on a throwaway PostgreSQL cluster.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { readDocument } from "../ingest/read.ts";
import { openStore, type Db } from "./db.ts";
import { migrateToLatest, migrationNames } from "./migrate.ts";
import { importMinutes, type ImportResult } from "./import.ts";
import { storeCounts, storeDigest } from "./digest.ts";
import { WITHHELD } from "./visibility.ts";
import { reindexMeeting } from "./search.ts";
import {
  getBody,
  getMeeting,
  getMeetingProvenance,
  getPerson,
  getProvenance,
  getMeetingSource,
  listAuthorities,
  listBodies,
  listDecisions,
  listMeetings,
  listPeople,
  search,
} from "./read/index.ts";
import { postgresUnavailable, startPostgres, type PostgresCluster } from "../../test/support/postgres.ts";
import { goldenDocs, minutes, sourceOf } from "../../test/support/golden.ts";
import { keepingSummaries } from "./summaries/bodies.ts";
import { unpack } from "./packed.ts";
import { packSpans, unpackSpans } from "./provenance-pack.ts";
import { entryTexts } from "./search-read.ts";

const PG_SKIP = postgresUnavailable();
const tmp = mkdtempSync(join(tmpdir(), "quorum-store-"));
let cluster: Promise<PostgresCluster> | null = null;
const digests = new Map<string, string>();
const counts = new Map<string, unknown>();

after(async () => {
  if (cluster) await (await cluster).stop();
  rmSync(tmp, { recursive: true, force: true });
});

const STAFFS = "safe-and-strong-communities-select-committee-2016-12-12";
const BUCKS = "buckinghamshire-county-council-cabinet-2018-04-23-1030";

for (const dialect of ["sqlite", "postgres"] as const) {
  describe(`store on ${dialect}`, { skip: dialect === "postgres" && PG_SKIP ? PG_SKIP : false }, () => {
    let db: Db;
    const results = new Map<string, ImportResult | Error>();

    before(async () => {
      let url: string;
      if (dialect === "sqlite") url = `sqlite:${join(tmp, "store.db")}`;
      else {
        cluster ??= startPostgres();
        url = await (await cluster).createDatabase();
      }
      db = await openStore(url);
    });
    after(async () => db?.destroy());

    const count = async (table: "authorities" | "meetings" | "people" | "source_documents" | "search_entries" | "items") =>
      Number((await db.selectFrom(table).select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow()).n);

    test("migrations create the schema once and record it", async () => {
      const applied = await sql<{ name: string }>`SELECT name FROM kysely_migration ORDER BY name`.execute(db);
      assert.deepEqual(applied.rows.map((r) => r.name), migrationNames(dialect));
      assert.equal(applied.rows[0].name, "001_initial");
      assert.deepEqual(await migrateToLatest(db), []);
      assert.equal(await count("meetings"), 0);
    });

    test("importing the dev documents gives the expected counts", async () => {
      for (const doc of goldenDocs()) {
        try {
          results.set(doc.file, await importMinutes(db, { source: await readDocument(doc.file), record: doc.record, parserVersion: "golden" }));
        } catch (err) {
          results.set(doc.file, err as Error);
        }
      }
      const failed = [...results].filter(([, r]) => r instanceof Error);
      assert.equal(failed.length, 1);
      assert.match(failed[0][0], /northwold/);
      assert.match((failed[0][1] as Error).message, /northwold.*: no meeting date found .* cannot be stored as a meeting$/);
      const c = await storeCounts(db);
      counts.set(dialect, c);
      assert.deepEqual(
        { authorities: c.authorities, bodies: c.bodies, meetings: c.meetings, items: c.items, decisions: c.decisions, attendance: c.attendance, recommendations: c.recommendations, sourceDocuments: c.sourceDocuments },
        { authorities: 7, bodies: 7, meetings: 7, items: 87, decisions: 75, attendance: 98, recommendations: 8, sourceDocuments: 7 },
      );
      assert.ok(c.people >= 90 && c.people <= 98, `people ${c.people}`);
      assert.ok(c.searchEntries > c.items);
    });

    test("re-importing the same documents changes nothing", async () => {
      const before = await storeDigest(db);
      for (const doc of goldenDocs()) {
        if (doc.file.includes("northwold")) continue;
        const r = await importMinutes(db, { source: await readDocument(doc.file), record: doc.record, parserVersion: "golden" });
        assert.equal(r.status, "unchanged", doc.file);
      }
      assert.equal(await storeDigest(db), before);
      digests.set(dialect, before);
    });

    test("the index written on import is the one reindexMeeting rebuilds", async () => {
      const entries = () => db.selectFrom("search_entries").where("kind", "!=", "person").select(["kind", "entity_id", "meeting_id", "body_id", "authority_id", "year", "title", "text"]).orderBy("kind").orderBy("entity_id").execute();
      const before = await entries();
      assert.ok(before.length > 100);
      for (const m of await db.selectFrom("meetings").select("id").execute()) await reindexMeeting(db, m.id);
      assert.deepEqual(await entries(), before);
    });

    test("read functions give the portal meetings, bodies, people and decisions", async () => {
      const authorities = await listAuthorities(db);
      assert.equal(authorities.length, 7);
      assert.equal(authorities.find((a) => a.slug === "buckinghamshire-county-council")?.meetingCount, 1);

      const bodies = await listBodies(db, { authority: "buckinghamshire-county-council" });
      assert.deepEqual(bodies.map((b) => [b.slug, b.kind, b.meetingCount]), [["buckinghamshire-county-council-cabinet", "cabinet", 1]]);

      const page = await listMeetings(db, { limit: 2, offset: 1 });
      assert.equal(page.total, 7);
      assert.equal(page.data.length, 2);
      const all = await listMeetings(db, { from: "2018-01-01", to: "2018-12-31" });
      assert.deepEqual(all.data.map((m) => m.slug).sort(), [BUCKS, "stoke-ferry-parish-council-2018-09-05-1900"]);

      const m = await getMeeting(db, BUCKS);
      assert.ok(m);
      assert.equal(m.date, "2018-04-23");
      assert.equal(m.startTime, "10:30");
      assert.equal(m.authority.timeZone, "Europe/London");
      assert.equal(m.items.length, 11);
      assert.deepEqual(m.items.map((i) => i.position), [...m.items.keys()]);
      assert.equal(m.recommendations.length, 8);
      assert.equal(m.attendance.present.length + m.attendance.inAttendance.length + m.attendance.apologies.length + m.attendance.absent.length, 15);
      assert.ok(m.attendance.present.some((a) => a.rawName === "Mr M Tett" && a.person?.name === "M Tett"));
      assert.equal(m.decisionCount, 7);
      const withText = m.items.filter((i) => i.text);
      assert.ok(withText.length >= 9, `items with text: ${withText.length}`);
      assert.match(m.items.find((i) => i.title.includes("Modern Slavery"))!.text!, /Modern Slavery/);
      assert.equal(m.source?.fileName, "bucks-cabinet-2018-04-23.txt");
      assert.equal(await getMeeting(db, "no-such-meeting"), null);

      const body = await getBody(db, "buckinghamshire-county-council-cabinet");
      assert.ok(body);
      assert.deepEqual(body.meetingsByYear.map((y) => [y.year, y.meetings.length]), [[2018, 1]]);
      assert.equal(body.decisions.length, 7);
      assert.ok(body.members.some((x) => x.person.name === "M Tett" && x.from === "2018-04-23"));

      const people = await listPeople(db, { authority: "buckinghamshire-county-council" });
      assert.ok(people.total >= 10);
      const tett = people.data.find((p) => p.name === "M Tett")!;
      const person = await getPerson(db, tett.slug);
      assert.ok(person);
      assert.equal(person.attendance.present, 1);
      assert.equal(person.attendance.expected, 1);
      assert.deepEqual(person.namesAsWritten, ["Mr M Tett"]);
      assert.equal(person.memberships[0].body.slug, "buckinghamshire-county-council-cabinet");

      const noted = await listDecisions(db, { outcome: "noted" });
      assert.ok(noted.total >= 1);
      assert.ok(noted.data.every((d) => d.outcome === "noted"));
      const minutesDecisions = await listDecisions(db, { q: "minutes", limit: 100 });
      assert.ok(minutesDecisions.data.every((d) => /minutes/i.test(d.text)));
      assert.ok(minutesDecisions.total >= 3);
    });

    test("exempt business stays out of public reads and search (Staffordshire item 35)", async () => {
      const m = await getMeeting(db, STAFFS);
      assert.ok(m);
      const item = m.items.find((i) => i.number === "35")!;
      assert.equal(item.title, "Confidential HR Matter");
      assert.equal(item.exempt, true);
      assert.equal(item.text, null);
      assert.deepEqual(item.resolutions, []);
      assert.match(item.exemptNotice!, /exempt/i);
      assert.equal(m.decisionCount, 7);

      for (const q of [`"communication timings"`, `"briefing note"`, `"Cabinet Member be asked to review"`]) {
        assert.equal((await search(db, q)).total, 0, q);
      }
      const indexed = await entryTexts(db, (await db.selectFrom("search_entries").select("id").execute()).map((e) => e.id));
      assert.ok(!indexed.some((e) => /communication timings/.test(e.text)));
      assert.equal((await search(db, `"Confidential HR Matter"`)).total, 1);
      assert.equal((await listDecisions(db, { q: "communication timings" })).total, 0);

      const doc = await getMeetingSource(db, STAFFS);
      assert.ok(doc);
      const docId = (await db.selectFrom("meetings").where("slug", "=", STAFFS).select("source_document_id").executeTakeFirstOrThrow()).source_document_id!;
      assert.ok(!doc.text.includes("communication timings"));
      assert.ok(doc.text.includes(WITHHELD));
      assert.ok(doc.text.includes("35. Confidential HR Matter"));
      // the officers' copy is intact
      const stored = await db.selectFrom("source_documents").where("id", "=", docId).select("packed_text").executeTakeFirstOrThrow();
      const storedText = unpack(stored.packed_text);
      assert.ok(storedText.includes("communication timings"));

      const r = await db
        .selectFrom("resolutions")
        .innerJoin("items", "items.id", "resolutions.item_id")
        .innerJoin("meetings", "meetings.id", "items.meeting_id")
        .where("meetings.slug", "=", STAFFS)
        .where("items.number", "=", "35")
        .select("resolutions.id")
        .executeTakeFirstOrThrow();
      // a span into the exempt text, added by hand beside the document's own
      const packed = (await db.selectFrom("source_documents").where("id", "=", docId).select("packed_provenance").executeTakeFirstOrThrow()).packed_provenance;
      const at = storedText.indexOf("That the briefing");
      const withExempt = packSpans([...unpackSpans(packed), { entity: "resolution", entity_id: r.id, field: "text", line: 1, end_line: null, start: at, end: at + 40, implied: false }]);
      await db.updateTable("source_documents").set({ packed_provenance: withExempt }).where("id", "=", docId).execute();
      assert.deepEqual(await getProvenance(db, "resolution", r.id), []);
      assert.ok((await getMeetingProvenance(db, STAFFS)).every((p) => !p.excerpt.includes("briefing")));
      // the span is there: a clerk, entitled to every committee's exempt business, is given it
      const clerk = { kind: "staff", userId: 1, role: "clerk", bodies: "all", today: null } as const;
      assert.deepEqual((await getProvenance(db, "resolution", r.id, clerk)).map((p) => p.start), [at]);
      assert.ok((await getMeetingProvenance(db, STAFFS, clerk)).some((p) => p.excerpt.includes("briefing")));
      await db.updateTable("source_documents").set({ packed_provenance: packed }).where("id", "=", docId).execute();
    });

    test("search: words, phrases, OR, -exclusion, facets and pages", async () => {
      const slavery = await search(db, "slavery");
      assert.ok(slavery.total >= 4);
      assert.ok(slavery.data.every((h) => h.snippet.includes("<mark>")));
      assert.ok(slavery.data.some((h) => h.type === "decision" && h.decisionSlug && h.slug === BUCKS));
      assert.equal(slavery.facets.type.reduce((n, f) => n + f.count, 0), slavery.total);
      assert.ok(slavery.facets.body.some((f) => f.value === "buckinghamshire-county-council-cabinet" && f.label === "Cabinet"));
      assert.ok(slavery.facets.year.some((f) => f.value === "2016"));

      const phrase = await search(db, `"modern slavery inquiry"`);
      assert.ok(phrase.total >= 1);
      assert.ok(phrase.total < slavery.total);
      assert.ok(phrase.data.every((h) => h.body?.slug === "buckinghamshire-county-council-cabinet"));

      const allotments = await search(db, "allotments");
      const either = await search(db, "slavery OR allotments");
      assert.equal(either.total, slavery.total + allotments.total);

      const without = await search(db, "slavery -inquiry");
      assert.ok(without.total > 0 && without.total < slavery.total);
      assert.ok(without.data.every((h) => !/inquiry/i.test(h.snippet + h.title)));

      const decisions = await search(db, "slavery", { type: "decision" });
      assert.ok(decisions.data.every((h) => h.type === "decision"));
      assert.equal(decisions.facets.type.reduce((n, f) => n + f.count, 0), slavery.total, "the type facet ignores its own filter");
      const y2016 = await search(db, "slavery", { year: 2016 });
      assert.ok(y2016.data.every((h) => h.meeting?.date.startsWith("2016")));
      const inBody = await search(db, "slavery", { body: "safe-and-strong-communities-select-committee" });
      assert.ok(inBody.total >= 2 && inBody.data.every((h) => h.body?.slug === "safe-and-strong-communities-select-committee"));

      const p1 = await search(db, "council", { limit: 3 });
      const p2 = await search(db, "council", { limit: 3, offset: 3 });
      assert.equal(p1.data.length, 3);
      assert.equal(p1.total, p2.total);
      assert.ok(p1.data.every((h) => !p2.data.some((x) => x.type === h.type && x.id === h.id)));

      const person = await search(db, "Tett", { type: "person" });
      assert.equal(person.total, 1);
      assert.match(person.data[0].slug, /^m-tett-/);
      assert.equal((await search(db, "-slavery")).total, 0);
      assert.equal((await search(db, "")).total, 0);
      assert.equal(typeof (await search(db, `NEAR( "* OR - title:x`)).total, "number");
    });

    test("search: several exclusions each leave hits out, and the council filter keeps to one council", async () => {
      const ids = async (q: string) => new Set((await search(db, q, { limit: 100 })).data.map((h) => `${h.type}:${h.id}`));
      const slavery = await ids("slavery");
      const withEither = new Set([...(await ids("slavery inquiry")), ...(await ids("slavery cabinet"))]);
      const expected = [...slavery].filter((k) => !withEither.has(k)).sort();
      assert.ok(expected.length > 0 && withEither.size > 0);
      assert.deepEqual([...(await ids("slavery -inquiry -cabinet"))].sort(), expected);

      const everywhere = await search(db, "council", { limit: 100 });
      const bucks = await search(db, "council", { authority: "buckinghamshire-county-council", limit: 100 });
      assert.ok(everywhere.total <= 100 && bucks.total > 0 && bucks.total < everywhere.total);
      assert.equal(bucks.data.length, bucks.total);
      assert.ok(bucks.data.every((h) => h.authority.slug === "buckinghamshire-county-council"));
      assert.equal(bucks.total, everywhere.data.filter((h) => h.authority.slug === "buckinghamshire-county-council").length);
      assert.equal(bucks.facets.type.reduce((n, f) => n + f.count, 0), bucks.total, "facets count within the council");
    });

    test("a corrected version updates the meeting in place and keeps the old source document", async () => {
      const doc = goldenDocs().find((d) => d.file.includes("bucks"))!;
      const source = await readDocument(doc.file);
      const before = await getMeeting(db, BUCKS);
      const text = source.text + "\nCorrection: the title of item 9 was amended on 1 May 2018.\n";
      const record = structuredClone(doc.record);
      record.items = record.items.filter((i) => i.number !== "2");
      record.items.find((i) => i.number === "9")!.title = "Modern Slavery Inquiry (corrected)";
      const r = await importMinutes(db, { source: sourceOf("bucks-cabinet-2018-04-23-v2.txt", text), record, parserVersion: "golden" });
      assert.equal(r.status, "updated");
      assert.equal(r.meetingSlug, BUCKS);
      const m = await getMeeting(db, BUCKS);
      assert.ok(m && before);
      assert.equal(m.id, before.id);
      assert.equal(m.items.length, 10);
      assert.equal(m.items.find((i) => i.number === "9")!.title, "Modern Slavery Inquiry (corrected)");
      // the meeting shows only the corrected document; the first is kept for officers, not published
      assert.equal(m.source?.fileName, "bucks-cabinet-2018-04-23-v2.txt");
      assert.equal((await getMeetingSource(db, BUCKS))?.text.includes("Correction: the title of item 9"), true);
      const kept = await db.selectFrom("source_documents").where("file_name", "in", ["bucks-cabinet-2018-04-23.txt", "bucks-cabinet-2018-04-23-v2.txt"]).select("file_name").execute();
      assert.equal(kept.length, 2);
      assert.equal(await count("meetings"), 7);
      assert.equal((await search(db, `"Modern Slavery Inquiry corrected"`)).total, 2, "the item and its decision");
      // and the same corrected file again is unchanged
      assert.equal((await importMinutes(db, { source: sourceOf("bucks-cabinet-2018-04-23-v2.txt", text), record, parserVersion: "golden" })).status, "unchanged");
    });

    test("people are matched across meetings by the name rules, raw names kept", async () => {
      const at = (name: string, status: "present" | "apologies" = "present") => ({ name, status, kind: "member" as const, role: null, substituteFor: null });
      const meeting = (date: string, names: ReturnType<typeof at>[], body = "Cabinet") =>
        importMinutes(db, {
          source: sourceOf(`testshire-${body}-${date}.txt`, `Testshire ${body} ${date}\n${names.map((n) => n.name).join("\n")}\n`),
          record: minutes({ authority: "Testshire County Council", body, date, startTime: "10:00", attendance: names }),
          parserVersion: "golden",
        });
      await meeting("2020-01-10", [at("Mr M Tett"), at("Cllr J Smith")]);
      await meeting("2020-02-10", [at("Martin Tett"), at("Cllr Smith", "apologies")]);
      await meeting("2020-03-10", [at("Cllr Tett"), at("Mr J Tett")]);
      await meeting("2020-04-10", [at("Cllr Smith")], "Planning Committee");
      const people = (await listPeople(db, { authority: "testshire-county-council" })).data;
      assert.deepEqual(people.map((p) => p.name).sort(), ["Cllr Smith", "J Smith", "J Tett", "Martin Tett"]);
      const martin = await getPerson(db, people.find((p) => p.name === "Martin Tett")!.slug);
      assert.ok(martin);
      assert.deepEqual(martin.namesAsWritten, ["Cllr Tett", "Martin Tett", "Mr M Tett"]);
      assert.equal(martin.attendance.present, 3);
      const smith = await getPerson(db, people.find((p) => p.name === "J Smith")!.slug);
      assert.ok(smith);
      assert.deepEqual([smith.attendance.present, smith.attendance.apologies, smith.attendance.expected], [1, 1, 2]);
      assert.deepEqual(smith.memberships.map((x) => [x.body.name, x.from, x.to]), [["Cabinet", "2020-01-10", "2020-02-10"]]);
      const march = await getMeeting(db, "testshire-county-council-cabinet-2020-03-10-1000");
      assert.deepEqual(march?.attendance.present.map((a) => [a.rawName, a.person?.name]), [["Cllr Tett", "Martin Tett"], ["Mr J Tett", "J Tett"]]);
    });

    test("a record without an authority takes the --authority name, else its body's own name", async () => {
      assert.ok((await listAuthorities(db)).some((a) => a.name === "Community, Leisure & Emergency Services Strategic Policy Committee"));
      const r = await importMinutes(db, {
        source: sourceOf("home-spc.txt", "Home and Social Development SPC\n9 July 2018\n"),
        record: minutes({ body: "Home and Social Development SPC", date: "2018-07-09" }),
        authority: "Limerick City and County Council",
        parserVersion: "golden",
      });
      assert.equal(r.meetingSlug, "limerick-city-and-county-council-home-and-social-development-spc-2018-07-09");
      const bodies = await listBodies(db, { authority: "limerick-city-and-county-council" });
      assert.deepEqual(bodies.map((b) => b.name).sort(), ["Home and Social Development SPC", "Municipal District of Cappamore-Kilmallock"]);
      // a time zone applies to authorities an import creates, not to existing ones
      await importMinutes(db, { source: sourceOf("ennis.txt", "Ennis MD\n"), record: minutes({ body: "Ennis Municipal District", date: "2019-03-04" }), authority: "Clare County Council", timeZone: "Europe/Dublin", parserVersion: "golden" });
      await importMinutes(db, { source: sourceOf("home-spc-2.txt", "Home SPC\n"), record: minutes({ body: "Home and Social Development SPC", date: "2018-10-22" }), authority: "Limerick City and County Council", timeZone: "Europe/Dublin", parserVersion: "golden" });
      const zones = Object.fromEntries((await listAuthorities(db)).map((a) => [a.slug, a.timeZone]));
      assert.equal(zones["clare-county-council"], "Europe/Dublin");
      assert.equal(zones["limerick-city-and-county-council"], "Europe/London");
      await assert.rejects(importMinutes(db, { source: sourceOf("x.txt", "x\n"), record: minutes({ body: "X", date: "2019-01-01" }), timeZone: "Mars/Olympus" }), /unknown time zone/);
    });

    test("a document that fails mid-import leaves nothing behind", async () => {
      const before = await storeDigest(db);
      const beforeCounts = await storeCounts(db);
      const record = minutes({
        authority: "Failing Borough Council",
        body: "Licensing Committee",
        date: "2021-05-05",
        attendance: [{ name: "Cllr A Newperson", status: "present", kind: "member", role: null, substituteFor: null }],
        items: [
          { number: "1", title: "Apologies", exempt: false, resolutions: [{ text: "Noted." }] },
          { number: "2", title: "Licence", exempt: false, resolutions: [{ text: null as unknown as string }] },
        ],
      });
      await assert.rejects(importMinutes(db, { source: sourceOf("failing.txt", "1. Apologies\nNoted.\n2. Licence\n"), record, parserVersion: "golden" }));
      assert.deepEqual(await storeCounts(db), beforeCounts);
      assert.equal(await storeDigest(db), before);
      assert.deepEqual((await listAuthorities(db)).filter((a) => a.name === "Failing Borough Council"), []);
      await assert.rejects(importMinutes(db, { source: sourceOf("nodate.txt", "Licensing Committee\n"), record: minutes({ body: "Licensing Committee" }) }), /no meeting date found/);
      assert.deepEqual(await storeCounts(db), beforeCounts);
    });

    test("draft minutes are hidden from every public read", async () => {
      const m = await getMeeting(db, STAFFS);
      assert.ok(m);
      // a write that changes a meeting's status keeps its committee's summary (as every write path does)
      const setStatus = (status: "draft" | "published") => keepingSummaries(db, [m.id], () => db.updateTable("meetings").set({ minutes_status: status }).where("slug", "=", STAFFS).execute());
      await setStatus("draft");
      try {
        assert.equal(await getMeeting(db, STAFFS), null);
        assert.ok(!(await listMeetings(db, { limit: 100 })).data.some((x) => x.slug === STAFFS));
        assert.equal(await getMeetingSource(db, STAFFS), null);
        assert.equal((await search(db, `"Transforming Care Partnerships"`)).total, 0);
        // the index is sealed by the database itself: a meeting turned draft by any write leaves it
        assert.equal((await db.selectFrom("search_entries").where("meeting_id", "=", m.id).select("id").execute()).length, 0);
        assert.equal((await listDecisions(db, { body: "safe-and-strong-communities-select-committee" })).total, 0);
        assert.deepEqual(await getMeetingProvenance(db, STAFFS), []);
      } finally {
        await setStatus("published");
        // as publishing does: minutes made public are indexed again
        await reindexMeeting(db, m.id);
      }
      assert.ok(await getMeeting(db, STAFFS));
      assert.ok((await search(db, `"Transforming Care Partnerships"`)).total > 0);
    });

    test("movers and seconders are linked to people by the attendance name rules, raw names kept, exempt items never shown", async () => {
      const at = (name: string) => ({ name, status: "present" as const, kind: "member" as const, role: null, substituteFor: null });
      const record = minutes({
        authority: "Moverton Parish Council",
        body: "Moverton Parish Council",
        date: "2018-09-05",
        startTime: "19:00",
        attendance: [at("Cllr Sue Lintern"), at("Cllr Jim McNeill"), at("Cllr A Ryan"), at("Cllr B Ryan")],
        items: [
          { number: "183/18", title: "Dispensations", exempt: false, resolutions: [{ text: "to approve the dispensation applications", movedBy: "Cllr Sue Lintern", secondedBy: "Cllr Jim McNeill" }] },
          { number: "193/18", title: "Payments", exempt: false, resolutions: [{ text: "payment of all bills presented", movedBy: "Cllr Ryan", secondedBy: "Mr P Nobody" }] },
          { number: "195/18", title: "Staffing", exempt: true, resolutions: [{ text: "to appoint the new clerk", movedBy: "Sue Lintern", secondedBy: null }] },
          { number: "196/18", title: "Close", exempt: false, resolutions: [{ text: "The meeting closed." }] },
        ],
      });
      const r = await importMinutes(db, { source: sourceOf("moverton-2018-09-05.txt", "Moverton Parish Council\n183/18 Dispensations\n193/18 Payments\n"), record, parserVersion: "golden" });
      const rows = await db
        .selectFrom("resolutions")
        .leftJoin("people as m", "m.id", "resolutions.moved_by_person_id")
        .leftJoin("people as s", "s.id", "resolutions.seconded_by_person_id")
        .where("resolutions.meeting_id", "=", r.meetingId)
        .select(["resolutions.moved_by_name", "resolutions.seconded_by_name", "m.display_name as mover", "s.display_name as seconder"])
        .orderBy("resolutions.item_id")
        .execute();
      assert.deepEqual(
        rows.map((x) => [x.moved_by_name, x.mover, x.seconded_by_name, x.seconder]),
        [
          ["Cllr Sue Lintern", "Sue Lintern", "Cllr Jim McNeill", "Jim McNeill"],
          // two Ryans: the name is kept, no one is linked; an unknown seconder creates no person
          ["Cllr Ryan", null, "Mr P Nobody", null],
          ["Sue Lintern", "Sue Lintern", null, null],
          [null, null, null, null],
        ],
      );
      const people = (await listPeople(db, { authority: "moverton-parish-council" })).data;
      assert.equal(people.length, 4);
      const lintern = await getPerson(db, people.find((p) => p.name === "Sue Lintern")!.slug);
      assert.deepEqual(
        lintern?.motions.map((x) => [x.role, x.nameAsWritten, x.decision.text, x.item.number, x.meeting.slug]),
        [["moved", "Cllr Sue Lintern", "to approve the dispensation applications", "183/18", r.meetingSlug]],
      );
      const mcneill = await getPerson(db, people.find((p) => p.name === "Jim McNeill")!.slug);
      assert.deepEqual(mcneill?.motions.map((x) => [x.role, x.item.slug]), [["seconded", lintern!.motions[0].item.slug]]);
      const ryan = await getPerson(db, people.find((p) => p.name === "A Ryan")!.slug);
      assert.deepEqual(ryan?.motions, []);
    });

    test("recorded votes are stored per member, linked to people like attendance, and sealed with an exempt item", async () => {
      const at = (name: string) => ({ name, status: "present" as const, kind: "member" as const, role: null, substituteFor: null });
      const recorded = (f: string[], a: string[], r: string[] = []) => ({ for: f, against: a, abstain: [], absent: [], recused: r });
      const record = minutes({
        authority: "Voteton Town Council",
        body: "Voteton Town Council",
        date: "2019-10-21",
        startTime: "18:00",
        attendance: [at("Councillor Ann Benson"), at("Councillor Bob Costelloe"), at("Councillor Cara Secas")],
        items: [
          { number: "17", title: "Live streaming", exempt: false, resolutions: [{ text: "to defer to the Party Leaders", votes: { for: 2, against: 1, abstain: null, recorded: recorded(["Councillor Benson", "Councillor Costelloe"], ["Councillor Secas"]) } }] },
          { number: "18", title: "Grants", exempt: false, resolutions: [{ text: "that the grants be paid", votes: { for: null, against: null, abstain: null, unanimous: true } }] },
          { number: "19", title: "Staffing", exempt: true, resolutions: [{ text: "to regrade the post", votes: { for: 1, against: 1, abstain: null, recorded: recorded(["Councillor Secas"], ["Councillor Benson"], ["Councillor Costelloe"]) } }] },
        ],
      });
      const r = await importMinutes(db, { source: sourceOf("voteton-2019-10-21.txt", "Voteton Town Council\n17 Live streaming\n18 Grants\n19 Staffing\n"), record, parserVersion: "golden" });
      const rows = await db
        .selectFrom("decision_votes")
        .innerJoin("resolutions", "resolutions.id", "decision_votes.resolution_id")
        .leftJoin("people", "people.id", "decision_votes.person_id")
        .where("decision_votes.meeting_id", "=", r.meetingId)
        .select(["resolutions.text", "decision_votes.vote", "decision_votes.raw_name", "people.display_name"])
        .orderBy("resolutions.id")
        .orderBy("decision_votes.position")
        .execute();
      assert.deepEqual(
        rows.map((x) => [x.text, x.vote, x.raw_name, x.display_name]),
        [
          ["to defer to the Party Leaders", "for", "Councillor Benson", "Ann Benson"],
          ["to defer to the Party Leaders", "for", "Councillor Costelloe", "Bob Costelloe"],
          ["to defer to the Party Leaders", "against", "Councillor Secas", "Cara Secas"],
          ["to regrade the post", "for", "Councillor Secas", "Cara Secas"],
          ["to regrade the post", "against", "Councillor Benson", "Ann Benson"],
          ["to regrade the post", "recused", "Councillor Costelloe", "Bob Costelloe"],
        ],
      );
      const meeting = await getMeeting(db, r.meetingSlug);
      const [live, grants, staffing] = meeting!.items.map((i) => i.resolutions[0]?.votes ?? null);
      assert.deepEqual(live?.recorded?.for.map((v) => [v.name, v.person?.name]), [["Councillor Benson", "Ann Benson"], ["Councillor Costelloe", "Bob Costelloe"]]);
      assert.deepEqual(live?.recorded?.against.map((v) => v.name), ["Councillor Secas"]);
      assert.deepEqual(grants, { for: null, against: null, abstain: null, unanimous: true });
      // the exempt item's decision, and so its votes, are withheld from the public
      assert.equal(staffing, null);
      assert.equal(JSON.stringify(meeting).includes("regrade"), false);
      const people = (await listPeople(db, { authority: "voteton-town-council" })).data;
      const votesOf = async (name: string) => (await getPerson(db, people.find((p) => p.name === name)!.slug))!.votes.map((v) => [v.vote, v.decision.text]);
      assert.deepEqual(await votesOf("Cara Secas"), [["against", "to defer to the Party Leaders"]]);
      assert.deepEqual(await votesOf("Bob Costelloe"), [["for", "to defer to the Party Leaders"]]);
      const listed = (await listDecisions(db, { body: "voteton-town-council" })).data;
      assert.deepEqual(listed.map((d) => [d.text, d.votes?.unanimous ?? false]).sort(), [["that the grants be paid", true], ["to defer to the Party Leaders", false]]);
      // a re-import replaces the votes rather than adding to them
      await importMinutes(db, { source: sourceOf("voteton-2019-10-21.txt", "Voteton Town Council\n17 Live streaming\n18 Grants\n19 Staffing\n\n"), record, parserVersion: "golden" });
      const again = await db.selectFrom("decision_votes").where("meeting_id", "=", r.meetingId).select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow();
      assert.equal(Number(again.n), 6);
    });
  });
}

test("SQLite and PostgreSQL hold the same content after the same imports", { skip: PG_SKIP ?? false }, () => {
  assert.equal(digests.size, 2);
  assert.deepEqual(counts.get("sqlite"), counts.get("postgres"));
  assert.equal(digests.get("sqlite"), digests.get("postgres"));
});
