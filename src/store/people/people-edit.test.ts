// Editing people, committees and memberships by hand, on SQLite and PostgreSQL: each edit holds
// through a re-import that recreates every attendance row, and a stale version is refused.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { openStore, type Db } from "../db.ts";
import { readAudit } from "../audit.ts";
import { postgresUnavailable, startPostgres, type PostgresCluster } from "../../../test/support/postgres.ts";
import { APRIL, C_SHEEHY, CLLR_SHEEHY, COMMITTEE, importPeopleFixtures, MARCH, whoIsWho } from "../../../test/support/people.ts";
import { editPerson, personRow, StaleVersion, fieldsOf } from "./edit.ts";
import { mergePeople, splitPerson } from "./merge.ts";
import { personDifferences } from "../summaries/recount.ts";
import { addMembership, editMembership, endMembership } from "./memberships.ts";
import { editBody } from "./bodies.ts";
import { decisionsDb } from "./schema.ts";
import { getPerson } from "../read/index.ts";

const PG_SKIP = postgresUnavailable();
let cluster: Promise<PostgresCluster> | null = null;
after(async () => {
  if (cluster) await (await cluster).stop();
});

const actor = { userId: null, label: "clerk@council.gov.uk" };
const now = new Date("2026-03-04T10:00:00Z");
const D_SHEEHY = "d-sheehy-limerick-city-and-county-council";

/** A person's row in person_summaries (store/summaries/people.ts). */
async function summaryOf(db: Db, slug: string) {
  return db.selectFrom("person_summaries").innerJoin("people", "people.id", "person_summaries.person_id").where("people.slug", "=", slug).selectAll("person_summaries").executeTakeFirstOrThrow();
}

