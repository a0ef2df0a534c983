// A store for the open data tests: the Staffordshire minutes whose exempt item 35 holds a
// declaration, a response table and a recorded vote (test/fixtures/exempt), the Buckinghamshire
// cabinet minutes, and an upcoming meeting whose published agenda holds a public report, an exempt
// appendix and an exempt item's paper. The words of everything exempt are listed in SECRETS.
import { join, resolve } from "node:path";
import { sql } from "kysely";
import { GOLDEN_DEV, parsedDb, type Dialect, type TestDb } from "./portal-db.ts";
import { pdfPaper, scheduledMeeting, tempDocuments, type TempDocuments } from "./agenda.ts";
import { addUser } from "../../src/store/accounts/users.ts";
import { addAgendaItem, addPaper } from "../../src/store/agenda/items.ts";
import { publishAgenda } from "../../src/store/agenda/publish.ts";
import { readAgenda } from "../../src/store/agenda/read.ts";
import type { Db } from "../../src/store/db.ts";
import { listedMeetingsOnly, publicMinutesOnly, publicPeopleOnly, publicResolutionsOnly } from "../../src/store/visibility.ts";

export const EXEMPT_V2 = resolve(import.meta.dirname, "../fixtures/exempt/staffs-2016-12-12-v2-item-35-exempt.txt");
export const BUCKS = join(GOLDEN_DEV, "bucks-cabinet-2018-04-23.txt");
/** The Staffordshire minutes name no council, so the committee stands as its own authority. */
export const STAFFS_COUNCIL = "safe-and-strong-communities-select-committee";
export const STAFFS_MEETING = "safe-and-strong-communities-select-committee-2016-12-12";

/** Words found only in exempt business (item 35, the exempt papers' text); the exempt papers' titles are public, as an item's is. */
export const SECRETS = [
  "briefing note outlining a recent confidential HR matter",
  "Members accepted the details shared",
  "That the briefing note be received",
  "Wolstanton",
  "relative of the employee concerned",
  "settlement figure be renegotiated",
  "disciplinary panel",
  "Helen Riley",
  "by 8 votes for, 3 against",
  "Quarrybank Haulage",
  "Wexcombe disciplinary findings",
];

