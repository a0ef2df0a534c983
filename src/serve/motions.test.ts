// A person's motions moved and seconded, on the page and in the API, from real minutes imported
// through the parser (the hand-checked records predate movers): Stoke Ferry's "Cllr A proposed …,
// seconded by Cllr B" and Nipissing's "R2024-070 S. Kirkey, T. Butler: That … Carried.".
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { GOLDEN_DEV, parsedDb, type TestDb } from "../../test/support/portal-db.ts";
import { createApp } from "./app.ts";

let t: TestDb;
let app: ReturnType<typeof createApp>;

before(async () => {
  t = await parsedDb([join(GOLDEN_DEV, "2018-11-stoke-ferry-parish-council-minutes-of-september-meeeting.md"), join(GOLDEN_DEV, "Minutes-April-2-2024.pdf")]);
  app = createApp({ db: t.db });
});
after(() => t.close());

async function get(path: string): Promise<Response> {
  const res = await app.request(path);
  assert.equal(res.status, 200, `${path} answered ${res.status}`);
  return res;
}

const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/&amp;/g, "&").replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/\s+/g, " ");

describe("motions moved and seconded", () => {
  test("a person page lists the decisions they moved or seconded, linked to the meeting and item", async () => {
    const html = await (await get("/people/jim-mcneill-stoke-ferry-parish-council")).text();
    const section = html.slice(html.indexOf('id="motions"'), html.indexOf("This record as data"));
    assert.ok(section.length > 0 && html.includes("Motions moved and seconded"));
    const meeting = /href="(\/meetings\/stoke-ferry-parish-council-[^"#]+)"/.exec(section)?.[1];
    assert.ok(meeting, "the meeting is linked");
    assert.match(section, new RegExp(`href="${meeting}#item-[^"]+"`), "the item is linked");
    assert.match(section, new RegExp(`href="${meeting}#decision-[^"]+"`), "the decision is linked");
    const words = text(section);
    assert.match(words, /to approve the dispensation applications/);
    assert.match(words, /payment of all bills presented/);
    assert.equal((words.match(/Seconded as “Cllr Jim McNeill”/g) ?? []).length, 2);
    assert.doesNotMatch(words, /\bMoved\b/);
  });

  test("a numbered motion's movers are matched to the councillors in attendance", async () => {
    const html = text(await (await get("/people/stephen-kirkey-township-of-nipissing")).text());
    assert.match(html, /That the minutes of the Council Meeting held March 19, 2024 be adopted[^]*Moved as “S\. Kirkey”/);
  });

  test("someone recorded as moving nothing is told so", async () => {
    const list: any = await (await get("/api/v1/people?limit=100")).json();
    const quiet: { url: string }[] = [];
    for (const p of list.data) if (((await (await get(p.apiUrl)).json()) as { motions: unknown[] }).motions.length === 0) quiet.push(p);
    assert.ok(quiet.length > 0);
    assert.match(text(await (await get(quiet[0].url)).text()), /The minutes do not record .* moving or seconding any decision/);
  });

  test("the API person detail lists the motions field by field", async () => {
    const p: any = await (await get("/api/v1/people/sue-lintern-stoke-ferry-parish-council")).json();
    assert.equal(p.motions.length, 1);
    const m = p.motions[0];
    assert.deepEqual(Object.keys(m), ["role", "nameAsWritten", "decision", "item", "meeting"]);
    assert.equal(m.role, "moved");
    assert.equal(m.nameAsWritten, "Cllr Sue Lintern");
    assert.equal(m.decision.text, "to approve the dispensation applications");
    assert.equal(m.item.number, "183/18");
    assert.match(m.item.url, new RegExp(`^/meetings/${m.meeting.id}#item-`));
    assert.match(m.decision.url, new RegExp(`^/meetings/${m.meeting.id}#decision-${m.decision.id}$`));
    assert.equal(m.meeting.date, "2018-09-05");
    const doc: any = await (await get("/api/v1/openapi.json")).json();
    const detail = doc.components.schemas.PersonDetail.allOf[1];
    assert.deepEqual(detail.properties.motions.items.required, ["role", "nameAsWritten", "decision", "item", "meeting"]);
  });
});
