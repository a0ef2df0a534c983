// Migration 034_wards_follow widens mail_subscriptions' CHECK to allow following a ward (a rebuild
// on SQLite): subscriptions, what refers to them (an alert waiting for a digest, an outbox row's
// link) and the table's index must come through, on both databases.
import { it } from "node:test";
import assert from "node:assert/strict";
import { sql } from "kysely";
import { openStore, dialectOf, type Db } from "../db.ts";
import { migrateToLatest, migrator } from "../migrate.ts";
import { mailDb } from "./schema.ts";
import { eachMailStore } from "../../../test/support/mail.ts";

const AT = "2026-03-02T09:00:00.000Z";

eachMailStore("migration 034 lets a ward be followed and keeps what was there", (stores) => {
  it("subscriptions, alerts waiting and outbox links survive; a ward can then be followed, an unknown kind cannot", async () => {
    const db: Db = await openStore(await stores.newUrl(), { migrate: false });
    try {
      const r = await migrator(db).migrateTo("032_opendata2_membership_stamps");
      assert.equal(r.error, undefined);
      const mdb = mailDb(db);
      const sub = await mdb.insertInto("mail_subscribers").values({ email: "ann@example.org", created_at: AT }).returning("id").executeTakeFirstOrThrow();
      const s = await mdb.insertInto("mail_subscriptions").values({ subscriber_id: sub.id, target_kind: "person", target_id: 7, frequency: "daily", status: "active", confirm_token_hash: "c1", confirm_expires_at: null, created_at: AT, confirmed_at: AT, removed_at: null }).returning("id").executeTakeFirstOrThrow();
      const o = await mdb.insertInto("mail_outbox").values({ kind: "alert", to_address: "ann@example.org", subscriber_id: sub.id, subscription_id: s.id, message_id: "<m1@example.org>", link_token_hash: "h1", subject: "s", payload_json: "{}", state: "queued", due_at: AT, lease_owner: null, lease_until: null, handed_at: null, sent_at: null, last_error: null, created_at: AT }).returning("id").executeTakeFirstOrThrow();
      await mdb.insertInto("mail_alerts").values({ subscription_id: s.id, subscriber_id: sub.id, payload_json: "{}", created_at: AT, outbox_id: null }).execute();

      await migrateToLatest(db);

      assert.deepEqual(await mdb.selectFrom("mail_subscriptions").select(["id", "target_kind", "status", "frequency", "confirm_token_hash"]).execute(), [{ id: s.id, target_kind: "person", status: "active", frequency: "daily", confirm_token_hash: "c1" }]);
      assert.equal((await mdb.selectFrom("mail_outbox").where("id", "=", o.id).select("subscription_id").executeTakeFirstOrThrow()).subscription_id, s.id);
      assert.deepEqual((await mdb.selectFrom("mail_alerts").select("subscription_id").execute()).map((a) => a.subscription_id), [s.id]);
      const authority = await db.insertInto("authorities").values({ slug: "northbrook", name: "Northbrook" }).returning("id").executeTakeFirstOrThrow();
      const ward = await mdb.insertInto("mail_wards").values({ authority_id: authority.id, slug: "abbey", name: "Abbey", created_at: AT }).returning("id").executeTakeFirstOrThrow();
      await mdb.insertInto("mail_subscriptions").values({ subscriber_id: sub.id, target_kind: "ward", target_id: ward.id, frequency: "immediate", status: "pending", confirm_token_hash: null, confirm_expires_at: null, created_at: AT, confirmed_at: null, removed_at: null }).execute();
      await assert.rejects(mdb.insertInto("mail_wards").values({ authority_id: authority.id, slug: "abbey", name: "Abbey Ward", created_at: AT }).execute(), "one row per ward of a council");
      await assert.rejects(sql`INSERT INTO mail_subscriptions (subscriber_id, target_kind, target_id, frequency, status, created_at) VALUES (${sub.id}, 'planet', 1, 'daily', 'active', ${AT})`.execute(db));
      // the same address cannot follow the same thing twice
      await assert.rejects(mdb.insertInto("mail_subscriptions").values({ subscriber_id: sub.id, target_kind: "ward", target_id: ward.id, frequency: "daily", status: "pending", confirm_token_hash: null, confirm_expires_at: null, created_at: AT, confirmed_at: null, removed_at: null }).execute());
      if (dialectOf(db) === "sqlite") {
        const idx = await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'mail_subscriptions' AND sql IS NOT NULL`.execute(db);
        assert.deepEqual(idx.rows.map((x) => x.name), ["mail_subscriptions_target"]);
      }
    } finally {
      await db.destroy();
    }
  });
});
