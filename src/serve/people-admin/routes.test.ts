// The people and committee routes on SQLite and PostgreSQL: every write route for every role
// (a refused write changes nothing), two clerks editing one person, the redirects a merge leaves,
// form errors, and the public pages and API showing what clerks set.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import type { Hono } from "hono";
import { sql } from "kysely";
import { createApp } from "../app.ts";
import { openStore, type Db } from "../../store/db.ts";
import { readAudit } from "../../store/audit.ts";
import { addMembership } from "../../store/people/memberships.ts";
import { client, signInAs, type Client } from "../../../test/support/accounts.ts";
import { addStaff, C_SHEEHY, CLLR_SHEEHY, COMMITTEE, importPeopleFixtures } from "../../../test/support/people.ts";
import { postgresUnavailable, startPostgres, type PostgresCluster } from "../../../test/support/postgres.ts";

const PG_SKIP = postgresUnavailable();
let cluster: Promise<PostgresCluster> | null = null;
after(async () => {
  if (cluster) await (await cluster).stop();
});

const ROLES = ["admin", "clerk", "officer", "member", "signed-out"] as const;
type Role = (typeof ROLES)[number];
const person = (name: string) => `${name}-limerick-city-and-county-council`;

for (const dialect of ["sqlite", "postgres"] as const) {
  describe(`people and committee routes on ${dialect}`, { skip: dialect === "postgres" && PG_SKIP ? PG_SKIP : false }, () => {
    let db: Db;
    let app: Hono;
    let emails: Awaited<ReturnType<typeof addStaff>>;
    const clients = new Map<Role | "clerk2", Client>();

    before(async () => {
      db = await openStore(dialect === "sqlite" ? ":memory:" : await (await (cluster ??= startPostgres())).createDatabase());
      await importPeopleFixtures(db);
      emails = await addStaff(db);
      app = createApp({ db });
      for (const role of [...ROLES, "clerk2"] as const) {
        const cl = client(app);
        if (role !== "signed-out") assert.equal((await signInAs(cl, emails[role])).status, 303);
        clients.set(role, cl);
      }
    });
    after(async () => db?.destroy());

    const versionOf = async (slug: string) => (await db.selectFrom("people").where("slug", "=", slug).select("version").executeTakeFirstOrThrow()).version;
    const tokenFor = async (role: Role | "clerk2") => {
      const cl = clients.get(role)!;
      return cl.formToken(role === "signed-out" ? "/sign-in" : "/admin");
    };
    /** Everything a write here could change, and the audit log's length. */
    const snapshot = async () => {
      const tables = ["people", "memberships", "bodies", "attendance", "person_decisions", "person_redirects"];
      const out: Record<string, unknown> = {};
      for (const t of tables) out[t] = (await sql`SELECT * FROM ${sql.table(t)} ORDER BY 1`.execute(db)).rows;
      out.audit = (await readAudit(db)).total;
      return JSON.stringify(out);
    };

    test("the lists and forms are for clerks and admins, never cached", async () => {
      for (const path of ["/admin/people", `/admin/people/${CLLR_SHEEHY}`, `/admin/people/${CLLR_SHEEHY}/merge`, `/admin/people/${CLLR_SHEEHY}/split`, "/admin/committees", `/admin/committees/${COMMITTEE}`]) {
        const got = await Promise.all(ROLES.map(async (r) => (await clients.get(r)!.get(path)).status));
        assert.deepEqual(got, [200, 200, 403, 403, 302], path);
      }
      const res = await clients.get("clerk")!.get(`/admin/people/${CLLR_SHEEHY}`);
      assert.equal(res.headers.get("cache-control"), "no-store");
    });

    test("every write route answers each role as expected, and a refused write changes nothing", async () => {
      const manual = await addMembership(db, { person: person("councillor-gleeson"), version: await versionOf(person("councillor-gleeson")), body: COMMITTEE, fields: { role: "member", from: "2018-01-01", to: null }, actor: { userId: null, label: "test" }, now: new Date() });
      const committeeVersion = async () => (await db.selectFrom("bodies").where("slug", "=", COMMITTEE).select("version").executeTakeFirstOrThrow()).version;
      // each route: the request a role makes (merges and splits differ per role: each can happen once)
      const routes: Record<string, (role: Role) => Promise<[string, Record<string, string>]>> = {
        details: async (role) => [`/admin/people/${person("councillor-ryan")}`, { version: String(await versionOf(person("councillor-ryan"))), displayName: `Cllr Ryan (${role})`, surname: "Ryan", kind: "member", party: role, ward: "Kilmallock", honorific: "Cllr", forenames: "", initials: "" }],
        merge: async (role) => {
          const [from, into] = role === "admin" ? ["s-coughlan", "b-murphy"] : role === "clerk" ? ["m-leahy", "g-mitchell"] : ["j-sheehan", "p-malone"];
          return [`/admin/people/${person(from)}/merge`, { version: String(await versionOf(person(from))), into: person(into) }];
        },
        split: async (role) => {
          const who = role === "admin" ? "councillor-teefy" : role === "clerk" ? "councillor-donegan" : "councillor-odonnell";
          const row = await db.selectFrom("attendance").innerJoin("people", "people.id", "attendance.person_id").where("people.slug", "=", person(who)).select("attendance.id").orderBy("attendance.id").executeTakeFirstOrThrow();
          return [`/admin/people/${person(who)}/split`, { version: String(await versionOf(person(who))), rows: String(row.id) }];
        },
        "membership add": async (role) => [`/admin/people/${person("councillor-gleeson")}/memberships`, { version: String(await versionOf(person("councillor-gleeson"))), body: COMMITTEE, role: "chair", from: "2019-01-01", to: role === "admin" ? "2019-06-30" : "" }],
        "membership edit": async (role) => [`/admin/people/${person("councillor-gleeson")}/memberships/${manual.id}`, { version: String(await versionOf(person("councillor-gleeson"))), role: role === "admin" ? "vice-chair" : "substitute", from: "2018-01-01", to: "" }],
        "membership end": async (role) => [`/admin/people/${person("councillor-gleeson")}/memberships/${manual.id}/end`, { version: String(await versionOf(person("councillor-gleeson"))), on: role === "admin" ? "2020-01-31" : "2020-02-29" }],
        committee: async (role) => [`/admin/committees/${COMMITTEE}`, { version: String(await committeeVersion()), name: `Cappamore-Kilmallock (${role})`, kind: "municipal district" }],
      };
      for (const [name, request] of Object.entries(routes)) {
        for (const role of ROLES) {
          const [path, form] = await request(role);
          const before = await snapshot();
          const auditBefore = (await readAudit(db)).total;
          const res = await clients.get(role)!.post(path, { csrf: await tokenFor(role), ...form });
          if (role === "admin" || role === "clerk") {
            assert.equal(res.status, 303, `${name} as ${role}: ${res.status}`);
            assert.equal((await readAudit(db)).total, auditBefore + 1, `${name} as ${role} is audited once`);
            const entry = (await readAudit(db, { limit: 1 })).entries[0];
            assert.equal(entry.actorLabel, emails[role]);
          } else {
            assert.equal(res.status, role === "signed-out" ? 302 : 403, `${name} as ${role}`);
            if (role === "signed-out") assert.match(res.headers.get("location") ?? "", /^\/sign-in\?next=/);
            assert.equal(await snapshot(), before, `${name} refused to ${role} changed nothing`);
          }
        }
      }
      const ryan = await db.selectFrom("people").where("slug", "=", person("councillor-ryan")).select(["party", "display_name"]).executeTakeFirstOrThrow();
      assert.deepEqual(ryan, { party: "clerk", display_name: "Cllr Ryan (clerk)" });
      const m = await db.selectFrom("memberships").where("id", "=", manual.id).select(["role", "to_date"]).executeTakeFirstOrThrow();
      assert.deepEqual(m, { role: "substitute", to_date: "2020-02-29" });
    });

    test("two clerks edit one person: the second save is refused with 409 and shows the first clerk's change", async () => {
      const path = `/admin/people/${CLLR_SHEEHY}`;
      const read = async (role: "clerk" | "clerk2") => {
        const html = await (await clients.get(role)!.get(path)).text();
        return { csrf: /name="csrf" value="([^"]+)"/.exec(html)![1], version: /name="version" value="(\d+)"/.exec(html)![1] };
      };
      const a = await read("clerk");
      const b = await read("clerk2");
      assert.equal(a.version, b.version);
      const form = { displayName: "Councillor Sheehy", surname: "Sheehy", kind: "member", honorific: "Councillor", forenames: "", initials: "D", ward: "" };
      assert.equal((await clients.get("clerk")!.post(path, { ...a, ...form, party: "Labour" })).status, 303);
      const before = await snapshot();
      const res = await clients.get("clerk2")!.post(path, { ...b, ...form, party: "Green" });
      assert.equal(res.status, 409);
      const html = await res.text();
      assert.match(html, /<title>Error: /);
      assert.match(html, /Someone else changed this record/);
      assert.ok(html.includes(emails.clerk), "names who made the other change");
      assert.match(html, /&quot;party&quot;:&quot;Labour&quot;|"party":"Labour"/);
      assert.match(html, /value="Green"/, "the second clerk's value is kept in the form");
      assert.equal(await snapshot(), before);
      assert.equal((await db.selectFrom("people").where("slug", "=", CLLR_SHEEHY).select("party").executeTakeFirstOrThrow()).party, "Labour");
    });

    test("a form with errors answers 400 with an error summary and changes nothing", async () => {
      const cl = clients.get("clerk")!;
      const before = await snapshot();
      const cases: [string, Record<string, string>, RegExp][] = [
        [`/admin/people/${CLLR_SHEEHY}`, { version: String(await versionOf(CLLR_SHEEHY)), displayName: "", surname: "Sheehy", kind: "alien" }, /Enter the name as shown[\s\S]*Choose member, officer or other/],
        [`/admin/people/${CLLR_SHEEHY}/merge`, { version: String(await versionOf(CLLR_SHEEHY)), into: "" }, /Choose the person to keep/],
        [`/admin/people/${CLLR_SHEEHY}/split`, { version: String(await versionOf(CLLR_SHEEHY)) }, /Choose the meetings that belong to someone else/],
        [`/admin/people/${CLLR_SHEEHY}/memberships`, { version: String(await versionOf(CLLR_SHEEHY)), body: COMMITTEE, role: "chair", from: "2019-02-30", to: "" }, /Enter a real date/],
        [`/admin/committees/${COMMITTEE}`, { version: "1", name: "", kind: "club" }, /Enter the committee&#39;s name|Enter the committee's name/],
      ];
      for (const [path, form, message] of cases) {
        const res = await cl.post(path, { csrf: await tokenFor("clerk"), ...form });
        assert.equal(res.status, 400, path);
        const html = await res.text();
        assert.match(html, /<title>Error: /, path);
        assert.match(html, /govuk-error-summary/, path);
        assert.match(html, message, path);
        assert.doesNotMatch(html, /at [\w.]+ \(/, "no stack trace");
      }
      const merge = await cl.post(`/admin/people/${CLLR_SHEEHY}/merge`, { csrf: await tokenFor("clerk"), version: String(await versionOf(CLLR_SHEEHY)), into: CLLR_SHEEHY });
      assert.equal(merge.status, 422);
      assert.match(await merge.text(), /cannot be merged into themselves/);
      assert.equal(await snapshot(), before);
    });

    test("a merged person's page and API answer 301 to the kept person; public pages show the new name, party and ward", async () => {
      const cl = clients.get("clerk")!;
      const res = await cl.post(`/admin/people/${C_SHEEHY}/merge`, { csrf: await tokenFor("clerk"), version: String(await versionOf(C_SHEEHY)), into: CLLR_SHEEHY });
      assert.equal(res.status, 303);
      assert.equal(res.headers.get("location"), `/admin/people/${CLLR_SHEEHY}?done=merged`);
      const page = await app.request(`/people/${C_SHEEHY}`);
      assert.equal(page.status, 301);
      assert.equal(page.headers.get("location"), `/people/${CLLR_SHEEHY}`);
      const api = await app.request(`/api/v1/people/${C_SHEEHY}`);
      assert.equal(api.status, 301);
      assert.equal(api.headers.get("location"), `/api/v1/people/${CLLR_SHEEHY}`);
      assert.equal((await app.request("/people/nobody-limerick-city-and-county-council")).status, 404);
      const html = await (await app.request(`/people/${CLLR_SHEEHY}`)).text();
      assert.match(html, /<h1 class="govuk-heading-xl">Councillor Sheehy<\/h1>/);
      assert.match(html, /Party<\/dt>\s*<dd class="govuk-summary-list__value">Labour/);
      const json = (await (await app.request(`/api/v1/people/${CLLR_SHEEHY}`)).json()) as { name: string; party: string; ward: string | null };
      assert.deepEqual([json.name, json.party, json.ward], ["Councillor Sheehy", "Labour", null]);
      const committee = await (await app.request(`/committees/${COMMITTEE}`)).text();
      assert.match(committee, /Cappamore-Kilmallock \(clerk\)/);
    });
  });
}
