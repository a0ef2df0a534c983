// What follows the last item and is not its business: the chair's signature, appendices, the
// response tables a cabinet appends to its minutes. The last item ends where the first of them
// starts, so its text (and what is read from it) stops there. Only the last item: a signature
// line inside the minutes is a page footer, and earlier items end at the next heading anyway.
import type { ItemBlock, ParseContext } from "../context.ts";
import { plain } from "./markup.ts";

// "Appendix A", "ANNEX 2 – Response table", "Appendices"
// ("(See\nAppendix O)." is a reference wrapped onto its own line, not a heading)
const APPENDIX = /^(?:appendix|appendices|annex|annexe)(?:\s+[A-Z0-9]{1,3}(?![\w)])|\s*$|\s*[:–—-])/i;
// "Signed ……… Chairman", "Chairman: ______", "Signed: Date:" — a line left for a signature
const SIGN_HERE = /^(?:signed|chair(?:man|woman|person)?|cathaoirleach|mayor)\b[\s:]*(?:[._…]{3,}|_{2,})/i;
// "MARTIN TETT LEADER OF THE COUNCIL", "J SMITH CHAIRMAN": a name in capitals with the signer's office
// (the words before the office are a name: "REPORT OF THE CHAIRMAN", "ELECTION OF VICE CHAIRMAN" are headings)
const SIGNER = /^(?!.*\b(?:OF|THE|AND|BY|TO|FOR|FROM|REPORT|ELECTION|APPOINTMENT|ANNOUNCEMENTS?|UPDATE|ITEMS?|BUSINESS|MATTERS?|VICE|DEPUTY)\s+(?:CHAIR|LEADER|MAYOR|CATHAOIRLEACH|PRESIDENT))(?:[A-Z][A-Z'’.-]*\s+){1,4}(?:CHAIR(?:MAN|WOMAN|PERSON)?|LEADER OF THE COUNCIL|MAYOR|CATHAOIRLEACH|PRESIDENT)\.?$/;
// a table's header row: "Recommendation<TAB>Agreed Yes/No<TAB>Response …"
const TABLE_HEAD = /^recommendations?(?:\s+(?:no\.?|number))?\s*\t.*\t/i;

// "Other matters", "Any other business" printed without a number after the numbered items: like an
// open forum after the agenda, what follows is noted, not an item of the agenda
const AFTER_AGENDA = /^(?:other\s+matters|other\s+business|any\s+other\s+business|matters\s+for\s+information)\s*:?$/i;

export function closeAtBackMatter(ctx: ParseContext, items: ItemBlock[]): void {
  const last = items[items.length - 1];
  if (!last) return;
  // the item's own first line of business is never back matter
  let seen = false;
  for (let i = last.bodyStart; i < last.end; i++) {
    const raw = ctx.lines[i].text;
    const t = plain(raw).text.trim();
    if (!t) continue;
    const afterBlank = i > 0 && !ctx.lines[i - 1].text.trim();
    if (seen && afterBlank && AFTER_AGENDA.test(t)) {
      ctx.warn(`"${t}" after the last item is not an item of the agenda; it is left out of item ${last.number.value}`, i);
      last.end = i;
      return;
    }
    if (seen && t.length <= 120 && (APPENDIX.test(t) || SIGN_HERE.test(t) || SIGNER.test(t) || TABLE_HEAD.test(raw.trim()))) {
      ctx.warn(`the text after the last item (from "${t.slice(0, 40)}") is a signature, appendix or table, not part of item ${last.number.value}`, i);
      last.end = i;
      return;
    }
    seen = true;
  }
}
