// The visibility rule for every kind of viewer: the public (with and without a release day), a
// member or officer granted the committee, one granted another committee, a clerk and an admin;
// over open, exempt, released and not-yet-released items, sealed rows, and draft minutes.
import { test } from "node:test";
import assert from "node:assert/strict";
import SQLite from "better-sqlite3";
import { Kysely, SqliteDialect } from "kysely";
import type { Database } from "./schema.ts";
import {
  PUBLIC_VIEWER,
  businessAccess,
  isFromPublicBusiness,
  isResolutionPublic,
  publicItem,
  publicResolutionsOnly,
  publicSearchContent,
  publicView,
  sealedReleaseOn,
  sealedReleaseOnSql,
  sourceTextFor,
  EXEMPT_END,
  EXEMPT_START,
  WITHHELD,
  type Viewer,
} from "./visibility.ts";

const COMMITTEE = 7;
const OTHER = 8;
const TODAY = "2026-12-05";
const staff = (role: "admin" | "clerk" | "officer" | "member", bodies: "all" | number[]): Viewer => ({
  kind: "staff",
  userId: 1,
  role,
  bodies: bodies === "all" ? "all" : new Set(bodies),
  today: TODAY,
});

/** Each viewer and whether it is entitled to COMMITTEE's exempt business. */
const VIEWERS: [string, Viewer, boolean][] = [
  ["public, no day", PUBLIC_VIEWER, false],
  ["public today", { kind: "public", today: TODAY }, false],
  ["member granted the committee", staff("member", [COMMITTEE]), true],
  ["officer granted the committee", staff("officer", [COMMITTEE]), true],
  ["member of another committee", staff("member", [OTHER]), false],
  ["member granted nothing", staff("member", []), false],
  ["clerk", staff("clerk", "all"), true],
  ["admin", staff("admin", "all"), true],
];

const RELEASES: [string, string | null, (v: Viewer) => boolean][] = [
  ["not released", null, () => false],
  ["released yesterday", "2026-12-04", (v) => v.today !== null],
  ["released today", TODAY, (v) => v.today !== null],
  ["release tomorrow", "2026-12-06", () => false],
];

const exemptItem = (releaseOn: string | null) => ({
  exempt: true,
  exemptParagraphs: "3",
  exemptReleaseOn: releaseOn,
  title: "Confidential HR Matter",
  number: "9",
  text: "The salary of the post holder.",
  resolutions: [{ text: "That the regrading be agreed." }],
});

for (const [who, viewer, entitled] of VIEWERS) {
  test(`${who}: an open item is shown whole, unmarked`, () => {
    const v = publicItem({ ...exemptItem(null), exempt: false }, viewer, COMMITTEE);
    assert.equal(v.text, "The salary of the post holder.");
    assert.equal(v.withheld, false);
    assert.equal(v.notForPublication, false);
  });

  for (const [when, releaseOn, released] of RELEASES) {
    test(`${who}, exempt item ${when}`, () => {
      const v = publicItem(exemptItem(releaseOn), viewer, COMMITTEE);
      const isReleased = released(viewer);
      const shown = isReleased || entitled;
      assert.equal(v.withheld, !shown);
      assert.equal(v.text, shown ? "The salary of the post holder." : null);
      assert.equal(v.resolutions.length, shown ? 1 : 0);
      assert.equal(v.notForPublication, !isReleased && entitled);
      assert.equal(v.releasedOn, isReleased ? releaseOn : null);
      assert.match(v.exemptNotice ?? "", /paragraph 3 of Schedule 12A/);
      assert.equal(isResolutionPublic({ itemExempt: true, minutesStatus: "published", bodyId: COMMITTEE, itemReleaseOn: releaseOn }, viewer), shown);
      // sealed rows of the meeting follow its only exempt item
      const sealed = { exempt: 1, minutesStatus: "approved", bodyId: COMMITTEE, releaseOn: sealedReleaseOn([{ exempt: 1, exemptReleaseOn: releaseOn }]) };
      assert.equal(isFromPublicBusiness(sealed, viewer), shown);
      assert.equal(businessAccess(sealed, viewer), isReleased ? "released" : entitled ? "entitled" : "withheld");
      // search holds the public's view only, whoever asks
      const indexed = publicSearchContent({ minutesStatus: "published" }, exemptItem(releaseOn), viewer.today);
      assert.equal(indexed?.text, isReleased ? "The salary of the post holder." : "");
    });
  }

  test(`${who}: draft minutes are never shown, exempt or not`, () => {
    assert.equal(publicView({ minutesStatus: "draft", bodyId: COMMITTEE, items: [exemptItem("2000-01-01")] }, viewer), null);
    assert.equal(isFromPublicBusiness({ exempt: 0, minutesStatus: "draft", bodyId: COMMITTEE }, viewer), false);
    assert.equal(isResolutionPublic({ itemExempt: true, minutesStatus: "draft", bodyId: COMMITTEE, itemReleaseOn: "2000-01-01" }, viewer), false);
  });

  test(`${who}: an item of a committee nobody was granted is shown only to clerks and admins`, () => {
    const v = publicItem(exemptItem(null), viewer, 99);
    const all = viewer.kind === "staff" && viewer.bodies === "all";
    assert.equal(v.withheld, !all);
  });
}

