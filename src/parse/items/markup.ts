// Markdown emphasis and escapes sit between item numbers and titles ("**1.**  **Apologies**", "2\. Minutes").
// Headings are matched on the plain text, but spans must point into the raw line, so the cleaned text
// keeps a map from each of its characters back to the raw column.
import { memoByString } from "../text/memo.ts";

export interface Plain {
  text: string;
  /** raw column of each character of `text`; one extra entry for the end */
  cols: number[];
  /** the raw line was wholly wrapped in ** or __ (a bold heading) */
  bold: boolean;
}

const ESCAPABLE = new Set([..."\\`*_{}[]()#+-.!|<>~"]);
/** what reading a line changes: escapes, emphasis, tabs and no-break spaces */
const MARKUP = /[\\*_\t\u00a0]/;
/** spaces that reading a line takes away: leading, trailing, or a run */
const EXTRA_SPACE = /^ | $|  /;

/**
 * The plain text of a line. Every finder asks it of every line, so the answer for each line is
 * remembered (and shared: never change what it gives).
 */
export const plain = memoByString(readPlain);

function readPlain(raw: string): Plain {
  // most lines hold no markup: their plain text is the line itself, column for column
  if (!MARKUP.test(raw) && !EXTRA_SPACE.test(raw)) {
    const cols = new Array<number>(raw.length + 1);
    for (let i = 0; i <= raw.length; i++) cols[i] = i;
    return { text: raw, cols, bold: false };
  }
  // Characters are collected in arrays and joined once: asking a string being built up whether it
  // ends in a space flattens it each time, which made a long line cost the square of its length.
  const chars: string[] = [];
  const cols: number[] = [];
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (c === "\\" && i + 1 < raw.length && ESCAPABLE.has(raw[i + 1])) {
      chars.push(raw[i + 1]);
      cols.push(i + 1);
      i++;
      continue;
    }
    if ((c === "*" || c === "_") && raw[i + 1] === c) {
      i++;
      continue;
    }
    if (c === "\t" || c === "\u00a0") {
      chars.push(" ");
      cols.push(i);
      continue;
    }
    chars.push(c);
    cols.push(i);
  }
  const t = raw.trim();
  const bold = /^(\*\*|__).+(\*\*|__)$/.test(t) && !/^(\*\*|__)\s*(\*\*|__)$/.test(t);
  // collapse runs of spaces that emphasis removal leaves behind, keeping the column map aligned
  const out: string[] = [];
  const outCols: number[] = [];
  for (let i = 0; i < chars.length; i++) {
    if (chars[i] === " " && (out.length === 0 || out[out.length - 1] === " ")) continue;
    out.push(chars[i]);
    outCols.push(cols[i]);
  }
  while (out.length && out[out.length - 1] === " ") {
    out.pop();
    outCols.pop();
  }
  outCols.push(outCols.length ? outCols[outCols.length - 1] + 1 : raw.length);
  return { text: out.join(""), cols: outCols, bold };
}

/** Raw column range [from, to) of plain-text range [a, b). */
export function rawRange(p: Plain, a: number, b: number): [number, number] {
  if (b <= a) return [p.cols[a] ?? 0, p.cols[a] ?? 0];
  return [p.cols[a], p.cols[b - 1] + 1];
}
