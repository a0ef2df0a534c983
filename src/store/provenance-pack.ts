// A document's provenance (where each of its values was read: a span of its text) is kept packed on
// the document's row (migration 041), not as a row per span: spans are only ever read a whole
// document at a time, and as rows the fifty or so a meeting has cost PostgreSQL 6.3 KB a meeting in
// row headers and two indexes. Packed column by column, so that repeated names and small numbers
// deflate to a few bytes a span; starts are kept as steps from the one before, being in order.
import { deflateSync, inflateSync } from "node:zlib";

export interface StoredSpan {
  /** meeting | attendance | item | resolution | recommendation | declaration | question */
  entity: string;
  entity_id: number;
  field: string;
  line: number;
  end_line: number | null;
  start: number;
  end: number;
  implied: boolean;
}

/** Version 1: columns of equal length, spans in order of start (then in the order they were given). */
interface PackedV1 {
  v: 1;
  entity: string[];
  id: number[];
  field: string[];
  line: number[];
  endLine: (number | null)[];
  /** each start less the one before (the first less 0) */
  step: number[];
  length: number[];
  implied: (0 | 1)[];
}

/** The spans, packed in order of start; null for none. */
export function packSpans(spans: readonly StoredSpan[]): Buffer | null {
  if (!spans.length) return null;
  // Array sort is stable: spans that start together keep the order they were given
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const packed: PackedV1 = { v: 1, entity: [], id: [], field: [], line: [], endLine: [], step: [], length: [], implied: [] };
  let at = 0;
  for (const s of sorted) {
    packed.entity.push(s.entity);
    packed.id.push(s.entity_id);
    packed.field.push(s.field);
    packed.line.push(s.line);
    packed.endLine.push(s.end_line);
    packed.step.push(s.start - at);
    packed.length.push(s.end - s.start);
    packed.implied.push(s.implied ? 1 : 0);
    at = s.start;
  }
  return deflateSync(Buffer.from(JSON.stringify(packed), "utf8"));
}

/** The spans of a packed value, in order of start; none for null. A damaged value throws. */
export function unpackSpans(bytes: Uint8Array | null): StoredSpan[] {
  if (bytes === null) return [];
  const p = JSON.parse(inflateSync(bytes).toString("utf8")) as PackedV1;
  if (p.v !== 1) throw new Error(`packed provenance of version ${String(p.v)} is not known`);
  const out: StoredSpan[] = [];
  let at = 0;
  for (let k = 0; k < p.entity.length; k++) {
    at += p.step[k];
    out.push({ entity: p.entity[k], entity_id: p.id[k], field: p.field[k], line: p.line[k], end_line: p.endLine[k], start: at, end: at + p.length[k], implied: p.implied[k] === 1 });
  }
  return out;
}
