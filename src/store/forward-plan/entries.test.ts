// The forward plan as clerks keep it, on SQLite and PostgreSQL: the notice rule on entry, edits with
// versions, withdrawal, the link to where a decision was taken, audit entries, and the public face
// of a decision to be taken in private.
import { it } from "node:test";
import assert from "node:assert/strict";
import { readAudit } from "../audit.ts";
import { StaleVersion } from "../people/edit.ts";
import { BUCKS, eachStore, importFromCorpus, STAFFS } from "../scrutiny/test-stores.ts";
import { addKeyDecisionEntry, editKeyDecision, KeyDecisionRefused, withdrawKeyDecision, type KeyDecisionFields } from "./entries.ts";
import { getKeyDecision, keyDecisionForClerk, keyDecisionsTakenAt, listKeyDecisions } from "./read.ts";
import { linkTaken, suggestMeetings, unlinkTaken } from "./taken.ts";
import type { Db } from "../db.ts";

const CABINET = "buckinghamshire-county-council-cabinet";
const actor = { userId: null, label: "clerk@council.gov.uk" };
const now = new Date("2018-03-01T10:00:00Z");
const today = "2018-03-01";
const fields = (over: Partial<KeyDecisionFields> = {}): KeyDecisionFields => ({
  reference: "KD-2018-14",
  decision: "Direct Care and Support Services: future commissioning",
  details: "Whether to commission the in-house care services from an external provider.",
  body: CABINET,
  decisionMaker: null,
  plannedDate: "2018-04-23",
  wards: ["Aylesbury North", "Chesham"],
  consultees: "Service users and their families; staff; trade unions",
  documents: [{ title: "Cabinet report", url: "https://democracy.example.gov.uk/report.pdf" }],
  exempt: null,
  exception: null,
  ...over,
});
const refusedFields = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (err) {
    if (err instanceof KeyDecisionRefused) return err.problems.map((x) => x.field);
    throw err;
  }
  assert.fail("not refused");
};
const versionOf = async (db: Db, slug: string) => (await keyDecisionForClerk(db, slug))!.version;

