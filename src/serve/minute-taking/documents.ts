// Minutes documents made from records: the draft a clerk's sheet makes (its record, with provenance
// into the rendered document's text, and that text as the meeting's source), and a public meeting's
// minutes as HTML or Word, through the visibility rule (an exempt item keeps its title and ground).
import { createHash } from "node:crypto";
import { sheetRecord, sheetTexts, type MinuteSheet } from "../../domain/minute-sheet.ts";
import type { ParsedMinutes, Votes } from "../../domain/minutes.ts";
import { splitLines, type SourceText } from "../../domain/source.ts";
import { documentFromRecord, minutesBlocks, minutesText, withholdExempt, type MinutesDocument } from "../../render/minutes/document.ts";
import { minutesDocx } from "../../render/minutes/docx.ts";
import type { MeetingDetail, RecordedVotesView, Votes as ReadVotes } from "../../store/read/types.ts";
import type { SheetMeetingRow } from "../../store/minute-taking/sheets.ts";

export async function draftFromSheet(meeting: SheetMeetingRow, sheet: MinuteSheet): Promise<{ record: ParsedMinutes; source: SourceText }> {
  const base = sheetRecord({ authority: meeting.authority, body: meeting.bodyName, date: meeting.date, startTime: meeting.startTime }, sheet);
  const blocks = minutesBlocks(documentFromRecord(base, sheetTexts(sheet)));
  const { text, provenance } = minutesText(blocks);
  const docx = await minutesDocx(blocks, `Draft minutes: ${meeting.bodyName}, ${meeting.date}`);
  const source: SourceText = {
    file: `${meeting.slug}-draft-minutes.docx`,
    format: "docx",
    text,
    lines: splitLines(text),
    // the text, not the Word package's bytes (which carry a timestamp): the same minutes are the same document
    contentHash: createHash("sha256").update(`quorum-taken-minutes\n${meeting.slug}\n${text}`).digest("hex"),
    byteLength: docx.length,
  };
  return { record: { ...base, provenance }, source };
}

/** A public meeting's minutes as a document: what the meeting page shows, exempt items as title and ground. */
export function publicDocument(m: MeetingDetail): MinutesDocument {
  const att = m.attendance;
  const person = (status: "present" | "in_attendance" | "apologies" | "absent") => (a: (typeof att.present)[number]) => ({
    name: a.rawName,
    status,
    kind: (a.kind === "officer" || a.kind === "other" ? a.kind : "member") as "member" | "officer" | "other",
    role: a.role,
    substituteFor: a.substituteFor,
  });
  const doc: MinutesDocument = {
    authority: m.authority.name,
    body: m.body.name,
    date: m.date,
    startTime: m.startTime,
    endTime: m.endTime,
    venue: m.venue,
    draftMarking: m.minutesDraft ? "Draft minutes" : null,
    attendance: [...att.present.map(person("present")), ...att.apologies.map(person("apologies")), ...att.absent.map(person("absent")), ...att.inAttendance.map(person("in_attendance"))],
    items: m.items.map((it) => ({
      number: it.number,
      title: it.title,
      exempt: it.exempt,
      exemptParagraphs: it.exemptParagraphs,
      text: it.withheld ? "" : narrative(it.text ?? "", it.resolutions.map((r) => r.text)),
      resolutions: it.withheld ? [] : it.resolutions.map((r) => ({ text: r.text, votes: votesOf(r.votes) })),
      declarations: it.withheld
        ? []
        : m.declarations
            .filter((d) => d.item?.number === it.number && !d.notForPublication)
            .map((d) => ({ name: d.rawName, item: it.number, interest: d.interest, description: d.description, kind: (d.kind ?? null) as never })),
      withheld: it.withheld,
    })),
    declarations: m.declarations.filter((d) => !d.item && !d.notForPublication).map((d) => ({ name: d.rawName, item: null, interest: d.interest, description: d.description, kind: (d.kind ?? null) as never })),
    nextMeeting: m.nextMeetingStated,
  };
  // the store has already withheld what the viewer may not see; this keeps the document's own rule too
  return withholdExempt(doc, (it) => !!it.withheld);
}

function votesOf(v: ReadVotes | null): Votes | null {
  if (!v) return null;
  const names = (side: keyof RecordedVotesView) => (v.recorded?.[side] ?? []).map((x) => x.name);
  return {
    for: v.for,
    against: v.against,
    abstain: v.abstain,
    unanimous: v.unanimous,
    recorded: v.recorded ? { for: names("for"), against: names("against"), abstain: names("abstain"), absent: names("absent"), recused: names("recused") } : null,
  };
}

const NOT_NARRATIVE = /^(?:RESOLVED\b|The meeting closed at |The next meeting will be held on |Votes:|For:|Against:|Abstained:|Absent:|Recused:|Carried unanimously\.|Exempt information under|Exempt item:)|\bdeclared (?:an?|the) .*interest/;
const squash = (s: string) => s.replace(/\s+/g, " ").trim();

/**
 * An item's text as the minutes print it, less what the document prints again from the record:
 * its decisions, votes, declarations and exemption notice.
 */
function narrative(text: string, resolutions: string[]): string {
  const decided = resolutions.map(squash).filter(Boolean);
  return text
    .split("\n")
    .filter((line) => !NOT_NARRATIVE.test(line.trim()) && !decided.some((r) => squash(line).includes(r)))
    .join("\n");
}
