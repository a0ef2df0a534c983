// The rule for an original minutes document (isOriginalShown): public minutes only, the current
// version only, and while exempt business in it is not released only for a viewer entitled to the
// committee; a document holding several meetings is given only when every one of them allows it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { isOriginalShown, PUBLIC_VIEWER, publicViewer, type OriginalSubject, type Viewer } from "./visibility.ts";

const plain: OriginalSubject = { minutesStatus: "published", current: true, bodyId: 7, items: [], exemptText: false };
const exempt = (releaseOn: string | null = null): OriginalSubject => ({ ...plain, items: [{ exempt: 1, exemptReleaseOn: releaseOn }, { exempt: 0 }] });
const staff = (bodies: "all" | number[]): Viewer => ({ kind: "staff", userId: 1, role: "member", bodies: bodies === "all" ? "all" : new Set(bodies), today: "2026-12-05" });

test("public minutes with nothing exempt: given to anyone; approved minutes too", () => {
  assert.equal(isOriginalShown([plain]), true);
  assert.equal(isOriginalShown([{ ...plain, minutesStatus: "approved" }]), true);
});

test("draft minutes: never, whoever asks", () => {
  for (const viewer of [PUBLIC_VIEWER, staff("all")]) assert.equal(isOriginalShown([{ ...plain, minutesStatus: "draft" }], viewer), false);
});

test("an earlier version of a meeting's minutes: never, whoever asks", () => {
  for (const viewer of [PUBLIC_VIEWER, staff("all")]) assert.equal(isOriginalShown([{ ...plain, current: false }], viewer), false);
});

test("an exempt item not released: only a viewer entitled to the committee", () => {
  assert.equal(isOriginalShown([exempt()], PUBLIC_VIEWER), false);
  assert.equal(isOriginalShown([exempt()], staff([8])), false, "another committee's member");
  assert.equal(isOriginalShown([exempt()], staff([7])), true);
  assert.equal(isOriginalShown([exempt()], staff("all")), true);
  assert.equal(isOriginalShown([{ ...plain, exemptText: true }], PUBLIC_VIEWER), false, "exempt text outside any item");
});

test("released: public from the latest release date of its exempt items, not the day before", () => {
  assert.equal(isOriginalShown([exempt("2026-12-05")], publicViewer("2026-12-05")), true);
  assert.equal(isOriginalShown([exempt("2026-12-05")], publicViewer("2026-12-04")), false);
  const two: OriginalSubject = { ...plain, items: [{ exempt: true, exemptReleaseOn: "2026-12-01" }, { exempt: true, exemptReleaseOn: null }] };
  assert.equal(isOriginalShown([two], publicViewer("2026-12-05")), false, "one exempt item still sealed");
});

test("a document holding several meetings: every one must allow it", () => {
  assert.equal(isOriginalShown([plain, { ...plain, bodyId: 8 }]), true);
  assert.equal(isOriginalShown([plain, exempt()]), false);
  assert.equal(isOriginalShown([plain, { ...plain, current: false }]), false, "another meeting has moved on to a later version");
  assert.equal(isOriginalShown([]), false, "no meeting: nothing to give");
});
