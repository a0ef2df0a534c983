// The response cache on SQLite and PostgreSQL: a signed-out page is answered again from the cache
// only while the archive is unchanged, whoever changed it (another connection, `quorum import` in
// another process, a clerk's correction that hides text), and only for the public: a signed-in
// viewer's page is never stored nor answered from it. A new day releases an exempt item at once.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { sql } from "kysely";
import { createApp } from "./app.ts";
import { openStore, type Db } from "../store/db.ts";
import { readDocument } from "../ingest/read.ts";
import { parseMinutes } from "../parse/minutes.ts";
import { importMinutes } from "../store/import.ts";
import { addUser, setPasswordHash } from "../store/accounts/users.ts";
import { createSession } from "../store/accounts/sessions.ts";
import { hashPassword } from "./auth/password.ts";
import { client, PASSWORD, signInAs } from "../../test/support/accounts.ts";
import { postgresUnavailable, startPostgres, type PostgresCluster } from "../../test/support/postgres.ts";

const ROOT = resolve(import.meta.dirname, "../..");
const FIXTURES = join(ROOT, "test/fixtures/exempt");
const V1_PUBLIC = join(FIXTURES, "staffs-2016-12-12-v1-item-35-public.txt");
const V2_EXEMPT = join(FIXTURES, "staffs-2016-12-12-v2-item-35-exempt.txt");
const BUCKS = join(ROOT, "test/golden/dev/bucks-cabinet-2018-04-23.txt");
const MEETING = "/meetings/safe-and-strong-communities-select-committee-2016-12-12";
const ITEM_35 = "Members accepted the details shared";
const CACHE = { maxBytes: 16 * 1024 * 1024 };
const NOW = new Date("2026-12-05T12:00:00Z");

async function importFile(db: Db, path: string): Promise<void> {
  const source = await readDocument(path);
  await importMinutes(db, { source, record: parseMinutes(source), parserVersion: "test" });
}

/** A signed-in clerk's session cookie (entitled to every committee's exempt business). */
async function clerkCookie(db: Db): Promise<string> {
  const user = await addUser(db, { email: "clerk@council.gov.uk", role: "clerk" }, NOW);
  return `quorum_session=${await createSession(db, user.id, NOW)}`;
}

const get = async (app: ReturnType<typeof createApp>, path: string, headers: Record<string, string> = {}) => {
  const res = await app.request(`http://localhost${path}`, { headers });
  return { status: res.status, cache: res.headers.get("x-quorum-cache"), etag: res.headers.get("etag"), body: await res.text(), res };
};

