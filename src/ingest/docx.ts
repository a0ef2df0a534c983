// DOCX → text lines. Walks word/document.xml directly rather than going through a converter,
// because minutes number their items with Word's automatic numbering, and the numbers ("7.",
// "196/20", "c)") are not in the text runs: they have to be computed from numbering.xml.
// One line per paragraph; a table row is one line with its cells separated by tabs; bullets
// become "- ".
import { QuorumError } from "../domain/errors.ts";
import { DEFAULT_LIMITS, formatBytes, LIMIT_VARIABLES, overLimit, type Limits } from "./limits.ts";
import { zipEntries, zipRead, ZipLimitError } from "./zip.ts";

interface Level {
  start: number;
  format: string;
  text: string;
  /** 0 = never restart; otherwise restart when a level below this (1-based) is used. */
  restart?: number;
  style?: string;
}

interface Numbering {
  /** numId → its levels (abstract definition with the instance's overrides applied). */
  lists: Map<string, Level[]>;
  /** numId → the abstract definition it instantiates: instances of one definition share counters. */
  abstractOf: Map<string, string>;
  /** numId → levels whose count the instance restarts (Word's "restart numbering"). */
  restarts: Map<string, number[]>;
  /** paragraph style id → numbering it carries. */
  styles: Map<string, { numId?: string; ilvl?: number; basedOn?: string }>;
}

type DocxLimits = Pick<Limits, "maxInflatedBytes" | "maxZipEntries" | "maxDepth">;

export async function docxText(bytes: Uint8Array, limits: DocxLimits = DEFAULT_LIMITS): Promise<string> {
  try {
    const entries = zipEntries(bytes, limits.maxZipEntries);
    // one budget for every member read, so many medium members cannot add up to a bomb either
    let budget = limits.maxInflatedBytes;
    const part = (name: string) => {
      const entry = entries.get(name);
      if (!entry) return undefined;
      const data = zipRead(bytes, entry, budget);
      budget -= data.length;
      return data.toString("utf8");
    };
    const documentName = mainDocumentName(part("[Content_Types].xml")) ?? "word/document.xml";
    const document = part(documentName);
    if (document === undefined) throw new Error("not a Word document (no word/document.xml)");
    const numbering = readNumbering(part("word/numbering.xml"), part("word/styles.xml"), limits.maxDepth);
    return renderBody(document, numbering, limits.maxDepth);
  } catch (err) {
    if (err instanceof ZipLimitError && err.limit === "entries") throw overLimit(`more than ${limits.maxZipEntries} members in the DOCX package`, LIMIT_VARIABLES.maxZipEntries);
    if (err instanceof ZipLimitError) throw overLimit(`the DOCX package inflates to more than ${formatBytes(limits.maxInflatedBytes)}`, LIMIT_VARIABLES.maxInflatedBytes);
    throw err;
  }
}

function mainDocumentName(types: string | undefined): string | undefined {
  const m = types && /PartName="\/([^"]+)"\s+ContentType="application\/vnd\.openxmlformats-officedocument\.wordprocessingml\.document\.main\+xml"/.exec(types);
  return m?.[1];
}

interface Tag {
  name: string;
  attrs: string;
  close: boolean;
  selfClose: boolean;
}

/**
 * Tokens of an XML document: tags and (decoded) text. Comments, PIs and CDATA markers skipped.
 * A document type's own entities are never expanded (only the five predefined ones and character
 * references are), so an entity bomb stays its literal text.
 */
