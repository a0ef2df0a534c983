// Owners' updates through the site, on SQLite and PostgreSQL: who may open each page and send each
// form (owner, another member, an officer, a clerk, an admin, the signed-out), that a refused write
// changes nothing, stale forms answering 409 with the other change, and what the public tracker,
// API and CSV show: accepted updates and extensions, never pending ones.
import { before, it } from "node:test";
import assert from "node:assert/strict";
import type { Hono } from "hono";
import { createApp } from "../app.ts";
import type { Db } from "../../store/db.ts";
import { addUser, setPasswordHash, type User } from "../../store/accounts/users.ts";
import { hashPassword } from "../auth/password.ts";
import { listRecommendations } from "../../store/scrutiny/recommendations.ts";
import { BUCKS, eachStore, importFromCorpus } from "../../store/scrutiny/test-stores.ts";
import { ownersDb } from "../../store/owners/schema.ts";
import { readAudit } from "../../store/audit.ts";
import { client, PASSWORD, signInAs, type Client } from "../../../test/support/accounts.ts";

const NOW = new Date("2018-10-23T10:00:00Z");
let hash: string;
before(async () => {
  hash = await hashPassword(PASSWORD);
});

const ROLES = ["owner", "other", "officer", "clerk", "admin", "signedOut"] as const;
type Who = (typeof ROLES)[number];

interface Site {
  db: Db;
  app: Hono;
  users: Record<Exclude<Who, "signedOut">, User>;
  recId: number;
  as(who: Who): Promise<Client & { csrf: string }>;
}

async function site(db: Db): Promise<Site> {
  await importFromCorpus(db, BUCKS);
  const add = async (email: string, role: string, displayName: string) => {
    const u = await addUser(db, { email, role, displayName }, NOW);
    await setPasswordHash(db, u.id, hash, NOW);
    return u;
  };
  const users = {
    owner: await add("hazell@bucks.gov.uk", "member", "Lin Hazell"),
    other: await add("brown@bucks.gov.uk", "member", "Noel Brown"),
    officer: await add("hawkes@bucks.gov.uk", "officer", "Claire Hawkes"),
    clerk: await add("clerk@bucks.gov.uk", "clerk", "Colin Clerk"),
    admin: await add("admin@bucks.gov.uk", "admin", "Ada Admin"),
  };
  const recId = (await listRecommendations(db, "2018-10-01")).find((r) => r.number === "2")!.id;
  const app = createApp({ db, now: () => NOW });
  // one signed-in browser per person for the whole suite: signing in hashes a password each time
  const signedIn = new Map<Who, Client & { csrf: string }>();
  return {
    db,
    app,
    users,
    recId,
    async as(who) {
      const cl = client(app);
      if (who === "signedOut") return Object.assign(cl, { csrf: await cl.formToken("/sign-in") });
      const known = signedIn.get(who);
      if (known) return known;
      assert.equal((await signInAs(cl, users[who].email)).status, 303);
      const ready = Object.assign(cl, { csrf: await cl.formToken("/account/dashboard") });
      signedIn.set(who, ready);
      return ready;
    },
  };
}

/** Everything a tracker write could change. */
async function snapshot(db: Db) {
  const t = ownersDb(db);
  const count = async (table: "owner_updates" | "recommendation_updates" | "deadline_extensions" | "audit_log" | "action_updates") => Number((await t.selectFrom(table).select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow()).n);
  const recs = await t.selectFrom("tracked_recommendations").select(["id", "owner_user_id", "version", "closure_outcome"]).orderBy("id").execute();
  const pending = await t.selectFrom("owner_updates").select(["id", "state"]).orderBy("id").execute();
  const audit = await t.selectFrom("audit_log").select("action").where("action", "like", "tracker.%").execute();
  return JSON.stringify({
    owner_updates: await count("owner_updates"),
    recommendation_updates: await count("recommendation_updates"),
    extensions: await count("deadline_extensions"),
    trackerAudit: audit.length,
    recs: recs.map((r) => [r.id, r.owner_user_id, Number(r.version), r.closure_outcome]),
    pending: pending.map((p) => [p.id, p.state]),
  });
}

