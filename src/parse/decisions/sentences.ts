// Splits an item's text into sentences. Minutes wrap lines anywhere (PDF lines, Markdown that puts a
// blank line between every visual line), so line breaks are soft unless the text around them says
// otherwise: a finished sentence, a list marker, a table row.

export interface Unit {
  start: number;
  end: number;
  /** the unit starts a new paragraph, list entry or table row (not only a new sentence) */
  block: boolean;
}

const ABBREVIATIONS = new Set(
  (
    "cllr clr clir cmhlr councillor mr mrs ms dr rev revd prof st no nos co ltd inc plc vs etc approx dept " +
    "e.g i.e a.m p.m ref para cl jan feb mar apr jun jul aug sep sept oct nov dec fig vol tel ext mt ave rd"
  ).split(" "),
);

/** Whether the word ending at `dot` (the index of a ".") is an abbreviation or an initial. */
export function isAbbreviationDot(text: string, dot: number): boolean {
  let a = dot;
  while (a > 0 && /[A-Za-z.]/.test(text[a - 1])) a--;
  const word = text.slice(a, dot).toLowerCase().replace(/^\.+/, "");
  if (!word) return /\d/.test(text[dot - 1] ?? "") && /\d/.test(text[dot + 1] ?? "");
  if (ABBREVIATIONS.has(word)) return true;
  // an initial: "R." in "Cllr. R. Crisp", "M.Ryan"
  if (/^[A-Z]$/.test(text.slice(a, dot).replace(/^\.+/, ""))) return true;
  if (/^([a-z]\.)+[a-z]$/i.test(word)) return true;
  return false;
}

export const LIST_MARKER = /^[ \t]*(?:[-•*·¢‣▪◦]\s+|(?:\(?[a-z]\)|\(?[ivx]{1,5}\)|\(\d{1,2}\)|\d{1,2}[.)])\s+)/;

/** Lines that open a record of their own: "And Resolved:", "Proposed by …", "R2024-070 A. B, C. D:". */
const RECORD_LINE = /^\s*(?:(?:and\s+)?resolved\b|(?:proposed|seconded|moved)\s+by\b|R?\d{2,4}-\d{1,4}\s+(?:[A-Z]\.\s?)+[A-Z])/i;

function lineStartsBlock(line: string): boolean {
  return LIST_MARKER.test(line) || /\t/.test(line) || /^\s*\|/.test(line) || RECORD_LINE.test(line);
}

