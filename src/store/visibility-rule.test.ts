// The public-visibility rule on its own, with the SQL forms run on an in-memory SQLite.
import { test } from "node:test";
import assert from "node:assert/strict";
import SQLite from "better-sqlite3";
import { Kysely, SqliteDialect } from "kysely";
import type { Database } from "./schema.ts";
import {
  exemptNotice,
  isFromPublicBusiness,
  areMinutesPublic,
  isMeetingListed,
  isResolutionPublic,
  isSealed,
  isSpanPublic,
  publicItem,
  listedMeetingsOnly,
  publicMinutesOnly,
  publicResolutionsOnly,
  publicSearchContent,
  publicSourceText,
  publicView,
  WITHHELD,
} from "./visibility.ts";

const item = (exempt: boolean) => ({ exempt, exemptParagraphs: exempt ? "3" : null, text: "The Cabinet considered the tenders received.", resolutions: [{ text: "That the contract be awarded." }] });

test("only draft minutes are withheld", () => {
  assert.equal(areMinutesPublic({ minutesStatus: "draft" }), false);
  assert.equal(areMinutesPublic({ minutesStatus: "published" }), true);
  assert.equal(areMinutesPublic({ minutesStatus: "approved" }), true);
});

test("a meeting is listed when it was announced or its minutes are public; draft minutes alone list nothing", () => {
  const announcedAt = "2026-02-20T12:00:00.000Z";
  assert.equal(isMeetingListed({ minutesStatus: "draft", announcedAt }), true);
  assert.equal(isMeetingListed({ minutesStatus: "draft", announcedAt: null }), false);
  assert.equal(isMeetingListed({ minutesStatus: "published", announcedAt: null }), true);
  assert.equal(isMeetingListed({ minutesStatus: "approved", announcedAt }), true);
});

test("an exempt item keeps its title and the ground for exemption, nothing else", () => {
  const open = publicItem({ title: "Libraries", ...item(false) });
  assert.deepEqual(open, { title: "Libraries", ...item(false), exemptNotice: null, withheld: false, notForPublication: false, releasedOn: null });
  const shut = publicItem({ title: "Confidential HR Matter", ...item(true) });
  assert.deepEqual(shut, {
    title: "Confidential HR Matter",
    exempt: true,
    exemptParagraphs: "3",
    text: null,
    resolutions: [],
    exemptNotice: "Exempt under paragraph 3 of Schedule 12A to the Local Government Act 1972.",
    withheld: true,
    notForPublication: false,
    releasedOn: null,
  });
});

test("the exemption notice names one paragraph or several", () => {
  assert.equal(exemptNotice(null), "Exempt information: this item was considered in private.");
  assert.equal(exemptNotice("1"), "Exempt under paragraph 1 of Schedule 12A to the Local Government Act 1972.");
  assert.equal(exemptNotice("1, 2"), "Exempt under paragraphs 1, 2 of Schedule 12A to the Local Government Act 1972.");
  assert.equal(exemptNotice("1 & 3"), "Exempt under paragraphs 1 & 3 of Schedule 12A to the Local Government Act 1972.");
  assert.equal(exemptNotice("3 and 4"), "Exempt under paragraphs 3 and 4 of Schedule 12A to the Local Government Act 1972.");
  assert.equal(exemptNotice("3 (as amended)"), "Exempt under paragraph 3 (as amended) of Schedule 12A to the Local Government Act 1972.");
  assert.equal(exemptNotice("Grandstand"), "Exempt under paragraph Grandstand of Schedule 12A to the Local Government Act 1972.");
});

test("a resolution is public only when its item is open and its minutes are not a draft", () => {
  assert.equal(isResolutionPublic({ itemExempt: false, minutesStatus: "approved" }), true);
  assert.equal(isResolutionPublic({ itemExempt: true, minutesStatus: "approved" }), false);
  assert.equal(isResolutionPublic({ itemExempt: false, minutesStatus: "draft" }), false);
});

test("what was parsed from minutes is public unless sealed as exempt or from a draft, whichever way the flag is stored", () => {
  // SQLite stores the flag as 0/1, PostgreSQL as a boolean
  assert.equal(isFromPublicBusiness({ exempt: 1, minutesStatus: "published" }), false);
  assert.equal(isFromPublicBusiness({ exempt: true, minutesStatus: "published" }), false);
  assert.equal(isFromPublicBusiness({ exempt: 0, minutesStatus: "published" }), true);
  assert.equal(isFromPublicBusiness({ exempt: false, minutesStatus: "approved" }), true);
  assert.equal(isFromPublicBusiness({ exempt: 0, minutesStatus: "draft" }), false);
  // entered by hand, not from any minutes: only the flag decides
  assert.equal(isFromPublicBusiness({ exempt: 0, minutesStatus: null }), true);
  assert.equal(isFromPublicBusiness({ exempt: 1, minutesStatus: null }), false);
});

test("a value is sealed when its item is exempt or its span touches exempt text; without a span, whenever the document holds any", () => {
  const ranges: [number, number][] = [[100, 200]];
  assert.equal(isSealed({ itemExempt: true, span: { start: 0, end: 10 } }, []), true);
  assert.equal(isSealed({ itemExempt: false, span: { start: 150, end: 160 } }, ranges), true);
  assert.equal(isSealed({ itemExempt: false, span: { start: 190, end: 260 } }, ranges), true);
  assert.equal(isSealed({ itemExempt: false, span: { start: 0, end: 100 } }, ranges), false);
  assert.equal(isSealed({ span: { start: 200, end: 240 } }, ranges), false);
  assert.equal(isSealed({ itemExempt: false, span: null }, ranges), true);
  assert.equal(isSealed({ itemExempt: false }, []), false);
});

