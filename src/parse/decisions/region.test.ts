import { test } from "node:test";
import assert from "node:assert/strict";
import { splitLines } from "../../domain/source.ts";
import { ParseContext, type ItemBlock } from "../context.ts";
import { buildRegion, itemRegion } from "./region.ts";
import { parseResolutions } from "./resolutions.ts";

const ctxOf = (text: string) => new ParseContext({ file: "t.md", format: "md", text, lines: splitLines(text), contentHash: "", byteLength: text.length });

function block(ctx: ParseContext, number: string, title: string, numberAt?: number): ItemBlock {
  const s = ctx.source.text.indexOf(title);
  const li = ctx.lines.findIndex((l) => s >= l.offset && s <= l.offset + l.text.length);
  const n = numberAt ?? ctx.source.text.lastIndexOf(number, s);
  return {
    number: { value: number, span: { line: li + 1, start: n, end: n + number.length } },
    title: { value: title, span: { line: li + 1, start: s, end: s + title.length } },
    start: li,
    bodyStart: li + 1,
    end: ctx.lines.length,
  };
}

test("items that start in the middle of a line own the text up to the next item's number", () => {
  const text = "8.6 Signs. It was agreed to go ahead. 9. Review of Policies. The document was discussed and a final version approved.";
  const ctx = ctxOf(text);
  const a = block(ctx, "8", "Signs");
  const b = block(ctx, "9", "Review of Policies");
  a.end = 1;
  b.start = 0;
  const items = [a, b];
  assert.equal(itemRegion(ctx, a, items).text.trim(), ". It was agreed to go ahead.");
  assert.deepEqual(parseResolutions(ctx, a, items).map((r) => r.value.text), ["to go ahead."]);
  assert.deepEqual(parseResolutions(ctx, b, items).map((r) => r.value.text), ["The document was discussed and a final version approved."]);
});

test("a number printed apart from its title does not cut the item before it", () => {
  const text = "16/01/11 16/01/12\nPlanning Applications Resolved 16/01/11.01 No objections.\nFinance Resolved 16/01/12.01 That the balances be adopted.";
  const ctx = ctxOf(text);
  const a = block(ctx, "16/01/11", "Planning Applications", 0);
  const b = block(ctx, "16/01/12", "Finance", 9);
  a.end = 2;
  assert.deepEqual(parseResolutions(ctx, a, [a, b]).map((r) => r.value.text), ["No objections."]);
  assert.deepEqual(parseResolutions(ctx, b, [a, b]).map((r) => r.value.text), ["That the balances be adopted."]);
});

test("a decision's span covers its source text across lines", () => {
  const text = "3 Minutes\nRESOLVED: The minutes were\nagreed as a record.";
  const ctx = ctxOf(text);
  const a = block(ctx, "3", "Minutes");
  const [r] = parseResolutions(ctx, a, [a]);
  assert.equal(r.value.text, "The minutes were agreed as a record.");
  assert.equal(r.span.line, 2);
  assert.equal(r.span.endLine, 3);
  assert.equal(text.slice(r.span.start, r.span.end), "The minutes were\nagreed as a record.");
});

test("every character of a region maps back to its line and column, the joining line breaks to the start of the line they lead to", () => {
  const text = "4. Planning\nThe clerk reported.\n\nIt was agreed to object.\n5. Finance";
  const ctx = ctxOf(text);
  // from the end of "4. Plan" to the start of "5."
  const from = text.indexOf("ning");
  const until = text.indexOf("5. Finance");
  const region = buildRegion(ctx, 0, 4, from, until);
  assert.equal(region.text, "ning\nThe clerk reported.\n\nIt was agreed to object.");
  assert.equal(region.lineOf.length, region.text.length);
  assert.equal(region.colOf.length, region.text.length);
  for (let i = 0; i < region.text.length; i++) {
    const line = ctx.lines[region.lineOf[i]];
    if (region.text[i] === "\n") assert.equal(region.colOf[i], 0, `line break at ${i}`);
    else assert.equal(line.text[region.colOf[i]], region.text[i], `character ${i}`);
  }
  assert.deepEqual([...region.lineOf.slice(0, 6)], [0, 0, 0, 0, 1, 1]);
  assert.deepEqual([...region.colOf.slice(0, 6)], [7, 8, 9, 10, 0, 0]);
  assert.equal(buildRegion(ctx, 0, 0, 0, 2).text, "4.");
  assert.equal(buildRegion(ctx, 2, 1).text, "");
});
