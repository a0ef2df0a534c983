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

test("path indexes are whole numbers of at most five digits, and a resolution's path has all its parts", () => {
  assert.deepEqual(parsePath("venue"), { kind: "meeting", at: [], field: "venue" });
  assert.deepEqual(parsePath("attendance/12/role"), { kind: "attendance", at: [12], field: "role" });
  assert.deepEqual(parsePath("declarations/0/interest"), { kind: "declarations", at: [0], field: "interest" });
  assert.deepEqual(parsePath("recommendations/3/response"), { kind: "recommendations", at: [3], field: "response" });
  for (const bad of ["attendance/x1/role", "attendance/1x/role", "attendance/123456/role", "attendance/-1/role", "items/1/resolutions", "items/1/resolutions/0/outcome/x", "agenda/1/resolutions/0/outcome", "items/1/minutes/0/outcome", "items/x/resolutions/0/outcome", "items/1/resolutions/x/outcome", "items/1/resolutions/0/title"]) {
    assert.equal(parsePath(bad), null, bad);
  }
});

test("a path that names nothing, or an element that is not there, has no value and no anchor", () => {
  const parsed = minutes();
  assert.equal(valueAt(parsed, "attendance/x/role"), undefined);
  assert.equal(valueAt(parsed, "attendance/9/role"), undefined);
  assert.equal(valueAt(parsed, "items/0/resolutions/0/outcome"), undefined);
  assert.equal(anchorFor(parsed, "attendance/9/role"), null);
  assert.equal(anchorFor(parsed, "items/7/title"), null);
  assert.equal(anchorFor(parsed, "attendance/x/role"), null);
});

test("a stored correction whose path is no longer a correctable field is reported and changes nothing", () => {
  const parsed = minutes();
  const c: Correction = { id: 1, path: "attendance/0/name", anchor: { start: 100, key: "Cllr A Able" }, before: "Cllr A Able", after: "Cllr A Abel" };
  assert.equal(locate(parsed, c), null);
  const { record, conflicts } = applyCorrections(parsed, [c]);
  assert.deepEqual(record, parsed);
  assert.deepEqual(conflicts, [{ correction: c, path: null, parsedNow: undefined }]);
});

test("a meeting's own field is found by name even when the correction carries an anchor", () => {
  const parsed = minutes();
  const c: Correction = { id: 1, path: "venue", anchor: { start: 5, key: "Town Hall" }, before: "Town Hall", after: "Guildhall" };
  assert.equal(locate(parsed, c), "venue");
  assert.equal(applyCorrections(parsed, [c]).record.venue, "Guildhall");
});

test("a correction without an anchor stays at its index, and is reported when that index is gone", () => {
  const parsed = minutes();
  const here: Correction = { id: 1, path: "attendance/1/role", anchor: null, before: null, after: "Chair" };
  const gone: Correction = { id: 2, path: "attendance/5/role", anchor: null, before: null, after: "Chair" };
  assert.equal(locate(parsed, here), "attendance/1/role");
  assert.equal(locate(parsed, gone), null);
  const { record, conflicts } = applyCorrections(parsed, [here, gone]);
  assert.equal(record.attendance[1].role, "Chair");
  assert.deepEqual(conflicts.map((x) => [x.correction.id, x.path]), [[2, null]]);
});

test("an item is anchored at its number's span, or its title's when the number has none, and follows its number", () => {
  const v1 = minutes({ provenance: { "items/0/title": span(180), "items/1/number": span(300), "items/1/title": span(305) } });
  assert.deepEqual(anchorFor(v1, "items/0/title"), { start: 180, key: "1" });
  assert.deepEqual(anchorFor(v1, "items/1/title"), { start: 300, key: "2" });
  const c = correction(v1, "items/0/title", "Apologies for absence");
  const v2 = minutes({
    items: [{ number: "0", title: "Welcome", exempt: false, resolutions: [] }, ...minutes().items],
    provenance: { "items/0/number": span(150), "items/1/title": span(190), "items/2/number": span(310) },
  });
  const { record, conflicts } = applyCorrections(v2, [c]);
  assert.deepEqual(record.items.map((i) => i.title), ["Welcome", "Apologies for absence", "Budget"]);
  assert.deepEqual(conflicts, []);
});

test("a declaration is anchored by name and item, and follows them when another declaration is found first", () => {
  const decl = (name: string, item: string | null) => ({ name, item, interest: "personal", description: null });
  const v1 = minutes({ declarations: [decl("Cllr A Able", "2"), decl("Cllr B Baker", null)], provenance: { "declarations/0": span(50), "declarations/1": span(70) } });
  assert.deepEqual(anchorFor(v1, "declarations/0/interest"), { start: 50, key: "Cllr A Able\u00002" });
  assert.deepEqual(anchorFor(v1, "declarations/1/interest"), { start: 70, key: "Cllr B Baker\u0000" });
  const c = correction(v1, "declarations/1/interest", "pecuniary");
  const v2 = minutes({ declarations: [decl("Cllr C Cole", "1"), decl("Cllr A Able", "2"), decl("Cllr B Baker", null)], provenance: {} });
  assert.equal(locate(v2, c), "declarations/2/interest");
  const { record, conflicts } = applyCorrections(v2, [c]);
  assert.deepEqual(record.declarations!.map((d) => d.interest), ["personal", "personal", "pecuniary"]);
  assert.deepEqual(conflicts, []);
});

