// Corrections: what a person changed in a meeting's parsed record, kept apart from it and laid over
// it every time the meeting is stored. A correction names a field by path ("attendance/3/role",
// "items/2/resolutions/0/outcome", "date") and carries an anchor taken from the record it was made
// on: the element's source span start and its identifying value as parsed (an attendee's name, an
// item's number). A later parse that moves the element (a new parser version finding one more
// attendee) still finds it by its anchor, not by its old index. When the field's newly parsed value
// differs from the value the person corrected, the correction still applies but is reported as a
// conflict for a person to settle.
import type { ParsedMinutes } from "./minutes.ts";

export interface Anchor {
  /** where the element starts in the source text, when the parser gave a span */
  start: number | null;
  /** the element's identifying value as parsed */
  key: string;
}

export interface Correction {
  id: number;
  /** the field's path in the record the correction was made on */
  path: string;
  /** null for a meeting's own fields (date, times, venue, status), which need no finding */
  anchor: Anchor | null;
  /** the parsed value the person corrected */
  before: unknown;
  /** the value the person gave */
  after: unknown;
}

export interface CorrectionConflict {
  correction: Correction;
  /** the field's path in the new record; null when the element is no longer there */
  path: string | null;
  /** the newly parsed value (undefined when the element is no longer there) */
  parsedNow: unknown;
}

export interface Applied {
  record: ParsedMinutes;
  conflicts: CorrectionConflict[];
}

export const MEETING_FIELDS = ["date", "startTime", "endTime", "venue", "status"] as const;
export const ATTENDEE_FIELDS = ["status", "kind", "role", "substituteFor", "person"] as const;
export const ITEM_FIELDS = ["number", "title", "exempt", "exemptParagraphs"] as const;
export const RESOLUTION_FIELDS = ["text", "outcome", "votes"] as const;
export const DECLARATION_FIELDS = ["name", "item", "interest", "description"] as const;
export const RECOMMENDATION_FIELDS = ["number", "text", "response", "responseText", "responsibleMember", "responsibleOfficer", "actionBy"] as const;

type Kind = "attendance" | "items" | "resolutions" | "declarations" | "recommendations";

interface Target {
  kind: Kind | "meeting";
  /** element indices: [i] or, for a resolution, [item, resolution] */
  at: number[];
  field: string;
}

const FIELDS: Record<Kind | "meeting", readonly string[]> = {
  meeting: MEETING_FIELDS,
  attendance: ATTENDEE_FIELDS,
  items: ITEM_FIELDS,
  resolutions: RESOLUTION_FIELDS,
  declarations: DECLARATION_FIELDS,
  recommendations: RECOMMENDATION_FIELDS,
};

/** The target of a path, or null when the path names no correctable field. */
export function parsePath(path: string): Target | null {
  const p = path.split("/");
  const idx = (s: string) => (/^\d{1,5}$/.test(s) ? Number(s) : null);
  let t: Target | null = null;
  if (p.length === 1) t = { kind: "meeting", at: [], field: p[0] };
  else if (p.length === 3 && ["attendance", "items", "declarations", "recommendations"].includes(p[0]) && idx(p[1]) !== null) t = { kind: p[0] as Kind, at: [idx(p[1])!], field: p[2] };
  else if (p.length === 5 && p[0] === "items" && p[2] === "resolutions" && idx(p[1]) !== null && idx(p[3]) !== null) t = { kind: "resolutions", at: [idx(p[1])!, idx(p[3])!], field: p[4] };
  return t && FIELDS[t.kind].includes(t.field) ? t : null;
}

/** The path of an element's field; only for elements, a meeting's own fields are never located. */
function pathOf(t: Target): string {
  if (t.kind === "resolutions") return `items/${t.at[0]}/resolutions/${t.at[1]}/${t.field}`;
  return `${t.kind}/${t.at[0]}/${t.field}`;
}

type Element = Record<string, unknown>;

function element(record: ParsedMinutes, kind: Kind | "meeting", at: number[]): Element | undefined {
  switch (kind) {
    case "meeting":
      return record as unknown as Element;
    case "attendance":
      return record.attendance[at[0]] as unknown as Element | undefined;
    case "items":
      return record.items[at[0]] as unknown as Element | undefined;
    case "resolutions":
      return record.items[at[0]]?.resolutions[at[1]] as unknown as Element | undefined;
    case "declarations":
      return record.declarations?.[at[0]] as unknown as Element | undefined;
    case "recommendations":
      return record.recommendations[at[0]] as unknown as Element | undefined;
  }
}

