// Every page and API route, in process (app.request), on the golden development minutes stored
// through the store's import function in a real SQLite file.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { goldenDb, type TestDb } from "../../test/support/portal-db.ts";
import { createApp } from "./app.ts";

const STAFFS = "safe-and-strong-communities-select-committee-2016-12-12";
const BUCKS = "buckinghamshire-county-council-cabinet-2018-04-23-1030";
const BUCKS_BODY = "buckinghamshire-county-council-cabinet";
const ITEM_35_TEXT = ["briefing note outlining a recent confidential HR matter", "review future communication timings", "appropriate timing of communication"];

let t: TestDb;
let app: ReturnType<typeof createApp>;

before(async () => {
  t = await goldenDb();
  app = createApp({ db: t.db, now: () => new Date("2017-01-15T12:00:00Z") });
});
after(() => t.close());

async function page(path: string, status = 200): Promise<string> {
  const res = await app.request(path);
  assert.equal(res.status, status, `${path} answered ${res.status}`);
  assert.match(res.headers.get("content-type") ?? "", /text\/html/);
  return res.text();
}

async function api<T = any>(path: string, status = 200): Promise<T> {
  const res = await app.request(path);
  assert.equal(res.status, status, `${path} answered ${res.status}`);
  assert.match(res.headers.get("content-type") ?? "", /application\/json/);
  return (await res.json()) as T;
}

/** assert.match without echoing a whole page into the test output */
function has(haystack: string, re: RegExp, message?: string) {
  assert.ok(re.test(haystack), message ?? `expected to find ${re}`);
}
function hasNot(haystack: string, re: RegExp, message?: string) {
  assert.ok(!re.test(haystack), message ?? `expected not to find ${re}`);
}

const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/&amp;/g, "&").replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/\s+/g, " ");

