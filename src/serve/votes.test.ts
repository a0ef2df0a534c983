// Recorded votes on the portal: under each decision on the meeting page, on a person's page and in
// the API, from real minutes imported through the parser (an Alameda board's "Approved (3) - Huston,
// Lee, Cervantes", a Norfolk parish's "7 Votes for 1 Against"). An exempt item's votes appear on no
// public page, API route or search.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { resolve, join } from "node:path";
import { parsedDb, type TestDb } from "../../test/support/portal-db.ts";
import { crawl } from "../../test/support/crawl.ts";
import { minutes, sourceOf } from "../../test/support/golden.ts";
import { importMinutes } from "../store/import.ts";
import { createApp } from "./app.ts";

const FIXTURES = resolve(import.meta.dirname, "../../test/fixtures/votes");
let t: TestDb;
let app: ReturnType<typeof createApp>;
let sealedSlug: string;

before(async () => {
  t = await parsedDb([join(FIXTURES, "alameda-public-art-2005-03-24.txt"), join(FIXTURES, "2012-10-stoke-ferry-parish-council-minutes-october-2012.md")]);
  // A meeting whose exempt item records a vote by a member who votes nowhere else.
  const at = (name: string) => ({ name, status: "present" as const, kind: "member" as const, role: null, substituteFor: null });
  const recorded = (f: string[], a: string[]) => ({ for: f, against: a, abstain: [], absent: [], recused: [] });
  const r = await importMinutes(t.db, {
    source: sourceOf("sealton-2019-10-21.txt", "Sealton Town Council\n1 Grants\n2 Staffing\n"),
    record: minutes({
      authority: "Sealton Town Council",
      body: "Sealton Town Council",
      date: "2019-10-21",
      attendance: [at("Councillor Ann Benson"), at("Councillor Xavier Yarrow")],
      items: [
        { number: "1", title: "Grants", exempt: false, resolutions: [{ text: "that the grants be paid", votes: { for: 1, against: null, abstain: null, recorded: recorded(["Councillor Benson"], []) } }] },
        { number: "2", title: "Staffing", exempt: true, resolutions: [{ text: "to regrade the post", votes: { for: 1, against: 1, abstain: null, recorded: recorded(["Councillor Yarrow"], ["Councillor Benson"]) } }] },
      ],
    }),
    parserVersion: "test",
  });
  sealedSlug = r.meetingSlug;
  app = createApp({ db: t.db });
});
after(() => t.close());

async function get(path: string): Promise<Response> {
  const res = await app.request(path);
  assert.equal(res.status, 200, `${path} answered ${res.status}`);
  return res;
}
const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/&amp;/g, "&").replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/\s+/g, " ").replace(/ ,/g, ",");
const meetingOf = async (body: RegExp) => {
  const list: any = await (await get("/api/v1/meetings?limit=100")).json();
  return list.data.find((m: any) => body.test(m.body.name)) as { id: string; url: string; apiUrl: string };
};

test("the meeting page lists who voted how under the decision, names linked to people", async () => {
  const m = await meetingOf(/Art Advisory/);
  const html = await (await get(m.url)).text();
  const list = /<ul[^>]*aria-label="How members voted on decision[^"]*"[^>]*>([^]*?)<\/ul>/.exec(html);
  assert.ok(list, "a labelled list of votes");
  assert.match(text(list[1]), /For \(3\): Huston, Lee, Cervantes/);
  assert.match(text(list[1]), /Abstained \(1\): Wolfe/);
  assert.match(text(list[1]), /Absent \(1\): Rosenberg/);
  assert.match(list[1], /<a class="govuk-link" href="\/people\/cecilia-cervantes[^"]*">Cervantes<\/a>/);
  assert.match(text(html), /For 3, against –, abstaining 1/);
});

test("a tally without names shows as a line under its decision", async () => {
  const m = await meetingOf(/Stoke Ferry/);
  const words = text(await (await get(m.url)).text());
  assert.match(words, /returning to the practice of publishing draft minutes .{0,40}For 7, against 1, abstaining –/);
});

