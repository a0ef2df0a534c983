// An owner's update accepted on a recommendation sealed with exempt item 35, and a deadline
// extension granted on it, appear on no public page, API route or CSV, on either database; the
// same writes on a public Bucks recommendation do appear, so the crawl would see a leak.
import { after, describe, test } from "node:test";
import assert from "node:assert/strict";
import { join, resolve } from "node:path";
import { GOLDEN_DEV, parsedDb, stopPostgres } from "../../../test/support/portal-db.ts";
import { postgresUnavailable } from "../../../test/support/postgres.ts";
import { calendarWithin, crawl } from "../../../test/support/crawl.ts";
import type { Db } from "../../store/db.ts";
import { addUser } from "../../store/accounts/users.ts";
import { writeTransaction } from "../../store/write.ts";
import { ownersDb } from "../../store/owners/schema.ts";
import { acceptUpdate, assignOwner, extendDeadline, submitUpdate, type Actor } from "../../store/owners/updates.ts";
import { createApp } from "../app.ts";

const V2_EXEMPT = resolve(import.meta.dirname, "../../../test/fixtures/exempt/staffs-2016-12-12-v2-item-35-exempt.txt");
const BUCKS = join(GOLDEN_DEV, "bucks-cabinet-2018-04-23.txt");
const MEETING = "safe-and-strong-communities-select-committee-2016-12-12";
const NOW = new Date("2018-10-23T10:00:00Z");

const words = (s: string) => s.toLowerCase().replace(/&[a-z]+;|&#\d+;/g, " ").replace(/<[^>]+>/g, " ").replace(/[^a-z0-9]+/g, " ").trim();

async function ownAndUpdate(db: Db, recId: number, clerk: Actor, owner: Actor, text: string, reason: string) {
  const ref = { kind: "recommendation" as const, id: recId };
  await writeTransaction(db, (trx) => assignOwner(trx, ref, owner.userId, 1, clerk, NOW));
  const id = await writeTransaction(db, (trx) => submitUpdate(trx, ref, { status: "on_track", text, evidenceUrl: null }, owner, "2018-10-23", NOW));
  await writeTransaction(db, (trx) => acceptUpdate(trx, id, 2, clerk, NOW));
  await writeTransaction(db, (trx) => extendDeadline(trx, ref, { due: "2020-12-31", reason }, 3, clerk, "2018-10-23", NOW));
}

for (const dialect of ["sqlite", "postgres"] as const) {
  const skip = dialect === "postgres" ? (postgresUnavailable() ?? false) : false;
  describe(`owners' updates on a sealed recommendation, on ${dialect}`, { skip }, () => {
    after(() => stopPostgres());

    test("an accepted update and an extension on exempt business reach no public surface", async () => {
      const t = await parsedDb([V2_EXEMPT, BUCKS], dialect);
      try {
        const o = ownersDb(t.db);
        const sealed = await o
          .selectFrom("tracked_recommendations as r")
          .innerJoin("inquiries as i", "i.id", "r.inquiry_id")
          .where("i.slug", "like", `${MEETING}%`)
          .select("r.id")
          .orderBy("r.position")
          .executeTakeFirstOrThrow();
        const open = await o
          .selectFrom("tracked_recommendations as r")
          .innerJoin("inquiries as i", "i.id", "r.inquiry_id")
          .where("i.slug", "not like", `${MEETING}%`)
          .select("r.id")
          .orderBy("r.position")
          .executeTakeFirstOrThrow();
        const clerkUser = await addUser(t.db, { email: "clerk@staffs.gov.uk", role: "clerk", displayName: "Colin Clerk" }, NOW);
        const ownerUser = await addUser(t.db, { email: "owner@staffs.gov.uk", role: "member", displayName: "Olive Owner" }, NOW);
        const clerk = { userId: clerkUser.id, email: clerkUser.email, name: clerkUser.displayName };
        const owner = { userId: ownerUser.id, email: ownerUser.email, name: ownerUser.displayName };
        await ownAndUpdate(t.db, sealed.id, clerk, owner, "Union talks resumed on the sealed matter", "Sealed reason for more time");
        await ownAndUpdate(t.db, open.id, clerk, owner, "Statement drafted for the public recommendation", "Public reason for more time");

        const app = createApp({ db: t.db, now: () => NOW });
        const starts = ["/", "/api/v1", "/recommendations", "/recommendations.csv", "/api/v1/recommendations", "/actions", "/api/v1/actions", "/search?q=union", "/api/v1/search?q=union"];
        const pages = [...(await crawl(app, starts, { follow: calendarWithin("2016-12", "2018-04") })).values()];
        const all = pages.map((v) => words(v.body)).join(" ");
        assert.ok(all.includes(words("Statement drafted for the public recommendation")), "the public update is shown");
        assert.ok(all.includes(words("Public reason for more time")), "the public extension is shown");
        const leaks = pages.filter((v) => /union talks resumed on the sealed matter|sealed reason for more time/.test(words(v.body))).map((v) => v.url);
        assert.deepEqual(leaks, []);
      } finally {
        await t.close();
      }
    });
  });
}
