// The clerk's minute-taking sheet: what is typed during a meeting, item by item, and the
// quorum.minutes/1 record it makes. Pure: the store keeps the sheet, the renderer lays the record out.
import { DECLARATION_KINDS, MINUTES_SCHEMA, type Attendee, type Declaration, type DeclarationKind, type ParsedMinutes } from "./minutes.ts";

/** How a listed person attended: "" while not yet recorded. */
export const SHEET_STATUSES = ["", "present", "apologies", "absent", "in_attendance"] as const;
export type SheetStatus = (typeof SHEET_STATUSES)[number];

export interface SheetAttendee {
  name: string;
  status: SheetStatus;
  kind: "member" | "officer" | "other";
  role: string;
  /** the member this person substitutes for, as named on the sheet */
  substituteFor: string;
}

export interface SheetItem {
  number: string;
  title: string;
  exempt: boolean;
  exemptParagraphs: string;
  /** the minute's narrative */
  text: string;
  /** the decision, RESOLVED text without the keyword; "" when none */
  resolution: string;
  /** a tally, as typed ("" when not counted) */
  votesFor: string;
  votesAgainst: string;
  votesAbstain: string;
  /** who voted how, when the vote was recorded by name: names as typed, one a line or comma-separated */
  namesFor: string;
  namesAgainst: string;
  namesAbstain: string;
  declarations: { name: string; kind: DeclarationKind | ""; description: string }[];
}

export interface MinuteSheet {
  /** when the meeting closed, "HH:MM"; the start is the meeting's own time */
  endTime: string;
  venue: string;
  attendance: SheetAttendee[];
  items: SheetItem[];
  /**
   * The published agenda items (their ids) already taken into the sheet. Each is taken in once, so
   * an item the clerk removed or renumbered is not put back. Absent on sheets saved before the
   * agenda prefilled them.
   */
  fromAgenda?: number[];
}

/** A published agenda item, as the sheet takes it in. */
export interface AgendaEntry {
  id: number;
  number: string;
  title: string;
  exempt: boolean;
  /** the Schedule 12A paragraph(s), as written on the agenda */
  exemptParagraph: string | null;
}

export interface SheetMeeting {
  authority: string;
  body: string;
  date: string;
  startTime: string | null;
}

const count = (s: string): number | null => (/^\d{1,3}$/.test(s.trim()) ? Number(s.trim()) : null);
const time = (s: string): string | null => (/^([01]\d|2[0-3]):[0-5]\d$/.test(s.trim()) ? s.trim() : null);
const names = (s: string | undefined): string[] =>
  (s ?? "")
    .split(/[\n,;]+/)
    .map((n) => n.replace(/\s+/g, " ").trim())
    .filter(Boolean);
const orNull = (s: string): string | null => s.replace(/\s+/g, " ").trim() || null;

/** The record the sheet makes: draft minutes ("Draft minutes") of the meeting. */
export function sheetRecord(meeting: SheetMeeting, sheet: MinuteSheet): ParsedMinutes {
  const attendance: Attendee[] = sheet.attendance
    .filter((a) => a.status && a.name.trim())
    .map((a) => ({ name: a.name.trim(), status: a.status as Attendee["status"], kind: a.kind, role: orNull(a.role), substituteFor: orNull(a.substituteFor) }));
  const declarations: Declaration[] = [];
  const items = sheet.items
    .filter((it) => it.title.trim())
    .map((it) => {
      for (const d of it.declarations) {
        if (!d.name.trim()) continue;
        const kind = (DECLARATION_KINDS as readonly string[]).includes(d.kind) ? (d.kind as DeclarationKind) : null;
        declarations.push({ name: d.name.trim(), item: it.number.trim(), interest: kind ? kind.replace(/_/g, kind === "non_registrable" || kind === "non_pecuniary" ? "-" : " ") : null, description: orNull(d.description), kind });
      }
      const named = { for: names(it.namesFor), against: names(it.namesAgainst), abstain: names(it.namesAbstain) };
      const anyNamed = named.for.length + named.against.length + named.abstain.length > 0;
      // a side named but not counted is counted from its names
      const tally = (typed: string, side: string[]) => count(typed) ?? (anyNamed ? side.length : null);
      const [f, a, ab] = [tally(it.votesFor, named.for), tally(it.votesAgainst, named.against), tally(it.votesAbstain, named.abstain)];
      const resolution = orNull(it.resolution);
      return {
        number: it.number.trim(),
        title: it.title.replace(/\s+/g, " ").trim(),
        exempt: it.exempt,
        exemptParagraphs: it.exempt ? orNull(it.exemptParagraphs) : null,
        resolutions: resolution
          ? [
              {
                text: resolution,
                votes: f !== null || a !== null || ab !== null ? { for: f, against: a, abstain: ab, ...(anyNamed ? { recorded: { ...named, absent: [], recused: [] } } : {}) } : null,
              },
            ]
          : [],
      };
    });
  return {
    schema: MINUTES_SCHEMA,
    authority: meeting.authority,
    body: meeting.body,
    date: meeting.date,
    startTime: meeting.startTime,
    endTime: time(sheet.endTime),
    venue: orNull(sheet.venue),
    draftMarking: "Draft minutes",
    minutesStatus: "draft",
    attendance,
    items,
    recommendations: [],
    declarations,
    nextMeeting: null,
    warnings: [],
    provenance: {},
  };
}

/** The items' narratives, by the record's item positions. */
export function sheetTexts(sheet: MinuteSheet): string[] {
  return sheet.items.filter((it) => it.title.trim()).map((it) => it.text);
}

export function emptyItem(number: string, title = ""): SheetItem {
  return { number, title, exempt: false, exemptParagraphs: "", text: "", resolution: "", votesFor: "", votesAgainst: "", votesAbstain: "", namesFor: "", namesAgainst: "", namesAbstain: "", declarations: [] };
}

const sameNumber = (n: string) => n.replace(/[\s.]+/g, "").toLowerCase();

/**
 * The sheet with the published agenda items it has not taken in yet appended, in the agenda's
 * order; `added` names them by number. Nothing already on the sheet is changed or removed: a later
 * change to the agenda never overwrites what the clerk typed. An agenda item whose number is already
 * on the sheet (typed by the clerk, or from a sheet saved before agenda items were recorded) counts
 * as there.
 */
export function withAgenda(sheet: MinuteSheet, agenda: AgendaEntry[]): { sheet: MinuteSheet; added: string[] } {
  const taken = new Set(sheet.fromAgenda ?? []);
  const numbers = new Set(sheet.items.map((i) => sameNumber(i.number)));
  const items = [...sheet.items];
  const added: string[] = [];
  for (const a of agenda) {
    if (taken.has(a.id)) continue;
    taken.add(a.id);
    if (numbers.has(sameNumber(a.number))) continue;
    numbers.add(sameNumber(a.number));
    items.push({ ...emptyItem(a.number, a.title), exempt: a.exempt, exemptParagraphs: a.exempt ? (a.exemptParagraph ?? "") : "" });
    added.push(a.number);
  }
  const fromAgenda = [...taken];
  if (!added.length && fromAgenda.length === (sheet.fromAgenda ?? []).length) return { sheet, added };
  return { sheet: { ...sheet, items, fromAgenda }, added };
}