describe("pages", () => {
  test("home shows the search box, recent meetings and recent decisions, and upcoming meetings relative to today", async () => {
    const html = await page("/");
    has(html, /<form action="\/search" method="get" role="search"/);
    has(html, /Recent decisions/);
    has(html, new RegExp(`href="/meetings/${BUCKS}"`));
    has(html, /href="\/meetings\/[^"]+#decision-[^"]+"/);
    // "today" is 15 January 2017: the 2018 and later meetings are upcoming, the 2016 ones recent
    const upcoming = html.slice(html.indexOf("Upcoming meetings"), html.indexOf("Recent meetings"));
    has(upcoming, new RegExp(`/meetings/${BUCKS}`));
    hasNot(upcoming, new RegExp(`/meetings/${STAFFS}`));
  });

  test("committees list every body, with a council filter because there are several councils", async () => {
    const html = await page("/committees");
    has(html, new RegExp(`href="/committees/${BUCKS_BODY}"`));
    has(html, /Safe and Strong Communities Select Committee/);
    has(html, /<select class="govuk-select" id="authority" name="authority">/);
    const one = await page("/committees?authority=buckinghamshire-county-council");
    assert.equal([...one.matchAll(/href="\/committees\/[^"]+"/g)].length, 1);
    has(one, new RegExp(`href="/committees/${BUCKS_BODY}"`));
  });

  test("a committee page lists members with roles, meetings by year and recent decisions", async () => {
    const html = await page(`/committees/${BUCKS_BODY}`);
    has(html, /<h1 class="govuk-heading-xl">Cabinet<\/h1>/);
    has(html, /Members and roles/);
    has(html, /href="\/people\/[^"]+"/);
    has(html, /<h3 class="govuk-heading-m">2018<\/h3>/);
    has(html, new RegExp(`href="/meetings/${BUCKS}"`));
    await page("/committees/no-such-committee", 404);
  });

  test("a meeting page shows date, time, venue, grouped attendance with the chair marked, substitutes, items and decisions", async () => {
    const html = await page(`/meetings/${BUCKS}`);
    const body = text(html);
    has(body, /Monday 23 April 2018/);
    has(body, /10:30am to 11:30am/);
    has(body, /Mezzanine Rooms 1 & 2, County Hall, Aylesbury/);
    has(body, /Members present \(7\)/);
    has(html, /Mr M Tett<\/a> <strong class="govuk-tag govuk-tag--grey">/);
    has(body, /Substitutes \(1\) Mrs J Teesdale for Mr W Whyte/);
    has(body, /Apologies \(1\) Mr W Whyte/);
    has(body, /Officers \(5\)/);
    const items = [...html.matchAll(/<article class="qm-item[^"]*" id="item-([^"]+)"/g)].map((m) => m[1]);
    assert.equal(items.length, 11);
    has(html, /<div class="qm-decision" id="decision-[^"]+">/);
    has(html, /href="\/meetings\/[^"\/]+\/minutes#L\d+"/, "values link to their line in the source text");
  });

  test("an exempt item shows only its title and the paragraphs it is exempt under", async () => {
    const html = await page(`/meetings/${STAFFS}`);
    const body = text(html);
    has(body, /35 Confidential HR Matter/);
    has(body, /Exempt under paragraphs 1 & 7 of Schedule 12A/);
    for (const phrase of ITEM_35_TEXT) assert.ok(!body.includes(phrase), `item 35 text "${phrase}" is on the page`);
  });

  test("the open data page describes the API and links to the OpenAPI document and working examples", async () => {
    const html = await page("/data");
    has(html, /href="\/api\/v1\/openapi.json"/);
    const examples = [...html.matchAll(/href="(\/api\/v1\/[^"]+)"/g)].map((m) => m[1].replace(/&amp;/g, "&"));
    assert.ok(examples.length >= 5);
    for (const e of examples.filter((x) => !x.endsWith(".csv"))) await api(e);
    // the CSV bulk files, each with its header row
    const files = examples.filter((x) => x.endsWith(".csv"));
    assert.deepEqual(files.sort(), ["/api/v1/export/csv/attendance.csv", "/api/v1/export/csv/decisions.csv", "/api/v1/export/csv/meetings.csv", "/api/v1/export/csv/votes.csv"]);
    for (const f of files) {
      const res = await app.request(f);
      assert.equal(res.status, 200, f);
      assert.match(res.headers.get("content-type") ?? "", /^text\/csv/);
      assert.match(Buffer.from(await res.arrayBuffer()).toString("utf8"), /^\uFEFFmeeting_id,/, "the byte-order mark, then the header row");
    }
    // the OParl entry point, the feeds and calendars page, and the tracker's and forward plan's CSV
    for (const href of ["/oparl/v1", "/feeds", "/recommendations.csv", "/forward-plan.csv"]) has(html, new RegExp(`href="${href.replace(/\./g, "\\.")}"`));
    has(html, /Open Government Licence v3\.0/);
  });

  test("meetings that do not exist are a 404 page, and malformed ids are a 400 page", async () => {
    const html = await page("/meetings/no-such-meeting-2016-01-01", 404);
    has(html, /Page not found/);
    await page("/meetings/%20bad%20id", 400);
  });

  test("the people list and a person page with roles over time and an attendance record", async () => {
    const list = await page("/people");
    const m = /href="\/people\/([^"]+)"/.exec(list);
    assert.ok(m, "the list links to people");
    const bucksJson = await api(`/api/v1/meetings/${BUCKS}`);
    const whyte = bucksJson.attendance.find((a: any) => a.name === "Mr W Whyte");
    assert.ok(whyte?.person, "Mr W Whyte is resolved to a person");
    const html = await page(whyte.person.url);
    const body = text(html);
    has(body, /Committees and roles/);
    has(body, /Attendance record/);
    has(body, /Expected 1 Present 0 Apologies 1 Absent 0/);
    has(html, new RegExp(`href="/meetings/${BUCKS}"`));
    await page("/people/nobody-at-all", 404);
  });

  test("the decisions register filters by committee, dates, outcome and text", async () => {
    const all = text(await page("/decisions"));
    const total = Number(/(\d+) decisions/.exec(all)?.[1]);
    assert.ok(total > 20, `register shows ${total}`);
    const bucks = text(await page(`/decisions?body=${BUCKS_BODY}`));
    const bucksTotal = Number(/(\d+) decisions? match/.exec(bucks)?.[1]);
    assert.ok(bucksTotal > 0 && bucksTotal < total);
    const dated = text(await page("/decisions?from=2016-12-01&to=2016-12-31"));
    has(dated, /12 December 2016/);
    hasNot(dated, /23 April 2018/);
    const worded = text(await page("/decisions?q=modern+slavery"));
    has(worded, /1 decision match|[2-9] decisions match/);
    has(worded, /modern slavery/i);
    const noted = await page("/decisions?outcome=noted");
    has(noted, /decisions? match/);
    await page("/decisions?from=2016-13-45", 400);
    await page("/decisions?outcome=nonsense", 400);
  });

  test("the decisions register pages by Older and Newer links; a deep page number is refused", async () => {
    const first = await page("/decisions");
    const older = /href="(\/decisions\?cursor=[A-Za-z0-9_-]+)" rel="next"/.exec(first)?.[1];
    assert.ok(older, "an Older link");
    hasNot(first, /rel="prev"/);
    const second = await page(older);
    has(second, /Older<span|Newer<span/);
    const newer = /href="(\/decisions\?cursor=[A-Za-z0-9_-]+)" rel="prev"/.exec(second)?.[1];
    assert.ok(newer, "a Newer link");
    const ids = (html: string) => [...html.matchAll(/href="(\/meetings\/[^"#]+#[^"]+)"/g)].map((m) => m[1]);
    assert.equal(ids(first).length, 20);
    assert.deepEqual(ids(await page(newer)), ids(first));
    assert.ok(!ids(second).some((id) => ids(first).includes(id)));
    assert.deepEqual(ids(await page("/decisions?page=2")), ids(second));
    await page("/decisions?page=60", 400);
    await page("/decisions?cursor=bm90IGEgY3Vyc29y", 400);
  });

  test("search highlights matches, counts results, offers facets and understands phrases, OR and exclusions", async () => {
    const html = await page("/search?q=budget");
    has(html, /<mark>[Bb]udget/);
    const count = Number(/(\d+) results? for/.exec(text(html))?.[1]);
    assert.ok(count > 1);
    has(html, /Narrow your results/);
    has(html, /href="\/search\?q=budget&amp;type=decision"/);
    const typed = text(await page("/search?q=budget&type=decision"));
    const typedCount = Number(/(\d+) results? for/.exec(typed)?.[1]);
    assert.ok(typedCount > 0 && typedCount < count);
    const phrase = Number(/(\d+) results? for/.exec(text(await page('/search?q="modern+slavery"')))?.[1]);
    const either = Number(/(\d+) results? for/.exec(text(await page("/search?q=slavery+OR+budget")))?.[1]);
    const without = Number(/(\d+) results? for/.exec(text(await page("/search?q=budget+-salary")))?.[1]);
    assert.ok(phrase > 0);
    assert.ok(either >= Math.max(phrase, count));
    assert.ok(without < count);
    has(await page("/search"), /Search the minutes/);
    has(text(await page("/search?q=zzzznotaword")), /0 results/);
  });

  test("search paginates", async () => {
    const first = await page("/search?q=council");
    const total = Number(/(\d+) results? for/.exec(text(first))?.[1]);
    assert.ok(total > 20, `only ${total} results`);
    has(first, /href="\/search\?q=council&amp;page=2" rel="next"/);
    const second = await page("/search?q=council&page=2");
    has(second, /aria-current="page">\s*2\s*</);
  });

  test("the calendar shows a month of meetings and moves between months", async () => {
    const html = await page("/calendar/2016-12");
    has(html, /<h1 class="govuk-heading-xl">December 2016<\/h1>/);
    has(html, new RegExp(`href="/meetings/${STAFFS}"`));
    has(html, /href="\/calendar\/2016-11"/);
    has(html, /href="\/calendar\/2017-01"/);
    // it opens on the month of the next meeting after today (15 January 2017): the Buckinghamshire cabinet, 23 April 2018
    const current = await page("/calendar");
    has(current, /<h1 class="govuk-heading-xl">April 2018<\/h1>/);
    has(current, new RegExp(`href="/meetings/${BUCKS}"`));
    has(text(await page("/calendar/2017-01")), /No meetings are recorded in January 2017/);
    await page("/calendar/2016-13", 400);
  });

  test("the source document shows line anchors and withholds exempt text; the download is plain text", async () => {
    const meeting = await api(`/api/v1/meetings/${STAFFS}`);
    assert.equal(meeting.source.url, `/meetings/${STAFFS}/minutes`, "the minutes text lives under the meeting's own URL");
    const html = await page(meeting.source.url);
    has(html, /<li id="L1">/);
    has(html, /<li id="L128">/);
    for (const phrase of ITEM_35_TEXT) assert.ok(!text(html).includes(phrase), `item 35 text "${phrase}" is in the document page`);
    const res = await app.request(meeting.source.text);
    assert.equal(res.status, 200);
    assert.match(res.headers.get("content-type") ?? "", /text\/plain/);
    assert.match(res.headers.get("content-disposition") ?? "", /attachment; filename="staffs-safe-strong-2016-12-12.txt"/);
    const body = await res.text();
    has(body, /Modern Slavery/);
    for (const phrase of ITEM_35_TEXT) assert.ok(!body.includes(phrase));
    // sequential document ids are no public address
    await page("/documents/1", 404);
    await page("/documents/1/text", 404);
    await page("/meetings/no-such-meeting/minutes", 404);
    await page("/meetings/no-such-meeting/minutes/text", 404);
  });
});

describe("API", () => {
  test("GET /api/v1/meetings lists meetings with id, date, body and the page url, filtered by body and dates", async () => {
    const all = await api("/api/v1/meetings");
    assert.equal(all.total, 7);
    assert.equal(all.next, null);
    const m = all.data.find((x: any) => x.id === BUCKS);
    assert.equal(m.date, "2018-04-23");
    assert.equal(m.body.id, BUCKS_BODY);
    assert.equal(m.url, `/meetings/${BUCKS}`);
    const byBody = await api(`/api/v1/meetings?body=${BUCKS_BODY}`);
    assert.deepEqual(byBody.data.map((x: any) => x.id), [BUCKS]);
    const dated = await api("/api/v1/meetings?from=2016-01-01&to=2016-12-31");
    assert.ok(dated.data.length >= 2);
    assert.ok(dated.data.every((x: any) => x.date.startsWith("2016")));
    const bad = await api("/api/v1/meetings?from=yesterday", 400);
    assert.equal(bad.error.id, "invalid");
    assert.match(bad.error.message, /from/);
  });

  test("lists paginate with next links that lead through every entry", async () => {
    const seen: string[] = [];
    let next: string | null = "/api/v1/meetings?limit=3";
    while (next) {
      const r: any = await api(next);
      seen.push(...r.data.map((x: any) => x.id));
      next = r.next;
    }
    assert.equal(seen.length, 7);
    assert.equal(new Set(seen).size, 7);
  });

  test("GET /api/v1/meetings/{id} has attendance and items with resolutions, and exempt items without their text", async () => {
    const m = await api(`/api/v1/meetings/${STAFFS}`);
    assert.ok(m.attendance.length > 5);
    assert.ok(m.attendance.every((a: any) => ["present", "in_attendance", "apologies", "absent"].includes(a.status)));
    const items = m.items.map((i: any) => i.number);
    assert.deepEqual(items, ["28", "29", "30", "31", "32", "33", "34", "35"]);
    const i35 = m.items.find((i: any) => i.number === "35");
    assert.equal(i35.exempt, true);
    assert.equal(i35.text, null);
    assert.deepEqual(i35.resolutions, []);
    assert.match(i35.exemptNotice, /paragraphs 1 & 7/);
    assert.ok(m.items.find((i: any) => i.number === "30").resolutions.length > 0);
    const json = JSON.stringify(m);
    for (const phrase of ITEM_35_TEXT) assert.ok(!json.includes(phrase));
    const missing = await api("/api/v1/meetings/nothing-here", 404);
    assert.deepEqual(Object.keys(missing.error), ["id", "status", "message"]);
    assert.equal(missing.error.id, "not_found");
  });

  test("GET /api/v1/bodies and /bodies/{id}", async () => {
    const list = await api("/api/v1/bodies");
    assert.equal(list.total, 7);
    const body = await api(`/api/v1/bodies/${BUCKS_BODY}`);
    assert.equal(body.name, "Cabinet");
    assert.equal(body.authority.name, "Buckinghamshire County Council");
    assert.ok(body.members.length > 5);
    assert.deepEqual(body.meetings.map((m: any) => m.id), [BUCKS]);
    await api("/api/v1/bodies/none", 404);
  });

  test("GET /api/v1/people and /people/{id}", async () => {
    const list = await api("/api/v1/people?limit=10");
    assert.ok(list.total > 50);
    assert.equal(list.data.length, 10);
    assert.match(list.next, /^\/api\/v1\/people\?limit=10&cursor=[A-Za-z0-9_-]+$/);
    const second = await api(list.next);
    assert.equal(second.data.length, 10);
    assert.ok(!second.data.some((p: any) => list.data.some((q: any) => q.id === p.id)));
    assert.deepEqual((await api("/api/v1/people?limit=10&offset=10")).data.map((p: any) => p.id), second.data.map((p: any) => p.id));
    assert.equal((await api("/api/v1/people?offset=1001", 400)).error.id, "invalid");
    const person = await api(list.data[0].apiUrl);
    assert.equal(person.id, list.data[0].id);
    assert.ok(person.attendance.meetings.length >= 1);
    assert.equal(typeof person.attendance.expected, "number");
    await api("/api/v1/people/none", 404);
  });

  test("GET /api/v1/decisions filters like the register", async () => {
    const all = await api("/api/v1/decisions?limit=500");
    const bucks = await api(`/api/v1/decisions?body=${BUCKS_BODY}&limit=500`);
    assert.ok(bucks.total > 0 && bucks.total < all.total);
    assert.ok(bucks.data.every((d: any) => d.body.id === BUCKS_BODY && d.url.startsWith(`/meetings/${BUCKS}#decision-`)));
    const json = JSON.stringify(all);
    for (const phrase of ITEM_35_TEXT) assert.ok(!json.includes(phrase));
  });

  test("GET /api/v1/search answers {data:[{type,id,title,snippet,url,meeting}], total}", async () => {
    const r = await api("/api/v1/search?q=slavery");
    assert.ok(r.total > 0);
    const hit = r.data.find((h: any) => h.meeting?.id === STAFFS);
    assert.ok(hit, "the Staffordshire meeting is found");
    assert.deepEqual(Object.keys(hit), ["type", "id", "title", "snippet", "url", "meeting"]);
    assert.match(hit.snippet, /<mark>/);
    assert.equal(hit.meeting.id, STAFFS);
    assert.equal(hit.meeting.date, "2016-12-12");
    const missing = await api("/api/v1/search", 400);
    assert.equal(missing.error.id, "invalid");
    const none = await api("/api/v1/search?q=%22confidential+HR+matter%22+briefing");
    assert.equal(none.total, 0, "exempt minutes are not searchable");
  });

  test("presenters publish exactly the listed fields, and no database ids", async () => {
    const list = await api("/api/v1/meetings?limit=1");
    assert.deepEqual(Object.keys(list), ["data", "total", "limit", "offset", "next"]);
    assert.deepEqual(Object.keys(list.data[0]), ["id", "date", "startTime", "endTime", "timeZone", "body", "authority", "venue", "status", "hasMinutes", "minutesStatus", "minutesDraft", "minutesApprovedOn", "minutesCorrectedOn", "itemCount", "decisionCount", "url", "apiUrl"]);
    const m = await api(`/api/v1/meetings/${BUCKS}`);
    assert.deepEqual(Object.keys(m.items[0]), ["id", "number", "title", "exempt", "exemptParagraphs", "exemptNotice", "text", "resolutions", "url"]);
    assert.deepEqual(Object.keys(m.attendance[0]), ["name", "person", "status", "kind", "role", "substituteFor", "substituteForPerson"]);
    assert.equal(m.recommendations.length, 8);
    assert.deepEqual(
      m.recommendations.map((r: any) => r.response),
      ["yes", "partially", "partially", "yes", "yes", "yes", "yes", "yes"],
    );
    const ids: unknown[] = [];
    const walk = (v: unknown, key = ""): void => {
      if (Array.isArray(v)) v.forEach((x) => walk(x));
      else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) walk(x, k);
      else if (key === "id") ids.push(v);
    };
    walk(m);
    assert.ok(ids.length > 20);
    assert.ok(ids.every((id) => typeof id === "string"), "ids are slugs, never row numbers");
  });

  test("the OpenAPI document is 3.1 and every path in it answers", async () => {
    const doc = await api("/api/v1/openapi.json");
    assert.equal(doc.openapi, "3.1.0");
    const paths = Object.keys(doc.paths);
    for (const p of ["/api/v1/meetings", "/api/v1/meetings/{id}", "/api/v1/bodies", "/api/v1/bodies/{id}", "/api/v1/people", "/api/v1/people/{id}", "/api/v1/decisions", "/api/v1/search"]) {
      assert.ok(paths.includes(p), `${p} is documented`);
    }
    const routes = app.routes.filter((r) => r.method === "GET" && r.path.startsWith("/api/v1/")).map((r) => r.path.replace(/:(\w+)/g, "{$1}"));
    assert.ok(routes.length >= 9);
    for (const r of routes) assert.ok(paths.includes(r), `${r} is served but not documented`);
    // the downloads the API links to (a meeting's minutes as Word and HTML, its papers, packs and imported minutes)
    const shape = (p: string) => p.replace(/\{\w+\}/g, "{}");
    const downloads = app.routes.filter((r) => r.method === "GET" && /^\/meetings\/:slug\/(?:documents\/|minutes\.)/.test(r.path)).map((r) => shape(r.path.replace(/:(\w+)/g, "{$1}")));
    assert.deepEqual([...new Set(downloads)].sort(), ["/meetings/{}/documents/{}", "/meetings/{}/minutes.docx", "/meetings/{}/minutes.html"]);
    for (const r of downloads) assert.ok(paths.map(shape).includes(r), `${r} is served but not documented`);
    const record = await api(`/api/v1/meetings/${STAFFS}`);
    assert.deepEqual(record.documents.map((d: { mediaType: string }) => d.mediaType).sort(), ["application/vnd.openxmlformats-officedocument.wordprocessingml.document", "text/html", "text/plain"]);
    for (const d of record.documents as { url: string; mediaType: string }[]) {
      const res = await app.request(d.url);
      assert.equal(res.status, 200, d.url);
      assert.equal(res.headers.get("content-type")!.split(";")[0], d.mediaType, d.url);
    }
    const ids: Record<string, string> = { "/api/v1/meetings/{id}": STAFFS, "/api/v1/meetings/{id}/agenda": STAFFS, "/api/v1/bodies/{id}": BUCKS_BODY };
    const person = (await api("/api/v1/people?limit=1")).data[0].id;
    ids["/api/v1/people/{id}"] = person;
    for (const list of ["meetings", "motions", "votes", "roles"]) ids[`/api/v1/people/{id}/${list}`] = person;
    ids["/api/v1/bodies/{id}/members"] = BUCKS_BODY;
    const recommendations = (await api("/api/v1/recommendations?limit=1")).data;
    assert.ok(recommendations.length, "the Buckinghamshire recommendations are tracked");
    ids["/api/v1/inquiries/{id}"] = recommendations[0].inquiry.id;
    const { addKeyDecisionEntry } = await import("../store/forward-plan/entries.ts");
    const decision = { reference: "KD-1", decision: "Budget", details: null, body: BUCKS_BODY, decisionMaker: null, plannedDate: "2017-03", wards: [], consultees: null, documents: [], exempt: null, exception: null };
    ids["/api/v1/forward-plan/{id}"] = await addKeyDecisionEntry(t.db, { fields: decision, actor: { userId: null, label: "test" }, now: new Date("2017-01-15T12:00:00Z"), today: "2017-01-15" });
    for (const p of paths.filter((p) => !p.startsWith("/api/"))) {
      // a download answers with one of the media types documented for it
      const res = await app.request(p.replace("{id}", STAFFS).replace("{document}", "minutes"));
      assert.equal(res.status, 200, p);
      const types = Object.keys(doc.paths[p].get.responses["200"].content);
      assert.ok(types.includes(res.headers.get("content-type")!.split(";")[0]), `${p}: ${res.headers.get("content-type")} is not among ${types.join(", ")}`);
    }
    for (const p of paths.filter((p) => p.startsWith("/api/"))) {
      const url = p.includes("{id}") ? p.replace("{id}", ids[p]) : p === "/api/v1/search" ? `${p}?q=council` : p;
      // a CSV file answers as its document says
      if (doc.paths[p].get.responses["200"]?.content?.["text/csv"]) {
        const res = await app.request(url);
        assert.equal(res.status, 200, url);
        assert.match(res.headers.get("content-type") ?? "", /^text\/csv/);
        continue;
      }
      // a path that needs a session answers, signed out, with the documented refusal
      await api(url, doc.paths[p].get.security ? 403 : 200);
    }
  });
});
