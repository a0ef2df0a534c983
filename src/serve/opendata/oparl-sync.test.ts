// Keeping a copy of the OParl 1.1 data in step, as OParl's clients do: every list filters by
// created_since / created_until / modified_since / modified_until and keeps the filters (and the
// limit) in links.next; each object says when it was created and modified; an Organization names
// its Memberships; Membership ids hold through a re-import of the same minutes; and a Person or
// Meeting that went away answers as OParl's deleted object (id, type, created, modified and
// `deleted: true`), listed among the changes since, rather than as a 404 the client cannot tell from
// a broken link. Everything validates against the OParl 1.1 schemas, on both databases.
import { after, describe, test } from "node:test";
import assert from "node:assert/strict";
import type { Hono } from "hono";
import { createApp } from "../app.ts";
import { oparlValidator } from "../../../test/support/oparl.ts";
import { NOW, openDataStore, STAFFS_COUNCIL } from "../../../test/support/opendata.ts";
import { BUCKS, EXEMPT_V2 } from "../../../test/support/opendata.ts";
import { importInto, stopPostgres } from "../../../test/support/portal-db.ts";
import { postgresUnavailable } from "../../../test/support/postgres.ts";
import { mergePeople } from "../../store/people/merge.ts";
import { opendataDb } from "../../store/opendata/schema.ts";
import { recordDeletedMeetings } from "../../store/opendata/deleted.ts";
import { clearMeeting } from "../../store/import.ts";
import { writeTransaction } from "../../store/write.ts";

const ORIGIN = "http://localhost";
const validate = oparlValidator();
const enc = encodeURIComponent;

interface Obj {
  id: string;
  type: string;
  created?: string;
  modified?: string;
  deleted?: boolean;
  membership?: unknown;
  organization?: string;
  person?: string;
}
interface Page {
  data: Obj[];
  links: { next?: string };
}

async function get(app: Hono, url: string): Promise<{ status: number; body: unknown }> {
  const res = await app.request(url.startsWith(ORIGIN) ? url.slice(ORIGIN.length) : url);
  return { status: res.status, body: await res.json() };
}

/** Every object of a list, by links.next to the end; each page validated, and each next link checked to keep `keep`. */
async function walk(app: Hono, first: string, keep: string[] = []): Promise<Obj[]> {
  const out: Obj[] = [];
  let next: string | undefined = first;
  while (next) {
    const { status, body } = await get(app, next);
    assert.equal(status, 200, next);
    assert.deepEqual(validate(body), [], next);
    const page = body as Page;
    out.push(...page.data);
    next = page.links.next;
    if (next) for (const k of keep) assert.ok(new URL(next).searchParams.has(k), `${next} keeps ${k}`);
  }
  return out;
}

