// Wards read from what clerks write, on SQLite and PostgreSQL: a council's list made from its
// public councillors' wards, its published agenda items' wards affected and its key decisions'
// wards, one entry per ward however spelt; and a ward's business read through the visibility rule
// (an exempt agenda item's wards are withheld from the public, so it is not listed under a ward
// for them; a key decision to be taken in private shows only what the Regulations publish).
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { postgresUnavailable } from "../../../test/support/postgres.ts";
import { emptyStore, scheduledMeeting, stopAgendaPostgres, tempDocuments, type TempDocuments } from "../../../test/support/agenda.ts";
import { addAgendaItem } from "../agenda/items.ts";
import { publishAgenda } from "../agenda/publish.ts";
import { readAgenda } from "../agenda/read.ts";
import { addKeyDecisionEntry, withdrawKeyDecision, type KeyDecisionFields } from "../forward-plan/entries.ts";
import type { Db } from "../db.ts";
import type { Viewer } from "../visibility.ts";
import { getWard, listWards, wardBusiness } from "./read.ts";

const PG_SKIP = postgresUnavailable();
after(() => stopAgendaPostgres());

const actor = { userId: null, label: "Clerk" };
const now = new Date("2026-03-02T10:00:00Z");
const TODAY = "2026-03-02";
const NB = "northbrook-borough-council";
const CLERK: Viewer = { kind: "staff", userId: 1, role: "clerk", bodies: "all", today: null };

async function person(db: Db, authorityId: number, name: string, ward: string | null): Promise<number> {
  const slug = name.toLowerCase().replace(/[^a-z]+/g, "-");
  const [forenames, surname] = name.split(" ");
  return (await db.insertInto("people").values({ authority_id: authorityId, slug, display_name: name, honorific: "Cllr", forenames, initials: null, surname, surname_key: surname.toLowerCase(), kind: "member", ward }).returning("id").executeTakeFirstOrThrow()).id;
}

async function agenda(db: Db, docs: TempDocuments, slug: string, items: { number: string; title: string; wards: string; exempt?: boolean }[], publish = true): Promise<void> {
  for (const i of items) await addAgendaItem(db, slug, { number: i.number, title: i.title, reportAuthor: "Jo Planner", wards: i.wards, decisionMaker: null, exempt: !!i.exempt, exemptParagraph: i.exempt ? "3" : null }, actor, now);
  if (!publish) return;
  const version = (await readAgenda(db, slug, undefined, { all: true }))!.version;
  await publishAgenda(db, docs.documents, slug, { version, lateReason: "Test", paperUrl: (id) => `/p/${id}` }, actor, now);
}

const decision = (over: Partial<KeyDecisionFields>): KeyDecisionFields => ({ reference: null, decision: "x", details: null, body: null, decisionMaker: "Director of Place", plannedDate: "2026-05-20", wards: [], consultees: null, documents: [], exempt: null, exception: null, ...over });

