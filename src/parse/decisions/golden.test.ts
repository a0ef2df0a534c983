// The dev documents, read with their expected item boundaries (found by title), so that the decisions
// are measured on their own, whatever the item finder does. Scored the way shared/tools/score-minutes.mjs
// scores resolutions: token F1 of the joined texts per item that has a decision in either.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { join, extname, basename } from "node:path";
import { readDocument } from "../../ingest/read.ts";
import { ParseContext, type ItemBlock } from "../context.ts";
import { parseResolutions } from "./resolutions.ts";
import { parseRecommendations } from "./recommendations.ts";
import { tokenF1, words } from "../../../test/support/score-minutes.ts";

const DEV = new URL("../../../test/golden/dev/", import.meta.url).pathname;
const REAL = new URL("../../../test/golden/real/", import.meta.url).pathname;

interface Gold {
  items: { number: string; title: string; resolutions: { text: string }[] }[];
  recommendations: { number: string; response: string | null }[];
}

/** Item blocks at the expected titles, in order. */
function oracleItems(ctx: ParseContext, gold: Gold): ItemBlock[] {
  const text = ctx.source.text;
  const norm: string[] = [];
  const map: number[] = [];
  let space = true;
  for (let i = 0; i < text.length; i++) {
    const c = text[i].toLowerCase();
    if (c === "&") {
      for (const ch of `${space ? "" : " "}and `) {
        norm.push(ch);
        map.push(i);
      }
      space = true;
    } else if (/[a-z0-9]/.test(c)) {
      norm.push(c);
      map.push(i);
      space = false;
    } else if (!space) {
      norm.push(" ");
      map.push(i);
      space = true;
    }
  }
  const ns = norm.join("");
  const lineOf = (offset: number) => {
    let lo = 0;
    let hi = ctx.lines.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (ctx.lines[mid].offset <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const blocks: ItemBlock[] = [];
  let from = 0;
  for (const it of gold.items) {
    const all = words(it.title).join(" ");
    const key = all.length > 50 ? all.slice(0, 50).replace(/\s\S*$/, "") : all;
    const at = ns.indexOf(key, from);
    if (at < 0) continue;
    const full = words(it.title).join(" ");
    const fullAt = ns.startsWith(full, at) ? full.length : key.length;
    const s = map[at];
    const e = map[Math.min(at + fullAt - 1, map.length - 1)] + 1;
    const li = lineOf(s);
    const span = { line: ctx.lines[li].no, start: s, end: e };
    blocks.push({
      number: { value: it.number, span: { ...span, end: s } },
      title: { value: it.title, span },
      start: li,
      bodyStart: li + 1,
      end: ctx.lines.length,
    });
    from = at + fullAt;
  }
  for (let k = 0; k + 1 < blocks.length; k++) blocks[k].end = Math.max(blocks[k].start + 1, blocks[k + 1].start + 1);
  return blocks;
}

const docsIn = (dir: string) =>
  existsSync(dir)
    ? readdirSync(dir).filter((f) => [".txt", ".md", ".pdf", ".html", ".docx"].includes(extname(f)) && existsSync(join(dir, basename(f, extname(f)) + ".expected.json")))
    : [];
const docs = docsIn(DEV);

async function resolutionScore(DIR: string, files: string[]): Promise<number> {
  const scores: number[] = [];
  for (const f of files) {
    const gold = JSON.parse(readFileSync(join(DIR, basename(f, extname(f)) + ".expected.json"), "utf8")) as Gold;
    const ctx = new ParseContext(await readDocument(join(DIR, f)));
    const blocks = oracleItems(ctx, gold);
    const per: number[] = [];
    for (const it of gold.items) {
      const b = blocks.find((x) => x.number.value === it.number && x.title.value === it.title);
      const got = b ? parseResolutions(ctx, b, blocks).map((r) => r.value.text) : [];
      const want = it.resolutions.map((r) => r.text);
      if (!want.length && !got.length) continue;
      const f1 = tokenF1(want.join(" "), got.join(" "));
      per.push(f1);
      if (process.env.DECISIONS_VERBOSE && f1 < 0.99) {
        console.log(`\n${f} item ${it.number} f1=${f1.toFixed(2)}\n  want: ${JSON.stringify(want)}\n  got:  ${JSON.stringify(got)}`);
      }
    }
    const mean = per.length ? per.reduce((a, b) => a + b, 0) / per.length : 1;
    if (process.env.DECISIONS_VERBOSE) console.log(`${f}: ${mean.toFixed(3)} (${blocks.length}/${gold.items.length} items placed)`);
    scores.push(mean);
  }
  const overall = scores.reduce((a, b) => a + b, 0) / Math.max(1, scores.length);
  if (process.env.DECISIONS_VERBOSE) console.log(`overall ${overall.toFixed(3)}`);
  return overall;
}

test("resolutions on the dev documents, with the expected item boundaries", async () => {
  const overall = await resolutionScore(DEV, docs);
  assert.ok(overall >= 0.99, `resolution score ${overall.toFixed(3)} below 0.99`);
});

test("resolutions on the hand-checked real documents, with the expected item boundaries", async () => {
  const files = docsIn(REAL);
  if (!files.length) return;
  const overall = await resolutionScore(REAL, files);
  assert.ok(overall >= 0.98, `resolution score ${overall.toFixed(3)} below 0.98`);
});

test("recommendation tables on the dev documents", async () => {
  for (const f of docs) {
    const gold = JSON.parse(readFileSync(join(DEV, basename(f, extname(f)) + ".expected.json"), "utf8")) as Gold;
    const ctx = new ParseContext(await readDocument(join(DEV, f)));
    const got = parseRecommendations(ctx, oracleItems(ctx, gold)).map((r) => r.value);
    assert.deepEqual(
      got.map((r) => [r.number, r.response]),
      gold.recommendations.map((r) => [r.number, r.response]),
      f,
    );
  }
});
