// Finding the attendance blocks in a text: "Present:", "MEMBERS PRESENT", "IN THE CHAIR:",
// "Also in attendance:", "Officers in attendance", "Staff:", "Guests:", "Apologies …", "Absent:".
// A block runs to the next label, to a line of prose, or to a marker such as "Members of the
// Public: 22" or the next numbered item.
import type { AttendanceStatus, AttendeeKind } from "../../domain/minutes.ts";
import { HONORIFIC, looksLikeName } from "./names.ts";

export interface SectionKind {
  status: AttendanceStatus;
  kind: AttendeeKind;
  /** the role every person in the block holds, unless stated otherwise ("In the Chair") */
  role?: string;
  /** a plain "In attendance" block: officers unless a person is shown to be someone else */
  plainInAttendance?: boolean;
}

export interface Section extends SectionKind {
  label: string;
  /** label start and content [start, end) in the text */
  labelIndex: number;
  start: number;
  end: number;
}

interface LabelDef extends SectionKind {
  re: string;
  /** may be followed directly by a name, with no colon or line break */
  bare?: boolean;
}

const LABELS: LabelDef[] = [
  { re: "(?:present\\s+)?in\\s+the\\s+chair|in\\s+hair", status: "present", kind: "member", role: "Chair" },
  // "ALSO PRESENT (VIRTUALLY):" — how they attended does not change who they are
  { re: "(?:others?|also)\\s*,?\\s+(?:members\\s+|councillors\\s+)?(?:in\\s+attendance|present|attending)(?:\\s*\\((?:virtually|remotely|online|by\\s+video(?:\\s+link)?|via\\s+\\w+(?:\\s+\\w+)?)\\))?", status: "in_attendance", kind: "member" },
  { re: "(?:council\\s+)?(?:officers?|officials?|staff)\\s+(?:in\\s+attendance|present|attending)|officers?|officials|staff|council\\s+staff", status: "present", kind: "officer" },
  { re: "guests?|visitors?|presenters?|delegations?|deputations?|in\\s+attendance\\s+by\\s+invitation|also\\s+present\\s+by\\s+invitation", status: "in_attendance", kind: "other" },
  { re: "the\\s+following\\s+were\\s+(?:in\\s+attendance|present)|those\\s+(?:attending|present)|attendance|attendees", status: "present", kind: "member", bare: true },
  { re: "in\\s+attendance", status: "present", kind: "officer", plainInAttendance: true },
  {
    // "Present were members Blake, Radding …"; "PRESENT for AUSD BOARD:" at a joint meeting, one block per body
    re: "(?:(?:members|councillors|committee\\s+members|council\\s+members|trustees|board\\s+members|commissioners)\\s+)?present(?:\\s+were(?:\\s+(?:members|councillors|councilmembers|commissioners|trustees|directors|boardmembers))?)?(?:\\s*\\([^)]{0,40}\\))?(?:\\s+fo\\s?r\\s+(?:the\\s+)?[A-Z][^:\\n]{1,40}?(?=\\s*:))?",
    status: "present",
    kind: "member",
    bare: true,
  },
  {
    re: "(?:accepted\\s+)?apolog(?:y|ies)(?:\\s+for\\s+(?:absence|(?:his|her|their)\\s+inability\\s+to\\s+attend(?:\\s+the\\s+meeting)?))?(?:\\s+(?:were|was|had|have)(?:\\s+already)?(?:\\s+been)?)?(?:\\s+(?:received|accepted|noted|given|submitted|tendered)(?:\\s+and\\s+(?:received|accepted|noted))?)?(?:\\s+for\\s+absence)?(?:\\s+(?:from|by|for))?|regrets",
    status: "apologies",
    kind: "member",
    bare: true,
  },
  { re: "absent(?:\\s*\\/\\s*excused)?(?:\\s+without\\s+apolog(?:y|ies))?|not\\s+present|excused", status: "absent", kind: "member", bare: true },
  // "ROLL CALL: Members A, B": a US roll call names those present; "Roll Call Vote" is not one
  { re: "roll\\s+call(?!\\s+vote)", status: "present", kind: "member" },
  { re: "(?:parish\\s+|town\\s+)?clerk(?:\\s+and\\s+rfo)?|rfo|minute[- ]taker|secretary", status: "present", kind: "officer", role: "Clerk" },
];

