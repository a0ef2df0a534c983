// Actions: what a resolution asks someone to do or bring back ("details … be forwarded to the
// Select Committee", "a further update to be brought back in due course"). A resolution that
// only notes, approves or agrees something asks for nothing and yields no action.
import { addDays, addMonths, isCalendarDate, monthIndex, type CalendarDate, type CalendarMonth } from "./calendar.ts";
import { deadlineInForce, isPastDeadline, type DeadlineExtension } from "./deadlines.ts";

export const ACTION_STATUSES = ["open", "done", "dropped"] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export const NEXT_MEETING = "next meeting" as const;
/** A date, a month (by the end of it), the committee's next meeting, or not stated. */
export type ActionDue = CalendarDate | CalendarMonth | typeof NEXT_MEETING | null;

export interface ActionDraft {
  /** The clause that asks, as minuted (without "That" and joining words). */
  text: string;
  /** Who is asked to do it, when the clause names them. */
  owner: string | null;
  /** Who is to receive it, when the clause names them ("to the Select Committee"). */
  recipient: string | null;
  due: ActionDue;
  /** The clause's letter or numeral ("a", "ii") when the resolution is lettered. */
  label: string | null;
  /** Which "… and that …" part of that clause: with the label, a stable key within the resolution. */
  part: number;
}

export interface ActionUpdate {
  date: CalendarDate;
  text: string;
  by: string | null;
  /** a link the owner gave as evidence, kept when a clerk accepted the update */
  evidenceUrl?: string | null;
  /** the progress the owner reported (open or done), or how a clerk closed the action */
  status?: ActionStatus | null;
}

export interface Action extends ActionDraft {
  status: ActionStatus;
  updates: readonly ActionUpdate[];
  /** Date of the meeting the action came from, and of the meeting that answered it. */
  raisedOn: CalendarDate | null;
  answeredOn: CalendarDate | null;
}

interface Clause {
  label: string | null;
  /** 1-based: the n-th "… and that …" part of the lettered clause (or of the whole resolution). */
  part: number;
  text: string;
}

const LETTERS = "abcdefghijklmnopqrstuvwxyz";
const ROMAN = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"];

/**
 * Splits "… that: a) …; b) …; and c) …" into its lettered (or roman-numbered) clauses. Markers
 * only count when they run a), b), c) … in order, so "(e)" inside a sentence or a stray "s)"
 * does not cut a clause in two.
 */
export function splitClauses(text: string): Clause[] {
  // One space between words from here on: the rules below match single spaces.
  return splitLettered(text.replace(/\s+/g, " ")).flatMap((c) =>
    // "…; AND THAT a copy be sent to …" (a Canadian council's form) and "… and that …" join
    // separate decisions in one clause.
    c.text
      .split(/[;,]? and (?:further )?that (?=\S)/i)
      .map(tidy)
      .filter(Boolean)
      .map((t, i) => ({ label: c.label, part: i + 1, text: t })),
  );
}

function splitLettered(text: string): { label: string | null; text: string }[] {
  for (const sequence of [LETTERS.split(""), ROMAN]) {
    const marker = /(^|[ :;,])\(?([a-z]{1,4})\) /g;
    const cuts: { at: number; end: number; label: string }[] = [];
    let expected = 0;
    for (const m of text.matchAll(marker)) {
      if (m[2] !== sequence[expected]) continue;
      const at = m.index! + m[1].length;
      cuts.push({ at, end: m.index! + m[0].length, label: m[2] });
      expected++;
    }
    if (cuts.length >= 2) {
      // an empty preamble ("That:") is dropped with the other empty clauses
      const clauses: { label: string | null; text: string }[] = [{ label: null, text: text.slice(0, cuts[0].at) }];
      cuts.forEach((c, i) => clauses.push({ label: c.label, text: text.slice(c.end, cuts[i + 1]?.at ?? text.length) }));
      return clauses;
    }
  }
  return [{ label: null, text }];
}

/** Drops the "That" that opens a resolution and the joining words and punctuation at its ends. */
function tidy(clause: string): string {
  // One word or mark at a time until none is left: "; and that" goes as "that", " ", "and", ";".
  let t = clause;
  let prev: string;
  do {
    prev = t;
    t = t.replace(/^(?:that|and|or)\b|\b(?:and|or|that)$|^[ ,:]|[ ,;:.–-]$/gi, "");
  } while (t !== prev);
  return t;
}

interface Request {
  /** Where the asking words start within the clause. */
  index: number;
  /** Whether the clause names the doer before the words (active or "X be asked to"). */
  ownerBefore: boolean;
}