for (const dialect of ["sqlite", "postgres"] as const) {
  const skip = dialect === "postgres" ? (postgresUnavailable() ?? false) : false;
  describe(`the response cache on ${dialect}`, { skip }, () => {
    let cluster: PostgresCluster | undefined;
    const cleanups: (() => Promise<void>)[] = [];
    /** A fresh database's URL, and a handle on it. */
    async function fresh(): Promise<{ url: string; db: Db }> {
      let url: string;
      if (dialect === "sqlite") {
        const dir = mkdtempSync(join(tmpdir(), "quorum-cache-"));
        url = `sqlite:${join(dir, "test.db")}`;
        cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
      } else {
        cluster ??= await startPostgres();
        url = await cluster.createDatabase();
      }
      const db = await openStore(url);
      cleanups.unshift(() => db.destroy());
      return { url, db };
    }
    after(async () => {
      for (const c of cleanups) await c();
      await cluster?.stop();
    });

    test("a repeated signed-out page comes from the cache, with an ETag, a 304 and HEAD; off by setting, it never does", async () => {
      const { db } = await fresh();
      await importFile(db, V2_EXEMPT);
      const app = createApp({ db, responseCache: CACHE });
      const first = await get(app, MEETING);
      assert.equal(first.status, 200);
      assert.equal(first.cache, "miss");
      const again = await get(app, MEETING);
      assert.equal(again.cache, "hit");
      assert.equal(again.body, first.body);
      assert.ok(again.etag && again.etag === first.etag);
      // the outer headers are still each response's own
      assert.ok(again.res.headers.get("content-security-policy"));
      assert.notEqual(again.res.headers.get("x-request-id"), first.res.headers.get("x-request-id"));
      const unchanged = await get(app, MEETING, { "if-none-match": first.etag! });
      assert.equal(unchanged.status, 304);
      assert.equal(unchanged.body, "");
      const head = await app.request(`http://localhost${MEETING}`, { method: "HEAD" });
      assert.equal(head.status, 200);
      assert.equal(head.headers.get("x-quorum-cache"), "hit");
      assert.equal(await head.text(), "");

      const off = createApp({ db, responseCache: { maxBytes: 0 } });
      for (let i = 0; i < 2; i++) assert.equal((await get(off, MEETING)).cache, null);
      assert.equal((await get(createApp({ db }), MEETING)).cache, null);
    });

    test("a write by another connection changes the very next response", async () => {
      const { url, db } = await fresh();
      await importFile(db, V2_EXEMPT);
      const app = createApp({ db, responseCache: CACHE });
      assert.ok(!(await get(app, MEETING)).body.includes("The Moon Room"));
      assert.equal((await get(app, MEETING)).cache, "hit");
      const other = await openStore(url);
      try {
        await other.updateTable("meetings").set({ venue: "The Moon Room" }).where("slug", "=", MEETING.split("/").pop()!).execute();
      } finally {
        await other.destroy();
      }
      const after = await get(app, MEETING);
      assert.equal(after.cache, "miss");
      assert.ok(after.body.includes("The Moon Room"), "the other connection's write is shown");
    });

    test("`quorum import` in another process changes the very next response", async () => {
      const { url, db } = await fresh();
      await importFile(db, V2_EXEMPT);
      const app = createApp({ db, responseCache: CACHE });
      assert.ok(!(await get(app, "/api/v1/meetings")).body.includes("cabinet"));
      assert.equal((await get(app, "/api/v1/meetings")).cache, "hit");
      const documents = mkdtempSync(join(tmpdir(), "quorum-cache-documents-"));
      cleanups.push(async () => rmSync(documents, { recursive: true, force: true }));
      const run = spawnSync(join(ROOT, "bin/quorum"), ["import", BUCKS], { env: { ...process.env, DATABASE_URL: url, QUORUM_DOCUMENTS_DIR: documents }, encoding: "utf8" });
      assert.equal(run.status, 0, run.stderr);
      const after = await get(app, "/api/v1/meetings");
      assert.equal(after.cache, "miss");
      assert.ok(after.body.includes("cabinet"), "the imported meeting is listed");
    });

    test("a clerk marking an item exempt removes its text from the next signed-out response", async () => {
      const { db } = await fresh();
      await importFile(db, V1_PUBLIC);
      const hash = await hashPassword(PASSWORD);
      const u = await addUser(db, { email: "clerk@council.gov.uk", role: "clerk", displayName: "Clerk" }, NOW);
      await setPasswordHash(db, u.id, hash, NOW);
      const app = createApp({ db, responseCache: CACHE });
      assert.ok((await get(app, MEETING)).body.includes(ITEM_35), "item 35 is public in version 1");
      assert.equal((await get(app, MEETING)).cache, "hit");

      const clerk = client(app);
      assert.equal((await signInAs(clerk, "clerk@council.gov.uk")).status, 303);
      const slug = MEETING.split("/").pop()!;
      const items = await db.selectFrom("items").innerJoin("meetings", "meetings.id", "items.meeting_id").where("meetings.slug", "=", slug).select(["items.number", "items.title"]).orderBy("items.position").execute();
      const index = items.findIndex((i) => i.number === "35");
      const form = `/admin/meetings/${slug}/correct/items/${index}`;
      const csrf = await clerk.formToken(form);
      const version = String((await db.selectFrom("meetings").where("slug", "=", slug).select("version").executeTakeFirstOrThrow()).version);
      const saved = await clerk.post(form, { csrf, version, number: "35", title: items[index].title, exempt: "yes", exemptParagraphs: "1 & 7", reason: "HR matter is exempt" });
      assert.equal(saved.status, 303);

      const after = await get(app, MEETING);
      assert.equal(after.status, 200);
      assert.ok(!after.body.includes(ITEM_35), "item 35's text is gone from the next signed-out page");
    });

    test("a signed-in request is never answered from the cache and never fills it, in either order", async () => {
      const { db } = await fresh();
      await importFile(db, V2_EXEMPT);
      const cookie = await clerkCookie(db);

      // signed in first: the clerk's page (with item 35) is not kept for the public
      const a = createApp({ db, now: () => NOW, responseCache: CACHE });
      const clerkFirst = await get(a, MEETING, { cookie });
      assert.ok(clerkFirst.body.includes(ITEM_35), "the clerk sees item 35");
      assert.equal(clerkFirst.cache, null);
      const publicAfter = await get(a, MEETING);
      assert.equal(publicAfter.cache, "miss");
      assert.ok(!publicAfter.body.includes(ITEM_35), "the public never sees item 35");

      // signed out first: the public's page is never given to the clerk
      const b = createApp({ db, now: () => NOW, responseCache: CACHE });
      assert.ok(!(await get(b, MEETING)).body.includes(ITEM_35));
      assert.equal((await get(b, MEETING)).cache, "hit");
      const clerkAfter = await get(b, MEETING, { cookie });
      assert.equal(clerkAfter.cache, null);
      assert.ok(clerkAfter.body.includes(ITEM_35), "the clerk sees item 35, not the public's page");
      assert.match(clerkAfter.res.headers.get("cache-control") ?? "", /private, no-store/);
      // a session cookie that is no longer valid is not answered from the cache either
      assert.equal((await get(b, MEETING, { cookie: "quorum_session=expired-or-made-up" })).cache, null);
    });

    test("a new day releases an exempt item at once; entries also age out", async () => {
      const { db } = await fresh();
      await importFile(db, V2_EXEMPT);
      await sql`UPDATE items SET exempt_release_on = '2026-12-06' WHERE number = '35'`.execute(db);
      let now = NOW;
      const app = createApp({ db, now: () => now, responseCache: CACHE });
      assert.ok(!(await get(app, MEETING)).body.includes(ITEM_35), "not released on the 5th");
      assert.equal((await get(app, MEETING)).cache, "hit");
      now = new Date("2026-12-05T12:00:59Z");
      assert.equal((await get(app, MEETING)).cache, "hit");
      now = new Date("2026-12-05T12:01:01Z");
      assert.equal((await get(app, MEETING)).cache, "miss", "an entry older than a minute is made again");
      // twenty seconds to midnight, and ten past: the entry is young, but the day is new
      now = new Date("2026-12-05T23:59:40Z");
      assert.ok(!(await get(app, MEETING)).body.includes(ITEM_35));
      assert.equal((await get(app, MEETING)).cache, "hit");
      now = new Date("2026-12-06T00:00:10Z");
      const released = await get(app, MEETING);
      assert.equal(released.cache, "miss");
      assert.ok(released.body.includes(ITEM_35), "released on the 6th");
    });
  });
}