// before a label: start of text or line, a sentence/list end, or an item number ("1. Present:")
const BEFORE = "(?:^|(?<=[\\n.;)]\\s*)|(?<=\\n\\s*\\d{1,3}[.)]?\\\\?[.)]?\\s*)|(?<=\\s))";

const LABEL_RE = new RegExp(`${BEFORE}(${LABELS.map((l) => `(${l.re})`).join("|")})(?=\\s*(?:[:.,–—-]|\\n|$)|\\s+(?=\\S))`, "gi");

/** Inline markers that end a list: the public, the next numbered item, "Papers presented". */
const STOP =
  /(?:,?\s+(?:and|plus|together\s+with))?(?:\s+(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|no))?\s+members?\s+of\s+(?:the\s+)?public|^members?\s+of\s+(?:the\s+)?public\b|\btogether\s+with\b|\s\d{1,3}\\?\.\s+[A-Z]|\bItem\s+\d|\bpapers\s+presented|\bthe\s+chair(?:man|person)?\s+(?:welcomed|opened)|\bdeclarations?\s+of\s+interest|\bminutes\s+of\s+the\b|\bpublic\s+(?:forum|participation|session)\b|\bthere\s+(?:were|was)\s+no\b|\bpublic\s*:\s*\d/i;

const PROSE_WORD = /^(?:[a-z][a-z'’]+)$/;
const FUNCTION_WORDS = new Set("of and the for in on at to with by a an from as".split(" "));

/** A line of running prose (many lower-case words), which ends any list. */
export function isProse(line: string): boolean {
  const words = line.trim().split(/\s+/);
  const lower = words.filter((w) => PROSE_WORD.test(w) && !FUNCTION_WORDS.has(w));
  return lower.length >= 5;
}

/** Where a list that starts at `from` ends, before `limit`. */
function contentEnd(text: string, from: number, limit: number): number {
  const slice = text.slice(from, limit);
  let end = slice.length;
  const stop = slice.search(STOP);
  if (stop >= 0) end = stop;
  // a full stop ends the list unless it closes an honorific or an initial ("Cllr.", "R."),
  // or the next line starts another name
  const dot = /\.(?=\s|$)/g;
  for (let m = dot.exec(slice); m && m.index < end; m = dot.exec(slice)) {
    const before = slice.slice(Math.max(0, m.index - 12), m.index);
    if (/(?:^|[\s(])(?:[A-Z]|Cllr|Clr|Clir|Cmhlr|Mr|Mrs|Ms|Dr|Revd?|Prof|Co|St|Messrs|Commerc|Ltd|Inc|[A-Z][a-z]?)$/.test(before)) continue;
    const after = slice.slice(m.index + 1);
    const nl = /^[ \t]*\n\s*/.exec(after);
    if (nl) {
      const next = after.slice(nl[0].length).split("\n")[0];
      const first = next.split(/[,;\t]| and /)[0].trim().replace(/\.$/, "");
      if (HONORIFIC.test(next) || (looksLikeName(first) && !/[:]/.test(next))) continue;
    }
    end = m.index + 1;
    break;
  }
  // a line of prose, or a heading in capitals under a list in mixed case, ends the list
  let offset = 0;
  const mixed = /[a-z]/.test(slice.slice(0, end).split("\n").find((l) => l.trim()) ?? "");
  let prevBlank = false;
  for (const line of slice.slice(0, end).split("\n")) {
    // a line in capitals after a blank line may hold commas ("ORAL COMMUNICATIONS, AGENDA (Public Comment)")
    const heading =
      (mixed && /[A-Z]{2}/.test(line) && !/[a-z]/.test(line.replace(/\([^)]*\)/g, "")) && (!/[,\t]/.test(line) || (prevBlank && /[A-Z]{4}/.test(line)))) ||
      // "Minutes: Proposed …", "Matters Arising:" — a new labelled paragraph
      /^\s*(?:\d{1,3}[.)]?\s*)?[A-Z][A-Za-z]+(?:\s+[A-Za-z]+){0,3}\s*:/.test(line) && !HONORIFIC.test(line.trim());
    // after a blank line, a line with no name in it, nor anything a list of names holds (commas,
    // brackets, titles), is the next heading ("Minutes of previous meeting")
    // (only in text whose lines are single-spaced: where every line is followed by a blank one, a
    // blank line is no paragraph break)
    const before = slice.slice(0, offset);
    const afterBlank = offset > 0 && /\n[ \t]*\n$/.test(before) && /[^\s]\n[ \t]*[^\s]/.test(before);
    const bare = afterBlank && line.trim() !== "" && !/[,;()[\]\t]/.test(line) && !HONORIFIC.test(line.trim()) && !looksLikeName(line.trim().replace(/\.$/, ""));
    if (offset > 0 && (isProse(line) || heading || bare)) {
      end = Math.min(end, offset);
      break;
    }
    offset += line.length + 1;
    prevBlank = !line.trim();
  }
  // the number of the item whose heading is the next label ("\n\n1. Apologies") is not in the list
  const tail = /\n\s*\(?\d{1,3}[.)]?\s*$/.exec(slice.slice(0, end));
  if (tail) end = tail.index;
  return from + end;
}

const ROLE_LEAD_WORD = /^(?:V\.?|Vice[- ]?)?Chair(?:man|woman|person)?\b/;

/**
 * "PRESENT. Chairman, V.Chairman & Messrs …", "APOLOGIES, Mrs. Lewis …": a label in capitals that
 * opens its line, closed by a full stop or a comma where a colon belongs (or by nothing, before
 * the chair's office). It counts only when a
 * name, a title or the chair's office follows, so that a sentence opening with the word in
 * capitals is not read as a list. Returned like the colon separator it stands for.
 */
function capsLabelStop(text: string, start: number, label: string, opensLine: boolean): RegExpExecArray | null {
  if (!opensLine || /[a-z]/.test(label) || !/[A-Z]{4}/.test(label)) return null;
  const stop = /^[ \t]*([.,]?)[ \t]*(?=\S)/.exec(text.slice(start, start + 200));
  if (!stop) return null;
  const next = text.slice(start + stop[0].length, start + stop[0].length + 200);
  const first = next.split(/[,;(&]| and /)[0].trim();
  // with no stop at all ("PRESENT V.Chairman, …"), only the chair's office: names are read as a bare label's
  if (!stop[1]) return ROLE_LEAD_WORD.test(next) ? stop : null;
  return HONORIFIC.test(next) || ROLE_LEAD_WORD.test(next) || looksLikeName(first) ? stop : null;
}

/** The attendance blocks in `text`, in order. */
export function findSections(text: string): Section[] {
  const found: Section[] = [];
  LABEL_RE.lastIndex = 0;
  for (let m = LABEL_RE.exec(text); m; m = LABEL_RE.exec(text)) {
    const which = LABELS.findIndex((_, i) => m![i + 2] !== undefined);
    const def = LABELS[which];
    const labelText = m[1];
    let start = m.index + m[0].length;
    const lineStart = text.lastIndexOf("\n", m.index) + 1;
    const lead = text.slice(lineStart, m.index);
    const opensLine = /^\s*(?:\d{1,3}\\?[.)]?\s*)?$/.test(lead) || /[.;)]\s*$/.test(lead);
    const sep = /^\s*(?:[:–—-]+\s*)+|^\s*\n/.exec(text.slice(start)) ?? capsLabelStop(text, start, labelText, opensLine);
    const hasSep = Boolean(sep);
    const endsWithFrom = /\b(?:from|by)$/i.test(labelText.trim()) || /\b(?:accepted|received|noted|given|been)\s+for$/i.test(labelText.trim());
    // without a colon, a label must open its line ("OFFICERS IN ATTENDANCE"), so that
    // "Administrative Officer" at the end of a line is not taken for one
    // "… 2017 Present– Cllr David Llewellyn": a capitalised label and a dash, then a name
    const dashed = sep && /[–—-]/.test(sep[0]) && /^[A-Z]/.test(labelText) && HONORIFIC.test(text.slice(start + sep[0].length));
    if (sep && !/:/.test(sep[0]) && !opensLine && !endsWithFrom && !dashed) continue;
    // "Cathy Fleet (CF) CLERK" at the end of a line is a role after a name: a label that only a
    // line break follows does not come straight after a bracket
    if (sep && !/[:–—-]/.test(sep[0]) && /\)\s*$/.test(lead)) continue;
    if (sep) start += sep[0].length;
    else if (endsWithFrom) {
      // "There were apologies accepted from Cllr Trudy Mann"
    } else {
      // no colon or line break: only some labels take a name straight after them, and only
      // when they open a line or follow an item number ("1. Apologies for Absence Cllr Ian Mack")
      const next = text.slice(start).trimStart();
      if (!def.bare || !opensLine) continue;
      if (!HONORIFIC.test(next) && !looksLikeName(next.split(/[,;(]| and | - | – /)[0].trim())) continue;
    }
    // "Present" inside prose ("everyone present and") is not a label
    if (!hasSep && /^present$/i.test(labelText.trim()) && m.index > 0 && /[a-z]\s*$/.test(text.slice(Math.max(0, m.index - 3), m.index))) continue;
    found.push({ ...def, label: labelText, labelIndex: m.index, start, end: start });
    LABEL_RE.lastIndex = Math.max(LABEL_RE.lastIndex, start);
  }
  for (let i = 0; i < found.length; i++) {
    const limit = i + 1 < found.length ? found[i + 1].labelIndex : text.length;
    found[i].end = contentEnd(text, found[i].start, limit);
  }
  return found;
}