for (const dialect of ["sqlite", "postgres"] as const) {
  describe(`editing people on ${dialect}`, { skip: dialect === "postgres" && PG_SKIP ? PG_SKIP : false }, () => {
    let db: Db;
    let round = 1;
    const reimport = () => importPeopleFixtures(db, `fixture-${++round}`);
    const attendanceIds = async () => (await db.selectFrom("attendance").select("id").orderBy("id").execute()).map((r) => r.id);

    before(async () => {
      db = await openStore(dialect === "sqlite" ? ":memory:" : await (await (cluster ??= startPostgres())).createDatabase());
      await importPeopleFixtures(db);
    });
    after(async () => db?.destroy());

    test("the rules join the officer Mr D. Sheehy to Councillor Sheehy and keep Ms C. Sheehy apart (what the merge and split undo)", async () => {
      assert.deepEqual(await whoIsWho(db, "%Sheehy%"), [
        `march#4 Councillor Sheehy → ${CLLR_SHEEHY}`,
        `march#9 Mr. D. Sheehy → ${CLLR_SHEEHY}`,
        `april#5 Councillor Sheehy → ${CLLR_SHEEHY}`,
        `april#10 Mr. D. Sheehy → ${CLLR_SHEEHY}`,
        `april#12 Ms. C. Sheehy → ${C_SHEEHY}`,
      ]);
    });

    test("a rename with party, ward and kind is written, audited and survives a re-import", async () => {
      const p = await personRow(db, CLLR_SHEEHY);
      const fields = { ...fieldsOf(p), displayName: "Cllr Brigid Sheehy", forenames: "Brigid", initials: "B", party: "Fianna Fáil", ward: "Kilmallock", kind: "member" };
      assert.deepEqual(await editPerson(db, { slug: CLLR_SHEEHY, version: p.version, fields, actor, now }), { changed: true });
      const ids = await attendanceIds();
      await reimport();
      assert.notDeepEqual(await attendanceIds(), ids, "the re-import recreated the attendance rows");
      const after = await personRow(db, CLLR_SHEEHY);
      assert.deepEqual([after.display_name, after.forenames, after.party, after.ward, after.version], ["Cllr Brigid Sheehy", "Brigid", "Fianna Fáil", "Kilmallock", p.version + 1]);
      const detail = await getPerson(db, CLLR_SHEEHY);
      assert.deepEqual([detail?.name, detail?.party, detail?.ward], ["Cllr Brigid Sheehy", "Fianna Fáil", "Kilmallock"]);
      const audit = (await readAudit(db, { recordKind: "person", recordId: String(p.id) })).entries[0];
      assert.equal(audit.action, "person.edit");
      assert.deepEqual(audit.before, { displayName: p.display_name, forenames: p.forenames, initials: p.initials, party: null, ward: null });
      assert.deepEqual(audit.after, { displayName: "Cllr Brigid Sheehy", forenames: "Brigid", initials: "B", party: "Fianna Fáil", ward: "Kilmallock" });
    });

    test("a save from a stale version is refused and changes nothing", async () => {
      const p = await personRow(db, CLLR_SHEEHY);
      const before = (await readAudit(db)).total;
      await assert.rejects(editPerson(db, { slug: CLLR_SHEEHY, version: p.version - 1, fields: { ...fieldsOf(p), party: "Other" }, actor, now }), StaleVersion);
      assert.equal((await personRow(db, CLLR_SHEEHY)).party, "Fianna Fáil");
      assert.equal((await readAudit(db)).total, before);
    });

    test("a merge moves everything to the kept person, redirects the removed slug, and holds through a re-import", async () => {
      const gone = await personRow(db, C_SHEEHY);
      const kept = await personRow(db, CLLR_SHEEHY);
      const manual = await addMembership(db, { person: C_SHEEHY, version: gone.version, body: COMMITTEE, fields: { role: "observer", from: "2018-01-01", to: null }, actor, now });
      await mergePeople(db, { slug: C_SHEEHY, version: gone.version + 1, into: CLLR_SHEEHY, intoVersion: kept.version, actor, now });
      const expected = [
        `march#4 Councillor Sheehy → ${CLLR_SHEEHY}`,
        `march#9 Mr. D. Sheehy → ${CLLR_SHEEHY}`,
        `april#5 Councillor Sheehy → ${CLLR_SHEEHY}`,
        `april#10 Mr. D. Sheehy → ${CLLR_SHEEHY}`,
        `april#12 Ms. C. Sheehy → ${CLLR_SHEEHY}`,
      ];
      assert.deepEqual(await whoIsWho(db, "%Sheehy%"), expected);
      // the kept person's summary holds both meetings, and no summary is left out of step
      assert.equal((await summaryOf(db, CLLR_SHEEHY)).meeting_count, 2);
      assert.deepEqual(await personDifferences(db), []);
      assert.equal(await db.selectFrom("people").where("slug", "=", C_SHEEHY).select("id").executeTakeFirst(), undefined);
      const redirect = await decisionsDb(db).selectFrom("person_redirects").where("from_slug", "=", C_SHEEHY).select("to_slug").executeTakeFirst();
      assert.equal(redirect?.to_slug, CLLR_SHEEHY);
      await reimport();
      assert.deepEqual(await whoIsWho(db, "%Sheehy%"), expected);
      assert.equal((await personRow(db, CLLR_SHEEHY)).display_name, "Cllr Brigid Sheehy", "the kept person keeps their fixed name");
      const held = await db.selectFrom("memberships").where("id", "=", manual.id).select(["person_id", "source", "role"]).executeTakeFirstOrThrow();
      assert.deepEqual(held, { person_id: kept.id, source: "manual", role: "observer" });
      const audit = (await readAudit(db, { recordKind: "person", recordId: String(kept.id) })).entries[0];
      assert.equal(audit.action, "person.merge");
      assert.deepEqual(audit.before, { removed: { slug: C_SHEEHY, name: gone.display_name }, kept: { slug: CLLR_SHEEHY, name: "Cllr Brigid Sheehy" } });
      assert.deepEqual((audit.after as { moved: unknown }).moved, {
        attendance: [{ meeting: APRIL, position: 12, name: "Ms. C. Sheehy" }],
        declarations: [],
        movedOrSeconded: [],
        memberships: [{ body: COMMITTEE, role: "observer", source: "manual" }],
      });
    });

    test("a split moves the chosen rows to a new person, holds through a re-import, and keeps the rest", async () => {
      const p = await personRow(db, CLLR_SHEEHY);
      const rows = await db.selectFrom("attendance").where("person_id", "=", p.id).where("raw_name", "=", "Mr. D. Sheehy").select("id").execute();
      const { slug } = await splitPerson(db, { slug: CLLR_SHEEHY, version: p.version, attendanceIds: rows.map((r) => r.id), actor, now });
      assert.equal(slug, D_SHEEHY);
      assert.deepEqual([(await summaryOf(db, D_SHEEHY)).meeting_count, (await summaryOf(db, CLLR_SHEEHY)).meeting_count], [2, 2]);
      assert.deepEqual(await personDifferences(db), []);
      const expected = [
        `march#4 Councillor Sheehy → ${CLLR_SHEEHY}`,
        `march#9 Mr. D. Sheehy → ${D_SHEEHY}`,
        `april#5 Councillor Sheehy → ${CLLR_SHEEHY}`,
        `april#10 Mr. D. Sheehy → ${D_SHEEHY}`,
        `april#12 Ms. C. Sheehy → ${CLLR_SHEEHY}`,
      ];
      assert.deepEqual(await whoIsWho(db, "%Sheehy%"), expected);
      await reimport();
      assert.deepEqual(await whoIsWho(db, "%Sheehy%"), expected);
      const kept = await personRow(db, CLLR_SHEEHY);
      assert.deepEqual([kept.id, kept.display_name, kept.party], [p.id, "Cllr Brigid Sheehy", "Fianna Fáil"], "the split-off rows do not take the fixed details with them");
      const split = await personRow(db, D_SHEEHY);
      assert.deepEqual([split.kind, split.party], ["officer", null]);
      const audit = (await readAudit(db, { recordKind: "person", recordId: String(p.id) })).entries[0];
      assert.equal(audit.action, "person.split");
      assert.deepEqual(audit.after, {
        created: D_SHEEHY,
        moved: {
          attendance: [
            { meeting: MARCH, position: 9, name: "Mr. D. Sheehy" },
            { meeting: APRIL, position: 10, name: "Mr. D. Sheehy" },
          ],
          declarations: [],
          movedOrSeconded: [],
          memberships: [],
        },
      });
    });

    test("memberships entered by hand are edited and ended, and kept when memberships are derived again", async () => {
      const p = await personRow(db, CLLR_SHEEHY);
      const { id } = await addMembership(db, { person: CLLR_SHEEHY, version: p.version, body: COMMITTEE, fields: { role: "chair", from: "2018-01-01", to: null }, actor, now });
      await editMembership(db, { person: CLLR_SHEEHY, version: p.version + 1, id, fields: { role: "vice-chair", from: "2018-02-01", to: null }, actor, now });
      await endMembership(db, { person: CLLR_SHEEHY, version: p.version + 2, id, on: "2019-05-31", actor, now });
      await assert.rejects(endMembership(db, { person: CLLR_SHEEHY, version: p.version + 2, id, on: "2019-06-30", actor, now }), StaleVersion);
      const derived = await db.selectFrom("memberships").where("person_id", "=", p.id).where("source", "=", "attendance").select("id").executeTakeFirstOrThrow();
      await assert.rejects(endMembership(db, { person: CLLR_SHEEHY, version: p.version + 3, id: derived.id, on: "2019-06-30", actor, now }), /read from the minutes/);
      await reimport();
      const rows = await db.selectFrom("memberships").where("person_id", "=", p.id).select(["role", "from_date", "to_date", "source"]).orderBy("source").execute();
      assert.deepEqual(rows.filter((r) => r.source === "manual" && r.role !== "observer"), [{ role: "vice-chair", from_date: "2018-02-01", to_date: "2019-05-31", source: "manual" }]);
      assert.ok(rows.some((r) => r.source === "attendance"), "the derived membership is derived again");
      const actions = (await readAudit(db, { recordKind: "person", recordId: String(p.id) })).entries.map((e) => e.action);
      assert.deepEqual(actions.slice(0, 3), ["membership.end", "membership.edit", "membership.add"]);
    });

    test("a committee is renamed and its kind set; a stale version is refused; the import still finds it", async () => {
      const b = await db.selectFrom("bodies").where("slug", "=", COMMITTEE).select(["id", "version", "name", "kind"]).executeTakeFirstOrThrow();
      await editBody(db, { slug: COMMITTEE, version: b.version, name: "Cappamore-Kilmallock Municipal District", kind: "municipal district", actor, now });
      await assert.rejects(editBody(db, { slug: COMMITTEE, version: b.version, name: "Other", kind: "panel", actor, now }), StaleVersion);
      const titles = (await db.selectFrom("search_entries").where("kind", "=", "meeting").select("title").execute()).map((t) => t.title);
      assert.deepEqual(titles.map((t) => t.split(",")[0]), ["Cappamore-Kilmallock Municipal District", "Cappamore-Kilmallock Municipal District"], "search names the committee by its new name");
      await reimport();
      const bodies = await db.selectFrom("bodies").select(["slug", "name", "kind", "version"]).execute();
      assert.deepEqual(bodies, [{ slug: COMMITTEE, name: "Cappamore-Kilmallock Municipal District", kind: "municipal district", version: b.version + 1 }]);
      const audit = (await readAudit(db, { recordKind: "body", recordId: String(b.id) })).entries[0];
      assert.deepEqual([audit.action, audit.before, audit.after], ["body.edit", { name: b.name, ...(b.kind === "municipal district" ? {} : { kind: b.kind }) }, { name: "Cappamore-Kilmallock Municipal District", ...(b.kind === "municipal district" ? {} : { kind: "municipal district" }) }]);
    });
  });
}
