import { it } from "node:test";
import assert from "node:assert/strict";
import { QuorumError } from "../../domain/errors.ts";
import { STAFFS, eachStore, importFromCorpus } from "./test-stores.ts";
import { createInquiry, getInquiry, listRecommendations, setInquiryDates, setMonitoringSchedule } from "./recommendations.ts";
import { respondToRecommendation } from "./record.ts";

eachStore("inquiries entered by hand", (store) => {
  it("an unanswered report is awaiting response, then overdue after two months; a response starts the schedule", async () => {
    const db = await store.open();
    await importFromCorpus(db, STAFFS);
    const authority = (await db.selectFrom("authorities").select("slug").executeTakeFirstOrThrow()).slug;
    const slug = await createInquiry(db, {
      authority,
      title: "Modern slavery: partnership response",
      committee: "Safe & Strong Communities Select Committee",
      chair: "John Francis",
      reportDate: "2016-12-12",
      recommendations: [
        { number: "1", text: "That modern slavery training be mandatory for all elected members." },
        { number: "2", text: "That a quarterly data report be shared with the Select Committee." },
      ],
    });
    const before = await listRecommendations(db, "2017-02-11", { inquiry: slug });
    assert.deepEqual(before.map((r) => [r.status, r.overdue]), [["awaiting_response", []], ["awaiting_response", []]]);
    // Two months beginning with 12 December end on 11 February.
    assert.equal(before[0].inquiry.responseDue, "2017-02-11");
    const late = await listRecommendations(db, "2017-02-12", { inquiry: slug, overdue: true });
    assert.deepEqual(late.map((r) => r.overdue), [["response"], ["response"]]);
    // The committee is matched to the stored body although spelt with "&".
    assert.equal(before[0].inquiry.committeeBody?.name, "Safe and Strong Communities Select Committee");

    await respondToRecommendation(db, before[0].id, { response: "no", text: "Training stays voluntary", responsibleMember: null, responsibleOfficer: null, actionBy: null, respondedOn: "2017-02-20" });
    await respondToRecommendation(db, before[1].id, { response: "yes", text: null, responsibleMember: "Mark Sutton", responsibleOfficer: null, actionBy: "2017-06", respondedOn: "2017-02-20" });
    await setMonitoringSchedule(db, slug, [3, 6]);
    const after = await listRecommendations(db, "2017-03-01", { inquiry: slug });
    assert.deepEqual(after.map((r) => [r.status, r.nextUpdateDue, r.overdue]), [
      ["rejected", null, []],
      ["accepted", "2017-05-20", []],
    ]);
    const detail = await getInquiry(db, slug, "2017-03-01");
    assert.equal(detail?.summary.open, 1);
    assert.deepEqual(detail?.monitoringMonths, [3, 6]);
    // Received later than written: the response was in time after all.
    await setInquiryDates(db, slug, { receivedOn: "2017-01-05" });
    assert.equal((await getInquiry(db, slug, "2017-03-01"))?.responseDue, "2017-03-04");

    await assert.rejects(respondToRecommendation(db, before[1].id, { response: "maybe" as never, text: null, responsibleMember: null, responsibleOfficer: null, actionBy: null, respondedOn: null }), QuorumError);
    await assert.rejects(createInquiry(db, { authority, title: "Modern slavery: partnership response", committee: null, reportDate: "2016-12-12", recommendations: [] }), QuorumError);
  });
});
