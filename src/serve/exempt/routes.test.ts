// The workspace's exempt-business forms: an item's release date and a person's committees. For each
// write, every role and the signed-out get the expected answer, and a refused write changes nothing
// (the database and the audit log); on SQLite and PostgreSQL.
import { after, describe, test } from "node:test";
import assert from "node:assert/strict";
import { join, resolve } from "node:path";
import type { Hono } from "hono";
import { createApp } from "../app.ts";
import type { Db } from "../../store/db.ts";
import { addUser, type User } from "../../store/accounts/users.ts";
import { createSession } from "../../store/accounts/sessions.ts";
import { readAudit } from "../../store/audit.ts";
import { exemptDb } from "../../store/exempt/schema.ts";
import { client, type Client } from "../../../test/support/accounts.ts";
import { importInto, parsedDb, stopPostgres, type TestDb } from "../../../test/support/portal-db.ts";
import { postgresUnavailable } from "../../../test/support/postgres.ts";
import { itemTexts } from "../../store/item-body.ts";
import { entryTexts } from "../../store/search-read.ts";

const FIXTURES = resolve(import.meta.dirname, "../../../test/fixtures/exempt");
const V2_EXEMPT = join(FIXTURES, "staffs-2016-12-12-v2-item-35-exempt.txt");
const V3_WITHDRAWN = join(FIXTURES, "staffs-2016-12-12-v3-item-35-withdrawn.txt");
const V1_PUBLIC = join(FIXTURES, "staffs-2016-12-12-v1-item-35-public.txt");
const MEETING = "safe-and-strong-communities-select-committee-2016-12-12";
const NOW = new Date("2026-12-05T12:00:00Z");
const ROLES = ["admin", "clerk", "officer", "member"] as const;
type Who = (typeof ROLES)[number] | "signed-out";

interface World {
  t: TestDb;
  app: Hono;
  users: Record<(typeof ROLES)[number], User>;
  /** the member whose committees are set */
  subject: User;
  item: { id: number; slug: string; text: string };
  body: { id: number; slug: string };
}

async function world(dialect: "sqlite" | "postgres"): Promise<World> {
  const t = await parsedDb([V2_EXEMPT], dialect);
  const users = {} as World["users"];
  for (const role of ROLES) users[role] = await addUser(t.db, { email: `${role}@council.gov.uk`, role, displayName: `A ${role}` }, NOW);
  const subject = await addUser(t.db, { email: "councillor@council.gov.uk", role: "member", displayName: "Cllr Subject" }, NOW);
  const item = await t.db
    .selectFrom("items")
    .innerJoin("meetings", "meetings.id", "items.meeting_id")
    .where("meetings.slug", "=", MEETING)
    .where("items.number", "=", "35")
    .select(["items.id", "items.slug", "items.meeting_id", "items.text_start", "items.text_end", "items.text_uncut"])
    .executeTakeFirstOrThrow()
    .then(async (row) => (await itemTexts(t.db, row.meeting_id, [row]))[0]);
  const body = await t.db.selectFrom("bodies").select(["id", "slug"]).executeTakeFirstOrThrow();
  return { t, app: createApp({ db: t.db, now: () => NOW }), users, subject, item: { ...item, text: item.text ?? "" }, body };
}

/** A client signed in as this role (a session made directly), or signed out holding a form token. */
async function as(w: World, who: Who): Promise<Client> {
  const cl = client(w.app);
  if (who !== "signed-out") cl.cookies.set("quorum_session", await createSession(w.t.db, w.users[who].id, NOW));
  else await cl.formToken("/sign-in");
  return cl;
}

/** The form token a page would carry: the signed-out take the sign-in page's. */
async function token(cl: Client, who: Who, path: string): Promise<string> {
  return cl.formToken(who === "signed-out" || who === "officer" || who === "member" ? "/sign-in" : path);
}

async function audits(db: Db, action: string) {
  return (await readAudit(db, { limit: 100 })).entries.filter((e) => e.action === action);
}

const releaseOf = async (w: World) => (await w.t.db.selectFrom("items").where("id", "=", w.item.id).select("exempt_release_on").executeTakeFirstOrThrow()).exempt_release_on;
const grantsOf = async (w: World) => (await exemptDb(w.t.db).selectFrom("committee_access").where("user_id", "=", w.subject.id).select("body_id").execute()).map((r) => r.body_id);