// Each pattern is a way of asking for something to be done or come back.
const REQUESTS: { re: RegExp; ownerBefore: boolean }[] = [
  // "shared with" someone; a cost "to be shared" is a decision about money.
  { re: /\bbe (?:forwarded|forward|circulated|shared with|sent|submitted|reported)\b/i, ownerBefore: false },
  { re: /\bbrought back\b/i, ownerBefore: false },
  // Only a standing request: "to receive an update on …" also describes what a closed session is for.
  { re: /\breceives? (?:regular|further|quarterly|monthly|annual|periodic|six-monthly) (?:progress )?(?:updates?|reports?)\b/i, ownerBefore: false },
  { re: /\bkept (?:up to date|informed|updated)\b/i, ownerBefore: false },
  { re: /\bfurther (?:update|report)\b[^.;]*?\bin due course\b/i, ownerBefore: false },
  { re: /\b(?:be )?(?:asked (?:to|for)|requested to)\b/i, ownerBefore: true },
  { re: /\b(?:to )?report back\b/i, ownerBefore: true },
  // Not "to provide": "to provide for …" in by-laws and grants asks nobody for anything.
  { re: /\bto (?:circulate|forward|share(?=[^.;]*\bwith\b)|send|bring back|submit)\b/i, ownerBefore: true },
];

function findRequest(clause: string): Request | null {
  let best: Request | null = null;
  for (const { re, ownerBefore } of REQUESTS) {
    const m = re.exec(clause);
    if (!m) continue;
    // "… not be circulated" asks for the opposite of an action.
    if (/\bnot (?:to )?(?:be )?$/i.test(clause.slice(0, m.index))) continue;
    // Being "asked to note" or "asked to approve" is a decision, not a task.
    if (/^(?:be )?(?:asked|requested) to (?:note|approve|agree|endorse|accept|move|propose|second)\b/i.test(clause.slice(m.index))) continue;
    if (/^(?:be )?asked for (?:approval|permission|consent)\b/i.test(clause.slice(m.index))) continue;
    // "permitted to submit", "wished to send": a right or a wish, not a task.
    if (/\b(?:permitted|allowed|able|entitled|wish(?:es|ed)?) $/i.test(clause.slice(0, m.index))) continue;
    if (!best || m.index < best.index) best = { index: m.index, ownerBefore };
  }
  return best;
}

const PLAIN_WHO = /^(?:all \w+|officers?|members?|councillors?|clerk|chair(?:man)?|leader|director|head of)\b/i;

/** A short noun phrase naming a person, post or body, "the" dropped; null for anything else. */
function asWho(phrase: string): string | null {
  const q = phrase
    .replace(/^[ ,;:]+|[ ,;:]+$/g, "")
    .replace(/^(?:that|and) /i, "")
    .replace(/^the /i, "");
  const p = q.replace(/(?: (?:and|of|for|the|to))+$/i, "");
  if (!p || p.split(" ").length > 8 || /\b(?:be|is|are|was|were|been)\b/i.test(p)) return null;
  if (!/^[A-Z]/.test(p) && !PLAIN_WHO.test(p)) return null;
  // A name or a post: past its first word, only capitalised words and joining words.
  if (p.split(" ").slice(1).some((w) => /^[a-z]/.test(w) && !/^(?:of|and|for|the|to|on|in)$/.test(w))) return null;
  return p.charAt(0).toUpperCase() + p.slice(1);
}

const TRAILING_VERBS = /(?:[ ,;]+(?:and|to|be|should|would|will|shall|must|could|may|was|were|is|are|agreed|decided|resolved))+ ?$/i;

/** The doer named before the asking words: "the Cabinet Member be asked …", "Officers … and asked for …". */
function ownerBefore(clause: string, index: number): string | null {
  const before = clause.slice(0, index).replace(TRAILING_VERBS, "");
  // The whole phrase first, so "the Department of Housing, Local Government & Heritage" stays whole.
  const candidates = [before, before.split(" and ").pop() ?? "", before.split(/[,;] /).pop() ?? ""];
  for (const c of candidates) {
    const who = asWho(c);
    if (who) return who;
  }
  // Elided subject: "Officers be congratulated … and asked for …", "The Executive agreed to meet … and report back".
  const subject = /^(.*?) (?:be|agreed|decided|resolved) /i.exec(clause);
  return subject ? asWho(subject[1].replace(TRAILING_VERBS, "")) : null;
}

function byWhom(rest: string): string | null {
  const m = /^[^.;]*?\bby ((?:the )?[A-Z][^,.;]*?)(?= (?:to|with|at|by|in|on|before|after|within)\b|[,.;]|$)/.exec(rest);
  return m ? asWho(m[1]) : null;
}

