// Recommendation / response tables ("Recommendation | Agreed Yes/No | Response | Responsible Cabinet
// Member | Responsible Officer | Action by date"). The columns are read from the table's header; a
// document may hold the same recommendations twice (a short table in the minutes and the full response
// form after them), in which case the rows are merged by number. A table inside an exempt item is never
// merged with one outside it: exempt business must not fill in (or take the lines of) public rows.
import type { Recommendation, RecommendationResponse } from "../../domain/minutes.ts";
import type { ItemBlock, Located, ParseContext } from "../context.ts";
import { chunks, layoutCells, readRows, splitCells } from "./table.ts";

type Column = "text" | "response" | "responseText" | "member" | "officer" | "actionBy" | "number" | "other";

/** What a header cell names. Order matters: "Responsible Cabinet Member" before "Response". */
export function columnOf(header: string): Column {
  const h = header.toLowerCase().replace(/\s+/g, " ").trim();
  if (!h) return "other";
  if (/^(?:no\.?|number|ref\.?|#|rec(?:ommendation)?\s+(?:no\.?|number))$/.test(h)) return "number";
  // "Cabinet Member response" is the response; "Responsible Cabinet Member" is the member
  if (/\bresponse\b/.test(h) && !/\bresponsible\b/.test(h) && !/\b(?:yes|no|y\/n)\b/.test(h)) return "responseText";
  if (/\b(?:cabinet\s+member|portfolio\s+holder|lead\s+member|responsible\s+member|executive\s+member|councillor)\b/.test(h)) return "member";
  if (/\b(?:officer|lead\s+director|responsible\s+(?:director|manager|lead))\b/.test(h)) return "officer";
  if (/\b(?:action\s+by|by\s+when|target\s+date|deadline|timescales?|completion|due\s+date|date\s+for\s+action|implementation\s+date)\b/.test(h)) return "actionBy";
  if (/\b(?:agreed|accepted)\b.*\b(?:yes|no|y)\b|^(?:agreed|accepted)\??$|^response\s*\(?(?:yes\/no|y\/n)\)?$|^decision$/.test(h)) return "response";
  if (/\bresponse\b|\bproposed\s+action\b|\bcomments?\b/.test(h)) return "responseText";
  if (/^recommendations?\b/.test(h)) return "text";
  return "other";
}

export function responseOf(cell: string): RecommendationResponse | null {
  const c = cell.toLowerCase().trim();
  if (!c) return null;
  if (/^(?:partially|partial|partly|in\s+part|agreed\s+in\s+part|partially\s+(?:agreed|accepted)|part)\b/.test(c)) return "partially";
  if (/^(?:agreed|accepted)\s+in\s+(?:part|principle)\b/.test(c)) return "partially";
  if (/^(?:no|n|not\s+agreed|not\s+accepted|rejected|declined|disagree[d]?)\b/.test(c)) return "no";
  if (/^(?:yes|agreed|accepted|agree|approved|y)\b/.test(c)) return "yes";
  return null;
}

const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

/** "April 2018" → "2018-04", "31 March 2019" / "31/03/2019" → "2019-03-31"; null for "Ongoing" and the like. */
export function actionDate(cell: string): string | null {
  const c = cell.toLowerCase().replace(/(\d)(?:st|nd|rd|th)\b/g, "$1").replace(/\s+/g, " ").trim();
  const month = (name: string) => MONTHS.findIndex((m) => m.startsWith(name.slice(0, 3))) + 1;
  let m = /\b(\d{1,2}) ([a-z]{3,9})\.? (\d{4})\b/.exec(c);
  if (m && month(m[2]) > 0) return `${m[3]}-${pad(month(m[2]))}-${pad(+m[1])}`;
  m = /\b([a-z]{3,9})\.? (\d{4})\b/.exec(c);
  if (m && month(m[1]) > 0) return `${m[2]}-${pad(month(m[1]))}`;
  m = /\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})\b/.exec(c);
  if (m && +m[2] >= 1 && +m[2] <= 12 && +m[1] >= 1 && +m[1] <= 31) {
    const y = m[3].length === 2 ? `20${m[3]}` : m[3];
    return `${y}-${pad(+m[2])}-${pad(+m[1])}`;
  }
  m = /\b(\d{1,2})[/.-](\d{4})\b/.exec(c);
  if (m && +m[1] >= 1 && +m[1] <= 12) return `${m[2]}-${pad(+m[1])}`;
  return null;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** "Clir Noel Brown": the OCR reading of the title "Cllr" before a name. */
export function memberName(cell: string): string | null {
  const t = cell.replace(/\s+/g, " ").trim();
  if (!t) return null;
  return t.replace(/^(?:Clir|Cllr|Clr|Cilr|Cl1r)\.?(?=\s+[A-Z])/, "Cllr");
}

interface Table {
  columns: Column[];
  header: number;
  rows: { number: string; cells: Partial<Record<Column, string>>; lines: number[] }[];
}

/** `exempt[i]` is item i's exemption (detectExempt), when known. */
export function parseRecommendations(ctx: ParseContext, items: ItemBlock[], exempt: readonly unknown[] = []): Located<Recommendation>[] {
  const tables = findTables(ctx);
  if (!tables.length) return [];
  const inExempt = (t: Table) => items.some((item, i) => exempt[i] && t.header >= item.start && t.header < item.end);
  return [...merged(ctx, tables.filter((t) => !inExempt(t))), ...merged(ctx, tables.filter(inExempt))];
}

function merged(ctx: ParseContext, tables: Table[]): Located<Recommendation>[] {
  // the fullest table leads; the others fill what it lacks
  const order = [...tables].sort((a, b) => score(b) - score(a));
  const byNumber = new Map<string, { rec: Recommendation; lines: number[] }>();
  const numbers: string[] = [];
  for (const table of order) {
    for (const row of table.rows) {
      const c = row.cells;
      let entry = byNumber.get(row.number);
      if (!entry) {
        entry = {
          rec: { number: row.number, text: "", response: null, responseText: null, responsibleMember: null, responsibleOfficer: null, actionBy: null },
          lines: [],
        };
        byNumber.set(row.number, entry);
        numbers.push(row.number);
      }
      const r = entry.rec;
      if (!r.text && c.text) r.text = tidyText(c.text);
      if (!r.response && c.response) r.response = responseOf(c.response);
      if (!r.responseText && c.responseText) r.responseText = tidyText(c.responseText);
      if (!r.responsibleMember && c.member) r.responsibleMember = memberName(c.member);
      if (!r.responsibleOfficer && c.officer) r.responsibleOfficer = tidyText(c.officer) || null;
      if (!r.actionBy && c.actionBy) r.actionBy = actionDate(c.actionBy);
      entry.lines.push(...row.lines);
    }
  }
  return numbers
    .sort((a, b) => Number(a) - Number(b))
    .map((n) => {
      const { rec, lines } = byNumber.get(n)!;
      const first = Math.min(...lines);
      const last = Math.max(...lines);
      return { value: rec, span: ctx.spanLines(first, last) };
    });
}

function score(t: Table): number {
  return new Set(t.columns.filter((c) => c !== "other")).size * 100 + t.rows.length;
}

function tidyText(s: string): string {
  return s.replace(/\s+/g, " ").replace(/^[•·▪-]\s*/, "").replace(/\s+([,.;:])/g, "$1").trim();
}

function findTables(ctx: ParseContext): Table[] {
  const tables: Table[] = [];
  for (let i = 0; i < ctx.lines.length; i++) {
    const cells = splitCells(ctx.lines[i].text);
    if (!cells) {
      const t = layoutTable(ctx, i);
      if (t) {
        tables.push(t.table);
        i = t.next - 1;
      }
      continue;
    }
    const columns = cells.map(columnOf);
    if (!columns.includes("text") || !(columns.includes("response") || columns.includes("responseText"))) continue;
    // drop empty header cells at the start (the number column) so cells line up with the rows' text
    let lead = 0;
    while (lead < cells.length && cells[lead] === "") lead++;
    const cols = columns.slice(lead);
    const width = lastNamed(cells.slice(lead)) + 1;
    const body: { index: number; text: string }[] = [];
    let j = i + 1;
    for (; j < ctx.lines.length; j++) {
      const t = ctx.lines[j].text;
      if (!t.trim()) continue;
      if (!splitCells(t)) break;
      const again = splitCells(t)!.map(columnOf);
      if (again.includes("text") && again.filter((c) => c !== "other").length >= 2) break;
      body.push({ index: j, text: t });
    }
    const numbered = numberRows(ctx, cols, width, body);
    if (numbered.length) tables.push({ columns: cols, header: i, rows: numbered });
    i = j - 1;
  }
  return tables;
}

/** Rows of a table under its columns, numbered in sequence. */
function numberRows(ctx: ParseContext, cols: Column[], width: number, body: { index: number; text: string }[]): Table["rows"] {
    const responseAt = cols.indexOf("response");
    const textAt = cols.indexOf("text");
    const rows = readRows(body, width, (row) => (responseAt >= 0 ? responseOf(row[responseAt] ?? "") !== null : Boolean(row[textAt])));
    const numbered: Table["rows"] = [];
    let prev = 0;
    for (const row of rows) {
      if (!row.cells[textAt] && responseAt >= 0 && !row.cells[responseAt]) continue;
      const printed = row.printed ? Number(row.printed) : null;
      // rows are numbered in order; a number that breaks the sequence is a conversion error
      const n = printed !== null && printed === prev + 1 ? printed : prev + 1;
      if (printed !== null && printed !== n) ctx.warn(`recommendation printed as ${row.printed} read as ${n} (out of sequence)`, row.lines[0]);
      prev = n;
      const named: Partial<Record<Column, string>> = {};
      cols.slice(0, width).forEach((c, k) => {
        if (c !== "other" && c !== "number" && row.cells[k]) named[c] = row.cells[k];
      });
      numbered.push({ number: String(n), cells: named, lines: row.lines });
    }
    return numbered;
}

/**
 * A table in layout text (pdftotext -layout): the header's words stand at the columns' left edges;
 * a header may wrap onto a second line ("Agreed" over "Yes/No").
 */
function layoutTable(ctx: ParseContext, i: number): { table: Table; next: number } | null {
  const head = chunks(ctx.lines[i].text);
  if (head.length < 2) return null;
  const names = head.map((c) => c.text);
  const starts = head.map((c) => c.start);
  let j = i + 1;
  // a second header line: every piece sits under a header column and none is a number or a response
  const second = ctx.lines[j] ? chunks(ctx.lines[j].text) : [];
  if (second.length && second.every((c) => starts.some((s) => Math.abs(s - c.start) <= 3) && !/^\d/.test(c.text) && (responseOf(c.text) === null || /\//.test(c.text)))) {
    for (const c of second) {
      const k = starts.findIndex((s) => Math.abs(s - c.start) <= 3);
      names[k] = `${names[k]} ${c.text}`;
    }
    j++;
  }
  const cols = names.map(columnOf);
  if (!cols.includes("text") || !(cols.includes("response") || cols.includes("responseText"))) return null;
  const body: { index: number; text: string }[] = [];
  let blank = 0;
  for (; j < ctx.lines.length; j++) {
    const t = ctx.lines[j].text;
    if (!t.trim()) {
      if (++blank > 2) break;
      continue;
    }
    const cells = layoutCells(t, starts);
    if (!cells) break;
    blank = 0;
    body.push({ index: j, text: cells.join("\t") });
  }
  const rows = numberRows(ctx, cols, cols.length, body);
  return rows.length ? { table: { columns: cols, header: i, rows }, next: j } : null;
}

function lastNamed(cells: string[]): number {
  let k = cells.length - 1;
  while (k > 0 && !cells[k]) k--;
  return k;
}
