// Motions recorded with their movers: "R2019-205 S. Kirkey, T. Butler: That … Carried.",
// "Moved by A, seconded by B, that … Carried", "Cllr A proposed to …, seconded by Cllr B, all in favour".
import { FAILED } from "./keywords.ts";

const INITIAL_NAME = String.raw`(?:[A-Z]\.\s?){1,3}\s?[A-Z][A-Za-z’'-]+`;
/** "S. Kirkey, T. Butler:" — the movers of a numbered motion, alone or after its number. */
export const MOVERS_HEAD = new RegExp(
  String.raw`^\s*(?:(?:R|No\.?\s*)?\d{2,4}[-/]\d{1,4}\s+)?(?:Moved\s+by:?\s+)?${INITIAL_NAME}\s*(?:,|\band\b|&)\s*(?:Seconded\s+by:?\s+)?${INITIAL_NAME}\s*[:;]\s*`,
);
/** "Moved by Cllr A" / "Seconded by Cllr B" lines that open a motion (Ontario and Irish styles). */
export const MOVED_LINE = /^\s*(?:moved|proposed|seconded)\s+by\s*:?\s+[^\n]{1,80}$/i;

/** The motion's outcome word at the end of a unit: "Carried.", "CARRIED UNANIMOUSLY", "Defeated." */
export const OUTCOME_UNIT = /^(?:motion\s+)?(carried|defeated|lost|failed|withdrawn|tabled|deferred)\b(?:\s+unanimously|\s+as\s+amended)?\.?$/i;
export const OUTCOME_TAIL = /(?:^|[\s.;])(?:motion\s+)?(carried|defeated|lost)(?:\s+unanimously|\s+as\s+amended)?\.?\s*$/i;

export function isNegativeOutcome(word: string): boolean {
  return /^(?:defeated|lost|failed|withdrawn)$/i.test(word);
}

/** Clauses a motion states its reasons in; the decision starts after them. */
export const WHEREAS = /^\s*(?:and\s+)?whereas\b/i;

/**
 * "Cllr Sue Lintern proposed to approve the dispensation applications, seconded by Cllr Jim McNeill, all were in favour."
 * → "to approve the dispensation applications". Null when the sentence is not a seconded or voted proposal,
 * or when it failed.
 */
export function proposalText(sentence: string): string | null {
  if (FAILED.test(sentence)) return null;
  const m = /\b(?:proposed|moved)\s+(?!by\b)(?:(?:that|to)\b)?/i.exec(sentence);
  if (!m) return null;
  const before = sentence.slice(0, m.index);
  // an individual or "It was" proposes; "which was proposed" is a report
  if (/\b(?:was|were|had|has|have|be|been|being|which|who)\s*$/i.test(before)) return null;
  // "a proposed design", "the proposed works": an adjective, not a proposal
  if (/\b(?:a|an|the|this|that|these|those|his|her|their|its|our|any|each)\s*$/i.test(before)) return null;
  if (/\b(?:suggested|asked|wanted|wished|would|will|could|should)\b/i.test(before)) return null;
  let after = sentence.slice(m.index + m[0].length - (/(?:that|to)$/i.test(m[0]) ? /(?:that|to)$/i.exec(m[0])![0].length : 0));
  // "P. Markwell proposed and D. Pickston seconded that …"
  // "… and Mr Dale seconded the substantive motion, which was CARRIED: that …"
  const both = /^and\s+[^,;]{1,40}?\s+seconded\s+(?:the\s+(?:substantive\s+|original\s+|following\s+)?(?:motion|recommendations?)(?:,?\s+which\s+was\s+(?:carried|agreed)(?:\s+unanimously)?)?\s*[:,]?\s*)?(?=(?:that|to)\b)/i.exec(after);
  if (both) {
    const text = after.slice(both[0].length).trim();
    return text.split(/\s+/).length >= 2 ? text : null;
  }
  // "Proposed D. Pickston and seconded by G. Clere that the Clerk be appointed"
  const clause = /\bseconded\s+by\s+[^,;]{1,40}?\s+((?:that|to)\s[^]*)$/i.exec(after);
  if (clause) return clause[1].replace(/[,;]?\s*(?:all\s+(?:were\s+)?in\s+favou?r|carried)\b[^]*$/i, "").trim();
  const cut =
    /[,;]?\s*(?:and\s+)?(?:this\s+was\s+)?(?:duly\s+)?seconded(?:\s+by)?\s+(?=[A-Z])/.exec(after) ??
    /[,;]?\s*(?:and\s+)?(?:this\s+was\s+)?(?:duly\s+)?seconded\s+by\b/i.exec(after) ??
    /[,;]\s*(?:and\s+)?(?:(?:Cllr|Clr|Councillor|Mr|Mrs|Ms)\.?\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,3}\s+seconded\b/.exec(after);
  const tally = /[,;]\s*(?:with\s+)?(?:all|everyone|\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:were\s+|votes?\s+)?(?:present\s+)?(?:in\s+favou?r|for|agreed)\b/i.exec(after);
  const carried = /\b(?:carried|agreed|unanimously)\b/i.exec(after);
  if (!cut && !tally && !carried) return null;
  const end = Math.min(cut ? cut.index : Infinity, tally ? tally.index : Infinity, carried && !cut && !tally ? carried.index : Infinity);
  let text = after.slice(0, end).trim().replace(/[,;]?\s*(?:which|this|that)\s+was\s*$/i, "").replace(/[,;]$/, "");
  // "Cllr A proposed Cllr B as Chairman, seconded by …": the whole proposal says what was decided
  // "The Parish Council received the budget, Cllr Mann proposed its approval": the pronoun needs its clause
  if (/^(?:its|their|it|this|the\s+same)\b/i.test(text) && text.split(/\s+/).length <= 4) {
    const whole = (before + sentence.slice(m.index, m.index + m[0].length) + after.slice(0, end)).trim().replace(/[,;]$/, "");
    if (whole.split(/\s+/).length > text.split(/\s+/).length + 3) return whole;
  }
  const looksLikeName = /^(?:(?:Cllr|Clr|Councillor|Mr|Mrs|Ms|Miss|Dr)\b\.?|[A-Z][a-z]+\s+[A-Z][a-z]+$|(?:[A-Z]\.\s?)+[A-Z][a-z]+(?:,?\s+seconded\b.*)?$)/;
  // "£25.00 donation to the C.A.B. proposed P. Wood, seconded Miss Richardson": the matter comes first
  const matter = before.replace(/^[\s\-*•]+/, "").replace(/[\s,:–-]+$/, "");
  if (looksLikeName.test(text) && matter.split(/\s+/).length >= 3 && !/\b(?:Cllr|Councillor|Mr|Mrs|Ms)\.?\s+\S+$/.test(matter)) return matter;
  // "Proposed M. Grief, seconded B. Glover": movers with nothing proposed
  if (looksLikeName.test(text) && !before.trim()) return null;
  if (looksLikeName.test(text)) {
    text = (sentence.slice(0, m.index) + sentence.slice(m.index, m.index + m[0].length) + after.slice(0, end)).trim().replace(/[,;]$/, "");
  }
  if (text.split(/\s+/).length < 2) return null;
  // "proposed the following motion …": the motion is elsewhere, and so is its fate
  if (/^(?:the\s+)?following\b|^(?:a|the)\s+motion\b/i.test(text)) return null;
  return text;
}
