// Text → quorum.minutes/1. A fixed order of small parsers, each reading what the ones before found:
// item structure first (it bounds the front matter), then header and attendance, then what each
// item decided, then the tables and closing details. Every value carries its span into `provenance`.
import { MINUTES_SCHEMA, type ParsedMinutes, type Span } from "../domain/minutes.ts";
import type { SourceText } from "../domain/source.ts";
import { ParseContext, type Located } from "./context.ts";
import { findItems } from "./items/find-items.ts";
import { detectExempt } from "./items/exempt.ts";
import { wholeBusinessItem } from "./items/whole-business.ts";
import { setAsideLaterMeetings } from "./items/later-meetings.ts";
import { parseHeader } from "./header/header.ts";
import { findDraftMarking } from "./header/draft-marking.ts";
import { parseEndTime } from "./header/closing.ts";
import { parseNextMeeting } from "./header/next-meeting.ts";
import { parseAttendance } from "./attendance/attendance.ts";
import { parseResolutions } from "./decisions/resolutions.ts";
import { parseRecommendations } from "./decisions/recommendations.ts";
import { parseDeclarations } from "./declarations/declarations.ts";

export const PARSER_VERSION = "0.1.0";

export function parseMinutes(source: SourceText): ParsedMinutes {
  const ctx = new ParseContext(source);
  const provenance: Record<string, Span> = {};
  const take = <T>(path: string, located: Located<T> | null | undefined): T | null => {
    if (!located) return null;
    provenance[path] = located.span;
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

  const record: ParsedMinutes = {
    schema: MINUTES_SCHEMA,
    authority: take("authority", header.authority),
    body: take("body", header.body),
    date: take("date", header.date),
    startTime: take("startTime", header.startTime),
    endTime: take("endTime", endTime),
    venue: take("venue", header.venue),
    draftMarking: take("draftMarking", findDraftMarking(ctx, frontEnd)),
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
    recommendations: recommendations.map((r, i) => take(`recommendations/${i}`, r)!),
    nextMeeting: take("nextMeeting", nextMeeting),
    warnings: ctx.warnings,
    provenance,
  };
  return record;
}
