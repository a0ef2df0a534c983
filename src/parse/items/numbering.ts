// Item numbers as councils print them, and how they follow one another. A number only becomes an
// item number when it continues a sequence of the same family: "182/18" is followed by "183/18",
// "16/01/4" by "16/01/5", "28." by "29.", whereas "8.1" under a whole-numbered agenda is a paragraph.

export type Family = string;

export interface ItemNumber {
  /** as printed, without "Item"/"#" and without trailing punctuation: "28", "196/20", "16/01/1", "09.25.01", "1.0" */
  text: string;
  /** sequences are formed within one family: "whole", "slash/18", "triple16/01", "month09.25", "dot0", "sub" */
  family: Family;
  /** position in the sequence */
  key: number;
  /** what follows the number ("." ")" ":" or "") and whether "Item" precedes it: keeps a sequence consistent */
  style: string;
  /** plain-text length of the whole number token, prefix and punctuation included */
  length: number;
}

const TOKEN =
  /^(?:(item)\s*(?:no\.?\s*|#\s*)?|(minute)\s+)?(\d{1,6})(?:([./])(\d{1,3}))?(?:([./])(\d{1,3}))?(?![\d/])([.):]?)(?=\s|$|[A-Z(“"'‘])/i;

/**
 * Month, year and sequence: "04.19.01" (April 2019, item 1), "04(2).24.9" (the second meeting of
 * April 2024). The month is printed with two digits, which keeps "5.1.1" paragraphs out.
 */
const MONTH_YEAR =
  /^(0[1-9]|1[0-2])(\(\d\))?\.(\d{2})\.(\d{1,2})(?![\d/.])([.):]?)(?=\s|$|[A-Z(“"'‘])/;

// "(05-027)", "(*05-032)", "(*05-035A)": a year-prefixed paragraph number in brackets (US city
// councils); the asterisk marks consent items and is not part of the number
const PARAGRAPH = /^\(\*?(\d{2})-(\d{2,4})([A-Z]?)\)(?=\s|$)/;

/** Reads an item number at the start of `text`, or null. */
export function readNumber(text: string): ItemNumber | null {
  const p = PARAGRAPH.exec(text);
  if (p) {
    // a lettered paragraph ("05-035A") follows its own number
    const key = Number(p[2]) + (p[3] ? (p[3].charCodeAt(0) - 64) / 30 : 0);
    return { text: `${p[1]}-${p[2]}${p[3]}`, family: `paragraph${p[1]}`, key, style: "()", length: p[0].length };
  }
  const my = MONTH_YEAR.exec(text);
  if (my) {
    const prefix = `${my[1]}${my[2] ?? ""}.${my[3]}`;
    return { text: `${prefix}.${my[4]}`, family: `month${prefix}`, key: Number(my[4]), style: my[5] ?? "", length: my[0].length };
  }
  const m = TOKEN.exec(text);
  if (!m) return null;
  const prefixed = Boolean(m[1] || m[2]);
  const [a, sep1, b, sep2, c] = [m[3], m[4], m[5], m[6], m[7]];
  let punct = m[8] ?? "";
  let printed: string;
  let family: Family;
  let key: number;
  if (c !== undefined) {
    // "16/01/1", and the slips "15/09.12" and "15/09/03" that the same councils print
    if (sep1 !== "/") return null;
    printed = `${a}/${b}${sep2}${c}`;
    family = `triple${a}/${b}`;
    key = Number(c);
  } else if (b !== undefined && sep1 === "/") {
    printed = `${a}/${b}`;
    family = `slash/${b}`;
    key = Number(a);
  } else if (b !== undefined) {
    printed = `${a}.${b}`;
    if (/^0+$/.test(b)) {
      family = "dot0";
      key = Number(a);
    } else {
      family = "sub";
      key = Number(a) * 1000 + Number(b);
    }
  } else {
    printed = a;
    family = "whole";
    key = Number(a);
  }
  const style = (prefixed ? "item" : "") + punct;
  return { text: printed, family, key, style, length: m[0].length };
}

/** Whether `next` can directly follow `prev` in one sequence, and how many numbers were skipped. */
export function step(prev: ItemNumber, next: ItemNumber): number | null {
  if (prev.family !== next.family) return null;
  if (next.family === "sub") {
    const [pa, pb] = [Math.floor(prev.key / 1000), prev.key % 1000];
    const [na, nb] = [Math.floor(next.key / 1000), next.key % 1000];
    if (na === pa && nb > pb && nb - pb <= 4) return nb - pb - 1;
    if (na === pa + 1 && nb <= 1) return 0;
    return null;
  }
  const d = next.key - prev.key;
  if (next.family.startsWith("paragraph")) return d > 0 && d <= 5 ? Math.max(0, Math.ceil(d) - 1) : null;
  if (d < 1 || d > 5) return null;
  return d - 1;
}

/** The number `n` places after `prev` in its family, as it would be printed. */
export function successor(prev: ItemNumber, n = 1): string {
  const k = prev.key + n;
  if (prev.family === "whole") return String(k);
  if (prev.family === "dot0") return `${k}.0`;
  if (prev.family.startsWith("slash")) return `${k}${prev.family.slice(5)}`;
  if (prev.family.startsWith("triple")) return `${prev.family.slice(6)}/${k}`;
  if (prev.family.startsWith("paragraph")) return `${prev.family.slice(9)}-${String(Math.floor(k)).padStart(3, "0")}`;
  if (prev.family.startsWith("month")) return `${prev.family.slice(5)}.${String(k).padStart(prev.text.split(".").pop()!.length, "0")}`;
  return String(k);
}