const SOFT_END = /(?:[,;(&–-]|\b(?:and|or|of|the|a|an|to|by|for|in|on|at|with|from|that|be|as))\s*$/i;

export function splitUnits(text: string): Unit[] {
  const units: Unit[] = [];
  // text converted with a blank line after every visual line: there a blank line says little
  const lines = text.split("\n");
  const filled = lines.filter((l) => l.trim()).length;
  const spaced = lines.filter((l, k) => l.trim() && k + 1 < lines.length && !lines[k + 1].trim()).length;
  const doubleSpaced = filled >= 6 && spaced / filled > 0.6;
  let start = skipSpace(text, 0);
  let block = true;
  const push = (end: number, nextBlock: boolean) => {
    let e = end;
    while (e > start && /\s/.test(text[e - 1])) e--;
    if (e > start) units.push({ start, end: e, block });
    start = skipSpace(text, end);
    block = nextBlock;
  };
  let i = start;
  while (i < text.length) {
    const ch = text[i];
    if (ch === "\n") {
      // look at the break: blank lines, and what the next line looks like
      let j = i;
      let newlines = 0;
      while (j < text.length && /\s/.test(text[j])) {
        if (text[j] === "\n") newlines++;
        j++;
      }
      if (j >= text.length) break;
      const lineStart = text.lastIndexOf("\n", j - 1) + 1;
      const nextLine = text.slice(lineStart, text.indexOf("\n", j) < 0 ? text.length : text.indexOf("\n", j));
      const before = text.slice(Math.max(start, i - 200), i);
      const prevLine = text.slice(text.lastIndexOf("\n", i - 1) + 1, i);
      let hard = false;
      // a line naming only the mover or seconder stands apart from the motion under it
      const moverOnly = /^\s*(?:(?:proposed|seconded|moved)\s+by\b|(?:mover|seconder)\s*:)/i.test(prevLine) && prevLine.length < 90 && !/\b(?:that|to|and\s+resolved)\b/i.test(prevLine);
      // a list entry is followed by prose that starts a sentence of its own
      const afterEntry = LIST_MARKER.test(prevLine) && /^[A-Z]/.test(text[j]) && !SOFT_END.test(before);
      if (lineStartsBlock(nextLine) || /\t/.test(prevLine) || moverOnly || afterEntry) hard = true;
      else if (/:\s*$/.test(before)) hard = true;
      else if (newlines >= 2) {
        // a wrapped visual line (converted PDFs put blank lines between them) runs on into the next
        const prevStart = text.lastIndexOf("\n", i - 1) + 1;
        const spacedHere = doubleSpaced || /\n[ \t]*\n[ \t]*$/.test(text.slice(Math.max(0, prevStart - 4), prevStart));
        const wrapped = spacedHere && prevLine.trim().length >= 50 && prevLine.trim().length <= 110 && !/[.!?:;]["”’)]?\s*$/.test(prevLine) && /^[A-Za-z(£€$0-9]/.test(text[j]);
        const continues = /^[a-z]/.test(text[j]) || SOFT_END.test(before) || endsWithAbbreviation(before) || wrapped;
        hard = !continues;
      }
      if (hard) {
        push(i, true);
        i = start;
        continue;
      }
      i = j;
      continue;
    }
    if (ch === "." || ch === "!" || ch === "?") {
      let k = i + 1;
      while (k < text.length && /["'”’)\]]/.test(text[k])) k++;
      const atEnd = k >= text.length;
      if (atEnd || /\s/.test(text[k])) {
        const next = skipSpace(text, k);
        const nextCh = text[next] ?? "";
        const isDot = ch === ".";
        const enumerator = isDot && i - start < 24 && /^(?:[-•*·]\s*)?\(?(?:\d{1,3}(?:\.\d{1,3})*|[a-z]|[ivx]{1,5})$/i.test(text.slice(start, i));
        // "Ltd." or "Co." closing a line before a new paragraph ends the sentence; a title before a name never does
        const paragraphAfter = /\n\s*\n/.test(text.slice(k, next)) && /[A-Z]/.test(nextCh) && !isTitleDot(text, i);
        // "… year end. ii. The Councillors …": an enumerator opens the next sentence
        const enumeratorNext = /^\(?(?:[ivx]{1,5}|[a-h])[.)]\s+[A-Z]/.test(text.slice(next, next + 12));
        if ((!(isDot && isAbbreviationDot(text, i)) || paragraphAfter) && !enumerator && (!/[a-z]/.test(nextCh) || enumeratorNext)) {
          // a sentence that ends a paragraph: what follows starts a block
          const gap = text.slice(k, next);
          const nl = gap.lastIndexOf("\n");
          const lineAfter = nl >= 0 ? text.slice(k + nl + 1, text.indexOf("\n", next) < 0 ? text.length : text.indexOf("\n", next)) : "";
          push(k, /\n\s*\n/.test(gap) || (nl >= 0 && lineStartsBlock(lineAfter)));
          i = start;
          continue;
        }
      }
    }
    i++;
  }
  if (start < text.length) push(text.length, false);
  return units;
}

const TITLES = new Set("cllr clr clir cmhlr councillor mr mrs ms dr rev revd prof st no nos".split(" "));

function isTitleDot(text: string, dot: number): boolean {
  let a = dot;
  while (a > 0 && /[A-Za-z]/.test(text[a - 1])) a--;
  const word = text.slice(a, dot);
  return TITLES.has(word.toLowerCase()) || /^[A-Z]$/.test(word);
}

function endsWithAbbreviation(s: string): boolean {
  const t = s.trimEnd();
  return t.endsWith(".") && isAbbreviationDot(t, t.length - 1);
}

function skipSpace(text: string, i: number): number {
  while (i < text.length && /\s/.test(text[i])) i++;
  return i;
}