test("search holds the title of an exempt item and no text; nothing of a draft", () => {
  const base = { number: "35", title: "Confidential HR Matter", text: "Names of staff" };
  assert.deepEqual(publicSearchContent({ minutesStatus: "published" }, { ...base, exempt: true }), { title: "35. Confidential HR Matter", text: "" });
  assert.deepEqual(publicSearchContent({ minutesStatus: "published" }, { ...base, exempt: false }), { title: "35. Confidential HR Matter", text: "Names of staff" });
  assert.deepEqual(publicSearchContent({ minutesStatus: "published" }, { ...base, exempt: false, text: null }), { title: "35. Confidential HR Matter", text: "" });
  assert.equal(publicSearchContent({ minutesStatus: "draft" }, { ...base, exempt: false }), null);
});

test("publicView hides a meeting known only from a draft, shows an announced one without its draft's items, and withholds every exempt item of a public meeting", () => {
  assert.equal(publicView({ minutesStatus: "draft", items: [item(false)] }), null);
  assert.deepEqual(publicView({ minutesStatus: "draft", announcedAt: "2026-02-20T12:00:00.000Z", items: [item(false)] })?.items, []);
  const v = publicView({ minutesStatus: "approved", items: [item(false), item(true)] });
  assert.deepEqual(v?.items.map((i) => [i.text, i.resolutions.length, (i as unknown as { exemptNotice: string | null }).exemptNotice]), [
    ["The Cabinet considered the tenders received.", 1, null],
    [null, 0, "Exempt under paragraph 3 of Schedule 12A to the Local Government Act 1972."],
  ]);
});

test("source text has each exempt range replaced once, in order, overlaps merged", () => {
  const text = "1. Apologies\n2. Confidential HR Matter\nNames\n3. Close\n";
  const second = [text.indexOf("2."), text.indexOf("3.")] as [number, number];
  assert.equal(publicSourceText(text, []), text);
  assert.equal(publicSourceText("1. Apologies 2. HR 3. Close", [[13, 19]]), "1. Apologies [exempt information withheld]3. Close");
  assert.equal(publicSourceText(text, [second]), `1. Apologies\n${WITHHELD}3. Close\n`);
  // unsorted ranges come out in order
  assert.equal(publicSourceText("abcdefghij", [[6, 8], [1, 3]]), `a${WITHHELD}defghij`.replace("gh", WITHHELD));
  // a range inside one already withheld adds nothing
  assert.equal(publicSourceText("abcdefghij", [[1, 5], [2, 3]]), `a${WITHHELD}fghij`);
  assert.equal(publicSourceText("abcdefghij", [[1, 5], [2, 5]]), `a${WITHHELD}fghij`);
  // overlapping ranges: no withheld character shows, whatever the markers
  const overlapping = publicSourceText("abcdefghij", [[6, 8], [1, 3], [2, 4]]);
  assert.equal(overlapping.split(WITHHELD).join(""), "aefij");
  assert.ok(overlapping.startsWith(`a${WITHHELD}`) && overlapping.endsWith(`${WITHHELD}ij`));
  assert.equal(publicSourceText("abcdefghij", [[0, 10]]), WITHHELD);
});

test("a span is public only when it touches no exempt range", () => {
  const ranges: [number, number][] = [[10, 20]];
  assert.equal(isSpanPublic({ start: 0, end: 10 }, ranges), true);
  assert.equal(isSpanPublic({ start: 20, end: 30 }, ranges), true);
  assert.equal(isSpanPublic({ start: 0, end: 11 }, ranges), false);
  assert.equal(isSpanPublic({ start: 19, end: 30 }, ranges), false);
  assert.equal(isSpanPublic({ start: 12, end: 15 }, ranges), false);
  assert.equal(isSpanPublic({ start: 0, end: 5 }, [[30, 40], [3, 4]]), false);
  assert.equal(isSpanPublic({ start: 0, end: 5 }, []), true);
});

test("the SQL forms keep draft meetings and exempt items out", async () => {
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: new SQLite(":memory:") }) });
  try {
    await db.schema.createTable("meetings").addColumn("id", "integer").addColumn("minutes_status", "text").addColumn("announced_at", "text").execute();
    await db.schema.createTable("items").addColumn("id", "integer").addColumn("meeting_id", "integer").addColumn("exempt", "integer").execute();
    await db.insertInto("meetings").values([{ id: 1, minutes_status: "draft" }, { id: 2, minutes_status: "published" }, { id: 3, minutes_status: "approved" }, { id: 4, minutes_status: "draft", announced_at: "2026-02-20T12:00:00.000Z" }] as never).execute();
    await db.insertInto("items").values([[1, 1, 0], [2, 2, 0], [3, 2, 1], [4, 3, 0], [5, 1, 1]].map(([id, meeting_id, exempt]) => ({ id, meeting_id, exempt })) as never).execute();
    const minutes = await db.selectFrom("meetings").where(publicMinutesOnly).select("id").orderBy("id").execute();
    assert.deepEqual(minutes.map((m) => m.id), [2, 3]);
    const listed = await db.selectFrom("meetings").where(listedMeetingsOnly).select("id").orderBy("id").execute();
    assert.deepEqual(listed.map((m) => m.id), [2, 3, 4]);
    const items = await db.selectFrom("items").innerJoin("meetings", "meetings.id", "items.meeting_id").where(publicResolutionsOnly).select("items.id").orderBy("items.id").execute();
    assert.deepEqual(items.map((i) => i.id), [2, 4]);
  } finally {
    await db.destroy();
  }
});
