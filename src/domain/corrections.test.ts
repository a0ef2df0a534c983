import { test } from "node:test";
import assert from "node:assert/strict";
import { anchorFor, applyCorrections, locate, parsePath, valueAt, type Correction } from "./corrections.ts";
import type { Attendee, ParsedMinutes, Span } from "./minutes.ts";

const at = (name: string, role: string | null = null): Attendee => ({ name, status: "present", kind: "member", role, substituteFor: null });
const span = (start: number): Span => ({ line: 1, start, end: start + 10 });

function minutes(over: Partial<ParsedMinutes> = {}): ParsedMinutes {
  return {
    schema: "quorum.minutes/1",
    authority: "Anytown Council",
    body: "Cabinet",
    date: "2024-03-12",
    startTime: "10:00",
    endTime: null,
    venue: "Town Hall",
    attendance: [at("Cllr A Able"), at("Cllr B Baker"), at("Cllr C Cole")],
    items: [
      { number: "1", title: "Apologies", exempt: false, resolutions: [] },
      { number: "2", title: "Budget", exempt: false, resolutions: [{ text: "The budget was approved.", outcome: "approved" }] },
    ],
    recommendations: [],
    declarations: [],
    nextMeeting: null,
    warnings: [],
    provenance: { "attendance/0": span(100), "attendance/1": span(120), "attendance/2": span(140), "items/0/number": span(200), "items/1/number": span(300), "items/1/resolutions/0": span(320) },
    ...over,
  };
}

function correction(record: ParsedMinutes, path: string, after: unknown, id = 1): Correction {
  return { id, path, anchor: anchorFor(record, path), before: valueAt(record, path), after };
}

test("a correction replaces the parsed value and leaves the record given unchanged", () => {
  const parsed = minutes();
  const c = correction(parsed, "attendance/1/role", "Chair");
  const { record, conflicts } = applyCorrections(parsed, [c]);
  assert.equal(record.attendance[1].role, "Chair");
  assert.equal(parsed.attendance[1].role, null);
  assert.deepEqual(conflicts, []);
});

test("the meeting's own fields are corrected by name", () => {
  const parsed = minutes();
  const { record } = applyCorrections(parsed, [correction(parsed, "venue", "Council Chamber"), correction(parsed, "startTime", "10:30", 2)]);
  assert.equal(record.venue, "Council Chamber");
  assert.equal(record.startTime, "10:30");
});

test("the anchor is the element's span start and its identifying value as parsed", () => {
  const parsed = minutes();
  assert.deepEqual(anchorFor(parsed, "attendance/2/status"), { start: 140, key: "Cllr C Cole" });
  assert.deepEqual(anchorFor(parsed, "items/1/resolutions/0/outcome"), { start: 320, key: "2\u0000The budget was approved." });
  assert.equal(anchorFor(parsed, "date"), null);
});

test("a new parser version that finds one more attendee shifts the indexes; the correction follows its attendee", () => {
  const v1 = minutes();
  const c = correction(v1, "attendance/1/role", "Chair");
  const v2 = minutes({
    attendance: [at("Cllr Z Zed"), at("Cllr A Able"), at("Cllr B Baker"), at("Cllr C Cole")],
    provenance: { "attendance/0": span(80), "attendance/1": span(100), "attendance/2": span(120), "attendance/3": span(140) },
  });
  const { record, conflicts } = applyCorrections(v2, [c]);
  assert.equal(record.attendance[2].name, "Cllr B Baker");
  assert.equal(record.attendance[2].role, "Chair");
  assert.equal(record.attendance[1].role, null);
  assert.deepEqual(conflicts, []);
});

test("an element read with a different name at the same place is found by its span", () => {
  const v1 = minutes();
  const c = correction(v1, "attendance/1/status", "apologies");
  const v2 = minutes({ attendance: [at("Cllr A Able"), at("Councillor B Baker"), at("Cllr C Cole")] });
  assert.equal(locate(v2, c), "attendance/1/status");
  assert.equal(applyCorrections(v2, [c]).record.attendance[1].status, "apologies");
});

test("when the same name appears twice the one at the old span is chosen", () => {
  const v1 = minutes({ attendance: [at("Mr J Smith"), at("Mr J Smith")], provenance: { "attendance/0": span(10), "attendance/1": span(50) } });
  const c = correction(v1, "attendance/1/kind", "officer");
  assert.equal(applyCorrections(v1, [c]).record.attendance[0].kind, "member");
  assert.equal(applyCorrections(v1, [c]).record.attendance[1].kind, "officer");
});

test("a field parsed differently this time still takes the correction, reported as a conflict", () => {
  const v1 = minutes();
  const c = correction(v1, "items/1/resolutions/0/outcome", "refused");
  const v2 = minutes();
  v2.items[1].resolutions[0].outcome = "agreed";
  const { record, conflicts } = applyCorrections(v2, [c]);
  assert.equal(record.items[1].resolutions[0].outcome, "refused");
  assert.equal(conflicts.length, 1);
  assert.equal(conflicts[0].parsedNow, "agreed");
  assert.equal(conflicts[0].correction.before, "approved");
  assert.equal(conflicts[0].path, "items/1/resolutions/0/outcome");
});

test("a correction whose element is gone is reported, and nothing else changes", () => {
  const v1 = minutes();
  const c = correction(v1, "attendance/2/role", "Vice-Chair");
  const v2 = minutes({ attendance: [at("Cllr A Able"), at("Cllr B Baker")], provenance: {} });
  const { record, conflicts } = applyCorrections(v2, [c]);
  assert.deepEqual(record.attendance, v2.attendance);
  assert.equal(conflicts.length, 1);
  assert.equal(conflicts[0].path, null);
});

test("several corrections are located in the parsed record, so correcting a key does not lose the next one", () => {
  const v1 = minutes();
  const number = correction(v1, "items/1/number", "3", 1);
  const title = correction(v1, "items/1/title", "Budget 2024/25", 2);
  const { record, conflicts } = applyCorrections(v1, [number, title]);
  assert.equal(record.items[1].number, "3");
  assert.equal(record.items[1].title, "Budget 2024/25");
  assert.deepEqual(conflicts, []);
});

test("a missing field counts as null: a chosen person is no conflict when the parser names none", () => {
  const v1 = minutes();
  const c = correction(v1, "attendance/0/person", "anytown-council-a-able");
  assert.equal(c.before, undefined);
  const { record, conflicts } = applyCorrections(v1, [{ ...c, before: null }]);
  assert.equal(record.attendance[0].person, "anytown-council-a-able");
  assert.deepEqual(conflicts, []);
});

test("paths outside the correctable fields are refused", () => {
  assert.equal(parsePath("provenance"), null);
  assert.equal(parsePath("attendance/x/role"), null);
  assert.equal(parsePath("attendance/0/__proto__"), null);
  assert.deepEqual(parsePath("items/2/resolutions/1/votes"), { kind: "resolutions", at: [2, 1], field: "votes" });
});

test("a later version of the document moves every span; the correction follows its attendee by name", () => {
  const v1 = minutes();
  const c = correction(v1, "attendance/2/role", "Vice-Chair");
  const v2 = minutes({
    attendance: [at("Cllr A Able"), at("Cllr Y Young"), at("Cllr B Baker"), at("Cllr C Cole")],
    provenance: { "attendance/0": span(150), "attendance/1": span(170), "attendance/2": span(190), "attendance/3": span(210) },
  });
  const { record, conflicts } = applyCorrections(v2, [c]);
  assert.deepEqual(record.attendance.map((a) => a.role), [null, null, null, "Vice-Chair"]);
  assert.deepEqual(conflicts, []);
});
