// Migration 023 (fwdplan) adds the forward plan's columns to a store holding key decisions, and its
// down takes them away again, on both databases, keeping every key decision as it was.
import { it } from "node:test";
import assert from "node:assert/strict";
import { sql } from "kysely";
import { addKeyDecision } from "../scrutiny/forward-plan.ts";
import { BUCKS, eachStore, importFromCorpus } from "../scrutiny/test-stores.ts";
import { migrateToLatest, migrationNames, migrator } from "../migrate.ts";
import { dialectOf } from "../db.ts";
import { addKeyDecisionEntry } from "../forward-plan/entries.ts";
import { linkTaken } from "../forward-plan/taken.ts";
import { getKeyDecision } from "../forward-plan/read.ts";
import type { Db } from "../db.ts";

const columns = async (db: Db) => Object.keys((await sql<Record<string, unknown>>`SELECT * FROM forward_plan_entries ORDER BY id`.execute(db)).rows[0]).sort();
const kept = async (db: Db) => (await sql<Record<string, unknown>>`SELECT slug, reference, decision, decision_maker, planned_date, first_published, private_reason, private_paragraphs FROM forward_plan_entries ORDER BY id`.execute(db)).rows;

eachStore("migration 023 (fwdplan)", (store) => {
  it("up adds the columns to key decisions already stored; down removes them and keeps the decisions", async () => {
    const db = await store.open();
    const { meetingSlug } = await importFromCorpus(db, BUCKS);
    const authority = "buckinghamshire-county-council";
    await addKeyDecision(db, { authority, reference: "KD-OLD", decision: "Budget", decisionMaker: "Council", plannedDate: "2018-05", firstPublished: "2018-03-01", private: { reason: "Tender prices", paragraphs: "3" }, exception: null });
    const slug = await addKeyDecisionEntry(db, { fields: { reference: "KD-NEW", decision: "Care", details: "d", body: "buckinghamshire-county-council-cabinet", decisionMaker: null, plannedDate: "2018-04-23", wards: ["Chesham"], consultees: null, documents: [], exempt: null, exception: null }, actor: { userId: null, label: "t" }, now: new Date("2018-03-01T10:00:00Z"), today: "2018-03-01" });
    await linkTaken(db, { slug, version: 1, meeting: meetingSlug, itemNumber: "10", resolutionPosition: 1, actor: { userId: null, label: "t" }, now: new Date() });
    const withAll = await columns(db);
    assert.ok(["details", "wards_json", "taken_meeting_id", "version", "exception_chair"].every((c) => withAll.includes(c)));
    const before = await kept(db);

    // down to the migration before it, past any added since
    const names = migrationNames(dialectOf(db));
    const from = names.slice(names.indexOf("023_fwdplan_key_decisions"));
    const { error } = await migrator(db).migrateTo(names[names.indexOf("023_fwdplan_key_decisions") - 1]);
    assert.equal(error, undefined);
    const without = await columns(db);
    assert.deepEqual(without.filter((c) => !withAll.includes(c)), []);
    assert.ok(!without.includes("taken_meeting_id") && !without.includes("version") && !without.includes("details"), without.join(" "));
    assert.deepEqual(await kept(db), before);

    assert.deepEqual(await migrateToLatest(db), from);
    assert.deepEqual(await columns(db), withAll);
    const old = (await getKeyDecision(db, "buckinghamshire-county-council-kd-old"))!;
    assert.deepEqual([old.version, old.wards, old.documents, old.taken], [1, [], [], null]);
  });
});