for (const dialect of ["sqlite", "postgres"] as const) {
  const skip = dialect === "postgres" ? (postgresUnavailable() ?? false) : false;
  describe(`OParl 1.1 lists kept in step on ${dialect}`, { skip }, () => {
    after(() => stopPostgres());

    test("every list filters by created_since, created_until, modified_since and modified_until, and links.next keeps them", async () => {
      const t = await openDataStore(dialect);
      try {
        const app = createApp({ db: t.db, now: () => NOW, documents: t.docs.documents });
        const org = (await walk(app, `/oparl/v1/bodies/${STAFFS_COUNCIL}/organizations`))[0];
        const lists = [
          "/oparl/v1/bodies",
          ...["organizations", "people", "memberships", "papers", "meetings"].map((l) => `/oparl/v1/bodies/${STAFFS_COUNCIL}/${l}`),
          `${org.id.slice(ORIGIN.length)}/meetings`,
        ];
        for (const list of lists) {
          const all = await walk(app, list);
          assert.ok(all.length > 0, `${list} lists something`);
          for (const o of all) assert.ok(o.created && o.modified, `${o.id} in ${list} says when it was created and modified`);
          // a window holding everything, a page at a time: the same objects, the filters kept on every page
          const wide = `created_since=${enc("2000-01-01T00:00:00+00:00")}&created_until=${enc("2100-01-01T00:00:00Z")}&modified_since=${enc("2000-01-01T00:00:00Z")}&modified_until=${enc("2100-01-01T00:00:00+01:00")}`;
          const paged = await walk(app, `${list}?limit=1&${wide}`, ["limit", "created_since", "created_until", "modified_since", "modified_until"]);
          assert.deepEqual(paged.map((o) => o.id), all.map((o) => o.id), list);
          // windows before everything
          for (const q of [`created_until=${enc("1999-12-31T23:59:59Z")}`, `modified_until=${enc("1999-12-31T23:59:59Z")}`]) {
            assert.deepEqual(await walk(app, `${list}?${q}`), [], `${list}?${q}`);
          }
          // an `until` is inclusive, as `since` is: the newest object's own instant keeps it
          const newest = all.map((o) => o.created!).sort().at(-1)!;
          const upTo = await walk(app, `${list}?created_until=${enc(newest)}`);
          assert.equal(upTo.length, all.length, `${list}?created_until=${newest}`);
          assert.equal((await get(app, `${list}?modified_until=tomorrow`)).status, 400);
        }
      } finally {
        await t.close();
      }
    });

    test("a change to a person or a committee is its modified; an Organization names its Memberships", async () => {
      const t = await openDataStore(dialect);
      try {
        const app = createApp({ db: t.db, now: () => NOW, documents: t.docs.documents });
        const people = await walk(app, `/oparl/v1/bodies/${STAFFS_COUNCIL}/people`);
        const orgs = await walk(app, `/oparl/v1/bodies/${STAFFS_COUNCIL}/organizations`);
        const memberships = await walk(app, `/oparl/v1/bodies/${STAFFS_COUNCIL}/memberships`);
        // Organization.membership: the ids of the committee's Memberships, as the body's list holds them
        for (const o of orgs) {
          assert.ok(Array.isArray(o.membership), `${o.id} names its memberships`);
          assert.deepEqual([...(o.membership as string[])].sort(), memberships.filter((m) => m.organization === o.id).map((m) => m.id).sort(), o.id);
          const single = await get(app, o.id);
          assert.deepEqual(single.body, o, `${o.id} answers as listed`);
        }
        assert.ok(orgs.some((o) => (o.membership as string[]).length > 0));

        const mark = new Date().toISOString();
        const since = `?modified_since=${enc(mark)}`;
        assert.deepEqual(await walk(app, `/oparl/v1/bodies/${STAFFS_COUNCIL}/people${since}`), []);
        const person = people[0];
        const personSlug = person.id.split("/").at(-1)!;
        await t.db.updateTable("people").set({ party: "Independent" }).where("slug", "=", personSlug).execute();
        const changed = await walk(app, `/oparl/v1/bodies/${STAFFS_COUNCIL}/people${since}`);
        assert.deepEqual(changed.map((p) => p.id), [person.id]);
        assert.ok(changed[0].modified! >= mark && changed[0].created === person.created);

        const orgSlug = orgs[0].id.split("/").at(-1)!;
        await t.db.updateTable("bodies").set({ name: "Safe and Strong Communities Committee" }).where("slug", "=", orgSlug).execute();
        const orgsChanged = await walk(app, `/oparl/v1/bodies/${STAFFS_COUNCIL}/organizations${since}`);
        assert.deepEqual(orgsChanged.map((o) => o.id), [orgs[0].id]);
      } finally {
        await t.close();
      }
    });

    test("Membership ids, and when each was created, hold through a re-import of the same minutes", async () => {
      const t = await openDataStore(dialect);
      try {
        const app = createApp({ db: t.db, now: () => NOW, documents: t.docs.documents });
        const before = await walk(app, `/oparl/v1/bodies/${STAFFS_COUNCIL}/memberships`);
        assert.ok(before.length > 1);
        const stamps = await opendataDb(t.db).selectFrom("memberships").select(["id", "created_at", "updated_at"]).orderBy("id").execute();
        // a newer parser reads the same documents again: every meeting is stored again
        await t.db.updateTable("source_documents").set({ parser_version: "0.0.0-older" }).execute();
        await importInto(t.db, [EXEMPT_V2, BUCKS]);
        const reread = await t.db.selectFrom("source_documents").select("parser_version").execute();
        assert.ok(reread.every((r) => r.parser_version !== "0.0.0-older"), "the minutes were stored again");
        const after = await walk(app, `/oparl/v1/bodies/${STAFFS_COUNCIL}/memberships`);
        assert.deepEqual(after, before);
        assert.deepEqual(await opendataDb(t.db).selectFrom("memberships").select(["id", "created_at", "updated_at"]).orderBy("id").execute(), stamps);
      } finally {
        await t.close();
      }
    });

    test("a person merged into another answers as deleted, and is listed as a change; a meeting never public stays a 404", async () => {
      const t = await openDataStore(dialect);
      try {
        const app = createApp({ db: t.db, now: () => NOW, documents: t.docs.documents });
        // two public people of the same council, both named in minutes
        const people = await walk(app, `/oparl/v1/bodies/${STAFFS_COUNCIL}/people`);
        const [gone, kept] = people.filter((p) => ((p.membership as unknown[]) ?? []).length > 0);
        const slug = (o: Obj) => o.id.split("/").at(-1)!;
        const mark = new Date().toISOString();
        const row = await t.db.selectFrom("people").where("slug", "=", slug(gone)).select("version").executeTakeFirstOrThrow();
        await mergePeople(t.db, { slug: slug(gone), version: row.version, into: slug(kept), actor: { userId: null, label: "clerk@council.gov.uk" }, now: new Date() });
        assert.equal(await t.db.selectFrom("people").where("slug", "=", slug(gone)).select("id").executeTakeFirst(), undefined, "the merged person's row is gone");

        const answer = await get(app, gone.id);
        assert.equal(answer.status, 200);
        assert.deepEqual(validate(answer.body), []);
        const d = answer.body as Obj;
        assert.deepEqual(Object.keys(d).sort(), ["created", "deleted", "id", "modified", "type"]);
        assert.equal(d.id, gone.id);
        assert.equal(d.type, "https://schema.oparl.org/1.1/Person");
        assert.equal(d.deleted, true);
        assert.equal(d.created, gone.created);
        assert.ok(d.modified! >= mark, "modified is when it was deleted");

        // a client keeping in step finds it among the changes since, as deleted; the full list
        // paged one at a time holds it once, after the live people
        const changes = await walk(app, `/oparl/v1/bodies/${STAFFS_COUNCIL}/people?modified_since=${enc(mark)}`);
        assert.deepEqual(changes.filter((p) => p.deleted).map((p) => p.id), [gone.id]);
        assert.ok(changes.some((p) => p.id === kept.id && !p.deleted), "the person kept changed too");
        const paged = await walk(app, `/oparl/v1/bodies/${STAFFS_COUNCIL}/people?limit=1`);
        assert.equal(paged.filter((p) => p.id === gone.id).length, 1);
        assert.equal(new Set(paged.map((p) => p.id)).size, paged.length);
        assert.deepEqual(await walk(app, `/oparl/v1/bodies/${STAFFS_COUNCIL}/people?created_until=${enc("1999-01-01T00:00:00Z")}`), []);
        // the person's memberships (OParl's sub-objects) simply went
        for (const m of gone.membership as Obj[]) assert.equal((await get(app, m.id)).status, 404);

        // a meeting known only from draft minutes was never public: no deleted object tells of it
        await t.db.updateTable("meetings").set({ minutes_status: "draft", announced_at: null }).where("date", "=", "2018-04-23").execute();
        const hidden = await t.db.selectFrom("meetings").where("minutes_status", "=", "draft").where("announced_at", "is", null).select("slug").execute();
        assert.equal(hidden.length, 1);
        for (const m of hidden) assert.equal((await get(app, `/oparl/v1/meetings/${m.slug}`)).status, 404);
      } finally {
        await t.close();
      }
    });

    test("a public meeting that went (read again as another) answers as deleted, in its body's and its committee's lists", async () => {
      const t = await openDataStore(dialect);
      try {
        const app = createApp({ db: t.db, now: () => NOW, documents: t.docs.documents });
        const m = await t.db.selectFrom("meetings").innerJoin("bodies", "bodies.id", "meetings.body_id").where("meetings.date", "=", "2018-04-23").select(["meetings.id", "meetings.slug", "bodies.slug as body"]).executeTakeFirst();
        assert.ok(m, "the Buckinghamshire meeting");
        const before = (await get(app, `/oparl/v1/meetings/${m.slug}`)).body as Obj;
        const mark = new Date().toISOString();
        // as storeRecord removes a meeting the same document made before
        await writeTransaction(t.db, async (trx) => {
          await clearMeeting(trx, m.id);
          await trx.deleteFrom("search_entries").where("meeting_id", "=", m.id).execute();
          await trx.updateTable("source_documents").set({ meeting_id: null }).where("meeting_id", "=", m.id).execute();
          await recordDeletedMeetings(trx, [m.id]);
          await trx.deleteFrom("meetings").where("id", "=", m.id).execute();
        });
        const answer = await get(app, `/oparl/v1/meetings/${m.slug}`);
        assert.equal(answer.status, 200);
        assert.deepEqual(validate(answer.body), []);
        assert.deepEqual(answer.body, { id: before.id, type: "https://schema.oparl.org/1.1/Meeting", created: before.created, modified: (answer.body as Obj).modified, deleted: true });
        assert.ok((answer.body as Obj).modified! >= mark);
        const authority = (await t.db.selectFrom("authorities").innerJoin("bodies", "bodies.authority_id", "authorities.id").where("bodies.slug", "=", m.body).select("authorities.slug").executeTakeFirstOrThrow()).slug;
        for (const list of [`/oparl/v1/bodies/${authority}/meetings`, `/oparl/v1/organizations/${m.body}/meetings`]) {
          const all = await walk(app, `${list}?limit=1`);
          assert.deepEqual(all.filter((x) => x.deleted).map((x) => x.id), [before.id], list);
          assert.deepEqual((await walk(app, `${list}?modified_since=${enc(mark)}`)).map((x) => x.id), [before.id], list);
        }
        // another committee's list does not hold it
        assert.deepEqual((await walk(app, `/oparl/v1/bodies/${STAFFS_COUNCIL}/meetings`)).filter((x) => x.deleted), []);
      } finally {
        await t.close();
      }
    });
  });
}