/** Whether `line` opens with an attendance label ("Present:", "Apologies:", "Also in attendance"). */
function opensWithLabel(line: string): boolean {
  const t = line.trim();
  if (!t) return false;
  const found = findSections(t);
  return found.length > 0 && found[0].labelIndex === 0;
}

/** A column heading printed without its colon ("Present:\tAlso in attendance:\tApologies"). */
const COLUMN_LABEL = /^(?:present|apologies|absent|also\s+present|(?:also\s+)?in\s+attendance|members\s+of\s+the\s+public)$/i;

/** The cells of a line split at its tabs: [start, end) of each, in the line. */
function cells(line: string): [number, number][] {
  const out: [number, number][] = [];
  let from = 0;
  for (let k = 0; k <= line.length; k++) {
    if (k < line.length && line[k] !== "\t") continue;
    if (line.slice(from, k).trim()) out.push([from, k]);
    from = k + 1;
  }
  return out;
}

/**
 * Blocks printed side by side ("Present:\tAlso in attendance:\tApologies:", names under each, tabs
 * between the columns) are read one column at a time: the text is returned once per column, the
 * other columns blanked out, so that positions in it stay those of the original. Null when there
 * is no such header. The columns run from the header to the next line that opens with a label; a
 * row with fewer cells fills the columns from the left.
 */
