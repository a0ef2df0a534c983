// Migration 031_mail2_saved_searches rebuilds mail_subscriptions on SQLite (to widen its CHECK):
// what already refers to a subscription (an alert waiting for a digest, an outbox row's link to
// its subscription) must come through the rebuild, on both databases.
import { it } from "node:test";
import assert from "node:assert/strict";
import { sql } from "kysely";
import { openStore, type Db } from "../db.ts";
import { migrateToLatest, migrator } from "../migrate.ts";
import { mailDb } from "./schema.ts";
import { eachMailStore } from "../../../test/support/mail.ts";

const AT = "2026-03-02T09:00:00.000Z";

eachMailStore("migration 031 keeps subscriptions and what refers to them", (stores) => {
  it("alerts waiting and outbox rows keep their subscription; a search can then be followed", async () => {
    const db: Db = await openStore(await stores.newUrl(), { migrate: false });
    try {
      const r = await migrator(db).migrateTo("030_mail_outbox");
      assert.equal(r.error, undefined);
      const mdb = mailDb(db);
      const sub = await mdb.insertInto("mail_subscribers").values({ email: "ann@example.org", created_at: AT }).returning("id").executeTakeFirstOrThrow();
      const s = await mdb.insertInto("mail_subscriptions").values({ subscriber_id: sub.id, target_kind: "committee", target_id: 7, frequency: "daily", status: "active", confirm_token_hash: null, confirm_expires_at: null, created_at: AT, confirmed_at: AT, removed_at: null }).returning("id").executeTakeFirstOrThrow();
      const o = await mdb.insertInto("mail_outbox").values({ kind: "alert", to_address: "ann@example.org", subscriber_id: sub.id, subscription_id: s.id, message_id: "<m1@example.org>", link_token_hash: "h1", subject: "s", payload_json: "{}", state: "queued", due_at: AT, lease_owner: null, lease_until: null, handed_at: null, sent_at: null, last_error: null, created_at: AT }).returning("id").executeTakeFirstOrThrow();
      await mdb.insertInto("mail_alerts").values({ subscription_id: s.id, subscriber_id: sub.id, payload_json: "{}", created_at: AT, outbox_id: null }).execute();

      await migrateToLatest(db);

      assert.deepEqual(await mdb.selectFrom("mail_subscriptions").select(["id", "target_kind", "status", "frequency"]).execute(), [{ id: s.id, target_kind: "committee", status: "active", frequency: "daily" }]);
      assert.equal((await mdb.selectFrom("mail_outbox").where("id", "=", o.id).select("subscription_id").executeTakeFirstOrThrow()).subscription_id, s.id);
      assert.deepEqual((await mdb.selectFrom("mail_alerts").select("subscription_id").execute()).map((a) => a.subscription_id), [s.id]);
      const search = await mdb.insertInto("mail_searches").values({ key: "k", query: "q", filters_json: "{}", created_at: AT }).returning("id").executeTakeFirstOrThrow();
      await mdb.insertInto("mail_subscriptions").values({ subscriber_id: sub.id, target_kind: "search", target_id: search.id, frequency: "immediate", status: "pending", confirm_token_hash: null, confirm_expires_at: null, created_at: AT, confirmed_at: null, removed_at: null }).execute();
      await assert.rejects(sql`INSERT INTO mail_subscriptions (subscriber_id, target_kind, target_id, frequency, status, created_at) VALUES (${sub.id}, 'planet', 1, 'daily', 'active', ${AT})`.execute(db));
    } finally {
      await db.destroy();
    }
  });
});
