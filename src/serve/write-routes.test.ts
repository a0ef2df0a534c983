// Every write route the app registers, listed from the app itself so that a new one cannot be
// left out: signed out, and signed in as a member who holds no rights over it, a POST carrying a
// valid form token is refused and changes nothing. Each area's own suite checks the roles that
// may write; this one checks that nobody else can, on SQLite and PostgreSQL.
import { before, it } from "node:test";
import assert from "node:assert/strict";
import { sql } from "kysely";
import type { Hono } from "hono";
import { createApp } from "./app.ts";
import type { Db } from "../store/db.ts";
import { dialectOf } from "../store/db.ts";
import { addUser, setPasswordHash } from "../store/accounts/users.ts";
import { hashPassword } from "./auth/password.ts";
import { importMinutes } from "../store/import.ts";
import { storeDigest } from "../store/digest.ts";
import { addKeyDecisionEntry } from "../store/forward-plan/entries.ts";
import { eachStore } from "../store/scrutiny/test-stores.ts";
import { client, PASSWORD, signInAs, type Client } from "../../test/support/accounts.ts";
import { parsedInput, STAFFS_V2 } from "../../test/support/imports.ts";

/** Forms anyone may post: signing in and out, setting a password from a one-time link, and email alerts' (checked below). */
const OPEN_TO_ALL = new Set(["/sign-in", "/sign-out", "/account/set-password", "/committees/:slug/alerts", "/alerts/confirm/:token", "/alerts/unsubscribe/:token", "/alerts/manage/:token"]);
/** Tables a refused request may still touch: a session seen, a form token cookie. */
const SESSION_TABLES = new Set(["sessions", "sign_in_failures", "sign_in_tokens"]);

function writeRoutes(app: Hono): string[] {
  const paths = app.routes.filter((r) => r.method === "POST" && !r.path.includes("*") && !OPEN_TO_ALL.has(r.path)).map((r) => r.path);
  return [...new Set(paths)].sort();
}

interface Fixture {
  meeting: string;
  item: string;
  person: string;
  body: string;
  userId: number;
  keyDecision: string;
}

/** A real path for a route pattern, with its parameters naming records that exist. */
function fill(pattern: string, f: Fixture): string {
  const kind = pattern.startsWith("/admin/people") ? "person" : pattern.startsWith("/admin/committees") ? "body" : pattern.startsWith("/admin/forward-plan") ? "keyDecision" : "meeting";
  return pattern
    .replace(":slug", kind === "person" ? f.person : kind === "body" ? f.body : kind === "keyDecision" ? f.keyDecision : f.meeting)
    .replace(":meeting", f.meeting)
    .replace(":item", f.item)
    .replace(":kind", "recommendation")
    .replace(/:id\b/g, String(f.userId))
    .replace(/:[ij]\b/g, "0");
}