/** Every element of a kind, in document order. */
function allOf(record: ParsedMinutes, kind: Kind): number[][] {
  switch (kind) {
    case "attendance":
      return record.attendance.map((_, i) => [i]);
    case "items":
      return record.items.map((_, i) => [i]);
    case "resolutions":
      return record.items.flatMap((it, i) => it.resolutions.map((_, j) => [i, j]));
    case "declarations":
      return (record.declarations ?? []).map((_, i) => [i]);
    case "recommendations":
      return record.recommendations.map((_, i) => [i]);
  }
}

function keyOf(record: ParsedMinutes, kind: Kind, at: number[]): string | null {
  const e = element(record, kind, at);
  if (!e) return null;
  switch (kind) {
    case "attendance":
      return String(e.name);
    case "items":
    case "recommendations":
      return String(e.number);
    case "resolutions":
      return `${record.items[at[0]].number}\u0000${String(e.text)}`;
    case "declarations":
      return `${String(e.name)}\u0000${String(e.item ?? "")}`;
  }
}

function startOf(record: ParsedMinutes, kind: Kind, at: number[]): number | null {
  const prov = record.provenance ?? {};
  const paths = {
    attendance: [`attendance/${at[0]}`],
    items: [`items/${at[0]}/number`, `items/${at[0]}/title`],
    resolutions: [`items/${at[0]}/resolutions/${at[1]}`],
    declarations: [`declarations/${at[0]}`],
    recommendations: [`recommendations/${at[0]}`],
  }[kind];
  for (const p of paths) if (Number.isInteger(prov[p]?.start)) return prov[p].start;
  return null;
}

/** The value at a path (undefined when there is none). */
export function valueAt(record: ParsedMinutes, path: string): unknown {
  const t = parsePath(path);
  if (!t) return undefined;
  return element(record, t.kind, t.at)?.[t.field];
}

/** The anchor for a correction made at this path of this (parsed) record; null for the meeting's own fields or a missing element. */
export function anchorFor(record: ParsedMinutes, path: string): Anchor | null {
  const t = parsePath(path);
  if (!t || t.kind === "meeting") return null;
  const key = keyOf(record, t.kind, t.at);
  return key === null ? null : { start: startOf(record, t.kind, t.at), key };
}

/**
 * Where the element a correction was made on is in this record: the one with the same key and
 * span start; else the same key nearest its old position; else the same span start (read
 * differently there). Null when none is.
 */
export function locate(record: ParsedMinutes, correction: Correction): string | null {
  const t = parsePath(correction.path);
  if (!t) return null;
  if (t.kind === "meeting") return correction.path;
  if (!correction.anchor) return element(record, t.kind, t.at) ? correction.path : null;
  const { key, start } = correction.anchor;
  const all = allOf(record, t.kind);
  const oldIndex = all.findIndex((at) => at.join("/") === t.at.join("/"));
  let best: { at: number[]; score: number; distance: number } | null = null;
  for (const [n, at] of all.entries()) {
    const score = (keyOf(record, t.kind, at) === key ? 2 : 0) + (start !== null && startOf(record, t.kind, at) === start ? 1 : 0);
    if (score === 0) continue;
    const distance = Math.abs(n - (oldIndex < 0 ? t.at[t.at.length - 1] : oldIndex));
    if (!best || score > best.score || (score === best.score && distance < best.distance)) best = { at, score, distance };
  }
  return best ? pathOf({ ...t, at: best.at }) : null;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * The record with the corrections laid over it (in the order given: a later one on the same field
 * wins), and the corrections whose field was parsed differently this time or is no longer there.
 * The record is not changed. Every correction is located in the record as parsed, before any is
 * applied, so that correcting an attendee's name or an item's number does not lose the others.
 */
export function applyCorrections(record: ParsedMinutes, corrections: readonly Correction[]): Applied {
  const out = structuredClone(record);
  const conflicts: CorrectionConflict[] = [];
  const located = corrections.map((c) => ({ c, path: locate(record, c) }));
  for (const { c, path } of located) {
    if (path === null) {
      conflicts.push({ correction: c, path: null, parsedNow: undefined });
      continue;
    }
    const parsedNow = valueAt(record, path);
    if (!same(parsedNow, c.before)) conflicts.push({ correction: c, path, parsedNow });
    const t = parsePath(path)!;
    element(out, t.kind, t.at)![t.field] = c.after;
  }
  return { record: out, conflicts };
}
