// Declarations of interest: who declared, about which item, what kind of interest and why.
// Read in two places: the item set aside for declarations (where a name alone, or a name and a
// reason, is a declaration) and any other sentence that says someone "declared an interest" (made
// under an item's own heading, so that item is the one it is about unless another is named).
import type { ItemBlock, Located, ParseContext } from "../context.ts";
import { joinLines, type Joined } from "../text/joined.ts";
import type { Declaration } from "../../domain/minutes.ts";
import { DECLARATIONS_TITLE, DECLARED, DECLARED_THAT, DECLARING_WORD, ITEM_REF, KIND_WORDS, NAMED_LINE, NONE, kindOf, normaliseKind } from "./patterns.ts";

export type { Declaration };

interface Region {
  joined: Joined;
  /** the item the text is under, null for front matter */
  item: ItemBlock | null;
  declarationsItem: boolean;
}

export function parseDeclarations(ctx: ParseContext, items: ItemBlock[]): Located<Declaration>[] {
  const out: Located<Declaration>[] = [];
  for (const region of regions(ctx, items)) {
    for (const [start, end] of sentences(region.joined.text)) {
      const sentence = region.joined.text.slice(start, end);
      for (const d of inSentence(sentence, region)) {
        const earlier = out.find((o) => sameDeclaration(o.value, d.value) || (d.repeat && samePerson(o.value.name, d.value.name)));
        if (earlier) {
          // the same declaration told twice ("Disclosure of pecuniary interest: Councillor Shelly Foote." and
          // later "Councillor Foote declared pecuniary interest as …"): the second may add what the first left out
          const interest = earlier.value.interest ?? d.value.interest;
          earlier.value = { ...earlier.value, item: earlier.value.item ?? d.value.item, interest, kind: kindOf(interest), description: earlier.value.description ?? d.value.description };
          continue;
        }
        out.push({ value: d.value, span: region.joined.span(start + d.from, start + d.to) });
      }
    }
  }
  return out;
}

/** A later mention ("reminded Councillors that Cllr X had declared an interest") repeats an earlier one. */
function sameDeclaration(a: Declaration, b: Declaration): boolean {
  return samePerson(a.name, b.name) && (a.item === b.item || a.item === null || b.item === null);
}

/** "Councillor Foote" and "Councillor Shelly Foote": the same surname, and every word of the shorter in the longer. */
function samePerson(a: string, b: string): boolean {
  const words = (n: string) => n.replace(/[.,]/g, "").split(/\s+/).filter(Boolean);
  const [x, y] = [words(a), words(b)].sort((p, q) => p.length - q.length);
  return x.at(-1) === y.at(-1) && x.every((w) => y.includes(w));
}

function regions(ctx: ParseContext, items: ItemBlock[]): Region[] {
  if (!items.length) return [{ joined: joinLines(ctx, 0, ctx.lines.length), item: null, declarationsItem: false }];
  const out: Region[] = [{ joined: joinLines(ctx, 0, items[0].start), item: null, declarationsItem: false }];
  for (const item of items) {
    const declarationsItem = DECLARATIONS_TITLE.test(item.title.value);
    const after = afterTitle(ctx, item, declarationsItem);
    out.push({ joined: joinLines(ctx, after.line, item.end, { startCol: after.col }), item, declarationsItem });
  }
  return out;
}

/**
 * Where an item's text starts: after its title, which may share its line with the text. In the
 * declarations item the text starts right after the words "Declarations of Interest", because a
 * title run on into the text ("Declarations of Interest made:Cllr") can hold part of a name.
 */
function afterTitle(ctx: ParseContext, item: ItemBlock, declarationsItem: boolean): { line: number; col: number } {
  if (declarationsItem) {
    const heading = ctx.lines[item.start].text;
    const m = new RegExp(DECLARATIONS_TITLE.source, "i").exec(heading);
    if (m) return { line: item.start, col: m.index + m[0].length };
  }
  const end = item.title.span.end;
  for (let i = item.start; i < Math.min(item.end, item.bodyStart + 1); i++) {
    const l = ctx.lines[i];
    if (end >= l.offset && end <= l.offset + l.text.length) return { line: i, col: end - l.offset };
  }
  return { line: item.bodyStart, col: 0 };
}