export function columnViews(text: string): string[] | null {
  const lines = text.split("\n");
  let offset = 0;
  let header = -1;
  let headerOffset = 0;
  let columns = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.includes("\t")) {
      const heads = cells(line).map(([a, b]) => line.slice(a, b).trim());
      const heading = (h: string) => /^[A-Z][A-Za-z ]{2,40}:$/.test(h) || COLUMN_LABEL.test(h);
      if (heads.length >= 2 && heads.every(heading) && opensWithLabel(heads[0])) {
        header = i;
        headerOffset = offset;
        columns = heads.length;
        break;
      }
    }
    offset += line.length + 1;
  }
  if (header < 0) return null;
  const blank = text.replace(/[^\n]/g, " ");
  const views = Array.from({ length: columns }, (_, k) => (k === 0 ? text.split("") : blank.split("")));
  let at = headerOffset;
  for (let i = header; i < lines.length; i++) {
    const line = lines[i];
    if (i > header && opensWithLabel(line)) break;
    for (const [k, [a, b]] of cells(line).entries()) {
      if (k === 0 || k >= columns) continue;
      for (let c = a; c < b; c++) {
        views[k][at + c] = line[c];
        views[0][at + c] = " ";
      }
    }
    at += line.length + 1;
  }
  return views.map((v) => v.join(""));
}
