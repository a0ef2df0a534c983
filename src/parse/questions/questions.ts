// Question time: who asked what, of whom, and the answer recorded. Read two ways, in one pass over
// the lines and one over the sentences of question-time items:
// - a question's own heading ("Question submitted by Councillor X", "Question from Mr X to the
//   Cabinet Member for Y: …"), its text below, and the answer after a "REPLY:" label; several
//   questions under one heading are numbered "(i)", "(ii)" and quoted, each followed by its answer;
// - in an item given to question time, sentences: "Mr J Smith asked the Clerk whether …" and the
//   sentences after it that answer ("The Clerk replied that …").
// Where no label says where the answer starts, the split is inferred and the answer's confidence is low.
import type { Question, Span } from "../../domain/minutes.ts";
import type { ItemBlock, ParseContext } from "../context.ts";
import { isShouting, joinLines } from "../text/joined.ts";
import { sentences } from "../declarations/declarations.ts";
import {
  ANSWERED,
  ASKED,
  ASKED_WHOM,
  ASKER,
  CLOSE_QUOTE,
  INVITATION,
  MOTION_HEAD,
  NOT_AN_ASKER,
  OPEN_QUOTE,
  QUESTION_HEAD,
  QUESTIONS_TITLE,
  REPLY_LABEL,
  SUB_QUESTION,
} from "./patterns.ts";

export interface FoundQuestion {
  value: Question;
  /** the whole question and answer */
  span: Span;
  /** where the question and the answer were read, when they were */
  parts: { question?: Span; answer?: Span };
  /** fields whose value was inferred rather than read: "answer", "askedBy" */
  low: string[];
}

