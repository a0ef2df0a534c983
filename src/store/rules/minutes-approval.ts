// Pure rules for finding, in a later meeting, the item that agreed earlier minutes as a correct
// record: "Minutes of the previous meeting" / "Confirmation of minutes" / "Minutes of the Safe &
// Strong Communities Select Committee held on 9 November 2016", whose decision or text says they
// were approved, agreed, adopted, confirmed or signed; and which earlier meeting it names.
import { isCalendarDate, monthIndex } from "../../domain/calendar.ts";

// "Minutes", "Minutes of the previous meeting", "Confirmation of (the) minutes", "Approval of Minutes",
// "To approve the minutes of …", "Adoption of draft Minutes", "Minutes of last meeting"
const MINUTES_TITLE =
  /^(?:(?:to\s+)?(?:confirm(?:ation)?|approv(?:e|al)|adopt(?:ion)?|agree|sign(?:ing)?|accept(?:ance)?)(?:\s+of)?\s+(?:the\s+)?)?(?:draft\s+|previous\s+|last\s+)?minutes\b/i;
// minutes of other bodies received for information are not this meeting's own approval
const NOT_OWN_MINUTES = /\b(?:to\s+note|for\s+information|received|sub-?committees?\s+minutes|minutes\s+of\s+(?:other|outside)\b)/i;

/** Whether an agenda item's title says it deals with earlier minutes. */
export function isMinutesItemTitle(title: string): boolean {
  // only the start matters: the title patterns are anchored there and not at the end
  const t = title.replace(/^[*_#\s]+/, "");
  return MINUTES_TITLE.test(t) && !NOT_OWN_MINUTES.test(t);
}

const AGREED = /\b(?:approved|agreed|adopted|confirmed|signed|accepted|ratified)\b|\b(?:true|correct|accurate)\s+record\b/i;
const REFUSED = /\bnot\s+(?:be\s+)?(?:approved|agreed|adopted|confirmed|signed|accepted)\b|\b(?:deferred|withdrawn|postponed)\b/i;

/** Whether a decision (or the item's text) records the minutes as agreed: "be confirmed and signed", "agreed to be a true record". */
export function saysMinutesAgreed(text: string): boolean {
  return AGREED.test(text) && !REFUSED.test(text);
}

const MONTH = "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";
// OCR of superscript ordinals leaves quotes and degree signs: 5" October, 19” October, 9°" November
const ORDINAL = String.raw`(?:st|nd|rd|th|["”“'’°º]{1,3})?`;
const DAY_MONTH_YEAR = new RegExp(String.raw`\b(\d{1,2})${ORDINAL}\s+(?:of\s+)?${MONTH}\.?,?\s+(\d{4})\b`, "gi");
const MONTH_DAY_YEAR = new RegExp(String.raw`\b${MONTH}\.?\s+(\d{1,2})${ORDINAL},?\s+(\d{4})\b`, "gi");
// not part of a longer dotted or slashed number, as minute numbers are ("16/01/5.01")
const NUMERIC = /(?<![\d/.])(\d{1,2})[/.](\d{1,2})[/.](\d{4}|\d{2})(?![/.]?\d)/g;

const pad = (n: number) => String(n).padStart(2, "0");

/** Every full date written in the text, as ISO dates, in order and without repeats ("9 November 2016", "4th October, 2017", "13/11/2012"). */
export function datesNamed(text: string): string[] {
  const found: { at: number; iso: string }[] = [];
  // a month outside 1–12 (a numeric one, or none) fails the calendar check
  const add = (at: number, y: number, m: number | null, d: number) => {
    const iso = `${y}-${pad(m ?? 0)}-${pad(d)}`;
    if (isCalendarDate(iso)) found.push({ at, iso });
  };
  for (const m of text.matchAll(DAY_MONTH_YEAR)) add(m.index!, Number(m[3]), monthIndex(m[2]), Number(m[1]));
  for (const m of text.matchAll(MONTH_DAY_YEAR)) add(m.index!, Number(m[3]), monthIndex(m[1]), Number(m[2]));
  // day first, as British and Irish minutes write it
  for (const m of text.matchAll(NUMERIC)) add(m.index!, m[3].length === 2 ? 2000 + Number(m[3]) : Number(m[3]), Number(m[2]), Number(m[1]));
  return [...new Set(found.sort((a, b) => a.at - b.at).map((f) => f.iso))];
}
