// A corrected import drops the recommendations and actions it no longer finds unless someone has
// worked on them; an item with an owner has been worked on, so it stays (sealed) with its owner and
// the updates waiting for the clerk.
import { it } from "node:test";
import assert from "node:assert/strict";
import { addUser } from "../accounts/users.ts";
import { writeTransaction } from "../write.ts";
import { listActions } from "../scrutiny/actions.ts";
import { listRecommendations } from "../scrutiny/recommendations.ts";
import { BUCKS, STAFFS, eachStore, importFromCorpus } from "../scrutiny/test-stores.ts";
import { getTrackedItem } from "./items.ts";
import { assignOwner, listPendingUpdates, submitUpdate } from "./updates.ts";

const now = new Date("2018-10-23T10:00:00Z");

eachStore("re-importing minutes keeps owned items", (store) => {
  it("a recommendation the corrected minutes no longer hold stays, sealed, with its owner and pending update; an owned action stays too", async () => {
    const db = await store.open();
    await importFromCorpus(db, BUCKS);
    await importFromCorpus(db, STAFFS);
    const clerkUser = await addUser(db, { email: "clerk@bucks.gov.uk", role: "clerk" }, now);
    const ownerUser = await addUser(db, { email: "brown@bucks.gov.uk", role: "member", displayName: "Noel Brown" }, now);
    const clerk = { userId: clerkUser.id, email: clerkUser.email, name: clerkUser.displayName };
    const owner = { userId: ownerUser.id, email: ownerUser.email, name: ownerUser.displayName };
    const rec8 = (await listRecommendations(db, "2018-10-01")).find((r) => r.number === "8")!;
    const ref = { kind: "recommendation" as const, id: rec8.id };
    await writeTransaction(db, (trx) => assignOwner(trx, ref, owner.userId, 1, clerk, now));
    await writeTransaction(db, (trx) => submitUpdate(trx, ref, { status: "on_track", text: "Guidance drafted", evidenceUrl: null }, owner, "2018-10-23", now));
    const actions = await listActions(db, "2018-10-01", { includeNonPublic: true });
    assert.ok(actions.length > 0, "the Staffordshire minutes ask for actions");
    const action = { kind: "action" as const, id: actions[0].id };
    await writeTransaction(db, (trx) => assignOwner(trx, action, owner.userId, 1, clerk, now));

    // the corrected minutes lose recommendation 8, and every resolution that asked for something
    await importFromCorpus(db, BUCKS, (r) => ({ ...r, recommendations: r.recommendations.filter((x) => x.number !== "8") }));
    await importFromCorpus(db, STAFFS, (r) => ({ ...r, items: r.items.map((i) => ({ ...i, resolutions: [] })) }));
    const kept = await getTrackedItem(db, ref);
    assert.equal(kept?.owner?.email, "brown@bucks.gov.uk");
    assert.equal(kept?.isPublic, false);
    assert.deepEqual((await listPendingUpdates(db)).map((u) => u.text), ["Guidance drafted"]);
    assert.equal((await getTrackedItem(db, action))?.owner?.email, "brown@bucks.gov.uk");
  });
});