const version = async (db: Db, id: number) => Number((await ownersDb(db).selectFrom("tracked_recommendations").select("version").where("id", "=", id).executeTakeFirstOrThrow()).version);

eachStore("owners' pages and forms", (store) => {
  let s: Site;
  let updateId: number;

  it("pages: everyone signed in has a dashboard; only clerks and admins see the tracker pages; the signed-out are sent to sign in", async () => {
    s = await site(await store.open());
    const expected: Record<string, Record<Who, number>> = {
      "/account/dashboard": { owner: 200, other: 200, officer: 200, clerk: 200, admin: 200, signedOut: 302 },
      "/admin/tracker": { owner: 403, other: 403, officer: 403, clerk: 200, admin: 200, signedOut: 302 },
      "/admin/tracker/updates": { owner: 403, other: 403, officer: 403, clerk: 200, admin: 200, signedOut: 302 },
      [`/admin/tracker/recommendation/${s.recId}`]: { owner: 403, other: 403, officer: 403, clerk: 200, admin: 200, signedOut: 302 },
      // nobody owns the item yet: not even an admin may post on it
      [`/account/tracker/recommendation/${s.recId}/update`]: { owner: 403, other: 403, officer: 403, clerk: 403, admin: 403, signedOut: 302 },
      // members still have no workspace
      "/admin": { owner: 403, other: 403, officer: 200, clerk: 200, admin: 200, signedOut: 302 },
    };
    for (const who of ROLES) {
      const cl = await s.as(who);
      for (const [path, answers] of Object.entries(expected)) {
        const res = await cl.get(path);
        assert.equal(res.status, answers[who], `${who} GET ${path}`);
        if (res.status === 200) assert.equal(res.headers.get("cache-control"), "no-store", path);
        if (res.status === 302) assert.match(res.headers.get("location") ?? "", /^\/sign-in\?next=/);
      }
    }
    assert.equal((await (await s.as("admin")).get("/admin/tracker/recommendation/999999")).status, 404);
    // a member signs in to their dashboard
    const member = client(s.app);
    assert.equal((await signInAs(member, s.users.other.email)).headers.get("location"), "/account/dashboard");
  });

  it("assigning an owner: clerk and admin only; a refused write changes nothing; the owner then sees the item and its link", async () => {
    const path = `/admin/tracker/recommendation/${s.recId}/owner`;
    for (const who of ["owner", "other", "officer", "signedOut"] as const) {
      const before = await snapshot(s.db);
      const cl = await s.as(who);
      const res = await cl.post(path, { csrf: cl.csrf, version: "1", owner: String(s.users[who === "signedOut" ? "owner" : who].id) });
      assert.equal(res.status, who === "signedOut" ? 303 : 403, who);
      if (who === "signedOut") assert.match(res.headers.get("location") ?? "", /^\/sign-in/);
      assert.equal(await snapshot(s.db), before, who);
    }
    // an admin can assign, and a clerk can (against the version they saw)
    const admin = await s.as("admin");
    assert.equal((await admin.post(path, { csrf: admin.csrf, version: "1", owner: String(s.users.other.id) })).status, 303);
    const clerk = await s.as("clerk");
    const res = await clerk.post(path, { csrf: clerk.csrf, version: "2", owner: String(s.users.owner.id) });
    assert.equal(res.status, 303);
    assert.equal(res.headers.get("location"), `/admin/tracker/recommendation/${s.recId}?saved=owner`);
    // a clerk cannot own an item
    const bad = await clerk.post(path, { csrf: clerk.csrf, version: "3", owner: String(s.users.clerk.id) });
    assert.equal(bad.status, 400);
    assert.match(await bad.text(), /<title>Error: /);

    const dash = await (await s.as("owner")).get("/account/dashboard");
    const html = await dash.text();
    assert.match(html, /Recommendation 2: /);
    assert.match(html, new RegExp(`href="/account/tracker/recommendation/${s.recId}/update"`));
    assert.doesNotMatch(await (await (await s.as("other")).get("/account/dashboard")).text(), /Recommendation 2: /);
  });

  it("posting an update: only the owner; errors name each field; the update waits, and the public sees nothing of it", async () => {
    const path = `/account/tracker/recommendation/${s.recId}/update`;
    const good = { status: "at_risk", text: "Business plan template revised; training dates not fixed", evidence: "https://example.org/plan.pdf" };
    for (const who of ["other", "officer", "clerk", "admin", "signedOut"] as const) {
      const before = await snapshot(s.db);
      const cl = await s.as(who);
      const res = await cl.post(path, { csrf: cl.csrf, ...good });
      assert.equal(res.status, who === "signedOut" ? 303 : 403, who);
      assert.equal(await snapshot(s.db), before, who);
    }
    const owner = await s.as("owner");
    const empty = await owner.post(path, { csrf: owner.csrf, status: "", text: " ", evidence: "not a link" });
    assert.equal(empty.status, 400);
    const html = await empty.text();
    assert.match(html, /<title>Error: Post an update/);
    for (const f of ["status", "text", "evidence"]) assert.match(html, new RegExp(`<a href="#${f}">`), f);
    const res = await owner.post(path, { csrf: owner.csrf, ...good });
    assert.equal(res.status, 303);
    assert.equal(res.headers.get("location"), "/account/dashboard?sent");
    assert.match(await (await owner.get("/account/dashboard?sent")).text(), /Waiting for the clerk/);
    updateId = Number((await ownersDb(s.db).selectFrom("owner_updates").select("id").executeTakeFirstOrThrow()).id);

    // nothing of the pending update on any public surface
    const anon = client(s.app);
    const inquiry = (await listRecommendations(s.db, "2018-10-01")).find((r) => r.id === s.recId)!.inquiry.slug;
    for (const p of [`/recommendations/${inquiry}`, "/recommendations", "/recommendations.csv", "/api/v1/recommendations", `/api/v1/inquiries/${inquiry}`]) {
      const body = await (await anon.get(p)).text();
      assert.doesNotMatch(body, /training dates not fixed/, p);
      assert.doesNotMatch(body, /example\.org\/plan/, p);
    }
  });

  it("the queue: only clerks and admins accept or reject; a stale accept answers 409 with the other change; an accepted update is public on page, API and CSV", async () => {
    const accept = `/admin/tracker/updates/${updateId}/accept`;
    const reject = `/admin/tracker/updates/${updateId}/reject`;
    const v = await version(s.db, s.recId);
    for (const who of ["owner", "other", "officer", "signedOut"] as const) {
      const before = await snapshot(s.db);
      const cl = await s.as(who);
      assert.equal((await cl.post(accept, { csrf: cl.csrf, version: String(v) })).status, who === "signedOut" ? 303 : 403, who);
      assert.equal((await cl.post(reject, { csrf: cl.csrf, [`reason-${updateId}`]: "No" })).status, who === "signedOut" ? 303 : 403, who);
      assert.equal(await snapshot(s.db), before, who);
    }
    const clerk = await s.as("clerk");
    const queue = await (await clerk.get("/admin/tracker/updates")).text();
    assert.match(queue, /training dates not fixed/);
    assert.match(queue, new RegExp(`name="version" value="${v}"`));
    // a reason is needed to reject
    const noReason = await clerk.post(reject, { csrf: clerk.csrf, [`reason-${updateId}`]: "" });
    assert.equal(noReason.status, 400);
    assert.match(await noReason.text(), new RegExp(`<a href="#reason-${updateId}">Enter the reason`));

    // the admin extends the deadline while the clerk has the queue open
    const admin = await s.as("admin");
    const ext = await admin.post(`/admin/tracker/recommendation/${s.recId}/extend`, { csrf: admin.csrf, version: String(v), due: "2019-01-31", reason: "Waiting for the new case system" });
    assert.equal(ext.status, 303);
    const before = await snapshot(s.db);
    const stale = await clerk.post(accept, { csrf: clerk.csrf, version: String(v) });
    assert.equal(stale.status, 409);
    const staleHtml = await stale.text();
    assert.match(staleHtml, /<title>Error: Updates waiting for review/);
    assert.match(staleHtml, /admin@bucks\.gov\.uk: extended the deadline to 31 Jan(uary)? 2019: Waiting for the new case system/);
    assert.equal(await snapshot(s.db), before);
    // with the fresh version it goes through
    assert.equal((await clerk.post(accept, { csrf: clerk.csrf, version: String(v + 1) })).status, 303);
    // accepted twice: 409, nothing changes
    const again = await snapshot(s.db);
    assert.equal((await clerk.post(accept, { csrf: clerk.csrf, version: String(v + 2) })).status, 409);
    assert.equal(await snapshot(s.db), again);

    const anon = client(s.app);
    const inquiry = (await listRecommendations(s.db, "2018-10-01")).find((r) => r.id === s.recId)!.inquiry.slug;
    const page = await (await anon.get(`/recommendations/${inquiry}?asOf=2018-11-01`)).text();
    assert.match(page, /Lin Hazell: Business plan template revised; training dates not fixed/);
    assert.match(page, /Deadline extended/);
    assert.match(page, /Waiting for the new case system/);
    const api = (await (await anon.get(`/api/v1/recommendations?inquiry=${inquiry}&asOf=2018-11-01`)).json()) as { data: { number: string; status: string; nextUpdateDue: string; overdue: string[]; deadline: string; updates: unknown[]; extensions: unknown[] }[] };
    const two = api.data.find((r) => r.number === "2")!;
    assert.deepEqual(two.updates, [{ date: "2018-10-23", rag: "amber", text: "Business plan template revised; training dates not fixed", by: "Lin Hazell", evidence: "https://example.org/plan.pdf" }]);
    assert.deepEqual(two.extensions, [{ due: "2019-01-31", reason: "Waiting for the new case system", grantedOn: "2018-10-23" }]);
    assert.deepEqual([two.status, two.nextUpdateDue, two.overdue, two.deadline], ["at_risk", "2019-04-23", [], "2019-01-31"]);
    const csv = await (await anon.get(`/recommendations.csv?inquiry=${inquiry}&asOf=2018-11-01`)).text();
    const line = csv.split("\r\n").find((l) => l.includes("2018-10-23: Business plan template revised"));
    assert.ok(line, csv);
    assert.match(line, /,2019-01-31,Waiting for the new case system,/);
  });

  it("closing and extending: clerk and admin only; a stale close answers 409 showing the change that won", async () => {
    const close = `/admin/tracker/recommendation/${s.recId}/close`;
    const extend = `/admin/tracker/recommendation/${s.recId}/extend`;
    const v = await version(s.db, s.recId);
    for (const who of ["owner", "other", "officer", "signedOut"] as const) {
      const before = await snapshot(s.db);
      const cl = await s.as(who);
      assert.equal((await cl.post(close, { csrf: cl.csrf, version: String(v), outcome: "implemented", date: "2018-10-23" })).status, who === "signedOut" ? 303 : 403, who);
      assert.equal((await cl.post(extend, { csrf: cl.csrf, version: String(v), due: "2019-06-30", reason: "More time" })).status, who === "signedOut" ? 303 : 403, who);
      assert.equal(await snapshot(s.db), before, who);
    }
    const clerk = await s.as("clerk");
    const bad = await clerk.post(extend, { csrf: clerk.csrf, version: String(v), due: "2018-12-01", reason: "" });
    assert.equal(bad.status, 400);
    assert.match(await bad.text(), /<a href="#(due|reason)">/);
    const badClose = await clerk.post(close, { csrf: clerk.csrf, version: String(v), outcome: "", date: "2018-10-23" });
    assert.equal(badClose.status, 400);
    assert.match(await badClose.text(), /<a href="#outcome">Choose how the item closed/);

    const admin = await s.as("admin");
    assert.equal((await admin.post(extend, { csrf: admin.csrf, version: String(v), due: "2019-03-31", reason: "Budget moved to next year" })).status, 303);
    const before = await snapshot(s.db);
    const stale = await clerk.post(close, { csrf: clerk.csrf, version: String(v), outcome: "implemented", date: "2018-10-23" });
    assert.equal(stale.status, 409);
    const html = await stale.text();
    assert.match(html, /Someone else changed this item/);
    assert.match(html, /extended the deadline to 31 Mar(ch)? 2019: Budget moved to next year/);
    assert.match(html, new RegExp(`name="version" value="${v + 1}"`));
    assert.equal(await snapshot(s.db), before);
    const closed = await clerk.post(close, { csrf: clerk.csrf, version: String(v + 1), outcome: "implemented", date: "2018-10-23", note: "Training running" });
    assert.equal(closed.status, 303);
    // a closed item takes no more updates
    const owner = await s.as("owner");
    const late = await owner.post(`/account/tracker/recommendation/${s.recId}/update`, { csrf: owner.csrf, status: "on_track", text: "More" });
    assert.equal(late.status, 400);
  });

  it("a rejected update goes back to its owner with the reason; an admin accepts, extends and closes as a clerk does, each audited with before and after", async () => {
    const db = await store.open();
    const t = await site(db);
    const clerk = await t.as("clerk");
    assert.equal((await clerk.post(`/admin/tracker/recommendation/${t.recId}/owner`, { csrf: clerk.csrf, version: "1", owner: String(t.users.officer.id) })).status, 303);
    const officer = await t.as("officer");
    assert.equal((await officer.post(`/account/tracker/recommendation/${t.recId}/update`, { csrf: officer.csrf, status: "on_track", text: "All done" })).status, 303);
    const id = Number((await ownersDb(db).selectFrom("owner_updates").select("id").executeTakeFirstOrThrow()).id);
    const res = await clerk.post(`/admin/tracker/updates/${id}/reject`, { csrf: clerk.csrf, [`reason-${id}`]: "Say which training dates are fixed" });
    assert.equal(res.status, 303);
    const dash = await (await officer.get("/account/dashboard")).text();
    assert.match(dash, /Rejected/);
    assert.match(dash, /Reason given by the clerk: Say which training dates are fixed/);
    assert.equal((await listRecommendations(db, "2018-11-01")).find((r) => r.id === t.recId)!.updates.length, 0);

    // an admin reviews, extends and closes as a clerk does; each write is audited under their name
    assert.equal((await officer.post(`/account/tracker/recommendation/${t.recId}/update`, { csrf: officer.csrf, status: "off_track", text: "Funding withdrawn" })).status, 303);
    const second = Number((await ownersDb(db).selectFrom("owner_updates").select("id").where("state", "=", "pending").executeTakeFirstOrThrow()).id);
    const admin = await t.as("admin");
    assert.equal((await admin.post(`/admin/tracker/updates/${second}/accept`, { csrf: admin.csrf, version: "2" })).status, 303);
    assert.equal((await admin.post(`/admin/tracker/recommendation/${t.recId}/extend`, { csrf: admin.csrf, version: "3", due: "2019-02-28", reason: "New funding bid" })).status, 303);
    assert.equal((await admin.post(`/admin/tracker/recommendation/${t.recId}/close`, { csrf: admin.csrf, version: "4", outcome: "not_implemented", date: "2018-10-23", note: "No funding" })).status, 303);
    assert.equal((await listRecommendations(db, "2018-11-01")).find((r) => r.id === t.recId)!.status, "not_implemented");
    const audit = await readAudit(db, { actor: "admin@bucks.gov.uk" });
    assert.deepEqual(
      audit.entries.reverse().filter((e) => e.action.startsWith("tracker.")).map((e) => [e.action, e.before, e.after]),
      [
        ["tracker.update_accepted", { state: "pending" }, { state: "accepted", item: `recommendation:${t.recId}`, version: 3 }],
        ["tracker.extend", { deadline: "2018-10-31", version: 3 }, { deadline: "2019-02-28", reason: "New funding bid", version: 4 }],
        ["tracker.close", { closed: null, version: 4 }, { closed: { outcome: "not_implemented", date: "2018-10-23", note: "No funding" }, version: 5 }],
      ],
    );
    const rejected = (await readAudit(db, { actor: "clerk@bucks.gov.uk", recordKind: "monitoring_update" })).entries[0];
    assert.deepEqual([rejected.action, rejected.recordId, rejected.after], ["tracker.update_rejected", String(id), { state: "rejected", reason: "Say which training dates are fixed" }]);
  });
});
