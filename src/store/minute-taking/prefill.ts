// What a minute-taking sheet starts from: the meeting's items when it has minutes, else its
// published agenda (supplements included) in the agenda's order, else three opening items; and its
// attendance when recorded, else the committee's members on the meeting's date (or, as the minutes
// record them, at its last meeting). A sheet already
// saved takes in agenda items published since (`withAgenda`), and nothing else changes it.
import type { Kysely, Transaction } from "kysely";
import { emptyItem, withAgenda, type AgendaEntry, type MinuteSheet, type SheetAttendee } from "../../domain/minute-sheet.ts";
import type { Database } from "../schema.ts";
import { agendaDb } from "../agenda/schema.ts";
import type { SheetMeetingRow } from "./sheets.ts";

type AnyDb = Kysely<Database> | Transaction<Database>;

/** The meeting's published agenda items, in the agenda's order; unpublished ones may yet be removed. */
export async function publishedAgenda(db: AnyDb, meetingId: number): Promise<AgendaEntry[]> {
  const rows = await agendaDb(db)
    .selectFrom("agenda_items")
    .where("meeting_id", "=", meetingId)
    .where("publication_id", "is not", null)
    .select(["id", "number", "title", "exempt", "exempt_paragraph"])
    .orderBy("position")
    .execute();
  return rows.map((r) => ({ id: r.id, number: r.number, title: r.title, exempt: r.exempt === true || r.exempt === 1, exemptParagraph: r.exempt_paragraph }));
}

async function attendanceOf(db: AnyDb, meeting: SheetMeetingRow): Promise<SheetAttendee[]> {
  const recorded = await db
    .selectFrom("attendance")
    .where("meeting_id", "=", meeting.id)
    .select(["raw_name", "status", "kind", "role", "substitute_for"])
    .orderBy("position")
    .execute();
  if (recorded.length) {
    return recorded.map((a) => ({
      name: a.raw_name,
      status: a.status as SheetAttendee["status"],
      kind: a.kind as SheetAttendee["kind"],
      role: a.role ?? "",
      substituteFor: a.substitute_for ?? "",
    }));
  }
  // A membership read from the minutes ends at the last meeting the person attended, so before any
  // meeting still to be held: those on the committee at its last meeting with minutes count as members.
  const last = await db
    .selectFrom("meetings as held")
    .innerJoin("meetings", "meetings.body_id", "held.body_id")
    .where("meetings.id", "=", meeting.id)
    .where("held.date", "<", meeting.date)
    .where("held.source_document_id", "is not", null)
    .select((eb) => eb.fn.max("held.date").as("date"))
    .executeTakeFirst();
  const lastHeld = (last?.date as string | null | undefined) ?? null;
  // the committee's current members (a membership without an end date, or ending on or after the meeting)
  const members = await db
    .selectFrom("memberships")
    .innerJoin("meetings", "meetings.body_id", "memberships.body_id")
    .innerJoin("people", "people.id", "memberships.person_id")
    .where("meetings.id", "=", meeting.id)
    .where((eb) =>
      eb.or([
        eb("memberships.to_date", "is", null),
        eb("memberships.to_date", ">=", meeting.date),
        ...(lastHeld ? [eb.and([eb("memberships.source", "=", "attendance"), eb("memberships.to_date", ">=", lastHeld)])] : []),
      ]),
    )
    .where((eb) => eb.or([eb("memberships.from_date", "is", null), eb("memberships.from_date", "<=", meeting.date)]))
    .select(["people.display_name", "memberships.role", "memberships.kind"])
    .orderBy("people.surname_key")
    .orderBy("people.display_name")
    .execute();
  const seen = new Set<string>();
  return members
    .filter((m) => !seen.has(m.display_name) && seen.add(m.display_name))
    .map((m) => ({ name: m.display_name, status: "", kind: m.kind === "officer" ? "officer" : "member", role: m.role ?? "", substituteFor: "" }));
}

/** A first sheet for the meeting. */
export async function prefill(db: AnyDb, meeting: SheetMeetingRow, agenda: AgendaEntry[]): Promise<MinuteSheet> {
  const items = await db.selectFrom("items").where("meeting_id", "=", meeting.id).select(["number", "title", "exempt", "exempt_paragraphs"]).orderBy("position").execute();
  const sheetItems = items.length
    ? items.map((i) => ({ ...emptyItem(i.number, i.title), exempt: i.exempt === true || i.exempt === 1, exemptParagraphs: i.exempt_paragraphs ?? "" }))
    : agenda.length
      ? []
      : [emptyItem("1", "Apologies for absence"), emptyItem("2", "Declarations of interest"), emptyItem("3", "Minutes of the previous meeting")];
  const base: MinuteSheet = { endTime: "", venue: meeting.venue ?? "", attendance: await attendanceOf(db, meeting), items: sheetItems };
  return withAgenda(base, agenda).sheet;
}