function* tokens(xml: string, maxDepth: number): Generator<Tag | string> {
  let depth = 0;
  // A tag cannot hold "<", so an unclosed one is given up at the next "<" instead of at the end
  // of the document (which, tried at every "<", cost the square of the document's length).
  const re = /<(\/?)([A-Za-z_][\w.:-]*)((?:[^<>"']|"[^<"]*"|'[^<']*')*?)(\/?)>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[([\s\S]*?)\]\]>|<![^>]*>|([^<]+)/g;
  for (let m; (m = re.exec(xml)); ) {
    if (m[2]) {
      const tag = { name: m[2], attrs: m[3], close: m[1] === "/", selfClose: m[4] === "/" };
      if (tag.close) depth = Math.max(0, depth - 1);
      else if (!tag.selfClose && ++depth > maxDepth) throw new QuorumError("unreadable", `XML elements nested more than ${maxDepth} deep (limit set by ${LIMIT_VARIABLES.maxDepth})`);
      yield tag;
    }
    else if (m[5] !== undefined) yield m[5];
    else if (m[6] !== undefined) yield decode(m[6]);
  }
}

function attr(attrs: string, name: string): string | undefined {
  const m = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(attrs);
  return m ? decode(m[1] ?? m[2]) : undefined;
}

function decode(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (all, e: string) => {
    const k = e.toLowerCase();
    if (k === "amp") return "&";
    if (k === "lt") return "<";
    if (k === "gt") return ">";
    if (k === "quot") return '"';
    if (k === "apos") return "'";
    const code = k.startsWith("#x") ? parseInt(k.slice(2), 16) : parseInt(k.slice(1), 10);
    return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : all;
  });
}

function readNumbering(numberingXml: string | undefined, stylesXml: string | undefined, maxDepth: number): Numbering {
  const styles = new Map<string, { numId?: string; ilvl?: number; basedOn?: string }>();
  if (stylesXml) {
    let current: { numId?: string; ilvl?: number; basedOn?: string } | undefined;
    for (const t of tokens(stylesXml, maxDepth)) {
      if (typeof t === "string") continue;
      if (!t.close && t.name === "w:style") {
        current = {};
        styles.set(attr(t.attrs, "w:styleId") ?? "", current);
      } else if (t.close && t.name === "w:style") current = undefined;
      else if (current && !t.close) {
        const val = attr(t.attrs, "w:val");
        if (t.name === "w:basedOn") current.basedOn = val;
        else if (t.name === "w:numId") current.numId = val;
        else if (t.name === "w:ilvl") current.ilvl = Number(val);
      }
    }
  }
  const lists = new Map<string, Level[]>();
  const abstractOf = new Map<string, string>();
  const restarts = new Map<string, number[]>();
  if (!numberingXml) return { lists, abstractOf, restarts, styles };

  const abstracts = new Map<string, Level[]>();
  const styleLinks = new Map<string, string>();
  const nums: { id: string; abstract: string; overrides: Map<number, Partial<Level>> }[] = [];
  let abstractId: string | undefined;
  let num: (typeof nums)[number] | undefined;
  let level: Partial<Level> | undefined;
  for (const t of tokens(numberingXml, maxDepth)) {
    if (typeof t === "string") continue;
    const val = attr(t.attrs, "w:val");
    if (t.close) {
      if (t.name === "w:abstractNum") abstractId = undefined;
      else if (t.name === "w:num") num = undefined;
      else if (t.name === "w:lvlOverride" || (t.name === "w:lvl" && !num)) level = undefined;
      continue;
    }
    if (t.name === "w:abstractNum") {
      abstractId = attr(t.attrs, "w:abstractNumId") ?? "";
      abstracts.set(abstractId, []);
    } else if (t.name === "w:num") {
      num = { id: attr(t.attrs, "w:numId") ?? "", abstract: "", overrides: new Map() };
      nums.push(num);
    } else if (t.name === "w:abstractNumId" && num) num.abstract = val ?? "";
    else if (t.name === "w:numStyleLink" && abstractId !== undefined && val) styleLinks.set(abstractId, val);
    else if (t.name === "w:lvlOverride" && num) {
      level = {};
      num.overrides.set(Number(attr(t.attrs, "w:ilvl") ?? 0), level);
    } else if (t.name === "w:lvl" && abstractId !== undefined && !num) {
      level = { start: 1, format: "decimal", text: "" };
      abstracts.get(abstractId)![Number(attr(t.attrs, "w:ilvl") ?? 0)] = level as Level;
    } else if (level && val !== undefined) {
      if (t.name === "w:start" || t.name === "w:startOverride") level.start = Number(val) || 0;
      else if (t.name === "w:numFmt") level.format = val;
      else if (t.name === "w:lvlText") level.text = val;
      else if (t.name === "w:lvlRestart") level.restart = Number(val);
      else if (t.name === "w:pStyle") level.style = val;
    }
  }
  const abstractOfNum = new Map(nums.map((n) => [n.id, n.abstract]));
  // A list can borrow its levels from a numbering style, which points at another list instance.
  const resolve = (id: string, depth = 0): string => {
    const style = styleLinks.get(id);
    const via = style ? styles.get(style)?.numId : undefined;
    const target = via ? abstractOfNum.get(via) : undefined;
    return target !== undefined && target !== id && depth < 5 ? resolve(target, depth + 1) : id;
  };
  for (const n of nums) {
    const abstract = resolve(n.abstract);
    const levels: Level[] = (abstracts.get(abstract) ?? []).map((l) => ({ ...l }));
    for (const [i, o] of n.overrides) levels[i] = { ...(levels[i] ?? { start: 1, format: "decimal", text: "" }), ...o };
    lists.set(n.id, levels);
    abstractOf.set(n.id, abstract);
    restarts.set(n.id, [...n.overrides].filter(([, o]) => o.start !== undefined).map(([i]) => i));
  }
  return { lists, abstractOf, restarts, styles };
}

const ROMAN: [number, string][] = [
  [1000, "m"], [900, "cm"], [500, "d"], [400, "cd"], [100, "c"], [90, "xc"],
  [50, "l"], [40, "xl"], [10, "x"], [9, "ix"], [5, "v"], [4, "iv"], [1, "i"],
];

function formatNumber(n: number, format: string): string {
  switch (format) {
    case "lowerLetter":
    case "upperLetter": {
      // Word repeats the letter past z: y, z, aa, bb, …
      const letter = String.fromCharCode(97 + ((n - 1) % 26)).repeat(Math.floor((n - 1) / 26) + 1);
      return format === "upperLetter" ? letter.toUpperCase() : letter;
    }
    case "lowerRoman":
    case "upperRoman": {
      let out = "";
      let rest = n;
      for (const [v, s] of ROMAN) while (rest >= v) (out += s), (rest -= v);
      return format === "upperRoman" ? out.toUpperCase() : out;
    }
    case "decimalZero":
      return String(n).padStart(2, "0");
    case "none":
      return "";
    default:
      return String(n);
  }
}

class Counters {
  private counts = new Map<string, number[]>();
  private used = new Set<string>();
  constructor(private numbering: Numbering) {}

  /** The label for a paragraph at `ilvl` of list `numId` ("3.", "2.1", "b)"), or "- " for bullets. */
  next(numId: string, ilvl: number): string | undefined {
    const levels = this.numbering.lists.get(numId);
    const level = levels?.[ilvl];
    if (!levels || !level) return undefined;
    if (level.format === "bullet") return "- ";
    const key = this.numbering.abstractOf.get(numId) ?? numId;
    const counts = this.counts.get(key) ?? [];
    this.counts.set(key, counts);
    if (!this.used.has(numId)) {
      this.used.add(numId);
      for (const i of this.numbering.restarts.get(numId) ?? []) delete counts[i];
    }
    counts[ilvl] = counts[ilvl] === undefined ? level.start ?? 1 : counts[ilvl] + 1;
    for (let deeper = ilvl + 1; deeper < Math.max(counts.length, levels.length); deeper++) {
      const restart = levels[deeper]?.restart;
      if (restart === 0) continue;
      if (restart === undefined || ilvl < restart) delete counts[deeper];
    }
    const label = (level.text ?? `%${ilvl + 1}.`).replace(/%(\d)/g, (_, d: string) => {
      const i = Number(d) - 1;
      const l = levels[i];
      return formatNumber(counts[i] ?? l?.start ?? 1, i === ilvl ? level.format : (l?.format ?? "decimal"));
    });
    return label.trim() ? `${label.trim()} ` : undefined;
  }
}

const SKIPPED = new Set([
  "mc:Fallback", "w:del", "w:delText", "w:instrText", "w:moveFrom",
  "w:pPrChange", "w:rPrChange", "w:sectPrChange", "w:tblPrChange", "w:trPrChange", "w:tcPrChange", "w:numberingChange",
]);

interface Cell {
  paragraphs: string[];
}

function renderBody(xml: string, numbering: Numbering, maxDepth: number): string {
  const out: string[] = [];
  const counters = new Counters(numbering);
  // Open tables, innermost last; each holds the row being read.
  const tables: { row: Cell[]; cell?: Cell }[] = [];
  // Paragraphs can nest (a text box inside a paragraph), so the open ones are a stack.
  const paras: { text: string; numId?: string; ilvl?: number; style?: string }[] = [];
  let inText = false;
  let skip = 0;
  let inPPr = false;

  const styleNumbering = (style: string | undefined) => {
    for (let s = style, guard = 0; s && guard < 20; guard++) {
      const def = numbering.styles.get(s);
      if (!def) break;
      if (def.numId !== undefined) {
        let ilvl = def.ilvl;
        if (ilvl === undefined) ilvl = numbering.lists.get(def.numId)?.findIndex((l) => l?.style === s) ?? 0;
        return { numId: def.numId, ilvl: Math.max(0, ilvl) };
      }
      s = def.basedOn;
    }
    return undefined;
  };

  const emit = (text: string) => {
    const table = tables[tables.length - 1];
    if (table?.cell) table.cell.paragraphs.push(text);
    else out.push(text);
  };

  for (const t of tokens(xml, maxDepth)) {
    if (typeof t === "string") {
      if (inText && !skip && paras.length) paras[paras.length - 1].text += t;
      continue;
    }
    const para = paras[paras.length - 1];
    const { name } = t;
    // Alternate renderings of the same content (text boxes, drawings), deleted text, field
    // instructions and the previous formatting recorded by tracked changes.
    if (SKIPPED.has(name)) {
      if (t.selfClose) continue;
      skip += t.close ? -1 : 1;
      continue;
    }
    if (skip) continue;
    if (t.close) {
      if (name === "w:t") inText = false;
      else if (name === "w:pPr") inPPr = false;
      else if (name === "w:p" && para) {
        let prefix = "";
        const numbered = para.numId !== undefined ? { numId: para.numId, ilvl: para.ilvl ?? 0 } : styleNumbering(para.style);
        const text = clean(para.text);
        // An empty numbered paragraph still shows (and uses up) its number in Word.
        if (numbered && numbered.numId !== "0") prefix = counters.next(numbered.numId, numbered.ilvl) ?? "";
        paras.pop();
        emit(text ? prefix + text : "");
      } else if (name === "w:tc") {
        const table = tables[tables.length - 1];
        if (table?.cell) {
          table.row.push(table.cell);
          table.cell = undefined;
        }
      } else if (name === "w:tr") {
        const table = tables[tables.length - 1];
        if (table) {
          const cells = table.row.map((c) => c.paragraphs.filter((p) => p.trim()).join(" ").replace(/\t/g, " "));
          table.row = [];
          if (cells.some((c) => c.trim())) {
            const line = cells.join("\t").replace(/\t+$/, "");
            tables.pop();
            emit(tables.length ? line.replace(/\t/g, " ") : line);
            tables.push(table);
          }
        }
      } else if (name === "w:tbl") tables.pop();
      continue;
    }
    switch (name) {
      case "w:p":
        if (!t.selfClose) paras.push({ text: "" });
        else emit("");
        break;
      case "w:pPr":
        inPPr = !t.selfClose;
        break;
      case "w:pStyle":
        if (para && inPPr) para.style = attr(t.attrs, "w:val");
        break;
      case "w:numId":
        if (para && inPPr) para.numId = attr(t.attrs, "w:val");
        break;
      case "w:ilvl":
        if (para && inPPr) para.ilvl = Number(attr(t.attrs, "w:val") ?? 0);
        break;
      case "w:t":
        inText = !t.selfClose;
        break;
      case "w:tab":
        if (para && !inPPr) para.text += "\t";
        break;
      case "w:br":
      case "w:cr":
        if (para) para.text += "\n";
        break;
      case "w:noBreakHyphen":
        if (para) para.text += "-";
        break;
      case "w:tbl":
        tables.push({ row: [] });
        break;
      case "w:tc":
        if (tables.length) tables[tables.length - 1].cell = { paragraphs: [] };
        break;
    }
  }
  return out.join("\n").replace(/\n{3,}/g, "\n\n");
}

/** Tidies one paragraph: runs of spaces collapse, tabs survive as single separators. */
function clean(text: string): string {
  return text
    .split("\n")
    .map((line) => line.replace(/[ \u00A0]+/g, " ").replace(/ *\t[\t ]*/g, "\t").replace(/^[\t ]+|[\t ]+$/g, ""))
    .join("\n");
}