export const words = (s: string) => s.toLowerCase().replace(/&[a-z]+;|&#\d+;/g, " ").replace(/<[^>]+>/g, " ").replace(/[^a-z0-9]+/g, " ").trim();

export function leaks(pages: { url: string; body: string }[]): string[] {
  const out: string[] = [];
  for (const p of pages) {
    const body = words(p.body);
    for (const s of SECRETS) if (body.includes(words(s))) out.push(`${p.url}: "${s}"`);
  }
  return out;
}

export interface OpenDataStore extends TestDb {
  docs: TempDocuments;
  upcoming: string;
}

export const NOW = new Date("2026-03-10T15:00:00Z");

export async function openDataStore(dialect: Dialect = "sqlite"): Promise<OpenDataStore> {
  const t = await parsedDb([EXEMPT_V2, BUCKS], dialect);
  const docs = tempDocuments();
  const clerk = await addUser(t.db, { email: "clerk@council.gov.uk", role: "clerk" }, NOW);
  const actor = { userId: clerk.id, label: clerk.email };
  const council = (await t.db.selectFrom("authorities").select("name").where("slug", "=", STAFFS_COUNCIL).executeTakeFirstOrThrow()).name;
  const upcoming = (await scheduledMeeting(t.db, { council, body: "Planning Committee", date: "2026-03-19" })).slug;
  const item = (number: string, title: string, exempt: string | null = null) =>
    addAgendaItem(t.db, upcoming, { number, title, reportAuthor: "Jo Planner", wards: "All wards", decisionMaker: "Planning Committee", exempt: !!exempt, exemptParagraph: exempt }, actor, NOW);
  const i1 = await item("1", "Land at Mill Lane");
  const i2 = await item("2", "Haulage contract", "3");
  const paper = async (itemId: number, title: string, pages: string[], exempt: string | null = null) =>
    addPaper(t.db, docs.documents, upcoming, { itemId, title, fileName: `${title.replace(/:/g, "")}.pdf`, bytes: await pdfPaper(pages), exempt: !!exempt, exemptParagraph: exempt }, actor, NOW);
  await paper(i1.id, "Officer report", ["MILL LANE OFFICER REPORT"]);
  await paper(i1.id, "Appendix B: staffing", ["Wexcombe disciplinary findings for the site team"], "1");
  await paper(i2.id, "Tender report", ["Quarrybank Haulage offered a settlement"]);
  const version = (await readAgenda(t.db, upcoming, undefined, { all: true }))!.version;
  await publishAgenda(t.db, docs.documents, upcoming, { version, lateReason: null, paperUrl: (id) => `/meetings/${upcoming}/documents/paper-${id}` }, actor, NOW);
  return {
    ...t,
    docs,
    upcoming,
    close: async () => {
      await t.close();
      docs.close();
    },
  };
}

const n = (v: unknown) => Number(v);

/** What the public may see, counted straight from the tables through the visibility rule (not through the export code). */
export async function publicCounts(db: Db) {
  const meetings = await db.selectFrom("meetings").where(listedMeetingsOnly).select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow();
  const attendance = await db
    .selectFrom("attendance")
    .innerJoin("meetings", "meetings.id", "attendance.meeting_id")
    .where(publicMinutesOnly)
    .select((eb) => eb.fn.countAll().as("n"))
    .executeTakeFirstOrThrow();
  // who attended (present or in attendance) and was matched to a person: an OCD participant with an id each
  const matchedAttendees = await db
    .selectFrom("attendance")
    .innerJoin("meetings", "meetings.id", "attendance.meeting_id")
    .where(publicMinutesOnly)
    .where("attendance.person_id", "is not", null)
    .where("attendance.status", "in", ["present", "in_attendance"])
    .select((eb) => eb.fn.countAll().as("n"))
    .executeTakeFirstOrThrow();
  const decisions = await db
    .selectFrom("resolutions")
    .innerJoin("items", "items.id", "resolutions.item_id")
    .innerJoin("meetings", "meetings.id", "resolutions.meeting_id")
    .where(publicResolutionsOnly)
    .select((eb) => eb.fn.countAll().as("n"))
    .executeTakeFirstOrThrow();
  const votes = await db
    .selectFrom("decision_votes")
    .innerJoin("resolutions", "resolutions.id", "decision_votes.resolution_id")
    .innerJoin("items", "items.id", "resolutions.item_id")
    .innerJoin("meetings", "meetings.id", "resolutions.meeting_id")
    .where(publicResolutionsOnly)
    .select((eb) => eb.fn.countAll().as("n"))
    .executeTakeFirstOrThrow();
  const matchedVotes = await db
    .selectFrom("decision_votes")
    .innerJoin("resolutions", "resolutions.id", "decision_votes.resolution_id")
    .innerJoin("items", "items.id", "resolutions.item_id")
    .innerJoin("meetings", "meetings.id", "resolutions.meeting_id")
    .where(publicResolutionsOnly)
    .where("decision_votes.person_id", "is not", null)
    .select((eb) => eb.fn.countAll().as("n"))
    .executeTakeFirstOrThrow();
  const allVotes = await db.selectFrom("decision_votes").select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow();
  const people = await db.selectFrom("people").where(publicPeopleOnly).select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow();
  const exemptItems = await db.selectFrom("items").where(sql<boolean>`exempt`).select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow();
  return { meetings: n(meetings.n), attendance: n(attendance.n), matchedAttendees: n(matchedAttendees.n), decisions: n(decisions.n), votes: n(votes.n), matchedVotes: n(matchedVotes.n), allVotes: n(allVotes.n), people: n(people.n), exemptItems: n(exemptItems.n) };
}