eachStore("the forward plan kept by clerks", (store) => {
  it("a key decision is added with everything a notice sets out, with its audit entry", async () => {
    const db = await store.open();
    await importFromCorpus(db, BUCKS);
    const slug = await addKeyDecisionEntry(db, { fields: fields(), actor, now, today });
    assert.equal(slug, "buckinghamshire-county-council-kd-2018-14");
    const [d] = await listKeyDecisions(db, { from: today });
    assert.deepEqual([d.reference, d.decisionMaker, d.body?.slug, d.plannedDate, d.firstPublished, d.notice.status, d.wards, d.documents.length, d.version], ["KD-2018-14", "Cabinet", CABINET, "2018-04-23", today, "met", ["Aylesbury North", "Chesham"], 1, 1]);
    const audit = await readAudit(db, { recordKind: "key_decision" });
    assert.deepEqual(audit.entries.map((e) => [e.action, e.recordId, e.actorLabel]), [["key_decision.add", slug, "clerk@council.gov.uk"]]);
    assert.equal((audit.entries[0].after as { planned_date: string }).planned_date, "2018-04-23");
    // the same reference again is refused, and nothing is added
    assert.deepEqual(await refusedFields(addKeyDecisionEntry(db, { fields: fields(), actor, now, today })), ["reference"]);
    assert.equal((await listKeyDecisions(db)).length, 1);
    // an officer's decision names the officer; without a committee or a name it is refused
    await addKeyDecisionEntry(db, { fields: fields({ reference: null, body: null, decisionMaker: "Director of Adult Social Care", decision: "Care fees uplift" }), actor, now, today });
    assert.deepEqual(await refusedFields(addKeyDecisionEntry(db, { fields: fields({ reference: "KD-X", body: null }), actor, now, today })), ["decisionMaker"]);
    assert.deepEqual((await listKeyDecisions(db, { maker: "Director of Adult Social Care" })).map((x) => x.decision), ["Care fees uplift"]);
    assert.deepEqual((await listKeyDecisions(db, { month: "2018-04" })).length, 2);
    assert.deepEqual((await listKeyDecisions(db, { month: "2018-05" })).length, 0);
  });

  it("short notice is refused on entry until an exception is recorded, and the exception is kept with its notice day", async () => {
    const db = await store.open();
    await importFromCorpus(db, BUCKS);
    const short = fields({ plannedDate: "2018-03-20" });
    assert.deepEqual(await refusedFields(addKeyDecisionEntry(db, { fields: short, actor, now, today })), ["exception"]);
    assert.equal((await readAudit(db, { recordKind: "key_decision" })).total, 0);
    // general exception: 5 clear days after notice, so 7 March is too soon
    const general = { kind: "general_exception" as const, reason: "The grant offer arrived on 28 February", chair: "Cllr Ann Scrutiny", on: "2018-03-01" };
    assert.deepEqual(await refusedFields(addKeyDecisionEntry(db, { fields: fields({ plannedDate: "2018-03-06", exception: general }), actor, now, today })), ["plannedDate"]);
    const slug = await addKeyDecisionEntry(db, { fields: { ...short, exception: general }, actor, now, today });
    let d = (await getKeyDecision(db, slug))!;
    assert.equal(d.notice.status, "exception");
    assert.deepEqual(d.exception, { ...general, noticeOn: today });
    // a later edit keeps the day notice was given under the exception
    await editKeyDecision(db, { slug, version: d.version, fields: { ...short, plannedDate: "2018-03-22", exception: general }, actor, now: new Date("2018-03-05T10:00:00Z"), today: "2018-03-05" });
    d = (await getKeyDecision(db, slug))!;
    assert.equal(d.exception?.noticeOn, today);
    // moved to a date with full notice, the exception is no longer needed and goes
    await editKeyDecision(db, { slug, version: d.version, fields: { ...short, plannedDate: "2018-04-23", exception: general }, actor, now, today: "2018-03-05" });
    d = (await getKeyDecision(db, slug))!;
    assert.deepEqual([d.notice.status, d.exception], ["met", null]);
    // special urgency needs no waiting period
    const urgent = { kind: "special_urgency" as const, reason: "The contractor has ceased trading", chair: "Cllr Ann Scrutiny", on: "2018-03-01" };
    const u = await addKeyDecisionEntry(db, { fields: fields({ reference: "KD-U", plannedDate: "2018-03-02", exception: urgent }), actor, now, today });
    assert.equal((await getKeyDecision(db, u))!.exception?.kind, "special_urgency");
  });

  it("an edit on a stale version is refused and changes nothing; edits and withdrawals are audited", async () => {
    const db = await store.open();
    await importFromCorpus(db, BUCKS);
    const slug = await addKeyDecisionEntry(db, { fields: fields(), actor, now, today });
    await editKeyDecision(db, { slug, version: 1, fields: fields({ plannedDate: "2018-05-21" }), actor, now, today });
    await assert.rejects(editKeyDecision(db, { slug, version: 1, fields: fields({ plannedDate: "2018-06-18" }), actor, now, today }), StaleVersion);
    assert.equal((await getKeyDecision(db, slug))!.plannedDate, "2018-05-21");
    assert.deepEqual(await refusedFields(withdrawKeyDecision(db, { slug, version: 2, reason: " ", actor, now, today })), ["withdrawReason"]);
    await withdrawKeyDecision(db, { slug, version: 2, reason: "The service will stay in house", actor, now, today });
    assert.deepEqual(await listKeyDecisions(db), []);
    const [w] = await listKeyDecisions(db, { withdrawn: true });
    assert.deepEqual(w.withdrawn, { on: today, reason: "The service will stay in house" });
    await assert.rejects(editKeyDecision(db, { slug, version: 3, fields: fields(), actor, now, today }), /withdrawn/);
    const audit = await readAudit(db, { recordKind: "key_decision", recordId: slug });
    assert.deepEqual(audit.entries.map((e) => e.action), ["key_decision.withdraw", "key_decision.edit", "key_decision.add"]);
    assert.deepEqual([audit.entries[1].before, audit.entries[1].after], [{ planned_date: "2018-04-23" }, { planned_date: "2018-05-21" }]);
  });

  it("a decision to be taken in private shows the public only that it is planned, the paragraph and why", async () => {
    const db = await store.open();
    const { meetingId } = await importFromCorpus(db, BUCKS);
    const slug = await addKeyDecisionEntry(db, {
      fields: fields({ reference: "KD-P", decision: "Award of the home care contract", details: "Tender prices from Acme Care Ltd", documents: [{ title: "Tender evaluation", url: "https://example.gov.uk/tender.pdf" }], exempt: { paragraphs: "3", reason: "Commercially sensitive tender prices" } }),
      actor,
      now,
      today,
    });
    const pub = (await getKeyDecision(db, slug))!;
    assert.deepEqual([pub.decision, pub.exempt, pub.withheld, pub.details, pub.documents], ["Award of the home care contract", { paragraphs: "3", reason: "Commercially sensitive tender prices" }, true, null, []]);
    const clerk = { kind: "staff" as const, userId: 1, role: "clerk" as const, bodies: "all" as const, today: null };
    const staff = (await getKeyDecision(db, slug, clerk))!;
    assert.deepEqual([staff.withheld, staff.notForPublication, staff.details, staff.documents.length], [false, true, "Tender prices from Acme Care Ltd", 1]);
    const member = { kind: "staff" as const, userId: 2, role: "member" as const, bodies: new Set<number>(), today: null };
    assert.equal((await getKeyDecision(db, slug, member))!.details, null);
    // the paragraph must be one of Schedule 12A's, and the reason given
    assert.deepEqual(await refusedFields(addKeyDecisionEntry(db, { fields: fields({ reference: "KD-Q", exempt: { paragraphs: "9", reason: "" } }), actor, now, today })), ["exemptParagraphs", "exemptReason"]);
    assert.ok(meetingId);
  });

  it("when taken, a decision links to its meeting and resolution, suggested from its committee and date, and back", async () => {
    const db = await store.open();
    const { meetingSlug } = await importFromCorpus(db, BUCKS);
    const slug = await addKeyDecisionEntry(db, { fields: fields({ plannedDate: "2018-04" }), actor, now, today });
    const suggested = await suggestMeetings(db, slug);
    assert.deepEqual(suggested.map((m) => m.slug), [meetingSlug]);
    const item10 = suggested[0].items.find((i) => i.number === "10")!;
    assert.match(item10.resolutions[0].text, /Direct Care|RESOLVED|That/i);
    await assert.rejects(linkTaken(db, { slug, version: 1, meeting: meetingSlug, itemNumber: "10", resolutionPosition: 4, actor, now }), KeyDecisionRefused);
    await linkTaken(db, { slug, version: 1, meeting: meetingSlug, itemNumber: "10", resolutionPosition: 1, actor, now });
    const d = (await getKeyDecision(db, slug))!;
    assert.deepEqual([d.taken?.meeting.slug, d.taken?.item?.number, d.taken?.resolution?.text], [meetingSlug, "10", item10.resolutions[0].text]);
    assert.deepEqual((await keyDecisionsTakenAt(db, meetingSlug)).map((k) => k.slug), [slug]);
    // a decision of another committee is not suggested a meeting it could not have been taken at
    const officer = await addKeyDecisionEntry(db, { fields: fields({ reference: "KD-O", body: null, decisionMaker: "Director of Finance" }), actor, now, today });
    assert.deepEqual(await suggestMeetings(db, officer), []);
    await unlinkTaken(db, { slug, version: 2, actor, now });
    assert.equal((await getKeyDecision(db, slug))!.taken, null);
    assert.deepEqual((await readAudit(db, { recordKind: "key_decision", recordId: slug })).entries.map((e) => e.action), ["key_decision.untaken", "key_decision.taken", "key_decision.add"]);
  });

  it("taken in an exempt item, the public see the meeting and the item's title, never the resolution", async () => {
    const db = await store.open();
    const { meetingSlug } = await importFromCorpus(db, STAFFS);
    const body = (await db.selectFrom("bodies").select("slug").executeTakeFirstOrThrow()).slug;
    const slug = await addKeyDecisionEntry(db, { fields: fields({ body, reference: "KD-HR", plannedDate: "2016-12-12", exempt: { paragraphs: "1", reason: "Information about an individual" } }), actor, now: new Date("2016-11-01T10:00:00Z"), today: "2016-11-01" });
    await linkTaken(db, { slug, version: 1, meeting: meetingSlug, itemNumber: "35", resolutionPosition: 1, actor, now });
    const pub = (await getKeyDecision(db, slug))!;
    assert.deepEqual([pub.taken?.item?.title, pub.taken?.withheld, pub.taken?.resolution], ["Confidential HR Matter", true, null]);
    const clerk = { kind: "staff" as const, userId: 1, role: "clerk" as const, bodies: "all" as const, today: null };
    assert.match((await getKeyDecision(db, slug, clerk))!.taken?.resolution?.text ?? "", /briefing note be received/);
  });
});