/** Markdown emphasis, HTML tags and heading marks are not wording. */
function clean(text: string): string {
  return text
    .replace(/<[^<>]{0,200}>/g, " ")
    .replace(/[*_]{1,3}/g, "")
    .replace(/^\s*#{1,6}\s+/, "")
    .replace(/\s+/g, " ")
    .trim();
}

/** A line that is page furniture, not text: a rule, or a note set in small print between pages. */
function isNoise(raw: string, text: string): boolean {
  return !text || /^[-=_]{3,}$/.test(text) || /^\s*\*?<small>/.test(raw);
}

/** A line that starts other business: a bare item number, a heading in capitals, a numbered heading, a notice of motion. */
function isHeading(text: string): boolean {
  if (/^\(?\d{1,3}[.)]?$/.test(text)) return true;
  if (MOTION_HEAD.test(text)) return true;
  if (REPLY_LABEL.test(text)) return false;
  if (text.length <= 80 && isShouting(text)) return true;
  if (/^\d{1,3}\.?\s+[A-Z]/.test(text) && text.length <= 80 && !/[.:;,]$/.test(text)) return true;
  // a short heading in title case: "Notices of Motion", "Date of Next Meeting"
  const words = text.split(" ");
  return (
    words.length >= 2 &&
    words.length <= 5 &&
    !/[.:;,?!”"]$/.test(text) &&
    words.every((w, i) => /^[A-Z(&]/.test(w) || (i > 0 && /^(?:of|and|the|for|to|on|in|a|&)$/.test(w)))
  );
}

/** A number alone on its line with the text running on after it: a page number, not an item's. */
function pageNumber(lines: (Line | null)[], at: number): boolean {
  if (!/^\d{1,3}$/.test(lines[at]!.text)) return false;
  for (let k = at + 1; k < Math.min(lines.length, at + 6); k++) {
    const n = lines[k];
    if (!n) continue;
    return !(readHead(n.text, k) || MOTION_HEAD.test(n.text) || (isHeading(n.text) && !/^\d{1,3}$/.test(n.text)));
  }
  return false;
}

interface Head {
  line: number;
  askedBy: string | null;
  askedTo: string | null;
  /** text of the question on the heading's own line, after a colon */
  inline: string | null;
}

function readHead(text: string, line: number): Head | null {
  const m = QUESTION_HEAD.exec(text);
  if (!m) return null;
  let rest = m[1].trim();
  let inline: string | null = null;
  const colon = rest.indexOf(":");
  if (colon >= 0) {
    inline = rest.slice(colon + 1).trim() || null;
    rest = rest.slice(0, colon).trim();
  }
  // a heading names people; a sentence that happens to start "Question from …" runs on
  if (rest.split(" ").length > 14 || (!inline && /[.?!]$/.test(rest) && rest.split(" ").length > 6)) return null;
  const to = /\s+to\s+(?=the\b|[A-Z])/.exec(rest);
  // a stop after an initial or a title is the name's own ("Cmhlr.", "D.")
  const askedBy = (to ? rest.slice(0, to.index) : rest)
    .replace(/[,;\s]+$/, "")
    .replace(/(?<!\b(?:[A-Z]|Cmhlr|Cmhir|Cllr|Clir|Mr|Mrs|Ms|Dr|Rev))\.$/, "")
    .trim();
  const askedTo = to ? rest.slice(to.index + to[0].length).replace(/[,.;\s]+$/, "").trim() : null;
  if (!askedBy || NOT_AN_ASKER.test(askedBy) || !looksLikeAsker(askedBy)) return null;
  return { line, askedBy, askedTo: askedTo || null, inline };
}

/** A name or a role: capitalised words and initials ("Councillor D. McSweeney", "Cmhlr. Séighin Ó Ceallaigh"), or a member of the public. */
function looksLikeAsker(s: string): boolean {
  if (/^an?\s+(?:member\s+of\s+the\s+public|(?:local\s+)?resident|parishioner|elector)$/i.test(s)) return true;
  const words = s.split(/\s+/);
  return words.length <= 8 && /^[A-ZÀ-Þ]/.test(words[0]) && words.every((w) => /^[A-ZÀ-Þ(‘'’"“]/.test(w) || /^(?:of|the|for|and|de|du|van|von|le|la|&)$/.test(w));
}

/** A title alone, its name on the next line (a pre-pass may break "Cmhlr. Séighin Ó Ceallaigh" after the stop). */
const TITLE_ONLY = /^(?:Cllrs?|Clirs?|Councillors?|Cmhlr|Cmhir|Comhairleoir|Mr|Mrs|Ms|Miss|Dr|Rev|Revd)\.?$/i;

interface Line {
  index: number;
  text: string;
}

export function parseQuestions(ctx: ParseContext, items: ItemBlock[]): FoundQuestion[] {
  const lines: (Line | null)[] = ctx.lines.map((l, index) => {
    const text = clean(l.text);
    return isNoise(l.text, text) ? null : { index, text };
  });
  const itemOf = lineItems(ctx, items);
  const itemStarts = new Set(items.map((it) => it.start));
  const out: FoundQuestion[] = [];
  const taken = new Uint8Array(ctx.lines.length);

  let i = 0;
  while (i < lines.length) {
    const l = lines[i];
    const head = l ? readHead(l.text, i) : null;
    if (!head) {
      i++;
      continue;
    }
    // the block runs to the next question, item or heading
    let end = i + 1;
    while (end < lines.length) {
      const n = lines[end];
      if (n && (itemStarts.has(end) || readHead(n.text, end) || (isHeading(n.text) && !pageNumber(lines, end)))) break;
      end++;
    }
    const body = lines.slice(i + 1, end).filter((x, k): x is Line => x !== null && !pageNumber(lines, i + 1 + k));
    if (head.askedBy && TITLE_ONLY.test(head.askedBy) && body.length && !head.inline && looksLikeAsker(body[0].text.replace(/[,.;:\s]+$/, ""))) {
      head.askedBy = `${head.askedBy} ${body.shift()!.text.replace(/[,.;:\s]+$/, "")}`;
    }
    for (let k = i; k < end; k++) taken[k] = 1;
    const item = itemOf[i];
    for (const unit of units(body, head)) {
      const q = readUnit(ctx, unit, head);
      if (q) out.push({ ...q, value: { item: item ? item.number.value : null, ...q.value } });
    }
    i = end;
  }

  for (const item of items) {
    if (!QUESTIONS_TITLE.test(item.title.value) || MOTION_HEAD.test(item.title.value)) continue;
    out.push(...inSentences(ctx, item, taken));
  }
  out.sort((a, b) => a.span.start - b.span.start);
  return out;
}

/** The item each line belongs to. */
function lineItems(ctx: ParseContext, items: ItemBlock[]): (ItemBlock | null)[] {
  const of: (ItemBlock | null)[] = new Array(ctx.lines.length).fill(null);
  for (const it of items) for (let k = it.start; k < Math.min(it.end, of.length); k++) of[k] = it;
  return of;
}

/** One question per "(i)", "(ii)" … under the heading, or the whole block as one. */
function units(body: Line[], head: Head): Line[][] {
  const starts = body.flatMap((l, k) => (SUB_QUESTION.test(l.text) && OPEN_QUOTE.test(l.text.replace(SUB_QUESTION, "")) ? [k] : []));
  if (!starts.length) return [body];
  return starts.map((s, k) => body.slice(s, starts[k + 1] ?? body.length));
}

function readUnit(ctx: ParseContext, unit: Line[], head: Head): Omit<FoundQuestion, "value"> & { value: Omit<Question, "item"> } | null {
  const low: string[] = [];
  const texts = unit.map((l) => l.text);
  if (texts.length) texts[0] = texts[0].replace(SUB_QUESTION, "");
  let qLines: Line[] = [];
  let aLines: Line[] = [];
  let question = "";
  let answer = "";
  const label = texts.findIndex((t) => REPLY_LABEL.test(t));
  if (label >= 0) {
    qLines = unit.slice(0, label);
    aLines = unit.slice(label);
    question = texts.slice(0, label).join(" ");
    answer = [REPLY_LABEL.exec(texts[label])![1] ?? "", ...texts.slice(label + 1)].join(" ");
  } else {
    const joined = texts.join(" ");
    if (OPEN_QUOTE.test(joined)) {
      // the quoted question, then what was said
      const close = joined.slice(1).search(CLOSE_QUOTE);
      const cut = close >= 0 ? close + 2 : joined.length;
      question = joined.slice(0, cut);
      answer = joined.slice(cut).replace(/^[.,;:\s]+/, "");
    } else {
      // the question is the first sentence-ending line; the rest is taken for the answer
      const stop = texts.findIndex((t) => /[.?!”"’]$/.test(t));
      const cut = stop >= 0 ? stop + 1 : texts.length;
      question = texts.slice(0, cut).join(" ");
      answer = texts.slice(cut).join(" ");
    }
    // where the question ends and the answer starts, by line: the line holding the cut
    const qCount = Math.max(1, Math.min(unit.length, lineCount(texts, question.length)));
    qLines = unit.slice(0, qCount);
    aLines = unit.slice(qCount).length ? unit.slice(qCount) : unit.slice(qCount - 1);
    if (answer.trim()) low.push("answer");
  }
  question = tidy([head.inline ?? "", question].filter(Boolean).join(" "));
  answer = tidy(answer);
  if (!question) return null;
  const first = unit[0]?.index ?? head.line;
  const last = unit.at(-1)?.index ?? head.line;
  const parts: { question?: Span; answer?: Span } = {};
  const qFrom = head.inline ? head.line : qLines[0]?.index;
  const qTo = qLines.at(-1)?.index ?? qFrom;
  if (qFrom !== undefined && qTo !== undefined) parts.question = ctx.spanLines(qFrom, qTo);
  if (answer && aLines.length) parts.answer = ctx.spanLines(aLines[0].index, aLines.at(-1)!.index);
  return {
    value: { askedBy: head.askedBy, askedTo: head.askedTo, question, answer: answer || null },
    span: ctx.spanLines(Math.min(first, head.line), Math.max(last, head.line)),
    parts,
    low,
  };
}

/** How many of the lines the first `chars` characters of their join reach into. */
function lineCount(texts: string[], chars: number): number {
  let total = -1;
  for (let k = 0; k < texts.length; k++) {
    total += texts[k].length + 1;
    if (total >= chars) return k + 1;
  }
  return texts.length;
}

/** Quotation marks around a question, and runs of space, go; the words stay as written. */
function tidy(s: string): string {
  let t = s.replace(/\s+/g, " ").trim().replace(/^[-–:]\s*/, "");
  if (OPEN_QUOTE.test(t)) {
    t = t.slice(1);
    t = t.replace(/[”"’]\s*[.,;]?$/, "").trim();
  }
  return t;
}

/** "Mr J Smith asked the Clerk whether …" and the sentences after it that answer. */
function inSentences(ctx: ParseContext, item: ItemBlock, taken: Uint8Array): FoundQuestion[] {
  const joined = joinLines(ctx, item.bodyStart, item.end);
  const text = joined.text;
  const out: FoundQuestion[] = [];
  const all = sentences(text);
  let open: { found: FoundQuestion; answers: [number, number][] } | null = null;
  const close = () => {
    if (!open) return;
    if (open.answers.length) {
      const [a0] = open.answers[0];
      const a1 = open.answers.at(-1)![1];
      open.found.value.answer = text.slice(a0, a1).replace(/\s+/g, " ").trim();
      open.found.parts.answer = joined.span(a0, a1);
      open.found.span = joined.span(textStart(open.found), a1);
    }
    out.push(open.found);
    open = null;
  };
  const starts = new Map<FoundQuestion, number>();
  const textStart = (f: FoundQuestion) => starts.get(f)!;
  for (const [s, e] of all) {
    if (taken[joined.at(s).line]) continue;
    const sentence = text.slice(s, e).replace(/\s+/g, " ");
    const asked = ASKED.exec(sentence);
    if (asked && ASKER.test(asked[1].trim()) && !INVITATION.test(asked[2])) {
      close();
      const whom = ASKED_WHOM.exec(asked[2]);
      const question = (whom ? asked[2].slice(whom[0].length) : asked[2]).trim();
      const found: FoundQuestion = {
        value: { item: item.number.value, askedBy: asked[1].trim(), askedTo: whom ? whom[1] : null, question, answer: null },
        span: joined.span(s, e),
        parts: { question: joined.span(s, e) },
        low: [],
      };
      starts.set(found, s);
      open = { found, answers: [] };
      continue;
    }
    if (open && ANSWERED.test(sentence)) {
      open.answers.push([s, e]);
      continue;
    }
    close();
  }
  close();
  return out;
}
