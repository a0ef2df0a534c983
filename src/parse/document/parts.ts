// Where the minutes are in a document that is more than one meeting's minutes. An agenda pack opens
// with a front sheet ("Councillors are summoned…", "NOTICE OF MEETING", "AGENDA") and the agenda,
// and holds minutes further in; an agenda alone holds none. A clerk may print several meetings'
// minutes one after another, each under its own "Minutes of the … meeting" heading with its date.
// One pass over the lines, each line tested by bounded patterns.
import type { SourceLine } from "../../domain/source.ts";
import { findDates } from "../header/dates.ts";
import { memoByString } from "../text/memo.ts";

export interface DocumentParts {
  /** [start, end) line indexes of each meeting's minutes, in order */
  meetings: { start: number; end: number }[];
  /** the agenda pack's front sheet and agenda: lines [0, frontEnd) when the minutes come after one */
  frontEnd: number;
  /** a front sheet and agenda with no minutes after them */
  agendaOnly: boolean;
}

const bare = (text: string) =>
  text
    .replace(/[*_#>|\\]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();

// "Councillors are summoned to…", "You are hereby summoned", "NOTICE OF MEETING", "Notice is hereby
// given", "Members of the committee are requested to attend", a standalone "AGENDA".
const FRONT_SHEET = /\bsummon(?:s|ed)\b|^notice of (?:the )?(?:meeting|the)\b|\bnotice is (?:hereby )?given\b|\b(?:are|is) (?:hereby )?requested to attend\b|^agenda(?: (?:for|of) (?:the )?(?:meeting|council|committee)\b.{0,80})?$/i;

// "Minutes of the Regular Meeting", "MINUTES of a meeting of the County Council held…", "Draft
// minutes of the Parish Council meeting held on…", "Minutes of Stoke Ferry Parish Council Meeting".
const MINUTES_HEADING = /^(?:(?:draft|unconfirmed|unapproved|approved|confirmed)\s+)?minutes\s+of\s+(?:the\s+|a\s+|an\s+)?(?:proceedings\s+(?:at|of)\s+)?\S.{0,150}$/i;
// a sentence about minutes ("… were approved", "… be signed") is an item's business, not a heading
const SENTENCE = /\b(?:were|was|be|been|is|are|had|have|has)\s+(?:\w+\s+)?(?:approved|agreed|accepted|signed|confirmed|adopted|circulated|taken|read|received|noted|presented|discussed|deferred)\b|\b(?:proposed|seconded|resolved|page \d+)\b/i;
const MEETING_WORD = /\b(?:meeting|council|committee|board|commission|authority|assembly|panel|cabinet|session|forum|trust)\b/i;

/** A line that heads a meeting's minutes. */
export function isMinutesHeading(text: string): boolean {
  return isBareMinutesHeading(bare(text));
}

/** isMinutesHeading of a line already made bare (bare text stays as it is when made bare again). */
function isBareMinutesHeading(t: string): boolean {
  if (!MINUTES_HEADING.test(t) || SENTENCE.test(t)) return false;
  // "Minutes of last meeting" and "Minutes of the previous meeting" are agenda items about minutes
  if (/^minutes\s+of\s+(?:the\s+)?(?:last|previous|prior|preceding)\b/i.test(t)) return false;
  return MEETING_WORD.test(t);
}

// "Minutes of Meeting on 11th April 2014", "Minutes of the Meeting – 15th February 2013": no body or
// kind of meeting named; an agenda item about approving minutes unless an attendance list follows
const BARE_MEETING = /^(?:\w+\s+)?minutes\s+of\s+(?:the\s+|a\s+)?(?:last\s+|previous\s+)?meeting\b(?!\s+of\b)/i;

/** A minutes heading at line i: named for a body or kind of meeting, or followed by its attendance. */
function headingAt(texts: string[], i: number): boolean {
  if (!isBareMinutesHeading(texts[i])) return false;
  return !BARE_MEETING.test(texts[i]) || attendanceWithin(texts, i);
}

const attendanceWithin = (texts: string[], i: number) => texts.slice(i + 1, i + 1 + NEAR).some((x) => ATTENDANCE.test(x));

const ATTENDANCE = /^(?:present|members present|councillors present|those (?:attending|present)|attendance|in attendance|roll call|attendees)\b\s*[-–:]?/i;
const NUMBERED = /^(?:\d{1,3}[.)]|\(?[ivx]{1,5}[.)]|[a-z][.)])\s/i;
// "There being no further business … adjourned", "The meeting closed at 20.40", "Meeting ended".
const CLOSING = /\badjourned\b|\bmeeting (?:closed|ended|finished|concluded)\b|\b(?:closed|ended) the meeting\b|\bthe meeting (?:was )?(?:closed|ended)\b|\brespectfully submitted\b/i;