/** Sentence boundaries: ". " before a capital, or a blank line. Abbreviations and initials do not end one. */
export function sentences(text: string): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  const re = /(?<=[.!?;])\s+(?=[A-Z*(•\d-])|\n\s*\n|\n(?=\s*(?:[•*-]|\d+[.)]\s))/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const before = text.slice(Math.max(start, m.index - 12), m.index);
    if (/(?:^|[^A-Za-z])(?:Cllrs?|Clirs?|Clrs?|Mr|Mrs|Ms|Dr|Rev|Revd|Prof|St|No|Nos|[A-Z])\.$/.test(before)) continue;
    push(out, text, start, m.index);
    start = m.index + m[0].length;
  }
  push(out, text, start, text.length);
  return out;
}

function push(out: [number, number][], text: string, start: number, end: number) {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  if (end > start) out.push([start, end]);
}

interface Found {
  value: Declaration;
  /** "had declared": a reminder of a declaration, new only if the name has not declared before */
  repeat?: boolean;
  from: number;
  to: number;
}

function inSentence(raw: string, region: Region): Found[] {
  const sentence = raw.replace(/\*\*|__|<[^<>]+>|&nbsp;/g, (s) => " ".repeat(s.length)).replace(/\s/g, " ");
  const found: Found[] = [];
  const declaring = DECLARING_WORD.test(sentence);
  const matches = declaring ? [...sentence.matchAll(DECLARED)] : [];
  if (!matches.length && declaring && region.declarationsItem) matches.push(...sentence.matchAll(DECLARED_THAT));
  for (const [k, m] of matches.entries()) {
    const names = splitNames(m[1]);
    if (!names.length) continue;
    const nameStart = m.index! + m[0].indexOf(names[0].split(" ")[0]);
    // the reason runs to the next declaration in the same sentence ("… in item 7. Pam Bullas declared …")
    const reason = sentence.slice(m.index! + m[0].length, matches[k + 1]?.index ?? sentence.length).replace(/\s+(?:and|while|whilst)\s*$/, "");
    for (const name of names) {
      const repeat = /\bhad\s+declared\b/i.test(m[0]);
      const d = declaration(name, m.groups?.kind, reason, region);
      // "Cllr X, as a member of Y, declared an interest in item 7": the clause is the reason
      if (!d.description && m.groups?.clause) d.description = m.groups.clause.trim();
      found.push({ value: d, repeat, from: Math.max(0, nameStart), to: sentence.length });
    }
  }
  if (found.length || !region.declarationsItem) return found;
  // In the declarations item itself a name is enough: "Councillor Shelly Foote for the Accounts Payable."
  const text = sentence.replace(/^\s*(?:[-–:•*]\s*)?(?:(?:declarations?|interests?)\s+(?:of\s+interest\s+)?(?:made|declared|received)?\s*:\s*)?/i, "");
  if (NONE.test(text)) return [];
  const n = NAMED_LINE.exec(text);
  if (!n) return [];
  const offset = sentence.length - text.length;
  const reason = text.slice(n[1].length);
  const kind = statedKind(reason);
  return splitNames(n[1]).map((name) => ({ value: declaration(name, kind, reason, region), from: offset, to: sentence.length }));
}


function declaration(name: string, kind: string | undefined, reason: string, region: Region): Declaration {
  const ref = ITEM_REF.exec(reason);
  const item = ref ? ref[1].replace(/\.$/, "") : region.item && !region.declarationsItem ? region.item.number.value : null;
  const interest = normaliseKind(kind ?? statedKind(reason));
  return { name, item, interest, description: describe(reason), kind: kindOf(interest) };
}

/** The kind named in the reason, unless it is denied ("an ordinary interest and not a pecuniary interest"). */
function statedKind(reason: string): string | undefined {
  const m = KIND_WORDS.exec(reason);
  if (!m || /\bnot\s+(?:an?\s+)?$/i.test(reason.slice(0, m.index))) return undefined;
  return m[1];
}

/** The reason as written, without the item reference that is already in `item`. */
function describe(reason: string): string | null {
  let r = reason
    .replace(/\s+/g, " ")
    .replace(/^\s*(?:[-–:,]\s*)?(?:(?:in|on|for|at|regarding|in\s+relation\s+to|with\s+regard\s+to|in\s+respect\s+of)\s+)?(?:agenda\s+)?(?:item|minute)s?\s*(?:no\.?\s*)?\d{1,4}(?:[./]\d{1,3})*(?:[a-h]|[ivx]{1,4})?\b\.?(?:\s+(?:on|of)\s+(?:the\s+)?agenda\b)?/i, "")
    .replace(/^\s*(?:[-–:,.]\s*)+/, "")
    .replace(/\s*(?:Action)?\s*$/, "")
    .replace(/[.;,\s]+$/, "")
    .trim();
  if (r.endsWith(")") && !r.includes("(")) r = r.slice(0, -1).trim();
  if (r.length < 3 || !/[a-z]{2}/i.test(r)) return null;
  if (r.length > 300) r = r.slice(0, 300).replace(/\s+\S*$/, "") + " …";
  return r;
}