test("a declaration correction on minutes that now have no declarations is reported as gone", () => {
  const v1 = minutes({ declarations: [{ name: "Cllr A Able", item: "2", interest: "personal", description: null }] });
  const c = correction(v1, "declarations/0/interest", "pecuniary");
  const v2 = minutes({ declarations: undefined });
  const { record, conflicts } = applyCorrections(v2, [c]);
  assert.equal(record.declarations, undefined);
  assert.deepEqual(conflicts.map((x) => x.path), [null]);
});

test("a recommendation is anchored by number and span, and follows its number", () => {
  const rec = (number: string) => ({ number, text: `Recommendation ${number}`, response: null, responsibleMember: null, responsibleOfficer: null, actionBy: null });
  const v1 = minutes({ recommendations: [rec("R1"), rec("R2")], provenance: { "recommendations/0": span(400), "recommendations/1": span(450) } });
  assert.deepEqual(anchorFor(v1, "recommendations/1/response"), { start: 450, key: "R2" });
  const c = correction(v1, "recommendations/1/response", "accepted");
  const v2 = minutes({ recommendations: [rec("R0"), rec("R1"), rec("R2")], provenance: {} });
  const { record, conflicts } = applyCorrections(v2, [c]);
  assert.deepEqual(record.recommendations.map((r) => r.response), [null, null, "accepted"]);
  assert.deepEqual(conflicts, []);
});

test("of two equally good matches the one nearest the old position wins, the earlier on a tie", () => {
  const names = (...n: string[]) => n.map((x) => at(x));
  const moved = (n: number, from: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`attendance/${i}`, span(from + 20 * i)]));
  const v1 = minutes({ attendance: names("X", "Y", "X"), provenance: moved(3, 10) });
  const v2 = minutes({ attendance: names("X", "Y", "X"), provenance: moved(3, 15) });
  assert.equal(locate(v2, correction(v1, "attendance/0/role", "Chair")), "attendance/0/role");
  assert.equal(locate(v2, correction(v1, "attendance/2/role", "Chair")), "attendance/2/role");
  const w1 = minutes({ attendance: names("A", "X", "B"), provenance: moved(3, 10) });
  const w2 = minutes({ attendance: names("X", "A", "X"), provenance: moved(3, 15) });
  assert.equal(locate(w2, correction(w1, "attendance/1/role", "Chair")), "attendance/0/role");
});

test("an old position past the end of the new list is measured from where it was", () => {
  const v1 = minutes({ attendance: [at("A"), at("X"), at("X")], provenance: { "attendance/0": span(10), "attendance/1": span(30), "attendance/2": span(50) } });
  const v2 = minutes({ attendance: [at("X"), at("X")], provenance: { "attendance/0": span(12), "attendance/1": span(32) } });
  assert.equal(locate(v2, correction(v1, "attendance/2/role", "Chair")), "attendance/1/role");
});

test("a same-name match outranks a same-span match, even a nearer one", () => {
  const v1 = minutes();
  const c = correction(v1, "attendance/2/role", "Vice-Chair");
  const v2 = minutes({
    attendance: [at("Cllr C Cole"), at("Cllr A Able"), at("Cllr B Baker"), at("Cllr Q Quinn")],
    provenance: { "attendance/0": span(90), "attendance/1": span(100), "attendance/2": span(120), "attendance/3": span(140) },
  });
  assert.equal(locate(v2, c), "attendance/0/role");
  const w2 = minutes({ attendance: [at("Cllr A Able"), at("Cllr B Baker"), at("Cllr C Cole"), at("Cllr Q Quinn")], provenance: { "attendance/0": span(100), "attendance/1": span(120), "attendance/2": span(130), "attendance/3": span(140) } });
  assert.equal(locate(w2, c), "attendance/2/role");
});

test("without spans, an attendee whose name is no longer read is not guessed at", () => {
  const v1 = minutes({ provenance: {} });
  const c = correction(v1, "attendance/1/role", "Chair");
  assert.deepEqual(c.anchor, { start: null, key: "Cllr B Baker" });
  const v2 = minutes({ attendance: [at("Cllr A Able"), at("Cllr C Cole")], provenance: {} });
  const { record, conflicts } = applyCorrections(v2, [c]);
  assert.deepEqual(record.attendance.map((a) => a.role), [null, null]);
  assert.deepEqual(conflicts.map((x) => x.path), [null]);
});

test("two identical resolutions under one item: the correction stays on the one it was made on", () => {
  const res = (text: string) => ({ text, outcome: "agreed" });
  const items = (r0: string[], r1: string[]) => [
    { number: "1", title: "Minutes", exempt: false, resolutions: r0.map(res) },
    { number: "2", title: "Budget", exempt: false, resolutions: r1.map(res) },
  ];
  const v1 = minutes({ items: items(["X", "Y"], ["Noted.", "Noted."]), provenance: {} });
  const c = correction(v1, "items/1/resolutions/1/outcome", "refused");
  assert.equal(locate(minutes({ items: items(["X", "Y"], ["Noted.", "Noted."]), provenance: {} }), c), "items/1/resolutions/1/outcome");
  const w1 = minutes({ items: items(["A", "B", "A"], []), provenance: {} });
  const d = correction(w1, "items/0/resolutions/2/outcome", "refused");
  const w2 = minutes({ items: items(["A", "A"], []), provenance: {} });
  assert.equal(locate(w2, d), "items/0/resolutions/1/outcome");
  assert.deepEqual(applyCorrections(w2, [d]).record.items[0].resolutions.map((r) => r.outcome), ["agreed", "refused"]);
});