async function tableCounts(db: Db): Promise<Record<string, number>> {
  const names =
    dialectOf(db) === "postgres"
      ? (await sql<{ name: string }>`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'`.execute(db)).rows
      : (await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`.execute(db)).rows;
  const out: Record<string, number> = {};
  for (const { name } of names.sort((a, b) => a.name.localeCompare(b.name))) {
    if (SESSION_TABLES.has(name)) continue;
    out[name] = Number((await sql<{ n: number | string }>`SELECT count(*) AS n FROM ${sql.table(name)}`.execute(db)).rows[0].n);
  }
  return out;
}

async function snapshot(db: Db) {
  return { counts: await tableCounts(db), digest: await storeDigest(db) };
}

eachStore("every write route refuses those without rights", (store) => {
  let db: Db;
  let app: Hono;
  let f: Fixture;

  before(async () => {
    db = await store.open();
    const at = new Date("2026-03-02T09:00:00Z");
    const member = await addUser(db, { email: "member@council.gov.uk", role: "member", displayName: "Meg Member" }, at);
    await setPasswordHash(db, member.id, await hashPassword(PASSWORD), at);
    const r = await importMinutes(db, await parsedInput(STAFFS_V2));
    const item = await db.selectFrom("items").where("meeting_id", "=", r.meetingId).orderBy("position").select("slug").executeTakeFirstOrThrow();
    const person = await db.selectFrom("people").orderBy("id").select("slug").executeTakeFirstOrThrow();
    const body = await db.selectFrom("bodies").select("slug").executeTakeFirstOrThrow();
    const keyDecision = await addKeyDecisionEntry(db, { fields: { reference: "KD-1", decision: "Budget", details: null, body: body.slug, decisionMaker: null, plannedDate: "2026-05", wards: [], consultees: null, documents: [], exempt: null, exception: null }, actor: { userId: null, label: "test" }, now: at, today: "2026-03-02" });
    f = { meeting: r.meetingSlug, item: item.slug, person: person.slug, body: body.slug, userId: member.id, keyDecision };
    app = createApp({ db });
  });

  it("the app has write routes for every part of the workspace", () => {
    const routes = writeRoutes(app);
    for (const prefix of ["/admin/imports/", "/admin/meetings/", "/admin/people/", "/admin/committees/", "/admin/tracker/", "/account/tracker/", "/admin/users/", "/admin/forward-plan"]) {
      assert.ok(routes.some((r) => r.startsWith(prefix)), `no write route under ${prefix}: ${routes.join(" ")}`);
    }
  });

  async function refusedBy(cl: Client, who: string, expectSignIn: boolean) {
    // A form token that is valid for this client, from a page that has a form.
    const csrf = await cl.formToken("/sign-in");
    for (const pattern of writeRoutes(app)) {
      const path = fill(pattern, f);
      const before = await snapshot(db);
      const res = await cl.post(path, { csrf, version: "1", reason: "refused", withdrawReason: "refused", decision: "x", plannedDate: "2026-06-01", resolution: "|", status: "apologies", outcome: "deferred", title: "x", choice: "keep" });
      const where = `${who} POST ${path} → ${res.status} ${res.headers.get("location") ?? ""}`;
      assert.ok(res.status >= 300 && res.status < 500, where);
      if (res.status === 303 || res.status === 302) {
        assert.ok(expectSignIn, where);
        assert.match(res.headers.get("location") ?? "", /^\/sign-in\?next=/, where);
      }
      assert.deepEqual(await snapshot(db), before, `${where}: the store changed`);
    }
  }

  it("signed out: every write route sends to sign in (or refuses the form) and changes nothing", async () => {
    await refusedBy(client(app), "signed out", true);
  });

  it("a correction may carry a long decision's text and a split a long list; other workspace forms stay short", async () => {
    const cl = client(app);
    const csrf = await cl.formToken("/sign-in");
    const text = "That the report be noted. ".repeat(1600); // about 40 KB
    const long = await cl.post(`/admin/meetings/${f.meeting}/correct/items/0/decisions/0`, { csrf, version: "1", text });
    assert.ok([302, 303].includes(long.status), `read, then sent to sign in: ${long.status}`);
    assert.match(long.headers.get("location") ?? "", /^\/sign-in\?next=/);
    // splitting a person lists every attendance row they hold
    const split = await cl.post(`/admin/people/${f.person}/split`, { csrf, version: "1", rows: text });
    assert.ok([302, 303].includes(split.status), `read, then sent to sign in: ${split.status}`);
    const other = await cl.post(`/admin/imports/1/publish`, { csrf, version: "1", text });
    assert.equal(other.status, 413);
  });

  it("email alerts' forms: refused without the form token or from another site, and a link no message carried changes nothing", async () => {
    const cl = client(app);
    const csrf = await cl.formToken(`/committees/${f.body}/alerts`);
    const cases: [string, Record<string, string>, Record<string, string>, number][] = [
      [`/committees/${f.body}/alerts`, { email: "ann@example.org" }, {}, 403],
      [`/committees/${f.body}/alerts`, { csrf, email: "ann@example.org" }, { origin: "https://elsewhere.example" }, 403],
      ["/alerts/confirm/not-a-token", { csrf }, {}, 410],
      ["/alerts/confirm/not-a-token", {}, {}, 403],
      ["/alerts/manage/not-a-token", { csrf, subscription: "1", action: "remove" }, {}, 404],
      ["/alerts/unsubscribe/not-a-token", { "List-Unsubscribe": "One-Click" }, {}, 404],
    ];
    for (const [path, form, headers, status] of cases) {
      const before = await snapshot(db);
      const res = await cl.post(path, form, headers);
      assert.equal(res.status, status, `POST ${path}`);
      assert.deepEqual(await snapshot(db), before, `POST ${path}: the store changed`);
    }
  });

  it("a member with no rights: every write route is refused and changes nothing", async () => {
    const cl = client(app);
    assert.equal((await signInAs(cl, "member@council.gov.uk")).status, 303);
    await refusedBy(cl, "member", false);
  });
});