function recipientOf(clause: string, index: number): string | null {
  const rest = clause.slice(index);
  const to = /\b(?:forwarded|forward|circulated|shared|sent|submitted|reported|brought back|report back|circulate|send|share|forward|submit) (?:[^.;]*? )?(?:to|with) ((?:the |all )?\p{Lu}[\p{L}\p{N}'’&.-]*(?: (?:\p{Lu}[\p{L}\p{N}'’&.-]*|of|and|for|the))*)/u.exec(rest);
  if (to) return asWho(to[1]);
  const receiver = /^(.*?) (?:to )?receives?\b/i.exec(clause);
  if (receiver && /\breceives?\b/i.test(rest.slice(0, 12))) return asWho(receiver[1]);
  const kept = /^(.*?) be kept\b/i.exec(clause);
  return kept ? asWho(kept[1]) : null;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** A month named without a year is the next such month after the meeting. */
function nextMonthAfter(month: number, meetingDate: CalendarDate): CalendarMonth {
  const [y, mm] = meetingDate.split("-").map(Number);
  return `${month > mm ? y : y + 1}-${pad(month)}`;
}

/** When the clause (one space between words, as splitClauses gives it) says it is due: a date, a month, the next meeting, or nothing. */
export function dueOf(clause: string, meetingDate?: CalendarDate | null): ActionDue {
  if (/\bnext (?:meeting|committee|scheduled meeting)\b/i.test(clause)) return NEXT_MEETING;
  const fullDate = /\b(?:by|before|on|at|to) (?:the )?(\d{1,2})(?:st|nd|rd|th)? ([A-Za-z]{3,9})\.? (\d{4})\b/.exec(clause);
  if (fullDate) {
    const m = monthIndex(fullDate[2]);
    const date = m ? `${fullDate[3]}-${pad(m)}-${pad(Number(fullDate[1]))}` : null;
    if (date && isCalendarDate(date)) return date;
  }
  const monthYear = /\b(?:by|before|in|during) (?:the end of )?([A-Za-z]{3,9}) (\d{4})\b/.exec(clause);
  if (monthYear) {
    const m = monthIndex(monthYear[1]);
    if (m) return `${monthYear[2]}-${pad(m)}`;
  }
  const inMonth = /\b(?:in|by|before|during) (?:the end of )?([A-Z][a-z]{2,8})\b(?! \d)/.exec(clause);
  if (inMonth && meetingDate) {
    const m = monthIndex(inMonth[1]);
    if (m) return nextMonthAfter(m, meetingDate);
  }
  const meetingMonth = /\b(?:to|at|for|on) the ([A-Za-z]{3,9})(?: (\d{4}))? (?:meeting|committee|agenda)\b/.exec(clause);
  if (meetingMonth) {
    const m = monthIndex(meetingMonth[1]);
    if (m && meetingMonth[2]) return `${meetingMonth[2]}-${pad(m)}`;
    if (m && meetingDate) return nextMonthAfter(m, meetingDate);
  }
  const within = /\bwithin (\d{1,2}|one|two|three|four|six) (weeks?|months?)\b/i.exec(clause);
  if (within && meetingDate) {
    const words: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, six: 6 };
    const n = words[within[1].toLowerCase()] ?? Number(within[1]);
    return /week/i.test(within[2]) ? addDays(meetingDate, n * 7) : addMonths(meetingDate, n);
  }
  return null;
}

/** The actions a resolution asks for, one per lettered clause that asks for something. */
export function actionsFromResolution(text: string, options: { meetingDate?: CalendarDate | null } = {}): ActionDraft[] {
  const out: ActionDraft[] = [];
  for (const clause of splitClauses(text)) {
    const request = findRequest(clause.text);
    if (!request) continue;
    const rest = clause.text.slice(request.index);
    out.push({
      text: clause.text.charAt(0).toUpperCase() + clause.text.slice(1),
      owner: request.ownerBefore ? ownerBefore(clause.text, request.index) : byWhom(rest),
      recipient: recipientOf(clause.text, request.index),
      due: dueOf(clause.text, options.meetingDate),
      label: clause.label,
      part: clause.part,
    });
  }
  return out;
}

/** An open action is overdue the day after its deadline in force (the latest extension's, else its due date). */
export function isOpenActionOverdue(status: ActionStatus, dueDate: CalendarDate | null, extensions: readonly DeadlineExtension[], asOf: CalendarDate): boolean {
  return status === "open" && isPastDeadline(deadlineInForce(dueDate, extensions), asOf);
}