for (const dialect of ["sqlite", "postgres"] as const) {
  const skip = dialect === "postgres" ? postgresUnavailable() ?? false : false;
  describe(`exempt-business forms on ${dialect}`, { skip }, () => {
    after(() => stopPostgres());

    test("the pages: clerks and admins only; the signed-out are sent to sign in; never stored", async () => {
      const w = await world(dialect);
      try {
        const paths = ["/admin/exempt", `/admin/meetings/${MEETING}/items/${w.item.slug}/release`, `/admin/users/${w.subject.id}/committees`];
        const expected: Record<Who, number> = { admin: 200, clerk: 200, officer: 403, member: 403, "signed-out": 303 };
        for (const who of [...ROLES, "signed-out"] as Who[]) {
          const cl = await as(w, who);
          for (const path of paths) {
            const res = await cl.get(path);
            assert.equal(res.status, expected[who], `${who} ${path}`);
            if (res.status === 303) assert.match(res.headers.get("location") ?? "", /^\/sign-in\?next=/);
            assert.equal(res.headers.get("cache-control"), "no-store", `${who} ${path}`);
          }
        }
        const page = await (await (await as(w, "clerk")).get("/admin/exempt")).text();
        assert.match(page, /Confidential HR Matter/);
        assert.match(page, /Cllr Subject/);
      } finally {
        await w.t.close();
      }
    });

    test("setting a release date: clerks and admins do, with an audit entry; everyone else changes nothing", async () => {
      const w = await world(dialect);
      try {
        const path = `/admin/meetings/${MEETING}/items/${w.item.slug}/release`;
        const expected: Record<Who, number> = { admin: 303, clerk: 303, officer: 403, member: 403, "signed-out": 303 };
        for (const who of [...ROLES, "signed-out"] as Who[]) {
          await w.t.db.updateTable("items").set({ exempt_release_on: null }).where("id", "=", w.item.id).execute();
          const before = (await audits(w.t.db, "item.release_date")).length;
          const cl = await as(w, who);
          const res = await cl.post(path, { csrf: await token(cl, who, path), releaseOn: "2027-01-31" });
          assert.equal(res.status, expected[who], who);
          const allowed = who === "admin" || who === "clerk";
          assert.equal(await releaseOf(w), allowed ? "2027-01-31" : null, who);
          const entries = await audits(w.t.db, "item.release_date");
          assert.equal(entries.length, before + (allowed ? 1 : 0), who);
          if (allowed) {
            assert.equal(res.headers.get("location"), `/admin/exempt#exempt-${w.item.id}`);
            assert.deepEqual([entries[0].actorLabel, entries[0].recordId, entries[0].before, entries[0].after], [
              `${who}@council.gov.uk`,
              `${MEETING}/${w.item.slug}`,
              { exemptReleaseOn: null },
              { exemptReleaseOn: "2027-01-31" },
            ]);
          } else if (who === "signed-out") assert.match(res.headers.get("location") ?? "", /^\/sign-in/);
        }
      } finally {
        await w.t.close();
      }
    });

    test("a release date that is not a real date is shown again with an error and changes nothing; no form token, no change", async () => {
      const w = await world(dialect);
      try {
        const path = `/admin/meetings/${MEETING}/items/${w.item.slug}/release`;
        const cl = await as(w, "clerk");
        for (const bad of ["2027-02-30", "31/01/2027", "tomorrow"]) {
          const res = await cl.post(path, { csrf: await cl.formToken(path), releaseOn: bad });
          assert.equal(res.status, 422, bad);
          const html = await res.text();
          assert.match(html, /<title>Error: /);
          assert.match(html, /govuk-error-summary/);
          assert.match(html, new RegExp(`value="${bad}"`));
        }
        assert.equal((await cl.post(path, { releaseOn: "2027-01-31" })).status, 403);
        assert.equal((await cl.post(path, { csrf: await cl.formToken(path), releaseOn: "2027-01-31", padding: "x".repeat(80 * 1024) })).status, 413);
        assert.equal(await releaseOf(w), null);
        assert.equal((await audits(w.t.db, "item.release_date")).length, 0);
        // an item that is not exempt has no release form
        const open = await w.t.db.selectFrom("items").where("exempt", "=", dialect === "sqlite" ? 0 : (false as never)).select("slug").executeTakeFirstOrThrow();
        assert.equal((await cl.get(`/admin/meetings/${MEETING}/items/${open.slug}/release`)).status, 404);
      } finally {
        await w.t.close();
      }
    });

    test("a release date already come puts the item's text into search at once; clearing it takes it out", async () => {
      const w = await world(dialect);
      try {
        const path = `/admin/meetings/${MEETING}/items/${w.item.slug}/release`;
        const cl = await as(w, "clerk");
        const indexed = async () => {
          const { id } = await w.t.db.selectFrom("search_entries").where("kind", "=", "item").where("entity_id", "=", w.item.id).select("id").executeTakeFirstOrThrow();
          return (await entryTexts(w.t.db, [id]))[0].text;
        };
        assert.equal(await indexed(), "");
        assert.equal((await cl.post(path, { csrf: await cl.formToken(path), releaseOn: "2026-12-05" })).status, 303);
        assert.match(await indexed(), /confidential HR matter/);
        const found = (await (await w.app.request("/api/v1/search?q=Wolstanton")).json()) as { total: number };
        assert.ok(found.total > 0);
        assert.equal((await cl.post(path, { csrf: await cl.formToken(path), releaseOn: "" })).status, 303);
        assert.equal(await releaseOf(w), null);
        assert.equal(await indexed(), "");
      } finally {
        await w.t.close();
      }
    });

    test("setting a person's committees: clerks and admins do, with an audit entry; everyone else changes nothing", async () => {
      const w = await world(dialect);
      try {
        const path = `/admin/users/${w.subject.id}/committees`;
        const expected: Record<Who, number> = { admin: 303, clerk: 303, officer: 403, member: 403, "signed-out": 303 };
        for (const who of [...ROLES, "signed-out"] as Who[]) {
          await exemptDb(w.t.db).deleteFrom("committee_access").execute();
          const before = (await audits(w.t.db, "committee_access.set")).length;
          const cl = await as(w, who);
          const res = await cl.post(path, { csrf: await token(cl, who, path), [`committee-${w.body.id}`]: "yes" });
          assert.equal(res.status, expected[who], who);
          const allowed = who === "admin" || who === "clerk";
          assert.deepEqual(await grantsOf(w), allowed ? [w.body.id] : [], who);
          const entries = await audits(w.t.db, "committee_access.set");
          assert.equal(entries.length, before + (allowed ? 1 : 0), who);
          if (allowed) {
            assert.equal(res.headers.get("location"), path);
            assert.deepEqual([entries[0].recordKind, entries[0].recordId, entries[0].before, entries[0].after], ["user", String(w.subject.id), { committees: [] }, { committees: [w.body.slug] }]);
          }
        }
        // the form shows the result, and taking the committee away is a change too
        const cl = await as(w, "clerk");
        await exemptDb(w.t.db).insertInto("committee_access").values({ user_id: w.subject.id, body_id: w.body.id, granted_at: NOW.toISOString() }).execute();
        assert.match(await (await cl.get(path)).text(), new RegExp(`id="committee-${w.body.id}"[^>]*checked`));
        assert.equal((await cl.post(path, { csrf: await cl.formToken(path) })).status, 303);
        assert.deepEqual(await grantsOf(w), []);
      } finally {
        await w.t.close();
      }
    });

    test("committees that do not exist, or granting a clerk, are refused with the form again and change nothing", async () => {
      const w = await world(dialect);
      try {
        const cl = await as(w, "admin");
        const path = `/admin/users/${w.subject.id}/committees`;
        const res = await cl.post(path, { csrf: await cl.formToken(path), "committee-99999": "yes" });
        assert.equal(res.status, 422);
        assert.match(await res.text(), /<title>Error: /);
        const clerkPath = `/admin/users/${w.users.clerk.id}/committees`;
        const res2 = await cl.post(clerkPath, { csrf: await cl.formToken(clerkPath), [`committee-${w.body.id}`]: "yes" });
        assert.equal(res2.status, 409);
        assert.match(await res2.text(), /may already read every committee/);
        assert.equal((await cl.get("/admin/users/99999/committees")).status, 404);
        assert.equal((await exemptDb(w.t.db).selectFrom("committee_access").selectAll().execute()).length, 0);
        assert.equal((await audits(w.t.db, "committee_access.set")).length, 0);
      } finally {
        await w.t.close();
      }
    });

    test("a re-import keeps a release date while the item is still exempt, and drops it when it is not", async () => {
      const w = await world(dialect);
      try {
        await w.t.db.updateTable("items").set({ exempt_release_on: "2027-01-31" }).where("id", "=", w.item.id).execute();
        await importInto(w.t.db, [V3_WITHDRAWN]);
        const item35 = () => w.t.db.selectFrom("items").where("number", "=", "35").select(["exempt", "exempt_release_on"]).executeTakeFirstOrThrow();
        assert.equal((await item35()).exempt_release_on, "2027-01-31");
        await importInto(w.t.db, [V1_PUBLIC]);
        assert.deepEqual([Boolean((await item35()).exempt), (await item35()).exempt_release_on], [false, null]);
      } finally {
        await w.t.close();
      }
    });
  });
}
