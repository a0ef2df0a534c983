// Trims a decision down to what was decided: no movers or seconders, no vote tallies, no "Carried.",
// no quotation marks around the resolution, no bullets.

const NAME = String.raw`(?:(?:Cllr|Clr|Clir|Cmhlr|Cllr\.|Councillor|Councilor|Mayor|Deputy\s+Mayor|Mr|Mrs|Ms|Miss|Dr)\.?\s*)?[A-ZÀ-ÖØ-Þ][\w.’'À-ÿ-]*(?:\s+(?:\([A-Z]\)|[A-ZÀ-ÖØ-Þ][\w.’'À-ÿ-]*|O[’']\s?[A-Z][\w-]*)){0,4}`;

/** A word in any of the cases minutes print it: "seconded", "Seconded", "SECONDED". */
const ci = (w: string) => `(?:${w}|${w[0].toUpperCase()}${w.slice(1)}|${w.toUpperCase()})`;

/** "On the proposal of Cllr X, (and) seconded by Cllr Y," / "Proposed by X, seconded by Y," at the start. */
const LEADING_MOVERS = new RegExp(
  String.raw`^(?:(?:${ci("on")}\s+(?:the\s+)?(?:proposal|motion)\s+of|(?:${ci("it")}\s+was\s+)?(?:${ci("proposed")}|${ci("moved")})\s+by)\s+[^,;]{1,60}?[,;]?\s*(?:(?:and|&)\s+)?(?:duly\s+)?${ci("seconded")}\s+by\s+${NAME}\s*[,;:]?\s*(?:and\s+)?(?:it\s+was\s+)?)`,
);
const LEADING_ADVERBIAL =
  /^(?:after|following|upon|on)\s+(?:(?:a|an|the|some|much|further|lengthy|detailed|brief|full|careful|long)\s+){0,3}(?:discussion|debate|deliberation|consideration|review|questions?|vote|show\s+of\s+hands)(?:s)?\b(?:\s+(?:of|on)\s+[^,]{1,60})?\s*(?:,\s*\d+\s+(?:for|in\s+favou?r)[^,]{0,40},)?\s*,?\s*/i;

const TRAILING = [
  // ", seconded by Cllr Y, all were in favour"
  /[,;]?\s*(?:and\s+)?(?:duly\s+)?seconded\s+by\b[^.;]*(?:[.;]|$)/i,
  // "Cllr Jim McNeill seconded it, all were in favour"
  /[,;]\s*(?:this\s+was\s+)?(?:and\s+)?(?:(?:Cllr|Clr|Councillor|Mr|Mrs|Ms)\.?\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,3}\s+seconded(?:\s+(?:it|this|the\s+(?:motion|proposal)))?\b[^.;]*(?:[.;]|$)/,
  /[,;]?\s*(?:with\s+)?(?:all|everyone|all\s+members|all\s+councillors)\s+(?:were\s+)?(?:present\s+)?(?:in\s+favou?r|agreed)\b(?!\s+(?:that|to|on)\b)[^.;]{0,40}(?:[.;]|$)/i,
  // "(Cllr A proposed, Cllr B seconded, all in favour)"
  /\s*\([^()]*\b(?:proposed|seconded)\b[^()]*\)?\s*[.;]?\s*$/i,
  /[,;]?\s*(?:with\s+)?(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?:were\s+|votes?\s+)?(?:in\s+favou?r\b[^.;]*|for\s*[,;]\s*(?:\d+|one|two|three|four|five|none|no)\s+against\b[^.;]*)(?:[.;]|$)/i,
  /[,;]?\s*\(?\s*(?:\d+\s+(?:for|in\s+favou?r)\s*,\s*\d+\s+against(?:\s*,\s*\d+\s+abstentions?)?)\s*\)?\s*[.;]?$/i,
  /\s*(?:,?\s*and\s+)?(?:the\s+)?(?:motion\s+)?(?:was\s+)?\bcarried\b(?:\s+unanimously|\s+nem\.?\s*con\.?)?\s*[.;]?\s*$/i,
  new RegExp(String.raw`\s*\b(?:[Pp]roposed|[Mm]oved|PROPOSED|MOVED)\s+by\s+${NAME}(?:\s*[,;]?\s*(?:and\s+)?(?:[Ss]econded|SECONDED)\s+by\s+${NAME})?\s*[.,;]?\s*$`),
  // "…, there was two abstentions …", "…, in favour were five", "…, the minutes were proposed for approval by …"
  /[,;]\s*(?:there\s+(?:was|were)\s+(?:\w+\s+)?abstentions?\b|(?:\w+\s+)?abstained\b|in\s+favou?r\s+were\b|(?:the\s+)?[\w ]{0,30}?\s+(?:was|were)\s+(?:duly\s+)?proposed\b)[^]*$/i,
  // "…, the Chair proposed the application" after the decision it proposed
  /[,;]\s*(?:the\s+)?(?:chair(?:man|person)?|vice[- ]chair(?:man)?|mayor|(?:Cllr|Clr|Councillor)\.?\s+[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,2})\s+proposed\b(?!\s+(?:its|their|it|this)\b)[^.;]*(?:[.;]|$)/i,
  // ", Proposer: Cllr P Norris 2nd: Cllr G Koopowitz.", "… approved and signed Prop: KA 2nd: KD"
  /[,;.]?\s*\b(?:proposer|seconder|proposed|seconded|prop|2nd)\s*:\s*[^.;]*(?:[.;]|$)[^]*$/i,
];

