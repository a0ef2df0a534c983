import { it } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import type { ParsedMinutes } from "../../domain/minutes.ts";
import { trackerDb } from "./schema.ts";
import { BUCKS, STAFFS, eachStore, importFromCorpus } from "./test-stores.ts";
import { closeRecommendation, getInquiry, listRecommendations } from "./recommendations.ts";
import { addRecommendationUpdate } from "./record.ts";
import { addActionUpdate, listActions, setActionStatus } from "./actions.ts";
import { applyWorkProgrammeChange, listWorkProgramme } from "./work-programme.ts";
import { trackMeeting } from "./track-meeting.ts";

const expected = (name: string) =>
  JSON.parse(readFileSync(new URL(`../../../test/golden/dev/${name}.expected.json`, import.meta.url), "utf8")) as ParsedMinutes;

eachStore("tracking imported minutes", (store) => {
  it("the Bucks response table becomes 8 tracked recommendations under the inquiry the form names", async () => {
    const db = await store.open();
    const { tracked } = await importFromCorpus(db, BUCKS);
    assert.equal(tracked.inquiry?.recommendations, 8);
    const recs = await listRecommendations(db, "2018-05-01");
    assert.equal(recs.length, 8);
    const want = expected(BUCKS).recommendations;
    assert.deepEqual(
      recs.map((r) => [r.number, r.response, r.responsibleMember, r.responsibleOfficer, r.actionBy]),
      want.map((r) => [r.number, r.response, r.responsibleMember, r.responsibleOfficer, r.actionBy]),
    );
    assert.equal(recs.filter((r) => r.response === "yes").length, 6);
    assert.equal(recs.filter((r) => r.response === "partially").length, 2);
    const inquiry = recs[0].inquiry;
    assert.equal(inquiry.title, "What steps should the Council take to ensure it fully meets the responsibilities under the Modern Slavery Act?");
    assert.equal(inquiry.chair, "Steven Lambert");
    assert.equal(inquiry.committee, "Transport, Economy and Environment Select Committee");
    assert.deepEqual(inquiry.monitoringMonths, [6, 12]);
    assert.equal(inquiry.respondedAt?.date, "2018-04-23");
    assert.equal(inquiry.respondedAt?.body.name, "Cabinet");
    // Responded on the day of the meeting: first update six months on.
    assert.ok(recs.every((r) => r.respondedOn === "2018-04-23" && r.nextUpdateDue === "2018-10-23"));
    assert.deepEqual(recs.map((r) => r.status).filter((s) => s === "partially_accepted").length, 2);
  });

  it("status, overdue and filters follow the clock passed in", async () => {
    const db = await store.open();
    await importFromCorpus(db, BUCKS);
    const inJuly = await listRecommendations(db, "2018-07-15", { overdue: true });
    // April and June action-by dates have passed by mid-July.
    assert.deepEqual(inJuly.map((r) => r.number), ["1", "5", "6"]);
    const inNovember = await listRecommendations(db, "2018-11-01", { overdue: true });
    assert.equal(inNovember.length, 8);
    assert.ok(inNovember.every((r) => r.overdue.includes("update")));
    assert.deepEqual((await listRecommendations(db, "2018-05-01", { owner: "hazell" })).map((r) => r.number), ["2", "6", "7"]);
    assert.deepEqual((await listRecommendations(db, "2018-05-01", { status: "partially_accepted" })).map((r) => r.number), ["2", "3"]);
    assert.equal((await listRecommendations(db, "2018-05-01", { committee: "Transport, Economy & Environment Select Committee" })).length, 8);
    assert.equal((await listRecommendations(db, "2018-05-01", { committee: "Planning Committee" })).length, 0);
  });

  it("updates and closures survive a re-import and a corrected import", async () => {
    const db = await store.open();
    const first = await importFromCorpus(db, BUCKS);
    const [one, two] = await listRecommendations(db, "2018-05-01");
    await addRecommendationUpdate(db, two.id, { date: "2018-10-20", rag: "amber", text: "Template being revised", by: "Claire Hawkes" });
    await closeRecommendation(db, one.id, { outcome: "implemented", date: "2018-04-30", note: "Statement published" });
    // Same content again, then the tracker run again: nothing changes.
    await trackMeeting(db, first.meetingId);
    // A corrected document: recommendation 4's officer fixed.
    const corrected = await importFromCorpus(db, BUCKS, (r) => ({
      ...r,
      recommendations: r.recommendations.map((x) => (x.number === "4" ? { ...x, responsibleOfficer: "Gillian Quinton" } : x)),
    }));
    assert.equal(corrected.meetingId, first.meetingId);
    const recs = await listRecommendations(db, "2018-11-01");
    assert.equal(recs.length, 8);
    assert.equal(recs[0].status, "implemented");
    assert.equal(recs[1].status, "at_risk");
    assert.equal(recs[1].latestUpdate?.by, "Claire Hawkes");
    assert.equal(recs[1].nextUpdateDue, "2019-04-23");
    assert.equal(recs[3].responsibleOfficer, "Gillian Quinton");
    const t = trackerDb(db);
    assert.equal((await t.selectFrom("inquiries").select("id").execute()).length, 1);
    assert.equal((await t.selectFrom("recommendation_updates").select("id").execute()).length, 1);
    const inquiry = await getInquiry(db, recs[0].inquiry.slug, "2018-11-01");
    assert.equal(inquiry?.summary.total, 8);
    assert.equal(inquiry?.summary.byStatus.implemented, 1);
    assert.equal(inquiry?.summary.byStatus.at_risk, 1);
    // Seven still open; every one of them has missed its October update.
    assert.equal(inquiry?.summary.overdueBy.update, 6);
  });

  it("Staffs resolutions that ask for something become actions; notes and approvals do not", async () => {
    const db = await store.open();
    const { tracked } = await importFromCorpus(db, STAFFS);
    assert.equal(tracked.inquiry, null);
    const all = await listActions(db, "2017-01-01", { includeNonPublic: true });
    assert.deepEqual(all.map((a) => [a.raisedAt?.item?.number, a.label]).sort(), [
      ["30", "a"],
      ["30", "b"],
      ["30", "c"],
      ["31", null],
      ["35", null],
    ]);
    const officers = all.find((a) => a.raisedAt?.item?.number === "31")!;
    assert.equal(officers.owner, "Officers");
    assert.equal(officers.status, "open");
    assert.equal(all.find((a) => a.raisedAt?.item?.number === "35")?.owner, "Cabinet Member");
    assert.ok(all.every((a) => a.body.name === "Safe and Strong Communities Select Committee"));
  });

  it("an action from an exempt item is never public", async () => {
    const db = await store.open();
    await importFromCorpus(db, STAFFS);
    const shown = await listActions(db, "2017-01-01");
    assert.equal(shown.length, 4);
    assert.ok(!shown.some((a) => /communication timings/.test(a.text)));
    assert.ok(!shown.some((a) => a.raisedAt?.item?.number === "35"));
  });

  it("an action answered at a later meeting shows on both, and keeps its updates on re-import", async () => {
    const db = await store.open();
    const staffs = await importFromCorpus(db, STAFFS);
    // A later meeting of the same committee (the same minutes moved on a month).
    const later = await importFromCorpus(db, STAFFS, (r) => ({ ...r, date: "2017-01-16" }));
    assert.notEqual(later.meetingId, staffs.meetingId);
    const [first] = (await listActions(db, "2017-01-01", { meeting: staffs.meetingSlug })).filter((a) => a.label === "a" && a.raisedAt?.slug === staffs.meetingSlug);
    await addActionUpdate(db, first.slug, { date: "2017-01-10", text: "Figures sent to members", by: "Scrutiny and Support Manager" });
    await setActionStatus(db, first.slug, "done", later.meetingSlug);
    await trackMeeting(db, staffs.meetingId);
    const onLater = await listActions(db, "2017-02-01", { meeting: later.meetingSlug });
    const answered = onLater.find((a) => a.slug === first.slug);
    assert.equal(answered?.answeredAt?.date, "2017-01-16");
    assert.equal(answered?.status, "done");
    assert.equal(answered?.updates[0].text, "Figures sent to members");
    const open = await listActions(db, "2017-02-01", { status: "open", meeting: staffs.meetingSlug });
    assert.equal(open.length, 3);
  });

  it("runs inside the importer's transaction, and leaves nothing when that transaction fails", async () => {
    const db = await store.open();
    const { meetingId } = await importFromCorpus(db, STAFFS);
    const t = trackerDb(db);
    await t.deleteFrom("actions").execute();
    await assert.rejects(
      db.transaction().execute(async (trx) => {
        assert.equal((await trackMeeting(trx, meetingId)).actions, 5);
        throw new Error("import failed later");
      }),
      /import failed later/,
    );
    assert.equal((await t.selectFrom("actions").select("id").execute()).length, 0);
    await db.transaction().execute((trx) => trackMeeting(trx, meetingId));
    assert.equal((await t.selectFrom("actions").select("id").execute()).length, 5);
  });

  it("Staffs item 33 fills the work programme with the history of each change", async () => {
    const db = await store.open();
    const { tracked } = await importFromCorpus(db, STAFFS);
    assert.equal(tracked.workProgrammeChanges, 7);
    const wp = await listWorkProgramme(db);
    const neglect = wp.find((w) => w.title.startsWith("Cabinet Response"));
    assert.equal(neglect?.plannedFor, "2017-03-06");
    assert.deepEqual(neglect?.history.map((h) => h.description), ["moved from January to 6 March"]);
    assert.equal(neglect?.history[0].meeting?.date, "2016-12-12");
    const wood = wp.find((w) => w.title === "Wood report legislation");
    assert.equal(wood?.status, "removed");
    assert.equal(wood?.plannedFor, "2017-03");
    const upcoming = await listWorkProgramme(db, { upcomingOn: "2017-01-01" });
    assert.ok(!upcoming.some((w) => w.status === "removed"));
    assert.equal(upcoming.at(-1)?.plannedFor, null);
    // Tracking the same minutes again records nothing twice.
    const again = await importFromCorpus(db, STAFFS);
    assert.equal(again.tracked.workProgrammeChanges, 0);
    assert.equal((await listWorkProgramme(db)).find((w) => w.title.startsWith("Cabinet Response"))?.history.length, 1);
  });

  it("two entries whose titles differ only where a URL cannot show it each get their own page", async () => {
    const db = await store.open();
    await importFromCorpus(db, STAFFS);
    const body = await db.selectFrom("bodies").select("id").executeTakeFirstOrThrow();
    const on = { on: "2016-12-12", meetingId: null };
    // "S.106" and "S 106" are different names but the same URL words; so are titles alike for 60 characters.
    const long = "Review of the arrangements for the scrutiny of health services across the county";
    for (const title of ["Review of S.106 funds", "Review of S 106 funds", `${long} in 2017`, `${long} in 2018`]) {
      assert.equal(await applyWorkProgrammeChange(db, body.id, { kind: "add", title, to: "2017-03" }, on), true);
    }
    const slugs = (await listWorkProgramme(db)).filter((w) => w.title.includes("S.106") || w.title.includes("S 106") || w.title.startsWith(long)).map((w) => w.slug);
    assert.equal(slugs.length, 4);
    assert.equal(new Set(slugs).size, 4, slugs.join(" "));
  });
});
