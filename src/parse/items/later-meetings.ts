// Some documents hold the minutes of several meetings one after another (a city council's regular
// meeting, then its special meeting and a commission's). The first meeting is the record; the
// lines from the next meeting's title on are set aside so that none of its items, times or
// decisions are read into the first.
import type { ParseContext } from "../context.ts";

// a title line in capitals: "MINUTES OF THE SPECIAL CITY COUNCIL MEETING", "MINUTES OF THE SPECIAL JOINT CITY COUNCIL AND"
const TITLE = /^\s*(?:(?:UNAPPROVED|DRAFT)\s+)?MINUTES\s+OF\s+(?:THE\s+|A\s+)?[A-Z][A-Z0-9 ,&'’/-]{3,120}$/;
const ADJOURNED = /\badjourn(?:ed|s)\b/i;
/** How far (in lines) the first meeting's adjournment may stand before the next title. */
const NEAR = 30;

/** Cuts `ctx.lines` before a second meeting's minutes that start after the first one adjourned. */
export function setAsideLaterMeetings(ctx: ParseContext): void {
  let adjournedAt = -1;
  let seenText = false;
  for (let i = 0; i < ctx.lines.length; i++) {
    const t = ctx.lines[i].text;
    if (seenText && adjournedAt >= 0 && i - adjournedAt <= NEAR && TITLE.test(t)) {
      const later = ctx.lines.slice(i).filter((l) => TITLE.test(l.text)).map((l) => l.text.trim());
      ctx.warn(`The document holds further meetings after the first, which is the record; not read: ${later.join("; ")}`, i);
      ctx.lines = ctx.lines.slice(0, i);
      return;
    }
    if (t.trim() && !TITLE.test(t)) seenText = true;
    if (ADJOURNED.test(t) || (ADJOURNED.test(ctx.lines[i - 1]?.text ?? "") && !t.trim())) adjournedAt = i;
  }
}
