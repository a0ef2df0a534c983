import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import type { ParsedMinutes } from "../../domain/minutes.ts";
import { csvCell } from "./present.ts";
import { trackerPaths, trackerSchemas } from "./openapi.ts";
import { AS_OF, trackerFixture, type TrackerFixture } from "./test-app.ts";

const bucksExpected = JSON.parse(
  readFileSync(new URL("../../../test/golden/dev/bucks-cabinet-2018-04-23.expected.json", import.meta.url), "utf8"),
) as ParsedMinutes;
const EXEMPT_TEXT = /communication timings|briefing note/i;

describe("tracker routes", () => {
  let f: TrackerFixture;
  before(async () => {
    f = await trackerFixture();
  });
  after(() => f.close());
  const get = (path: string) => f.app.request(path);
  const json = async (path: string) => {
    const res = await get(path);
    assert.equal(res.status, 200, path);
    return res.json() as Promise<any>;
  };

  it("GET /api/v1/recommendations gives the 8 Bucks recommendations with response, owners, dates, status and next update", async () => {
    const body = await json("/api/v1/recommendations");
    assert.equal(body.total, 8);
    const want = bucksExpected.recommendations;
    assert.deepEqual(
      body.data.map((r: any) => [r.number, r.text, r.response, r.responsibleMember, r.responsibleOfficer, r.actionBy]),
      want.map((r) => [r.number, r.text, r.response, r.responsibleMember, r.responsibleOfficer, r.actionBy]),
    );
    assert.deepEqual(
      body.data.map((r: any) => r.status),
      ["implemented", "at_risk", "partially_accepted", "accepted", "on_track", "accepted", "accepted", "accepted"],
    );
    // Updates given in October answer the 6-month slot; the rest are late for it.
    assert.deepEqual(
      body.data.map((r: any) => r.nextUpdateDue),
      [null, "2019-04-23", "2018-10-23", "2018-10-23", "2019-04-23", "2018-10-23", "2018-10-23", "2018-10-23"],
    );
    for (const r of body.data) assert.match(r.url, /^\/recommendations\/[a-z0-9-]+#recommendation-\d$/);
    const page = await get(body.data[2].url.split("#")[0]);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /id="recommendation-3"/);
  });

  it("filters by owner, status, committee and overdue; bad values are one JSON error", async () => {
    assert.deepEqual((await json("/api/v1/recommendations?owner=lin%20hazell")).data.map((r: any) => r.number), ["2", "6", "7"]);
    assert.deepEqual((await json("/api/v1/recommendations?status=on_track")).data.map((r: any) => r.number), ["5"]);
    assert.equal((await json("/api/v1/recommendations?committee=Transport%2C%20Economy%20and%20Environment%20Select%20Committee")).total, 8);
    assert.equal((await json("/api/v1/recommendations?committee=buckinghamshire-county-council-cabinet")).total, 8);
    assert.equal((await json("/api/v1/recommendations?committee=Planning")).total, 0);
    assert.deepEqual((await json("/api/v1/recommendations?overdue=true&asOf=2018-07-15")).data.map((r: any) => r.number), ["5", "6"]);
    // Only the closed one: every open recommendation has passed its action-by date by November.
    assert.deepEqual((await json("/api/v1/recommendations?overdue=false")).data.map((r: any) => r.number), ["1"]);
    const bad = await get("/api/v1/recommendations?status=finished");
    assert.equal(bad.status, 400);
    assert.equal(((await bad.json()) as any).error.id, "invalid");
    const paged = await json("/api/v1/recommendations?limit=3&offset=3");
    assert.deepEqual(paged.data.map((r: any) => r.number), ["4", "5", "6"]);
    assert.match(paged.next, /offset=6/);
  });

  it("the tracker page lists every recommendation under its inquiry with filters", async () => {
    const res = await get("/recommendations");
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, /What steps should the Council take to ensure it fully meets the responsibilities under the Modern Slavery Act\?/);
    assert.equal((html.match(/#recommendation-\d/g) ?? []).length, 8);
    assert.match(html, /Status as at 1 November 2018/);
    const filtered = await (await get("/recommendations?owner=Blunstone&overdue=true")).text();
    assert.match(filtered, /4 recommendations match/);
    assert.equal((await get("/recommendations?status=nonsense")).status, 400);
  });

  it("the inquiry page shows each recommendation with latest RAG and next update due", async () => {
    const slug = (await json("/api/v1/recommendations")).data[0].inquiry.id;
    const html = await (await get(`/recommendations/${slug}`)).text();
    assert.match(html, /Steven Lambert/);
    assert.match(html, /6 and 12 months after the response/);
    assert.match(html, /Business plan template being revised/);
    assert.match(html, /Amber/);
    assert.match(html, /23 October 2018/);
    assert.match(html, /Implemented on 30 April 2018: Statement published/);
    assert.equal((await get("/recommendations/no-such-inquiry")).status, 404);
    const detail = await json(`/api/v1/inquiries/${slug}`);
    assert.equal(detail.summary.total, 8);
    assert.equal(detail.summary.byResponse.partially, 2);
    assert.equal(detail.recommendations.length, 8);
  });

  it("the CSV download has a header and one row per recommendation, quoted for spreadsheets", async () => {
    const res = await get("/recommendations.csv");
    assert.equal(res.status, 200);
    assert.match(res.headers.get("content-type") ?? "", /^text\/csv/);
    assert.match(res.headers.get("content-disposition") ?? "", /attachment; filename="recommendations-2018-11-01\.csv"/);
    const text = await res.text();
    const lines = text.replace(/^\uFEFF/, "").trimEnd().split("\r\n");
    assert.equal(lines.length, 9);
    assert.match(lines[0], /^Inquiry,Scrutiny committee,Number,Recommendation,Response/);
    assert.match(lines[2], /,"Transport, Economy and Environment Select Committee",2,That Business Unit Plans should explicitly identify/);
    assert.match(lines[2], /,partially,/);
    assert.equal((await (await get("/recommendations.csv?owner=Hazell")).text()).trimEnd().split("\r\n").length, 4);
    assert.equal(csvCell('He said "yes", then'), '"He said ""yes"", then"');
    assert.equal(csvCell("=HYPERLINK(1)"), "'=HYPERLINK(1)");
    assert.equal(csvCell(null), "");
  });

  it("actions from the Staffs resolutions are listed per committee; the exempt item's never appears", async () => {
    const body = await json("/api/v1/actions");
    assert.equal(body.total, 4);
    assert.deepEqual(body.data.map((a: any) => a.raisedAt.item.number).sort(), ["30", "30", "30", "31"]);
    const committee = body.data[0].committee.id;
    for (const path of ["/actions", `/committees/${committee}/actions`, "/api/v1/actions", `/api/v1/actions?body=${committee}`]) {
      const text = await (await get(path)).text();
      assert.doesNotMatch(text, EXEMPT_TEXT, path);
    }
    const page = await (await get(`/committees/${committee}/actions`)).text();
    assert.match(page, /Safe and Strong Communities Select Committee: action log/);
    assert.match(page, /be forward to the Select Committee/);
    assert.equal((await get("/committees/no-such-committee/actions")).status, 404);
    assert.equal((await json("/api/v1/actions?owner=officers")).total, 1);
  });

  it("a meeting's actions page shows what it asked for, and what it answered", async () => {
    const res = await get(`/meetings/${f.staffs.meetingSlug}/actions`);
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, /Asked for at this meeting/);
    assert.equal((html.match(/<li>/g) ?? []).length, 4);
    assert.doesNotMatch(html, EXEMPT_TEXT);
    const bucks = await (await get(`/meetings/${f.bucks.meetingSlug}/actions`)).text();
    assert.match(bucks, /raised or answered no actions/);
    assert.equal((await get("/meetings/no-such-meeting/actions")).status, 404);
  });

  it("the work programme shows moves with their history", async () => {
    const body = await json("/api/v1/work-programme");
    const moved = body.data.find((w: any) => w.title.startsWith("Cabinet Response"));
    assert.equal(moved.plannedFor, "2017-03-06");
    assert.equal(moved.history[0].description, "moved from January to 6 March");
    const html = await (await get(`/committees/${moved.committee.id}/work-programme`)).text();
    assert.match(html, /moved from January to 6 March/);
    assert.match(html, /Removed from the programme/);
    // Planned items in meeting order, undated ones last.
    const order = ["Action plan on modern day slavery", "Cabinet Response", "Adult social care market failure policy"].map((t) => html.indexOf(t));
    assert.deepEqual([...order].sort((a, b) => a - b), order);
    assert.equal((await get("/work-programme")).status, 200);
  });

  it("the forward plan shows notice checked against 28 clear days", async () => {
    const body = await json("/api/v1/forward-plan");
    assert.deepEqual(body.data.map((d: any) => [d.reference, d.notice.status]), [
      ["KD-2018-41", "not_met"],
      ["KD-2018-40", "met"],
    ]);
    assert.equal(body.data[0].private.paragraphs, "3");
    const html = await (await get("/forward-plan")).text();
    assert.match(html, /Less than 28 clear days/);
    assert.match(html, /May be taken in private/);
  });

  it("every API path described answers, with every required field of its schema", async () => {
    const slug = (await json("/api/v1/recommendations")).data[0].inquiry.id;
    const schemaOf = { "/api/v1/recommendations": "Recommendation", "/api/v1/actions": "Action", "/api/v1/work-programme": "WorkProgrammeItem" } as const;
    for (const path of Object.keys(trackerPaths)) {
      const body = await json(path.replace("{id}", slug));
      const [name, records] = path.includes("{id}") ? (["Inquiry", [body]] as const) : ([schemaOf[path as keyof typeof schemaOf], body.data] as const);
      assert.ok(records.length > 0, path);
      const schema = trackerSchemas[name] as { required: string[] };
      for (const record of records) for (const key of schema.required) assert.ok(key in record, `${path}: ${key}`);
      // And nothing the description leaves out.
      for (const key of Object.keys(records[0])) assert.ok(schema.required.includes(key), `${path}: undocumented ${key}`);
    }
  });

  it("recommendations from minutes that are not public are not shown", async () => {
    await f.db.updateTable("meetings").set({ minutes_status: "draft" }).where("slug", "=", f.bucks.meetingSlug).execute();
    try {
      assert.equal((await json("/api/v1/recommendations")).total, 0);
      assert.equal((await (await get("/recommendations.csv")).text()).trimEnd().split("\r\n").length, 1);
    } finally {
      await f.db.updateTable("meetings").set({ minutes_status: "published" }).where("slug", "=", f.bucks.meetingSlug).execute();
    }
    assert.equal(AS_OF, "2018-11-01");
  });
});
