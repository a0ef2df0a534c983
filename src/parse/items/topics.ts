// Minutes without item numbers that head each topic with a line of its own ("Report on policing in the
// Bruff Garda District (Supt. Alan Cunningham)"). Such headings are numbered 1, 2, … in order, and those
// numbers are marked implied. Used only when no numbered sequence was found.
import type { ItemBlock, ParseContext } from "../context.ts";
import { plain } from "./markup.ts";
import { splitLines } from "./split-lines.ts";
import { STARTERS, isMonthStart, titleCase } from "./titles.ts";

const LABELS =
  /^(?:draft|minutes|present|members\s+present|officers?\s+present|officials\s+(?:present|in\s+attendance)|in\s+attendance|also\s+(?:present|in\s+attendance)|apologies|absent|in\s+the\s+chair|chair(?:man|person)?|cathaoirleach|an\s+cathaoirleach|signed|date|clerk|part\s+(?:one|two|i|ii|1|2|a|b)|no\s+motion|questions|notices?\s+of\s+motion|correspondence\s+received|agenda|page\s+\d+|meetings?\s+administrator|mayor|councillors?|cllrs?\.?|members)\b[\s.:]*$/i;
const PERSON_START = /^(?:Cllrs?\.?|Clir\.?|Councillors?|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|Mayor|Senator|Deputy)\s/;
const SMALL = new Set("a an and as at but by for from in into of on or per the to with via re".split(" "));

