// Owners' updates, clerks' acceptance, rejection, closing and extensions, on SQLite and PostgreSQL:
// what the public tracker then shows, what it never shows, versions and the audit entries.
import { it } from "node:test";
import assert from "node:assert/strict";
import { QuorumError } from "../../domain/errors.ts";
import type { Db } from "../db.ts";
import { addUser, type User } from "../accounts/users.ts";
import { readAudit } from "../audit.ts";
import { writeTransaction } from "../write.ts";
import { addAction, listActions } from "../scrutiny/actions.ts";
import { listRecommendations } from "../scrutiny/recommendations.ts";
import { BUCKS, eachStore, importFromCorpus } from "../scrutiny/test-stores.ts";
import { getTrackedItem, type ItemRef } from "./items.ts";
import { acceptUpdate, assignOwner, closeItem, extendDeadline, listPendingUpdates, listUpdatesBy, rejectUpdate, submitUpdate, VersionConflict, type Actor } from "./updates.ts";
import { ownersDb } from "./schema.ts";

const now = new Date("2018-10-23T10:00:00Z");
const actor = (u: User): Actor => ({ userId: u.id, email: u.email, name: u.displayName });

async function setUp(db: Db) {
  await importFromCorpus(db, BUCKS);
  const clerk = await addUser(db, { email: "clerk@bucks.gov.uk", role: "clerk", displayName: "Colin Clerk" }, now);
  const owner = await addUser(db, { email: "hazell@bucks.gov.uk", role: "member", displayName: "Lin Hazell" }, now);
  const other = await addUser(db, { email: "brown@bucks.gov.uk", role: "member", displayName: "Noel Brown" }, now);
  const recs = await listRecommendations(db, "2018-10-01");
  // Recommendation 2: accepted in part on 23 April 2018, action by October 2018.
  const rec: ItemRef = { kind: "recommendation", id: recs.find((r) => r.number === "2")!.id };
  return { clerk, owner, other, rec };
}

const rec2 = async (db: Db, asOf: string, includeNonPublic = false) => (await listRecommendations(db, asOf, { includeNonPublic })).find((r) => r.number === "2");