for (const dialect of ["sqlite", "postgres"] as const) {
  describe(`wards on ${dialect}`, { skip: dialect === "postgres" && PG_SKIP ? PG_SKIP : false }, () => {
    let t: { db: Db; close(): Promise<void> };
    let docs: TempDocuments;
    before(async () => {
      t = await emptyStore(dialect);
      docs = tempDocuments();
      const db = t.db;
      const past = await scheduledMeeting(db, { date: "2026-02-10" });
      const next = await scheduledMeeting(db, { date: "2026-03-19" });
      const later = await scheduledMeeting(db, { date: "2026-04-16" });
      const other = await scheduledMeeting(db, { council: "Southmere District Council", date: "2026-03-20" });
      const nb = (await db.selectFrom("authorities").where("slug", "=", NB).select("id").executeTakeFirstOrThrow()).id;
      const sm = (await db.selectFrom("authorities").where("slug", "=", "southmere-district-council").select("id").executeTakeFirstOrThrow()).id;
      await person(db, nb, "Ann Abbot", "Abbey Ward");
      await person(db, nb, "Carl Castle", "Castle");
      await person(db, sm, "Sue Abbey", "Abbey");
      // known only from draft minutes: not public, nor is their ward
      const hidden = await person(db, nb, "Hal Hidden", "Hiddenvale");
      const draft = await scheduledMeeting(db, { date: "2026-01-12" });
      await db.updateTable("meetings").set({ minutes_status: "draft" }).where("id", "=", draft.id).execute();
      await db.insertInto("attendance").values({ meeting_id: draft.id, position: 1, raw_name: "Cllr Hal Hidden", person_id: hidden, status: "present", kind: "member", role: null, substitute_for: null, substitute_for_person_id: null }).execute();

      await agenda(db, docs, past.slug, [{ number: "4", title: "Abbey Road resurfacing", wards: "ABBEY" }]);
      await agenda(db, docs, next.slug, [
        { number: "5", title: "Land at Mill Lane", wards: "Abbey; Castle Ward" },
        { number: "6", title: "Budget", wards: "All wards" },
        { number: "7", title: "Haulage contract", wards: "Abbey; Secretdale", exempt: true },
      ]);
      await agenda(db, docs, later.slug, [{ number: "8", title: "Dunmore car park", wards: "Dunmore; Abbey" }], false);
      await agenda(db, docs, other.slug, [{ number: "1", title: "Southmere Abbey green", wards: "Abbey" }]);

      await addKeyDecisionEntry(db, { fields: decision({ reference: "KD1", decision: "North Hill library", wards: ["North Hill", "Abbey ward"] }), authority: NB, actor, now, today: TODAY });
      await addKeyDecisionEntry(db, { fields: decision({ reference: "KD2", decision: "Abbey depot staffing", wards: ["Abbey"], details: "Severance terms for named staff", exempt: { paragraphs: "1", reason: "Information about individuals" } }), authority: NB, actor, now, today: TODAY });
      const gone = await addKeyDecisionEntry(db, { fields: decision({ reference: "KD3", decision: "Oldgate sale", wards: ["Oldgate"] }), authority: NB, actor, now, today: TODAY });
      await withdrawKeyDecision(db, { slug: gone, version: 1, reason: "Not needed", actor, now, today: TODAY });
    });
    after(async () => {
      await t?.close();
      docs?.close();
    });

    test("a council's wards: from public councillors, published public agenda items and planned key decisions, once each", async () => {
      const nb = await listWards(t.db, { authority: NB });
      assert.deepEqual(
        nb.map((w) => [w.slug, w.name]),
        [
          [`${NB}-abbey`, "Abbey"],
          [`${NB}-castle`, "Castle"],
          [`${NB}-north-hill`, "North Hill"],
        ],
      );
      const all = await listWards(t.db);
      assert.deepEqual(all.filter((w) => w.authority.slug !== NB).map((w) => w.slug), ["southmere-district-council-abbey"]);
    });

    test("a ward by its address, in its own council", async () => {
      assert.equal((await getWard(t.db, `${NB}-abbey`))?.authority.slug, NB);
      assert.equal((await getWard(t.db, "southmere-district-council-abbey"))?.name, "Abbey");
      for (const missing of [`${NB}-secretdale`, `${NB}-dunmore`, `${NB}-oldgate`, `${NB}-hiddenvale`, `${NB}-all-wards`, "nowhere-abbey"]) assert.equal(await getWard(t.db, missing), null, missing);
    });

    test("a ward's business for the public: councillors, agenda items upcoming and recent, key decisions; never the exempt item", async () => {
      const ward = (await getWard(t.db, `${NB}-abbey`))!;
      const b = await wardBusiness(t.db, ward, { kind: "public", today: null }, TODAY);
      assert.deepEqual(b.councillors.map((p) => p.name), ["Ann Abbot"]);
      assert.deepEqual(b.upcoming.map((i) => [i.number, i.title, i.meeting.date]), [["5", "Land at Mill Lane", "2026-03-19"]]);
      assert.deepEqual(b.recent.map((i) => [i.number, i.title]), [["4", "Abbey Road resurfacing"]]);
      assert.deepEqual(b.keyDecisions.map((d) => d.decision).sort(), ["Abbey depot staffing", "North Hill library"]);
      const priv = b.keyDecisions.find((d) => d.reference === "KD2")!;
      assert.equal(priv.details, null, "a private decision's details are withheld");
      assert.equal(priv.withheld, true);
    });

    test("an entitled clerk sees the exempt item under its ward, marked not for publication", async () => {
      const ward = (await getWard(t.db, `${NB}-abbey`))!;
      const b = await wardBusiness(t.db, ward, CLERK, TODAY);
      assert.deepEqual(b.upcoming.map((i) => [i.number, i.notForPublication]), [["5", false], ["7", true]]);
    });
  });
}
