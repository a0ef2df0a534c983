// The OParl 1.1 API: every object reachable from the System object validates against the OParl
// 1.1 JSON schemas (test/fixtures/oparl-1.1-schema, with ajv), lists page by `links.next` to the
// end with every public meeting once, the licence is the council's, and nothing exempt is there.
import { after, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createApp } from "../app.ts";
import { crawl } from "../../../test/support/crawl.ts";
import { oparlTypes, oparlValidator } from "../../../test/support/oparl.ts";
import { leaks, NOW, openDataStore, publicCounts, STAFFS_COUNCIL, STAFFS_MEETING } from "../../../test/support/opendata.ts";
import { stopPostgres } from "../../../test/support/portal-db.ts";
import { postgresUnavailable } from "../../../test/support/postgres.ts";
import { setAuthorityLicence } from "../../store/opendata/licence.ts";
import { opendataDb } from "../../store/opendata/schema.ts";

const ORIGIN = "http://localhost";
const validate = oparlValidator();

for (const dialect of ["sqlite", "postgres"] as const) {
  const skip = dialect === "postgres" ? (postgresUnavailable() ?? false) : false;
  describe(`OParl 1.1 on ${dialect}`, { skip }, () => {
    after(() => stopPostgres());

    test("every object from the System on validates against the OParl 1.1 schemas, with no exempt text", async () => {
      const t = await openDataStore(dialect);
      try {
        const app = createApp({ db: t.db, now: () => NOW, documents: t.docs.documents });
        // only the OParl API: the papers' files it links to are the portal's own downloads
        const visits = await crawl(app, ["/oparl/v1"], { origin: ORIGIN, follow: (u) => u.startsWith("/oparl/v1") });
        const pages = [...visits.values()];
        assert.deepEqual(pages.filter((v) => v.status !== 200).map((v) => `${v.status} ${v.url}`), []);
        const errors = pages.flatMap((v) => validate(JSON.parse(v.body)).map((e) => `${v.url}: ${e}`));
        assert.deepEqual(errors, []);
        const types = new Set(pages.flatMap((v) => [...oparlTypes(JSON.parse(v.body))]));
        for (const type of ["System", "Body", "Organization", "Person", "Membership", "Meeting", "AgendaItem", "Paper", "File", "Location"]) assert.ok(types.has(type), `the crawl met a ${type}`);
        // ids are absolute and each answers with itself
        for (const v of pages.filter((p) => !p.url.includes("/bodies/") || /\/bodies\/[^/]+$/.test(p.url))) {
          const body = JSON.parse(v.body);
          if (body.id) assert.equal(body.id, ORIGIN + v.url.replace(/\?.*$/, ""), v.url);
        }
        assert.deepEqual(leaks(pages), []);
        // a Person embeds its Memberships (OParl's Person.membership): the same objects as the
        // body's membership list holds for that person, each answering at its own id
        const listed = pages.filter((v) => /^\/oparl\/v1\/bodies\/[^/]+\/memberships/.test(v.url)).flatMap((v) => JSON.parse(v.body).data as { id: string; person: string }[]);
        const people = pages.filter((v) => /^\/oparl\/v1\/people\/[^/?]+$/.test(v.url)).map((v) => JSON.parse(v.body) as { id: string; membership?: { id: string; type: string }[] });
        assert.ok(people.length > 0 && listed.length > 0);
        for (const p of people) {
          assert.ok(Array.isArray(p.membership), `${p.id} lists its memberships`);
          assert.deepEqual(p.membership.map((m) => m.id).sort(), listed.filter((m) => m.person === p.id).map((m) => m.id).sort(), p.id);
          for (const m of p.membership) {
            assert.equal(m.type, "https://schema.oparl.org/1.1/Membership");
            assert.deepEqual(JSON.parse(visits.get(m.id.slice(ORIGIN.length))?.body ?? "null"), m, `${m.id} answers as embedded`);
          }
        }
        assert.ok(people.some((p) => p.membership!.length > 0), "someone sat on a committee");
        // and a page of people embeds them too
        const peoplePage = pages.find((v) => /^\/oparl\/v1\/bodies\/[^/]+\/people/.test(v.url) && JSON.parse(v.body).data.length > 0)!;
        for (const p of JSON.parse(peoplePage.body).data as { id: string; membership?: unknown[] }[]) assert.ok(Array.isArray(p.membership), `${p.id} in a list`);
        // the exempt item is there by its title, marked not public, with no resolution
        const meeting = JSON.parse(visits.get(`/oparl/v1/meetings/${STAFFS_MEETING}`)!.body);
        const item35 = meeting.agendaItem.find((i: { number: string }) => i.number === "35");
        assert.equal(item35.public, false);
        assert.equal(item35.resolutionText, undefined);
        assert.match(item35.name, /Confidential HR Matter/i);
        // only the public report is a Paper: the exempt appendix and the exempt item's paper are not
        const papers = pages.filter((v) => /^\/oparl\/v1\/papers\/\d+$/.test(v.url)).map((v) => JSON.parse(v.body).name);
        assert.deepEqual(papers, ["Officer report"]);
        // the licence: the Open Government Licence unless the council's settings say otherwise
        const body = JSON.parse(visits.get(`/oparl/v1/bodies/${STAFFS_COUNCIL}`)!.body);
        assert.equal(body.license, "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/");
        assert.equal(meeting.license, body.license);
      } finally {
        await t.close();
      }
    });

    test("a body's meetings page by links.next to the end: every public meeting once, newer filters by modified_since", async () => {
      const t = await openDataStore(dialect);
      try {
        const app = createApp({ db: t.db, now: () => NOW, documents: t.docs.documents });
        const counts = await publicCounts(t.db);
        const ids: string[] = [];
        const bodies = (await (await app.request("/oparl/v1/bodies")).json()) as { data: { meeting: string }[] };
        let pages = 0;
        for (const b of bodies.data) {
          let next: string | undefined = b.meeting + "?limit=1";
          while (next) {
            assert.ok(next.startsWith(ORIGIN), next);
            const res = await app.request(next.slice(ORIGIN.length));
            assert.equal(res.status, 200);
            const page = (await res.json()) as { data: { id: string }[]; links: { next?: string } };
            assert.deepEqual(validate(page), []);
            ids.push(...page.data.map((m) => m.id));
            next = page.links.next;
            pages++;
          }
        }
        assert.equal(new Set(ids).size, ids.length, "no meeting twice");
        assert.equal(ids.length, counts.meetings);
        assert.ok(pages >= counts.meetings, "one meeting a page");

        // one meeting changed since: only it is listed
        const later = "2030-01-01T00:00:00.000Z";
        const changed = await t.db.selectFrom("meetings").select(["id", "slug"]).where("slug", "=", t.upcoming).executeTakeFirstOrThrow();
        await t.db.updateTable("meetings").set({ updated_at: later }).where("id", "=", changed.id).execute();
        const since = (await (await app.request(`/oparl/v1/bodies/${STAFFS_COUNCIL}/meetings?modified_since=${encodeURIComponent("2029-12-31T00:00:00+00:00")}`)).json()) as { data: { id: string }[] };
        assert.deepEqual(since.data.map((m) => m.id), [`${ORIGIN}/oparl/v1/meetings/${changed.slug}`]);
        const bad = await app.request(`/oparl/v1/bodies/${STAFFS_COUNCIL}/meetings?modified_since=yesterday`);
        assert.equal(bad.status, 400);
        // errors answer in JSON, as the API's do
        assert.equal(((await bad.json()) as { error: { id: string } }).error.id, "invalid");
        const missing = await app.request("/oparl/v1/meetings/no-such-meeting");
        assert.equal(missing.status, 404);
        assert.equal(((await missing.json()) as { error: { id: string } }).error.id, "not_found");
      } finally {
        await t.close();
      }
    });

    test("a body's memberships filter by created_since and modified_since, as OParl asks of every list, and a change to one is its modified", async () => {
      const t = await openDataStore(dialect);
      try {
        const app = createApp({ db: t.db, now: () => NOW, documents: t.docs.documents });
        type List = { data: { id: string; created?: string; modified?: string }[] };
        const list = async (q: string) => (await (await app.request(`/oparl/v1/bodies/${STAFFS_COUNCIL}/memberships?limit=500${q}`)).json()) as List;
        const all = await list("");
        assert.ok(all.data.length > 1);
        for (const m of all.data) assert.ok(m.created && m.modified, `${m.id} says when it was created and modified`);
        assert.equal((await list(`&created_since=${encodeURIComponent("2000-01-01T00:00:00Z")}`)).data.length, all.data.length);
        assert.deepEqual((await list(`&created_since=${encodeURIComponent("2100-01-01T00:00:00Z")}`)).data, []);
        // a membership changed (its end date set) is modified from then on; the others are not
        const before = new Date().toISOString();
        const od = opendataDb(t.db);
        const [first] = await od.selectFrom("memberships").innerJoin("bodies", "bodies.id", "memberships.body_id").innerJoin("authorities", "authorities.id", "bodies.authority_id").where("authorities.slug", "=", STAFFS_COUNCIL).select(["memberships.id", "memberships.updated_at"]).orderBy("memberships.id").execute();
        await od.updateTable("memberships").set({ to_date: "2017-01-31" }).where("id", "=", first.id).execute();
        const after = await od.selectFrom("memberships").select("updated_at").where("id", "=", first.id).executeTakeFirstOrThrow();
        assert.ok(after.updated_at >= before, `${after.updated_at} is at or after ${before}`);
        await od.updateTable("memberships").set({ updated_at: "2030-01-01T00:00:00.000Z" }).where("id", "=", first.id).execute();
        const since = await list(`&modified_since=${encodeURIComponent("2029-12-31T00:00:00+00:00")}`);
        assert.deepEqual(since.data.map((m) => m.id), [`${ORIGIN}/oparl/v1/memberships/${first.id}`]);
        assert.equal((await app.request(`/oparl/v1/bodies/${STAFFS_COUNCIL}/memberships?created_since=yesterday`)).status, 400);
      } finally {
        await t.close();
      }
    });

    test("a council's own licence is its Body's and its objects' license", async () => {
      const t = await openDataStore(dialect);
      try {
        assert.equal(await setAuthorityLicence(t.db, "Safe and Strong Communities Select Committee", { name: "Creative Commons Attribution 4.0", url: "https://creativecommons.org/licenses/by/4.0/" }), true);
        const app = createApp({ db: t.db, now: () => NOW, documents: t.docs.documents });
        const body = (await (await app.request(`/oparl/v1/bodies/${STAFFS_COUNCIL}`)).json()) as { license: string };
        assert.equal(body.license, "https://creativecommons.org/licenses/by/4.0/");
        const m = (await (await app.request(`/oparl/v1/meetings/${STAFFS_MEETING}`)).json()) as { license: string };
        assert.equal(m.license, "https://creativecommons.org/licenses/by/4.0/");
        const other = (await (await app.request("/oparl/v1/bodies")).json()) as { data: { id: string; license: string }[] };
        assert.ok(other.data.some((b) => !b.id.endsWith(`/${STAFFS_COUNCIL}`) && b.license.includes("open-government-licence")), "another council keeps the default");
      } finally {
        await t.close();
      }
    });
  });
}
