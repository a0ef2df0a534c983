// Lettered or numbered sub-resolutions: "RESOLVED that: (1) the report be noted; and (2) the
// Committee receive an update", "BE IT RESOLVED: 1. That … 2. That …", "RESOLVED: a) … b) …".
//
// The rule: a resolution is split only when its enumerated clauses ARE the resolution — nothing but
// the keyword, "that" and punctuation comes before the first enumerator, the enumerators run in
// sequence from the first value ((1) (2) (3), a) b), i. ii.) in one form, and each clause says
// something (three words or more). A resolution whose own sentence leads into a list ("That the
// progress be supported and that: a) … b) …") stays whole: its clauses complete that sentence.

/** What may stand before the first enumerator of a resolution made of its clauses. */
const LEAD = /^[\s*_"“‘]*(?:(?:and\s+)?(?:be\s+it\s+(?:further\s+)?)?resolved\b[\s*_]*)?[,:\-–—]?\s*(?:that\b)?[\s*_]*[,:\-–—]?[\s*_]*(?:[-•·]\s+)?/i;
const FIRST = /^\(?(1|a|i)([).])\s+/i;

export interface Part {
  /** offsets into the text given to splitParts */
  start: number;
  end: number;
}

/** The clauses of text[start, end) as separate decisions, or null when it is one decision. */
export function splitParts(text: string, start: number, end: number): Part[] | null {
  const raw = text.slice(start, end);
  const lead = LEAD.exec(raw)!;
  const first = FIRST.exec(raw.slice(lead[0].length));
  if (!first) return null;
  const open = raw[lead[0].length] === "(";
  const close = first[2];
  const upper = /[A-Z]/.test(first[1]);
  // "i)" may open i) ii) iii) or a) … i) ; as the first clause it is a numeral only when "ii)" follows
  const kinds = /\d/.test(first[1]) ? ["digit"] : /^i$/i.test(first[1]) ? ["roman", "letter"] : ["letter"];
  let starts: number[] = [];
  for (const kind of kinds) {
    const label = (n: number) => {
      const v = kind === "digit" ? String(n) : kind === "letter" ? String.fromCharCode(96 + n) : roman(n);
      return `${open ? "(" : ""}${upper ? v.toUpperCase() : v}${close}`;
    };
    starts = [lead[0].length];
    for (let n = 2; n < 27; n++) {
      const at = nextLabel(raw, label(n), starts[starts.length - 1] + 2);
      if (at < 0) break;
      starts.push(at);
    }
    if (starts.length >= 2) break;
  }
  if (starts.length < 2) return null;
  const parts: Part[] = [];
  for (let k = 0; k < starts.length; k++) {
    let a = starts[k];
    let b = k + 1 < starts.length ? starts[k + 1] : raw.length;
    while (b > a && /\s/.test(raw[b - 1])) b--;
    while (a < b && /\s/.test(raw[a])) a++;
    const words = raw.slice(a, b).replace(/^\(?\w{1,4}[).]\s*/, "").trim().split(/\s+/).filter((w) => /\w/.test(w));
    if (words.length < 3) return null;
    parts.push({ start: start + a, end: start + b });
  }
  return parts;
}

/** Where `label` opens a clause at or after `from`: at a line's start, or after a clause's end ("; and (2)"). */
function nextLabel(raw: string, label: string, from: number): number {
  let i = raw.indexOf(label, from);
  while (i >= 0) {
    const before = raw.slice(Math.max(0, i - 8), i);
    const after = raw[i + label.length];
    if ((after === undefined || /\s/.test(after)) && /(?:\n[ \t*_]*(?:[-•·][ \t]+)?|[;:.,][\s*_]+(?:(?:and|or)[\s*_]+)?|[\s*_]+(?:and|or)[\s*_]+)$/.test(before)) return i;
    i = raw.indexOf(label, i + 1);
  }
  return -1;
}

function roman(n: number): string {
  const r: [number, string][] = [[10, "x"], [9, "ix"], [5, "v"], [4, "iv"], [1, "i"]];
  let out = "";
  for (const [v, s] of r) while (n >= v) (out += s), (n -= v);
  return out;
}

/** A clause's text without the connective that joined it to the next: "the report be noted; and" → "the report be noted". */
export function dropConnective(text: string): string {
  return text.replace(/\s*[;,]?\s*\b(?:and|or)\s*[,;]?$/i, "").replace(/\s*[;,]$/, "").trim();
}
