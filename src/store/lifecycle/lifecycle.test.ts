// The minutes lifecycle in the store, on SQLite and PostgreSQL: imports map draft headers to
// published drafts, a later meeting's "Adoption of Minutes" item is offered as the approval, and
// publishing, approving and correcting write what they should, with their audit entries.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { parsedDb, stopPostgres, type TestDb } from "../../../test/support/portal-db.ts";
import { postgresUnavailable } from "../../../test/support/postgres.ts";
import { importChanged, NEWCASTLE_NOV, NEWCASTLE_OCT, slugOf, WEST_DEREHAM } from "../../../test/support/lifecycle.ts";
import { addUser, type User } from "../accounts/users.ts";
import { readAudit } from "../audit.ts";
import { getMeeting, listMeetings, search } from "../read/index.ts";
import { approveMinutes, publishDraftMinutes, recordMinutesCorrection } from "./minutes.ts";
import { getApprovedVersion, readMinutesLifecycle } from "./read.ts";
import { approvalSuggestions } from "./suggest.ts";

const PG_SKIP = postgresUnavailable();
after(() => stopPostgres());

for (const dialect of ["sqlite", "postgres"] as const) {
  describe(`minutes lifecycle on ${dialect}`, { skip: dialect === "postgres" && PG_SKIP ? PG_SKIP : false }, () => {
    let t: TestDb;
    let clerk: User;
    const at = new Date("2026-03-02T10:00:00Z");
    before(async () => {
      t = await parsedDb([NEWCASTLE_OCT, NEWCASTLE_NOV, WEST_DEREHAM], dialect);
      clerk = await addUser(t.db, { email: "clerk@council.gov.uk", role: "clerk" }, at);
    });
    after(() => t?.close());
    const actor = () => ({ userId: clerk.id, label: clerk.email });

    test("minutes headed DRAFT MINUTES are imported as a published draft; unmarked minutes as the final record", async () => {
      const all = (await listMeetings(t.db)).data;
      const dereham = all.find((m) => m.date === "2016-10-04" || /dereham/.test(m.slug));
      assert.ok(dereham, all.map((m) => m.slug).join(", "));
      assert.equal(dereham.minutesStatus, "published");
      assert.equal(dereham.minutesDraft, true);
      for (const date of ["2016-10-05", "2016-11-09"]) {
        const m = all.find((x) => x.date === date)!;
        assert.equal(m.minutesStatus, "published");
        assert.equal(m.minutesDraft, false, date);
        assert.equal(m.minutesApprovedOn, null);
      }
    });

    test("the November meeting's 'Adoption of Minutes' item is offered as the approval of the October minutes", async () => {
      const oct = await slugOf(t.db, "2016-10-05");
      const nov = await slugOf(t.db, "2016-11-09");
      const offered = await approvalSuggestions(t.db, { meetingId: oct.id });
      assert.deepEqual(
        offered.map((s) => [s.approvedAt.slug, s.item.number, s.item.title, s.basis]),
        [[nov.slug, "1", "Adoption of Minutes", "date"]],
      );
      // and in the list of all minutes awaiting approval
      const awaiting = await approvalSuggestions(t.db, { awaitingOnly: true });
      assert.ok(awaiting.some((s) => s.meeting.slug === oct.slug && s.approvedAt.slug === nov.slug));
      // nothing approves the November minutes
      assert.deepEqual(await approvalSuggestions(t.db, { meetingId: nov.id }), []);
    });

    test("publishing draft minutes makes them public and searchable, labelled a draft, with an audit entry", async () => {
      const dereham = (await listMeetings(t.db)).data.find((m) => m.minutesDraft)!;
      await t.db.updateTable("meetings").set({ minutes_status: "draft", minutes_draft: 0 }).where("slug", "=", dereham.slug).execute();
      const { reindexMeeting } = await import("../search.ts");
      await reindexMeeting(t.db, dereham.id);
      assert.equal(await getMeeting(t.db, dereham.slug), null);
      const before = (await search(t.db, "Dereham")).total;

      await publishDraftMinutes(t.db, dereham.slug, actor(), at);
      const m = await getMeeting(t.db, dereham.slug);
      assert.equal(m?.minutesStatus, "published");
      assert.equal(m?.minutesDraft, true);
      assert.ok((await search(t.db, "Dereham")).total > before, "indexed once public");
      const audit = (await readAudit(t.db, { recordKind: "meeting", recordId: dereham.slug })).entries.filter((e) => !e.action.startsWith("import."));
      assert.deepEqual(
        audit.map((e) => [e.action, e.actorLabel, e.before, e.after]),
        [["minutes.publish", "clerk@council.gov.uk", { minutesStatus: "draft" }, { minutesStatus: "published", minutesDraft: true }]],
      );
      await assert.rejects(publishDraftMinutes(t.db, dereham.slug, actor(), at), /already published/);
    });

    test("approval links the later meeting and its item, keeps a snapshot, and refuses a second approval or an earlier meeting", async () => {
      const oct = await slugOf(t.db, "2016-10-05");
      const nov = await slugOf(t.db, "2016-11-09");
      await assert.rejects(approveMinutes(t.db, { slug: nov.slug, approvingSlug: oct.slug }, actor(), at), /later meeting/);
      await assert.rejects(approveMinutes(t.db, { slug: oct.slug, approvingSlug: nov.slug, itemNumber: "99" }, actor(), at), /no item 99/);
      assert.equal((await getMeeting(t.db, oct.slug))?.minutesStatus, "published", "a refused approval changes nothing");

      await approveMinutes(t.db, { slug: oct.slug, approvingSlug: nov.slug, itemNumber: "1" }, actor(), at);
      const life = await readMinutesLifecycle(t.db, oct.id);
      assert.equal(life?.status, "approved");
      assert.deepEqual(life?.approval?.meeting, { slug: nov.slug, date: "2016-11-09", bodyName: "Municipal District of Newcastle West" });
      assert.deepEqual(life?.approval?.item, { number: "1", title: "Adoption of Minutes" });
      assert.equal(life?.approval?.approvedOn, "2016-11-09");
      const summary = (await listMeetings(t.db)).data.find((m) => m.slug === oct.slug)!;
      assert.equal(summary.minutesApprovedOn, "2016-11-09");
      const audit = (await readAudit(t.db, { recordKind: "meeting", recordId: oct.slug })).entries.filter((e) => !e.action.startsWith("import."));
      assert.deepEqual(audit[0].before, { minutesStatus: "published", minutesDraft: false });
      assert.deepEqual(audit[0].after, { minutesStatus: "approved", approvedOn: "2016-11-09", approvedAt: nov.slug, item: "1" });
      await assert.rejects(approveMinutes(t.db, { slug: oct.slug, approvingSlug: nov.slug }, actor(), at), /already approved/);
      // once approved it is no longer offered
      assert.ok(!(await approvalSuggestions(t.db, { awaitingOnly: true })).some((s) => s.meeting.slug === oct.slug));
    });

    test("until approval, a re-import follows the document: minutes re-published without their draft heading are the final record", async () => {
      const dereham = (await listMeetings(t.db)).data.find((m) => /dereham/.test(m.slug))!;
      assert.equal(dereham.minutesDraft, true);
      await importChanged(t.db, WEST_DEREHAM, (text) => text.replace("DRAFT MINUTES OF", "MINUTES OF"));
      const after = (await listMeetings(t.db)).data.find((m) => m.slug === dereham.slug)!;
      assert.equal(after.minutesStatus, "published");
      assert.equal(after.minutesDraft, false);
    });

    test("after a correction the approved text stays retrievable, and the correction is recorded with its reason", async () => {
      const oct = await slugOf(t.db, "2016-10-05");
      await assert.rejects(recordMinutesCorrection(t.db, { slug: oct.slug, correctedOn: "2016-11-20", reason: "  " }, actor(), at), /reason/);
      await importChanged(t.db, NEWCASTLE_OCT, (text) => text.replace("Templegreen", "Temple Green"));
      await recordMinutesCorrection(t.db, { slug: oct.slug, correctedOn: "2016-11-20", reason: "The estate's name was misspelt." }, actor(), at);

      const live = await getMeeting(t.db, oct.slug);
      const liveText = JSON.stringify(live?.items);
      assert.match(liveText, /Temple Green/);
      assert.doesNotMatch(liveText, /Templegreen/);
      const approved = await getApprovedVersion(t.db, oct.slug);
      const approvedText = JSON.stringify(approved?.snapshot.items);
      assert.match(approvedText, /Templegreen/);
      assert.doesNotMatch(approvedText, /Temple Green/);
      assert.deepEqual(approved?.lifecycle.corrections, [{ correctedOn: "2016-11-20", reason: "The estate's name was misspelt." }]);
      assert.equal(live?.minutesStatus, "approved", "a re-import does not undo the approval");
      assert.equal(live?.minutesCorrectedOn, "2016-11-20");
      const audit = (await readAudit(t.db, { recordKind: "meeting", recordId: oct.slug })).entries.filter((e) => !e.action.startsWith("import."));
      assert.deepEqual(audit[0].after, { correctedOn: "2016-11-20", reason: "The estate's name was misspelt." });
    });
  });
}
