// What the minutes say of their own standing. A draft: the header's draft marking
// (draft-marking.ts: "Draft Minutes", "subject to approval", "Unconfirmed"). Approved: the header
// says so ("Confirmed minutes", "approved at the meeting of 4th March 2014"), a line near the end
// gives the approval and its date ("Approved: 01/28/2020", "Approved by the Board of Trustees:
// April 15, 2020"), or the signature block is filled in ("Chairman: J Richardson Date: 12th March
// 2014"). A block printed for the chair to sign ("Signed: ____ Cathaoirleach Dated: ____") and
// printed names under signature lines say nothing. Minutes in the body approving another
// meeting's minutes are never read: only the header and the lines of the signature block are.
import type { Span } from "../../domain/minutes.ts";
import type { MinutesStatus } from "../../domain/minutes.ts";
import type { Located, ParseContext } from "../context.ts";
import { ATTENDANCE_START, frontText } from "./header.ts";

export interface FoundStatus {
  value: MinutesStatus;
  /** the words it was read from, as written */
  text: string;
  span: Span;
  /** the header calls the minutes a draft, but they are signed or approved too */
  low?: boolean;
}

const HEADER_CHARS = 700;
/** How far from the end a signature block or an approval line may stand. */
const TAIL_LINES = 40;

const MONTH = String.raw`(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?`;
const DATE = String.raw`(?:\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|(?:\d{1,2}(?:st|nd|rd|th)?\s+)?${MONTH}\s+(?:\d{1,2}(?:st|nd|rd|th)?,?\s+)?\d{4})`;
const DATE_RE = new RegExp(`\\b${DATE}\\b`, "i");

const HEADER_APPROVED = [
  /\b(?:confirmed|approved|signed|adopted)\s+minutes\b/i,
  new RegExp(String.raw`\b(?:approved|confirmed|adopted|ratified|signed)\s+(?:as\s+a\s+(?:true\s+and\s+)?(?:correct|accurate)\s+record\s+)?(?:at|by|on)\s+[^\n.]{0,60}?${DATE}`, "i"),
];

/** "Approved: 01/28/2020", "Approved by the Board of Trustees: April 15, 2020", "Minutes approved 12 March 2024". */
const APPROVED_LINE = new RegExp(
  String.raw`^(?:minutes\s+)?(?:approved|adopted|confirmed)(?:\s+(?:by|at)\s+(?:the\s+)?[A-Za-z][A-Za-z ]{0,60}?)?(?:\s+on)?\s*[:\-–]?\s*${DATE}\s*[.]?$`,
  "i",
);

/** The label of a signature line: "Signed:", "Chairman:", "Chairman's Signature", "Mayor". */
const SIGNATURE_LABEL = /^(?:(?:signed|signature)\b|(?:chair(?:man|woman|person)?(?:['’]s\s+signature)?|mayor|cathaoirleach|president)\s*[:.…_])/i;
/** What a blank signature block holds besides its labels: rules, dots, underscores, role words. */
const PLACEHOLDER = /[._…\-—–\\*:()|]+|\b(?:signed|signature|chair(?:man|woman|person)?(?:['’]s)?|mayor|cathaoirleach|president|clerk|secretary|dated?|vice|deputy)\b/gi;
/** A signature written in: a name with an honorific, or initials and a surname. */
const NAME = /\b(?:(?:Cllr|Councillor|Mr|Mrs|Ms|Miss|Dr)\.?\s+[A-Z]|[A-Z]\.?\s+(?:[A-Z]\.?\s+)?[A-Z][a-z]{2,})/;

export function findMinutesStatus(ctx: ParseContext, draftMarking: Located<string> | null, frontEnd: number): FoundStatus | null {
  const approved = headerApproval(ctx, frontEnd) ?? tailApproval(ctx);
  if (draftMarking) {
    return { value: "draft", text: draftMarking.value, span: draftMarking.span, ...(approved ? { low: true } : {}) };
  }
  return approved;
}

function headerApproval(ctx: ParseContext, frontEnd: number): FoundStatus | null {
  const j = frontText(ctx, frontEnd, HEADER_CHARS * 2);
  let head = j.text;
  const att = head.search(ATTENDANCE_START);
  if (att >= 0) head = head.slice(0, att);
  head = head.slice(0, HEADER_CHARS).replace(/[*_#`]/g, " ");
  let best: { index: number; length: number } | null = null;
  for (const re of HEADER_APPROVED) {
    const m = re.exec(head);
    if (m && (!best || m.index < best.index)) best = { index: m.index, length: m[0].length };
  }
  if (!best) return null;
  return { value: "approved", text: head.slice(best.index, best.index + best.length).replace(/\s+/g, " ").trim(), span: j.span(best.index, best.index + best.length) };
}

function tailApproval(ctx: ParseContext): FoundStatus | null {
  const from = Math.max(0, ctx.lines.length - TAIL_LINES);
  for (let i = ctx.lines.length - 1; i >= from; i--) {
    const raw = ctx.lines[i].text;
    const text = raw.replace(/[*#`]/g, "").replace(/\s+/g, " ").trim();
    if (!text) continue;
    // a signature line is short: a sentence about the chair is not one
    if (APPROVED_LINE.test(text) || (text.length <= 120 && SIGNATURE_LABEL.test(text) && filledIn(text))) {
      const lead = raw.length - raw.trimStart().length;
      return { value: "approved", text, span: ctx.span(i, lead, raw.trimEnd().length) };
    }
  }
  return null;
}

/** A signature line with a name or a date written in, once its labels and blanks are taken away. */
function filledIn(line: string): boolean {
  const rest = line.replace(PLACEHOLDER, " ").replace(/\s+/g, " ").trim();
  return DATE_RE.test(rest) || NAME.test(rest);
}
