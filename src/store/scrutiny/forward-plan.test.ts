import { it } from "node:test";
import assert from "node:assert/strict";
import { QuorumError } from "../../domain/errors.ts";
import { BUCKS, eachStore, importFromCorpus } from "./test-stores.ts";
import { addKeyDecision, listForwardPlan } from "./forward-plan.ts";

eachStore("forward plan", (store) => {
  it("key decisions are listed in date order with the 28-day notice checked", async () => {
    const db = await store.open();
    await importFromCorpus(db, BUCKS);
    const authority = "buckinghamshire-county-council";
    await addKeyDecision(db, {
      authority,
      body: "buckinghamshire-county-council-cabinet",
      reference: "KD-2018-14",
      decision: "Direct Care and Support Services: future commissioning",
      decisionMaker: "Cabinet",
      plannedDate: "2018-04-23",
      firstPublished: "2018-03-20",
      private: null,
      exception: null,
    });
    await addKeyDecision(db, {
      authority,
      reference: "KD-2018-15",
      decision: "Award of home care contract",
      decisionMaker: "Cabinet Member for Health and Wellbeing",
      plannedDate: "2018-05",
      firstPublished: "2018-04-10",
      private: { reason: "Commercially sensitive tender prices", paragraphs: "3" },
      exception: null,
    });
    await addKeyDecision(db, {
      authority,
      reference: "KD-2018-16",
      decision: "Emergency repairs to Aylesbury bridge",
      decisionMaker: "Cabinet Member for Transportation",
      plannedDate: "2018-04-30",
      firstPublished: "2018-04-20",
      private: null,
      exception: "special_urgency",
    });
    const plan = await listForwardPlan(db, { authority });
    assert.deepEqual(plan.map((p) => [p.reference, p.notice.status]), [
      ["KD-2018-14", "met"],
      ["KD-2018-16", "exception"],
      ["KD-2018-15", "depends_on_date"],
    ]);
    assert.equal(plan[0].body?.name, "Cabinet");
    assert.equal(plan[2].private?.paragraphs, "3");
    assert.equal(plan[2].notice.earliestDate, "2018-05-09");
    // Re-entering a reference updates it rather than adding another.
    const { slug: _s, notice: _n, body: _b, authority: _a, ...entry } = plan[2];
    await addKeyDecision(db, { ...entry, authority, plannedDate: "2018-06-04" });
    const again = await listForwardPlan(db, { authority, from: "2018-05-01" });
    assert.deepEqual(again.map((p) => [p.reference, p.plannedDate, p.notice.status]), [["KD-2018-15", "2018-06-04", "met"]]);
  });

  it("a month-only plan stays listed until its month ends; bad dates are refused", async () => {
    const db = await store.open();
    await importFromCorpus(db, BUCKS);
    const authority = "buckinghamshire-county-council";
    await addKeyDecision(db, { authority, reference: "KD-1", decision: "Budget", decisionMaker: "Council", plannedDate: "2018-05", firstPublished: "2018-03-01", private: null, exception: null });
    assert.equal((await listForwardPlan(db, { from: "2018-05-20" })).length, 1);
    assert.equal((await listForwardPlan(db, { from: "2018-06-01" })).length, 0);
    await assert.rejects(
      addKeyDecision(db, { authority, reference: "KD-2", decision: "x", decisionMaker: "Council", plannedDate: "next spring", firstPublished: "2018-03-01", private: null, exception: null }),
      QuorumError,
    );
  });
});