export function topicItems(ctx: ParseContext): ItemBlock[] | null {
  const texts = ctx.lines.map((l) => plain(l.text).text);
  const prevText = (i: number) => {
    for (let k = i - 1; k >= 0 && k >= i - 3; k--) if (texts[k]) return texts[k];
    return "";
  };
  const nextIdx = (i: number) => {
    for (let k = i + 1; k < texts.length && k <= i + 3; k++) if (texts[k]) return k;
    return -1;
  };
  // the first sentence of prose ends the front matter; headings come after it
  const heads: number[] = [];
  let frontDone = false;
  // a short line set apart by blank lines, with a paragraph of prose under it, is a heading even in
  // sentence case ("Declarations of interest") or when it names a label ("Apologies", "Minutes")
  const standsAlone = (i: number) => {
    const t = texts[i];
    if (!/^[A-Z]/.test(t) || /[.,;:]$/.test(t) || t.split(/\s+/).length > 6 || PERSON_START.test(t) || isMonthStart(t)) return false;
    // a name in brackets, or an office alone ("City Clerk", "Officer"), belongs to a list or a signature
    if (/[()[\]]/.test(t) || OFFICE.test(t)) return false;
    // nor a sentence's opening, a signature line, or letters the scanner garbled ("VV VVVW")
    if (STARTERS.has(t.split(/\s+/)[0]) || /^(?:It|There|This|Following|Signed|Page)\b/.test(t) || /[_”"’]/.test(t) || !/[A-Z][a-z]{2,}/.test(t)) return false;
    const allowed = /^(?:apologies(?:\s+for\s+absence)?|minutes|date\s+(?:and\s+time\s+)?of\s+(?:the\s+)?next\s+meeting)$/i.test(t);
    if (!allowed && (LABELS.test(t) || ATTENDANCE_WORD.test(t) || /\d/.test(t))) return false;
    if (i > 0 && texts[i - 1]) return false;
    if (!(i + 1 < texts.length && !texts[i + 1])) return false;
    const n = nextIdx(i + 1);
    return n >= 0 && isSentence(texts[n]);
  };
  for (let i = 0; i < texts.length; i++) {
    const t = texts[i];
    if (!t) continue;
    if (!frontDone && /^apologies(?:\s+for\s+absence)?$/i.test(t) && standsAlone(i)) {
      frontDone = true;
      heads.push(i);
      continue;
    }
    if (!frontDone) {
      if (/[a-z]{3,}[.!?]["”]?$/.test(t) && t.split(/\s+/).length >= 6 && !/[:;]/.test(t.slice(0, 30))) frontDone = true;
      else continue;
    }
    const alone = standsAlone(i);
    if (alone || isTopicHeading(t)) {
      const prev = prevText(i);
      const n = nextIdx(i);
      const nextT = n >= 0 ? texts[n] : "";
      // a heading starts a paragraph: what precedes it is finished (a blank line says so too)
      if (!alone && prev && !/[.!?:)”"’]$/.test(prev) && !isTopicHeading(prev) && !LABELS.test(prev)) continue;
      if (!nextT || /^[a-z]/.test(nextT) || isTopicHeading(nextT)) continue;
      heads.push(i);
    }
  }
  if (heads.length < 2) return labelledItems(ctx, texts);
  return heads.map((i, k) => {
    const t = texts[i].replace(/[.:]$/, "").trim();
    const raw = ctx.lines[i].text;
    const from = Math.max(0, raw.indexOf(t.slice(0, 10)));
    return {
      number: { value: String(k + 1), span: ctx.span(i, from, from + t.length, true) },
      title: ctx.located(titleCase(t), i, from, Math.min(raw.length, from + t.length)),
      start: i,
      bodyStart: i + 1,
      end: heads[k + 1] ?? ctx.lines.length,
    };
  });
}

const OFFICE = /^(?:(?:city|town|parish|county|district|deputy|acting|assistant|senior|chief|executive)\s+){0,2}(?:clerk|officer|chair(?:man|woman|person)?|mayor|secretary|treasurer|manager|director|administrator|engineer|planner)s?$/i;

/** A line of prose: a sentence of several words, mostly in lower case. */
function isSentence(t: string): boolean {
  const words = t.split(/\s+/);
  return words.length >= 5 && /^[A-Z“"‘]/.test(t) && words.filter((w) => /^[a-z]/.test(w)).length * 2 >= words.length;
}

export function isTopicHeading(t: string): boolean {
  if (t.length < 4 || t.length > 100 || !/^[A-Z]/.test(t)) return false;
  if (LABELS.test(t) || PERSON_START.test(t) || isMonthStart(t)) return false;
  if (/[,;]$/.test(t) || /;/.test(t) || (t.match(/,/g) ?? []).length >= 2) return false;
  const words = t.split(/\s+/);
  if (words.length > 16) return false;
  if (words.length === 1 && !ONE_WORD_TOPICS.test(t.replace(/[.:]$/, ""))) return false;
  if (/\)$/.test(t) && !/\(/.test(t)) return false;
  if (ATTENDANCE_WORD.test(t) && words.length <= 4) return false;
  if (STARTERS.has(words[0].replace(/[:,.]$/, "")) || /^(?:It|There|This|Following|Signed|Date(?!\s+(?:and\s+time\s+)?of\s+(?:the\s+)?next\s+meeting)|Page)/.test(t)) return false;
  // "B. Murphy informed …": prose opening with an initial, or holding a full stop between sentences
  if (/^[A-Z]\.\s/.test(t) || /(?<![A-Za-z])[a-z]{2,}\.\s+[A-Z][a-z]/.test(t)) return false;
  if (/_{2,}|\.{4,}|…{2,}/.test(t)) return false;
  // prose that happens to fit on a line ends with a stop and has mostly lower-case words
  const content = words.filter((w) => /[A-Za-z]{4,}/.test(w) && !SMALL.has(w.toLowerCase()));
  if (!content.length) return false;
  const capital = content.filter((w) => /^[("“‘]?[A-Z]/.test(w)).length;
  return capital / content.length >= (/[.]$/.test(t) ? 0.65 : 0.6);
}

const ATTENDANCE_LABEL =
  /^(?:present|those\s+(?:present|attending)|attendance|apologies(?:\s+for\s+absence)?(?:\s+received)?|absent|in\s+attendance|also\s+(?:present|in\s+attendance)|members\s+of\s+the\s+public|public|clerk|chair(?:man|person)?|signed|date|time|venue|proposed(?:\s+by)?|seconded(?:\s+by)?|resolved|note|action|councillors?(?:\s+present)?|others\s+present)$/i;

const ATTENDANCE_WORD = /\b(?:present|attendance|attending|apologies|absent|officials|in\s+the\s+chair|cathaoirleach|signed|dated?)\b/i;
const NOT_LABELS = /(?:\bas\s+follows|^in\s+favour|^against|^abstain(?:ed|ing)?|^total|^(?:and\s+)?resolved|^propos(?:er|ed)|^second(?:er|ed)|^members|^reply|^response|^note|^cllrs?\b|^councillors?\b|^email|^tel(?:ephone)?|^web(?:site)?)$/i;
const ONE_WORD_TOPICS = /^(?:correspondence|planning|finance|highways|allotments|cemetery|accounts|payments|reports|minutes|police|footpaths|playground|website|training|insurance)$/i;

/**
 * Minutes written as labelled paragraphs ("Minutes of the last Meeting: …", "Matters Arising: …",
 * "Planning: …"). The attendance labels are not items.
 */
function labelledItems(ctx: ParseContext, texts: string[]): ItemBlock[] | null {
  const heads: { line: number; label: string; col: number; body: number | null }[] = [];
  for (let i = 0; i < texts.length; i++) {
    const m = /^([A-Z][^:]{2,60}?)\s*:(?!\d)\s*(.*)$/.exec(texts[i]);
    if (!m) continue;
    const label = m[1].trim();
    const words = label.split(/\s+/);
    if (words.length > 8 || ATTENDANCE_LABEL.test(label) || ATTENDANCE_WORD.test(label) || NOT_LABELS.test(label) || /,.*,|\b(?:Mr|Mrs|Ms|Dr)\.?\s/.test(label) || PERSON_START.test(label + " ") || /^[A-Z]\.\s/.test(label)) continue;
    if (STARTERS.has(words[0]) || /\d{3,}|[.;,]$/.test(label)) continue;
    const content = words.filter((w) => /[A-Za-z]{4,}/.test(w) && !SMALL.has(w.toLowerCase()));
    if (content.length && content.filter((w) => /^[A-Z]/.test(w)).length / content.length < 0.5) continue;
    const raw = ctx.lines[i].text;
    heads.push({ line: i, label, col: Math.max(0, raw.indexOf(label)), body: m[2] ? bodyCol(raw, m[2], raw.indexOf(label) + label.length) : null });
  }
  if (heads.length < 3) return null;
  // the text after the label is the item's body: it goes on a line of its own
  const cuts = heads.filter((h) => h.body !== null).map((h) => ({ line: h.line, col: h.body! }));
  ctx.lines = splitLines(ctx.lines, cuts);
  let shift = 0;
  for (const h of heads) {
    h.line += shift;
    if (h.body !== null) shift++;
  }
  return heads.map((h, k) => ({
    number: { value: String(k + 1), span: ctx.span(h.line, h.col, h.col + h.label.length, true) },
    title: ctx.located(titleCase(h.label), h.line, h.col, h.col + h.label.length),
    start: h.line,
    bodyStart: h.line + 1,
    end: heads[k + 1]?.line ?? ctx.lines.length,
  }));
}

function bodyCol(raw: string, body: string, from: number): number | null {
  const at = raw.indexOf(body.slice(0, Math.min(15, body.length)), Math.max(0, from));
  return at > 0 ? at : null;
}
