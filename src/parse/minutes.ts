// Text → quorum.minutes/1. A fixed order of small parsers, each reading what the ones before found:
// item structure first (it bounds the front matter), then header and attendance, then what each
// item decided, then the tables and closing details. Every value carries its span into `provenance`.
import { MINUTES_SCHEMA, type Confidence, type ParsedMinutes, type Span } from "../domain/minutes.ts";
import type { SourceText } from "../domain/source.ts";
import { QuorumError } from "../domain/errors.ts";
import { ParseContext, type Located } from "./context.ts";
import { findParts } from "./document/parts.ts";
import { findItems } from "./items/find-items.ts";
import { detectExempt } from "./items/exempt.ts";
import { wholeBusinessItem } from "./items/whole-business.ts";
import { setAsideLaterMeetings } from "./items/later-meetings.ts";
import { parseHeader } from "./header/header.ts";
import { findDraftMarking } from "./header/draft-marking.ts";
import { findMinutesStatus } from "./header/minutes-status.ts";
import { parseEndTime } from "./header/closing.ts";
import { parseNextMeeting } from "./header/next-meeting.ts";
import { parseAttendance } from "./attendance/attendance.ts";
import { parseResolutions } from "./decisions/resolutions.ts";
import { parseRecommendations } from "./decisions/recommendations.ts";
import { parseDeclarations } from "./declarations/declarations.ts";
import { parseQuestions } from "./questions/questions.ts";
import { ocrWarnings } from "./ocr.ts";

export const PARSER_VERSION = "0.2.0";

/** The minutes of the document's first meeting (`parse --json`, the scorer, corrections). */
export function parseMinutes(source: SourceText): ParsedMinutes {
  return parseDocument(source)[0];
}

/**
 * Every meeting whose minutes the document holds, in order: one record for plain minutes; the
 * minutes without the front sheet and agenda for an agenda pack; one record per meeting for a
 * document holding several. Each is read from its own lines, with provenance in the whole text.
 */
export function parseDocument(source: SourceText): ParsedMinutes[] {
  const parts = findParts(source.lines);
  if (parts.agendaOnly) {
    throw new QuorumError("invalid", `${source.file}: is an agenda, not minutes (a front sheet and agenda items, with no minutes of a meeting after them)`);
  }
  const records = parts.meetings.map(({ start, end }) => parseMeeting({ ...source, lines: source.lines.slice(start, end) }));
  const line = (i: number) => source.lines[Math.min(i, source.lines.length - 1)].no;
  if (parts.frontEnd > 0) {
    const { start, end } = parts.meetings[0];
    // minutes inside a pack may leave the council to the front sheet that names it
    const first = records[0];
    if (!first.body || !first.authority) {
      const front = parseMeeting({ ...source, lines: source.lines.slice(0, parts.frontEnd) });
      for (const key of ["body", "authority"] as const) {
        if (first[key] || !front[key]) continue;
        first[key] = front[key];
        if (front.provenance[key]) first.provenance[key] = front.provenance[key];
      }
    }
    records[0].warnings.unshift(`read from an agenda pack: the minutes are lines ${line(start)}–${line(end - 1)}; the front sheet and agenda above them (lines 1–${line(parts.frontEnd - 1)}) were left out`);
  }
  if (records.length > 1) {
    records.forEach((r, k) => {
      const { start, end } = parts.meetings[k];
      r.warnings.push(`the document holds the minutes of ${records.length} meetings; this is meeting ${k + 1}, lines ${line(start)}–${line(end - 1)}`);
    });
  }
  return records;
}

function parseMeeting(source: SourceText): ParsedMinutes {
  const ctx = new ParseContext(source);
  const provenance: Record<string, Span> = {};
  const confidence: Record<string, Confidence> = {};
  const take = <T>(path: string, located: Located<T> | null | undefined): T | null => {
    if (!located) return null;
    provenance[path] = located.span;
    // a value inferred (an item number given by position) or read from a fallback is one to check
    if (located.low || located.span.implied) confidence[path] = "low";
    return located.value;
  };

  setAsideLaterMeetings(ctx);
  const items = findItems(ctx);
  const frontEnd = items.length ? items[0].start : ctx.lines.length;
  const header = parseHeader(ctx, frontEnd);
  const attendance = parseAttendance(ctx, frontEnd, items);
  if (!items.length) {
    const frontSpans = [...Object.values(header), ...attendance].flatMap((v) => (v ? [v.span] : []));
    const whole = wholeBusinessItem(ctx, frontSpans);
    if (whole) items.push(whole);
  }
  const declarations = parseDeclarations(ctx, items);
  const exempt = detectExempt(ctx, items);
  const recommendations = parseRecommendations(ctx, items, exempt);
  const endTime = parseEndTime(ctx, items);
  const nextMeeting = parseNextMeeting(ctx, items, header.date?.value ?? null);
  const questions = parseQuestions(ctx, items);
  const draftMarking = findDraftMarking(ctx, frontEnd);
  const minutesStatus = findMinutesStatus(ctx, draftMarking, frontEnd);

  const record: ParsedMinutes = {
    schema: MINUTES_SCHEMA,
    authority: take("authority", header.authority),
    body: take("body", header.body),
    date: take("date", header.date),
    startTime: take("startTime", header.startTime),
    endTime: take("endTime", endTime),
    venue: take("venue", header.venue),
    draftMarking: take("draftMarking", draftMarking),
    minutesStatus: take("minutesStatus", minutesStatus && { value: minutesStatus.value, span: minutesStatus.span, low: minutesStatus.low }),
    minutesStatusText: minutesStatus?.text ?? null,
    attendance: attendance.map((a, i) => take(`attendance/${i}`, a)!),
    items: items.map((item, i) => {
      const resolutions = parseResolutions(ctx, item, items);
      const ex = exempt[i];
      // the item as a whole, heading to last line, so that its text can be cut where it ends
      let last = item.end - 1;
      while (last > item.start && !ctx.lines[last].text.trim()) last--;
      provenance[`items/${i}`] = ctx.spanLines(item.start, Math.max(item.start, last));
      take(`items/${i}/number`, item.number);
      take(`items/${i}/title`, item.title);
      if (ex) take(`items/${i}/exempt`, ex);
      return {
        number: item.number.value,
        title: item.title.value,
        exempt: Boolean(ex),
        exemptParagraphs: ex?.value.paragraphs ?? null,
        resolutions: resolutions.map((r, j) => take(`items/${i}/resolutions/${j}`, r)!),
      };
    }),
    declarations: declarations.map((d, i) => take(`declarations/${i}`, d)!),
    questions: questions.map((q, i) => {
      provenance[`questions/${i}`] = q.span;
      if (q.parts.question) provenance[`questions/${i}/question`] = q.parts.question;
      if (q.parts.answer) provenance[`questions/${i}/answer`] = q.parts.answer;
      for (const field of q.low) confidence[`questions/${i}/${field}`] = "low";
      return q.value;
    }),
    recommendations: recommendations.map((r, i) => take(`recommendations/${i}`, r)!),
    nextMeeting: take("nextMeeting", nextMeeting),
    warnings: [...ctx.warnings, ...ocrWarnings(source.ocr)],
    ...(source.ocr ? { ocr: source.ocr } : {}),
    provenance,
    confidence,
  };
  return record;
}