export function stripLeading(text: string): string {
  let t = text.trim();
  for (let k = 0; k < 3; k++) {
    const before = t;
    t = t.replace(/^(?:[-•*·¢‣▪◦]\s+)/, "");
    // a paragraph label before the movers: "Minutes: It was proposed by …"
    t = t.replace(/^(?:\d{1,2}[.)]?\s+)?[A-Z][\w’'&/ -]{0,40}:\s+(?=(?:it\s+was\s+)?(?:proposed|moved)\s+by\b|on\s+the\s+(?:proposal|motion)\b)/i, "");
    t = t.replace(LEADING_MOVERS, "");
    t = t.replace(LEADING_ADVERBIAL, "");
    t = t.replace(/^(?:now\s+)?therefore,?\s+(?:be\s+it\s+resolved,?\s+)?/i, "");
    t = t.replace(/^(?:be\s+it\s+(?:further\s+)?resolved,?\s+)/i, "");
    if (t === before) break;
  }
  return t;
}

/** Movers and vote counts inside the sentence: "… were adopted on the proposal of A, seconded by B subject to …". */
const INLINE_MOVERS = new RegExp(
  String.raw`\s*,?\s*\b(?:on\s+the\s+(?:proposal|motion)\s+of|(?:proposed|moved)\s+by)\s+${NAME}\s*,?\s*(?:and\s+)?(?:duly\s+)?seconded\s+by\s+${NAME}\s*,?`,
  "g",
);
const INLINE_VOTE =
  /\s+by\s+(?:a\s+)?(?:show\s+of\s+hands|majority(?:\s+vote)?|unanimous\s+vote|\d+\s+votes?\s+to\s+\d+)(?:\s*\([^)]*\))?\s*,?(?=\s)/gi;

export function stripInline(text: string): string {
  return text.replace(INLINE_MOVERS, (m, offset: number) => (offset === 0 ? m : " ")).replace(INLINE_VOTE, "").replace(/\s{2,}/g, " ");
}

export function stripTrailing(text: string): string {
  let t = text.trim();
  for (let k = 0; k < 4; k++) {
    const before = t;
    for (const re of TRAILING) {
      const m = re.exec(t);
      // only cut a tail; never leave less than a few words of the decision
      if (m && m.index > 8 && m.index + m[0].length >= t.replace(/\s+$/, "").length - 1) {
        t = t.slice(0, m.index).trim();
        if (!/[.:;!?]$/.test(t) && /[.;]\s*$/.test(m[0])) t = t.replace(/[,;]$/, "");
      }
    }
    t = t.replace(/[,;]\s*$/, "").trim();
    if (t === before) break;
  }
  return t;
}

export function stripQuotes(text: string): string {
  let t = text.trim();
  const pairs: [string, string][] = [["“", "”"], ['"', '"'], ["‘", "’"], ["'", "'"], ["„", "“"]];
  for (const [a, b] of pairs) {
    if (t.startsWith(a)) {
      const close = t.lastIndexOf(b);
      if (close > 0) {
        const inner = t.slice(1, close);
        const tail = t.slice(close + 1).trim();
        // the closing mark may sit before or after the final stop: ‘“That … signed.”’ or ‘“… signed”.’
        t = (inner + (/^[.;]$/.test(tail) ? tail : tail ? " " + tail : "")).trim();
      } else t = t.slice(1).trim();
      break;
    }
  }
  return t.replace(/[”"]$/, "").replace(/[”"]([.;])$/, "$1").trim();
}

/** Joins lines and list entries the way the expected texts read: one space, bullets dropped, enumerators kept. */
export function flatten(text: string): string {
  return text
    // emphasis marks left by a converter around quoted text: “*That …*”
    .replace(/(^|[“"‘(\s])[*_]{1,2}(?=\S)/g, "$1")
    .replace(/(?<=\S)[*_]{1,2}(?=[”"’).,;:\s]|$)/g, "")
    .split("\n")
    .map((l) => l.trim().replace(/^[-•*·¢‣▪◦](?:\s+|$)/, ""))
    .filter(Boolean)
    .join(" ")
    .replace(/[ \t]+/g, " ")
    .trim();
}

export function tidy(text: string): string {
  let t = flatten(text);
  t = stripLeading(t);
  t = stripInline(t);
  t = stripQuotes(t);
  t = stripTrailing(t);
  t = stripQuotes(t);
  // an enumerator of the next entry left at the end: "… year end. ii."
  t = t.replace(/\s+\(?(?:[ivx]{1,5}|[a-h])[.)]$/, "");
  return t.replace(/\s+([,.;:])/g, "$1").replace(/^[,;:\s]+/, "").trim();
}