const NOT_A_NAME = /^(?:The|This|That|These|Those|It|He|She|They|We|All|Members?|Councillors|Item|Items|Agenda|Planning|Application|Minutes?|Declarations?|Disclosure|Interests?|Action|Also|Having|There|None|No|And|As|At|In|On|For|Following|Dispensation|Requests?|Consider|To|Of)$/;

/** "Cllr S Briston and Cllr L Peake" → two names; "Cllrs Mick and Mandy Peake" stays one, as written. */
export function splitNames(names: string): string[] {
  const trimmed = names.trim().replace(/[,.]+$/, "").replace(/\s+/g, " ");
  const parts = trimmed.split(/\s*(?:,|\band\b|&)\s*/).filter(Boolean);
  if (parts.length === 1) return [cleanName(trimmed)].filter((n): n is string => n !== null);
  // "Mr. & Mrs. Griffin": a title alone shares the surname of the name after it
  const last = parts.at(-1)!;
  const lastTitle = /^(?:Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor)\.?\s+/.exec(last);
  if (lastTitle) {
    for (let k = 0; k < parts.length - 1; k++) if (/^(?:Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor)\.?$/.test(parts[k])) parts[k] = `${parts[k]} ${last.slice(lastTitle[0].length)}`;
  }
  // "Cllrs Mrs Leamon and Mr Lintern": the plural title goes when each name has its own;
  // "Cllrs Lintern and Mann": each surname takes the title in the singular
  const plural = /^(Cllr|Clir|Clr|Councillor)s\.?\s+/;
  const p0 = plural.exec(parts[0]);
  if (p0) {
    const rest = [parts[0].slice(p0[0].length), ...parts.slice(1)];
    if (rest.every((p) => /^[A-Z][\w'’-]+$/.test(p) && !HONORIFIC_START.test(p))) return rest.map((p) => `${p0[1]} ${p}`);
    if (!rest.every((p) => HONORIFIC_START.test(p))) return [cleanName(trimmed)].filter((n): n is string => n !== null);
    parts.splice(0, parts.length, ...rest);
  }
  const cleaned = parts.map(cleanName).filter((n): n is string => n !== null);
  if (!cleaned.every((p) => HONORIFIC_START.test(p) || /^[A-Z]{2,3}$/.test(p) || p.split(" ").length >= 2)) {
    return [cleanName(trimmed)].filter((n): n is string => n !== null);
  }
  // a place or heading run in before the names ("… Ivy Farm Cottage, Wretton Road Mr Randall")
  const titled = cleaned.filter((p) => HONORIFIC_START.test(p));
  return titled.length ? titled : cleaned;
}

const HONORIFIC_START = /^(?:Cllrs?|Clirs?|Clrs?|Councillors?|Mayor|Deputy|Reeve|Mr|Mrs|Ms|Miss|Dr|Rev|Revd|Prof|The)\b/;

function cleanName(name: string): string | null {
  const words = name.split(" ");
  // a heading or sentence run into the name ("… Dispensation Requests Cllr Grant Tomkins")
  const h = words.findIndex((w) => /^(?:Cllrs?|Clirs?|Clrs?|Councillors?|Mayor|Mr|Mrs|Ms|Miss|Dr|Rev|Revd|Prof)\.?$/.test(w));
  let kept = h > 0 ? words.slice(h) : words;
  // "The Chairman" is kept as written
  while (kept.length && NOT_A_NAME.test(kept[0].replace(/[.,:]$/, "")) && !(/^the$/i.test(kept[0]) && /^(?:Chair|Vice|Clerk|Mayor)/i.test(kept[1] ?? ""))) kept = kept.slice(1);
  if (!kept.length) return null;
  const out = kept.join(" ").replace(/[,.:]+$/, (s) => (/\b[A-Z]$|\b(?:Cllr|Mr|Mrs|Ms|Dr)$/.test(kept.join(" ").slice(0, -s.length)) ? s : ""));
  if (/^(?:Cllrs?|Councillors?|Mr|Mrs|Ms|Dr)\.?$/i.test(out)) return null;
  return out;
}
