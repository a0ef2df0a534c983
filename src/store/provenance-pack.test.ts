import { test } from "node:test";
import assert from "node:assert/strict";
import { deflateSync } from "node:zlib";
import { packSpans, unpackSpans, type StoredSpan } from "./provenance-pack.ts";

const span = (over: Partial<StoredSpan>): StoredSpan => ({ entity: "item", entity_id: 1, field: "title", line: 1, end_line: null, start: 0, end: 5, implied: false, ...over });

test("spans come back as they went in, in order of start, ties in the order given", () => {
  const spans = [
    span({ entity: "resolution", entity_id: 7, field: "text", line: 40, end_line: 44, start: 900, end: 1200 }),
    span({ entity: "meeting", entity_id: 3, field: "date", line: 2, start: 10, end: 25, implied: true }),
    span({ entity: "item", entity_id: 9, field: "title", line: 12, start: 300, end: 340 }),
    span({ entity: "item", entity_id: 9, field: "number", line: 12, start: 300, end: 303 }),
  ];
  const back = unpackSpans(packSpans(spans));
  assert.deepEqual(back, [spans[1], spans[2], spans[3], spans[0]]);
});

test("no spans pack to null, and null unpacks to none", () => {
  assert.equal(packSpans([]), null);
  assert.deepEqual(unpackSpans(null), []);
});

test("a meeting's fifty spans pack to far fewer bytes than fifty rows", () => {
  const spans = Array.from({ length: 50 }, (_, k) => span({ entity: k % 3 ? "item" : "resolution", entity_id: 1000 + k, field: k % 2 ? "title" : "text", line: 10 + k * 3, start: 400 + k * 180, end: 400 + k * 180 + 90 }));
  const bytes = packSpans(spans)!;
  assert.ok(bytes.length < 50 * 12, `${bytes.length} bytes`);
  assert.deepEqual(unpackSpans(bytes), spans);
});

test("a damaged value or an unknown version fails loudly", () => {
  const bytes = packSpans([span({})])!;
  const damaged = Buffer.from(bytes);
  damaged[damaged.length - 2] ^= 0xff;
  assert.throws(() => unpackSpans(damaged));
  assert.throws(() => unpackSpans(deflateSync(Buffer.from(JSON.stringify({ v: 2 })))), /version 2/);
});