test("sealed rows are released only when every exempt item of their meeting is, on the latest date", () => {
  assert.equal(sealedReleaseOn([]), null);
  assert.equal(sealedReleaseOn([{ exempt: 0, exemptReleaseOn: "2020-01-01" }]), null);
  assert.equal(sealedReleaseOn([{ exempt: true, exemptReleaseOn: "2020-01-01" }, { exempt: 1, exemptReleaseOn: null }]), null);
  assert.equal(sealedReleaseOn([{ exempt: true, exemptReleaseOn: "2020-01-01" }, { exempt: 1, exemptReleaseOn: "2021-06-30" }, { exempt: 0 }]), "2021-06-30");
});

test("the minutes text: withheld, marked for the entitled, whole once released", () => {
  const text = "1. Apologies\n2. HR\nSalaries\n3. Close\n";
  const range: [number, number][] = [[text.indexOf("2."), text.indexOf("3.")]];
  assert.equal(sourceTextFor(text, range, "withheld"), `1. Apologies\n${WITHHELD}3. Close\n`);
  assert.equal(sourceTextFor(text, range, "released"), text);
  const marked = sourceTextFor(text, range, "entitled", "Exempt under paragraph 3");
  assert.equal(marked, `1. Apologies\n${EXEMPT_START} Exempt under paragraph 3]\n2. HR\nSalaries\n\n${EXEMPT_END}3. Close\n`);
});

test("the SQL forms follow the viewer: entitlement by committee, release by date", async () => {
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: new SQLite(":memory:") }) });
  try {
    await db.schema.createTable("meetings").addColumn("id", "integer").addColumn("minutes_status", "text").addColumn("body_id", "integer").execute();
    await db.schema.createTable("items").addColumn("id", "integer").addColumn("meeting_id", "integer").addColumn("exempt", "integer").addColumn("exempt_release_on", "text").execute();
    await db
      .insertInto("meetings")
      .values([
        { id: 1, minutes_status: "published", body_id: COMMITTEE },
        { id: 2, minutes_status: "published", body_id: OTHER },
        { id: 3, minutes_status: "draft", body_id: COMMITTEE },
      ] as never)
      .execute();
    const rows: [number, number, number, string | null][] = [
      [1, 1, 0, null],
      [2, 1, 1, null],
      [3, 1, 1, "2026-12-05"],
      [4, 1, 1, "2026-12-06"],
      [5, 2, 1, null],
      [6, 3, 1, "2000-01-01"],
      [7, 2, 1, "2026-01-01"],
    ];
    await db.insertInto("items").values(rows.map(([id, meeting_id, exempt, exempt_release_on]) => ({ id, meeting_id, exempt, exempt_release_on })) as never).execute();
    const seen = async (viewer: Viewer) =>
      (await db.selectFrom("items").innerJoin("meetings", "meetings.id", "items.meeting_id").where(publicResolutionsOnly(viewer)).select("items.id").orderBy("items.id").execute()).map((r) => r.id);
    assert.deepEqual(await seen(PUBLIC_VIEWER), [1]);
    assert.deepEqual(await seen({ kind: "public", today: TODAY }), [1, 3, 7]);
    assert.deepEqual(await seen(staff("member", [COMMITTEE])), [1, 2, 3, 4, 7]);
    assert.deepEqual(await seen(staff("member", [OTHER])), [1, 3, 5, 7]);
    assert.deepEqual(await seen(staff("member", [])), [1, 3, 7]);
    assert.deepEqual(await seen(staff("clerk", "all")), [1, 2, 3, 4, 5, 7]);
    const release = await db.selectFrom("meetings").select(["id", sealedReleaseOnSql("meetings.id").as("r")]).orderBy("id").execute();
    // meeting 2 has one exempt item without a date, so its sealed rows stay sealed
    assert.deepEqual(release.map((r) => r.r), [null, null, "2000-01-01"]);
  } finally {
    await db.destroy();
  }
});