eachStore("owners keep the tracker current", (store) => {
  it("a clerk assigns an owner; the owner's update waits, unseen by the public, until a clerk accepts it; then the schedule, RAG and overdue flags move", async () => {
    const db = await store.open();
    const { clerk, owner, other, rec } = await setUp(db);
    // Before any update: the 6-month update was due on 23 October and is overdue the next day.
    assert.deepEqual([(await rec2(db, "2018-10-23"))!.nextUpdateDue, (await rec2(db, "2018-10-24"))!.overdue], ["2018-10-23", ["update"]]);

    await writeTransaction(db, (trx) => assignOwner(trx, rec, owner.id, 1, actor(clerk), now));
    assert.equal((await getTrackedItem(db, rec))?.owner?.email, "hazell@bucks.gov.uk");
    assert.equal((await getTrackedItem(db, rec))?.version, 2);
    // the minutes' responsible member and officer stay as parsed
    assert.equal((await getTrackedItem(db, rec))?.parsedOwner, "Cllr Lin Hazell and Claire Hawkes");

    // only the owner may post
    await assert.rejects(writeTransaction(db, (trx) => submitUpdate(trx, rec, { status: "at_risk", text: "Nothing", evidenceUrl: null }, actor(other), "2018-10-23", now)), (e: QuorumError) => e.code === "forbidden");
    await assert.rejects(writeTransaction(db, (trx) => submitUpdate(trx, rec, { status: "amber", text: "Not our vocabulary", evidenceUrl: null }, actor(owner), "2018-10-23", now)), (e: QuorumError) => e.code === "invalid");
    await assert.rejects(writeTransaction(db, (trx) => submitUpdate(trx, rec, { status: "at_risk", text: "x", evidenceUrl: "javascript:alert(1)" }, actor(owner), "2018-10-23", now)), (e: QuorumError) => e.code === "invalid");
    const id = await writeTransaction(db, (trx) => submitUpdate(trx, rec, { status: "at_risk", text: "Template revised; training dates not yet fixed", evidenceUrl: "https://example.org/plan.pdf" }, actor(owner), "2018-10-23", now));

    // pending: nothing public moves
    const pending = await rec2(db, "2018-10-24");
    assert.deepEqual([pending!.updates.length, pending!.latestRag, pending!.overdue], [0, null, ["update"]]);
    assert.deepEqual((await listPendingUpdates(db)).map((u) => [u.id, u.author.email, u.state]), [[id, "hazell@bucks.gov.uk", "pending"]]);

    // a stale accept (the page showed version 1) changes nothing
    await assert.rejects(writeTransaction(db, (trx) => acceptUpdate(trx, id, 1, actor(clerk), now)), VersionConflict);
    assert.equal((await rec2(db, "2018-10-24"))!.updates.length, 0);
    assert.equal((await listPendingUpdates(db)).length, 1);

    await writeTransaction(db, (trx) => acceptUpdate(trx, id, 2, actor(clerk), now));
    const accepted = await rec2(db, "2018-10-24");
    assert.deepEqual(accepted!.updates, [{ date: "2018-10-23", rag: "amber", text: "Template revised; training dates not yet fixed", by: "Lin Hazell", evidenceUrl: "https://example.org/plan.pdf" }]);
    assert.equal(accepted!.status, "at_risk");
    assert.equal(accepted!.nextUpdateDue, "2019-04-23");
    assert.deepEqual(accepted!.overdue, []);
    assert.equal((await listPendingUpdates(db)).length, 0);
    assert.deepEqual((await listUpdatesBy(db, owner.id)).map((u) => u.state), ["accepted"]);
    // accepted once only
    await assert.rejects(writeTransaction(db, (trx) => acceptUpdate(trx, id, 3, actor(clerk), now)), (e: QuorumError) => e.code === "conflict");

    const log = (await readAudit(db, {})).entries.filter((e) => !e.action.startsWith("import.")).reverse();
    assert.deepEqual(
      log.map((e) => [e.action, e.recordKind, e.actorLabel, e.before, e.after]),
      [
        ["tracker.assign_owner", "recommendation", "clerk@bucks.gov.uk", { owner: null, version: 1 }, { owner: "hazell@bucks.gov.uk", version: 2 }],
        ["tracker.update_submitted", "monitoring_update", "hazell@bucks.gov.uk", null, { item: `recommendation:${rec.id}`, status: "at_risk", text: "Template revised; training dates not yet fixed", evidenceUrl: "https://example.org/plan.pdf", state: "pending" }],
        ["tracker.update_accepted", "monitoring_update", "clerk@bucks.gov.uk", { state: "pending" }, { state: "accepted", item: `recommendation:${rec.id}`, version: 3 }],
      ],
    );
  });

  it("a rejected update goes back to its owner with the reason and never reaches the tracker", async () => {
    const db = await store.open();
    const { clerk, owner, rec } = await setUp(db);
    await writeTransaction(db, (trx) => assignOwner(trx, rec, owner.id, 1, actor(clerk), now));
    const id = await writeTransaction(db, (trx) => submitUpdate(trx, rec, { status: "on_track", text: "All done", evidenceUrl: null }, actor(owner), "2018-10-23", now));
    await assert.rejects(writeTransaction(db, (trx) => rejectUpdate(trx, id, "  ", actor(clerk), now)), (e: QuorumError) => e.code === "invalid");
    await writeTransaction(db, (trx) => rejectUpdate(trx, id, "Say which training dates are fixed", actor(clerk), now));
    assert.deepEqual((await listUpdatesBy(db, owner.id)).map((u) => [u.state, u.rejectReason]), [["rejected", "Say which training dates are fixed"]]);
    assert.equal((await rec2(db, "2018-10-24"))!.updates.length, 0);
    const last = (await readAudit(db, { recordKind: "monitoring_update" })).entries[0];
    assert.deepEqual([last.action, last.before, last.after], ["tracker.update_rejected", { state: "pending" }, { state: "rejected", reason: "Say which training dates are fixed" }]);
  });

  it("an extension moves the overdue day and is public with its reason; closing ends the schedule; stale writes answer a conflict", async () => {
    const db = await store.open();
    const { clerk, rec } = await setUp(db);
    const give = { ...actor(clerk) };
    // Action by October 2018: overdue from 1 November.
    assert.ok((await rec2(db, "2018-11-01"))!.overdue.includes("action"));
    await assert.rejects(writeTransaction(db, (trx) => extendDeadline(trx, rec, { due: "2018-10-31", reason: "Not later", }, 1, give, "2018-10-23", now)), (e: QuorumError) => e.code === "invalid");
    await writeTransaction(db, (trx) => extendDeadline(trx, rec, { due: "2019-01-31", reason: "Waiting for the new case system" }, 1, give, "2018-10-23", now));
    const extended = await rec2(db, "2019-01-31");
    assert.deepEqual(extended!.extensions, [{ due: "2019-01-31", reason: "Waiting for the new case system", on: "2018-10-23", by: "Colin Clerk" }]);
    assert.equal(extended!.deadline, "2019-01-31");
    assert.ok(!extended!.overdue.includes("action"));
    assert.ok((await rec2(db, "2019-02-01"))!.overdue.includes("action"));
    // the page was opened before the extension
    await assert.rejects(writeTransaction(db, (trx) => closeItem(trx, rec, { outcome: "implemented", date: "2018-12-01", note: null }, 1, give, now)), VersionConflict);
    assert.equal((await rec2(db, "2018-12-02"))!.closure, null);
    await writeTransaction(db, (trx) => closeItem(trx, rec, { outcome: "implemented", date: "2018-12-01", note: "Training running" }, 2, give, now));
    const closed = await rec2(db, "2019-06-01");
    assert.deepEqual([closed!.status, closed!.nextUpdateDue, closed!.overdue], ["implemented", null, []]);
    const log = (await readAudit(db, { recordKind: "recommendation" })).entries.reverse();
    assert.deepEqual(log.map((e) => [e.action, e.before, e.after]), [
      ["tracker.extend", { deadline: "2018-10-31", version: 1 }, { deadline: "2019-01-31", reason: "Waiting for the new case system", version: 2 }],
      ["tracker.close", { closed: null, version: 2 }, { closed: { outcome: "implemented", date: "2018-12-01", note: "Training running" }, version: 3 }],
    ]);
  });

  it("an update accepted on a recommendation sealed as exempt never becomes public", async () => {
    const db = await store.open();
    const { clerk, owner, rec } = await setUp(db);
    await ownersDb(db).updateTable("tracked_recommendations").set({ exempt: store.dialect === "postgres" ? true : 1 }).where("id", "=", rec.id).execute();
    await writeTransaction(db, (trx) => assignOwner(trx, rec, owner.id, 1, actor(clerk), now));
    const id = await writeTransaction(db, (trx) => submitUpdate(trx, rec, { status: "on_track", text: "Sealed progress", evidenceUrl: null }, actor(owner), "2018-10-23", now));
    await writeTransaction(db, (trx) => acceptUpdate(trx, id, 2, actor(clerk), now));
    assert.equal(await rec2(db, "2018-10-24"), undefined);
    assert.equal((await listRecommendations(db, "2018-10-24")).some((r) => r.updates.some((u) => u.text === "Sealed progress")), false);
    assert.deepEqual((await rec2(db, "2018-10-24", true))!.updates.map((u) => u.text), ["Sealed progress"]);
    assert.equal((await getTrackedItem(db, rec))?.isPublic, false);
  });

  it("an action: owned by an officer, updated, extended and closed; only officers and members can own", async () => {
    const db = await store.open();
    const { clerk } = await setUp(db);
    const officer = await addUser(db, { email: "puddephatt@bucks.gov.uk", role: "officer", displayName: "Julie Puddephatt" }, now);
    const slug = await addAction(db, { body: "buckinghamshire-county-council-cabinet", text: "Circulate the victim support data to all members", owner: "Head of First Response", due: "2018-06-30" });
    const found = (await listActions(db, "2018-07-01", { includeNonPublic: true })).find((a) => a.slug === slug)!;
    const ref: ItemRef = { kind: "action", id: found.id };
    assert.equal(found.overdue, true);
    await assert.rejects(writeTransaction(db, (trx) => assignOwner(trx, ref, clerk.id, 1, actor(clerk), now)), (e: QuorumError) => e.code === "invalid");
    await writeTransaction(db, (trx) => assignOwner(trx, ref, officer.id, 1, actor(clerk), now));
    const id = await writeTransaction(db, (trx) => submitUpdate(trx, ref, { status: "done", text: "Sent on 2 July", evidenceUrl: null }, actor(officer), "2018-07-02", now));
    await writeTransaction(db, (trx) => acceptUpdate(trx, id, 2, actor(clerk), now));
    await writeTransaction(db, (trx) => extendDeadline(trx, ref, { due: "2018-07-31", reason: "Data arrived late" }, 3, actor(clerk), "2018-07-02", now));
    const a = (await listActions(db, "2018-07-31")).find((x) => x.slug === slug)!;
    assert.deepEqual([a.overdue, a.deadline, a.updates.map((u) => [u.date, u.status, u.by, u.text])], [false, "2018-07-31", [["2018-07-02", "done", "Julie Puddephatt", "Sent on 2 July"]]]);
    assert.equal((await listActions(db, "2018-08-01")).find((x) => x.slug === slug)!.overdue, true);
    await writeTransaction(db, (trx) => closeItem(trx, ref, { outcome: "done", date: "2018-07-20", note: null }, 4, actor(clerk), now));
    const done = (await listActions(db, "2018-09-01")).find((x) => x.slug === slug)!;
    assert.deepEqual([done.status, done.overdue], ["done", false]);
    await assert.rejects(writeTransaction(db, (trx) => submitUpdate(trx, ref, { status: "done", text: "Again", evidenceUrl: null }, actor(officer), "2018-07-22", now)), (e: QuorumError) => e.code === "invalid");
  });
});