const hasDate = memoByString((text: string) => findDates(text, new Date(Date.UTC(2000, 0, 1)), true).length > 0);

/** The date-bearing lines of a heading: the heading line and the few non-empty lines under it. */
function headingKey(texts: string[], i: number): { key: string; dated: boolean } {
  const parts = [texts[i]];
  let dated = hasDate(parts[0]);
  for (let j = i + 1, seen = 0; j < texts.length && seen < 3 && !dated; j++) {
    const t = texts[j];
    if (!t) continue;
    seen++;
    if (ATTENDANCE.test(t)) break;
    parts.push(t);
    dated = hasDate(t);
  }
  return { key: parts.join(" ").toLowerCase().replace(/[^a-z0-9]+/g, " ").trim(), dated };
}

/** How far ahead (in lines) a heading's attendance may start, and how far back a closing line may be. */
const NEAR = 15;
const CLOSING_BACK = 40;
/** The front sheet is looked for in a document's opening lines only. */
const FRONT_LINES = 80;

export function findParts(lines: SourceLine[]): DocumentParts {
  const texts = lines.map((l) => bare(l.text));
  let firstAttendance = -1;
  let firstHeading = -1;
  let front = -1;
  for (let i = 0; i < texts.length && i < FRONT_LINES; i++) {
    const t = texts[i];
    if (!t) continue;
    if (firstAttendance < 0 && ATTENDANCE.test(t)) firstAttendance = i;
    if (firstHeading < 0 && headingAt(texts, i)) firstHeading = i;
    if (firstAttendance >= 0 || firstHeading >= 0) break;
    if (front < 0 && FRONT_SHEET.test(t) && !NUMBERED.test(t)) front = i;
  }

  let start = 0;
  let frontEnd = 0;
  if (front >= 0) {
    const minutes = minutesAfterFrontSheet(texts, front + 1);
    if (minutes < 0) {
      return { meetings: [{ start: 0, end: lines.length }], frontEnd: 0, agendaOnly: !decidesAnything(texts) };
    }
    start = frontEnd = minutes;
  }

  // later meetings: a dated minutes heading unlike the ones before it (not a page's running header),
  // after a closing line or followed by its own attendance
  const starts = [start];
  const keys = new Set<string>();
  let lastClosing = -Infinity;
  // the line of the current meeting's own heading, and whether business has been minuted since
  let heading = -1;
  let business = false;
  for (let i = start; i < texts.length; i++) {
    const t = texts[i];
    if (!t) continue;
    if (CLOSING.test(t)) lastClosing = i;
    if (NUMBERED.test(t) || !headingAt(texts, i)) {
      if (heading >= 0 && (NUMBERED.test(t) || ATTENDANCE.test(t) || CLOSING.test(t))) business = true;
      continue;
    }
    const { key, dated } = headingKey(texts, i);
    const seen = keys.has(key);
    keys.add(key);
    // the first heading is the first meeting's own, however far down a title page puts it; a
    // second heading before any business (a web page's title above the minutes' own) is too
    if (heading < 0 || !business) {
      heading = i;
      continue;
    }
    if (i - heading < 10 || seen || !dated) continue;
    if (i - lastClosing <= CLOSING_BACK || attendanceWithin(texts, i)) {
      starts.push(i);
      heading = i;
      business = false;
    }
  }
  const meetings = starts.map((s, k) => ({ start: s, end: k + 1 < starts.length ? starts[k + 1] : lines.length }));
  return { meetings, frontEnd, agendaOnly: false };
}

/**
 * Where the minutes begin after a front sheet: a minutes heading, or an attendance list with the
 * date and venue lines just above it ("Date held: 2nd August 2013 … Present:"); -1 when none.
 */
function minutesAfterFrontSheet(texts: string[], from: number): number {
  for (let i = from; i < texts.length; i++) {
    const t = texts[i];
    if (!t || NUMBERED.test(t)) continue;
    if (headingAt(texts, i)) return i;
    if (ATTENDANCE.test(t)) {
      let start = i;
      for (let j = i - 1, gap = 0; j >= from && gap <= 2; j--) {
        if (!texts[j]) {
          gap++;
          continue;
        }
        if (NUMBERED.test(texts[j]) || !/\b(?:date|held|venue|time|meeting)\b/i.test(texts[j]) || !hasDate(texts[j])) break;
        start = j;
        gap = 0;
      }
      return start;
    }
  }
  return -1;
}

/** Whether the text records decisions taken, as minutes do and an agenda does not. */
function decidesAnything(texts: string[]): boolean {
  return texts.some((t) => /\b(?:resolved|seconded|carried|agreed that|it was agreed|motion passe[sd]|unanimously)\b/i.test(t));
}
