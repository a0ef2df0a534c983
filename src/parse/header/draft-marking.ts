// Whether the document calls itself a draft: "Draft Minutes", "DRAFT" on a line of its own,
// "Draft (until approved at the next meeting) Minutes", "DRAFT UNTIL SIGNED BY THE CHAIR",
// "Unconfirmed minutes", "Minutes … subject to approval at the next meeting". Only the header is
// read (before the attendance and the first item), because the body of most minutes speaks of
// other drafts: "Circulated, copy of draft Minutes of the previous meeting", "Draft Budgetary Plan".
import type { Located, ParseContext } from "../context.ts";
import { ATTENDANCE_START, frontText } from "./header.ts";

/** How far into the header a marking may stand: it heads the document, it is not buried in it. */
const HEADER_CHARS = 700;

// Markdown emphasis and headings, links' targets and bare addresses are not wording.
const NOISE = /\]\([^)]*\)|\bhttps?:\/\/\S+|[*_#`]/g;

const PARENTHESIS = String.raw`(?:\s*\([^)\n]{0,60}\))?`;
const MARKINGS: RegExp[] = [
  // "Draft Minutes", "DRAFT MINUTES OF …", "Draft (until approved at the next meeting) Minutes"
  new RegExp(String.raw`\bdraft${PARENTHESIS}\s+minutes\b${PARENTHESIS}`, "i"),
  // "Minutes (draft)", "Minutes – Draft"
  /\bminutes\s*(?:\(\s*draft\s*\)|[–—-]\s*draft\b)/i,
  // "DRAFT" alone on its line, or "Draft until signed by the Chair", "Draft – subject to approval"
  /(?:^|\n)[ \t]*draft[ \t]*[.:]?[ \t]*(?=\n|$)/i,
  /\bdraft\s+(?:until|till|pending|subject\s+to|for\s+approval|not\s+yet)\b[^\n.]{0,60}/i,
  // "Unconfirmed minutes", "Unapproved minutes", "Minutes (unconfirmed)"
  /\b(?:unconfirmed|unapproved|unsigned)\s+minutes\b|\bminutes\s*\(\s*(?:unconfirmed|unapproved)\s*\)/i,
  // "… subject to approval / confirmation at the next meeting", "to be approved at the next meeting"
  /\b(?:subject\s+to\s+(?:the\s+)?(?:approval|confirmation|ratification|signing)|not\s+yet\s+(?:approved|confirmed|signed)|to\s+be\s+(?:approved|confirmed|signed)\s+(?:at|by)\b)[^\n.]{0,50}/i,
];

/**
 * The draft marking as written, with where it stands; null when the header does not call the
 * minutes a draft (they are then the council's final published record).
 */
export function findDraftMarking(ctx: ParseContext, frontEnd: number): Located<string> | null {
  const j = frontText(ctx, frontEnd, HEADER_CHARS * 2);
  let head = j.text;
  const att = head.search(ATTENDANCE_START);
  if (att >= 0) head = head.slice(0, att);
  head = head.slice(0, HEADER_CHARS);
  // blank out noise character for character, so offsets still point into the joined text
  const plain = head.replace(NOISE, (m) => " ".repeat(m.length));
  let best: { index: number; length: number } | null = null;
  for (const re of MARKINGS) {
    const m = re.exec(plain);
    if (!m) continue;
    const lead = m[0].length - m[0].trimStart().length;
    const found = { index: m.index + lead, length: m[0].trim().length };
    if (!best || found.index < best.index) best = found;
  }
  if (!best) return null;
  const value = plain.slice(best.index, best.index + best.length).replace(/\s+/g, " ").trim();
  return { value, span: j.span(best.index, best.index + best.length) };
}