test("the API meeting's decisions carry their votes with names and people", async () => {
  const m = await meetingOf(/Art Advisory/);
  const record: any = await (await get(m.apiUrl)).json();
  const decision = record.items.flatMap((i: any) => i.resolutions).find((r: any) => r.votes?.recorded);
  assert.deepEqual(Object.keys(decision.votes), ["for", "against", "abstain", "unanimous", "recorded"]);
  assert.deepEqual(decision.votes.recorded.for.map((v: any) => v.name), ["Huston", "Lee", "Cervantes"]);
  assert.match(decision.votes.recorded.for[2].person.url, /^\/people\/cecilia-cervantes/);
  assert.deepEqual(decision.votes.recorded.abstain.map((v: any) => v.name), ["Wolfe"]);
  const doc: any = await (await get("/api/v1/openapi.json")).json();
  assert.deepEqual(doc.components.schemas.Resolution.properties.votes.oneOf[0], { $ref: "#/components/schemas/Votes" });
  assert.deepEqual(doc.components.schemas.Votes.required, ["for", "against", "abstain", "unanimous", "recorded"]);
  assert.deepEqual(doc.components.schemas.PersonDetail.allOf[1].properties.votes.items.required, ["vote", "nameAsWritten", "decision", "item", "meeting"]);
});

test("a person's page and API record say how they voted", async () => {
  const list: any = await (await get("/api/v1/people?limit=100")).json();
  const cervantes: any = await (await get(list.data.find((p: any) => p.name === "Cecilia Cervantes").apiUrl)).json();
  assert.deepEqual(cervantes.votes.map((v: any) => [v.vote, v.nameAsWritten]), [["for", "Cervantes"]]);
  const html = text(await (await get(cervantes.url)).text());
  assert.match(html, /How they voted .* For as “Cervantes”/);
});

test("an exempt item's votes are on no public page, API route or search", async () => {
  const visits = await crawl(app, ["/", "/api/v1", `/meetings/${sealedSlug}`, `/api/v1/meetings/${sealedSlug}`, "/people", "/api/v1/people?limit=100", "/decisions", "/api/v1/decisions", "/search?q=regrade", "/api/v1/search?q=regrade", "/search?q=Yarrow", "/api/v1/search?q=Yarrow"], {
    follow: (url) => !/\/calendar\//.test(url),
  });
  const pages = [...visits.values()];
  assert.ok(pages.some((v) => v.url === `/meetings/${sealedSlug}`) && pages.some((v) => /\/people\/xavier-yarrow/.test(v.url)), "the meeting and the member's pages were read");
  const leaks: string[] = [];
  for (const v of pages) {
    // (a search page repeats its query, so the decision's words, not the one word searched for)
    if (/regrade the post/i.test(v.body)) leaks.push(`${v.url}: the exempt decision`);
    // Yarrow voted only in the exempt item: no list of votes and no vote record may name him
    for (const m of v.body.matchAll(/aria-label="How members voted[^>]*>([^]*?)<\/ul>/g)) if (/Yarrow/.test(m[1])) leaks.push(`${v.url}: a vote list`);
    if (/^\/people\/xavier-yarrow/.test(v.url) && /id="votes"/.test(v.body)) leaks.push(`${v.url}: how they voted`);
    if (v.type.includes("json")) {
      const json = JSON.parse(v.body);
      if (/^\/api\/v1\/people\/xavier-yarrow/.test(v.url) && json.votes.length) leaks.push(`${v.url}: votes`);
      if (/"recorded":\{[^}]*Yarrow/.test(v.body)) leaks.push(`${v.url}: recorded votes`);
    }
  }
  assert.deepEqual(leaks, []);
  // the public decision's vote is there
  const meeting = text(visits.get(`/meetings/${sealedSlug}`)!.body);
  assert.match(meeting, /For \(1\): Councillor Benson/);
  assert.doesNotMatch(meeting, /Against \(1\)/);
});
