// One generated meeting: a real template's text and record, given its council, committee, date and
// people. The template's people are mapped to the council's (members to the committee's sitting
// members, officers to its officers, others to members of the public), and the text is rewritten to
// match: the committee and council names where the header gave them, the date where the header
// gave it, and every written form of each person's name ("Cllr J Smith", "John Smith", "SMITH J",
// "Councillor Smith"). Spans are recomputed through the rewrite. What stays as in the template:
// the meeting's start time, other dates in the text (the next meeting, earlier minutes), and a
// surname written bare outside the attendance list, decisions and declarations.
import { createHash } from "node:crypto";
import type { Attendee, ParsedMinutes, Span } from "../src/domain/minutes.ts";
import { splitLines, type SourceText } from "../src/domain/source.ts";
import type { ImportInput } from "../src/store/import.ts";
import { parseName } from "../src/store/rules/names.ts";
import { bodySlug } from "../src/store/rules/slugs.ts";
import type { Template } from "./generate-corpus.ts";
import { Random } from "./generate-random.ts";
import type { MeetingPlan, Person } from "./generate-shape.ts";
import { applyEdits, dateEdits, escapeRe, mapSpan, sameCase, type Edit } from "./generate-text.ts";

const HONORIFIC_WORDS = [
  "County Councillor", "District Councillor", "Borough Councillor", "Parish Councillor", "Town Councillor", "City Councillor", "Deputy Mayor",
  "Councillor", "Councilmember", "Council Member", "Commissioner", "Alderman", "Cllr", "Clr", "Cr", "Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Prof",
  "Rev", "Sir", "Dame", "Mayor", "Supervisor", "Trustee", "Director", "Vice-Chair", "Vice Chair", "Chairman", "Chairwoman", "Chairperson", "Chair",
];
// as written in running text and in capitals, so the pattern needs no case folding (which would
// let a lone lower-case word pass for an initial)
const HONORIFIC = `(?:${HONORIFIC_WORDS.flatMap((w) => [w, w.toUpperCase()]).map((w) => escapeRe(w).replace(/ /g, "[ \\t]+")).join("|")})\\.?`;

/** The share of meetings, where members sent apologies, at which a substitute stands in for one. */
export const SUBSTITUTE_SHARE = 0.3;

/** The share of meetings whose last item is taken in private (when their template has none). */
export const EXEMPT_SHARE = 0.06;

interface Mapping {
  template: { forenames: string[]; initials: string; surname: string };
  to: Person;
}

function nameParts(raw: string) {
  const n = parseName(raw);
  if (!n || n.surname.length < 3 || !/^\p{Lu}/u.test(n.surname)) return null;
  return n;
}

/** Edits replacing every written form of the mapped people's names in `text` (within `[from, to)`). */
const INITIALS = String.raw`\p{Lu}(?:\.?[ \t]*\p{Lu}\.)*\.?`;
const NOT_IN_WORD = String.raw`[\p{L}\p{N}'’-]`;
const prefixes = new Map<string, RegExp>();

/** What may stand before a surname, up to it: honorific? (forename | initials)? (a middle name)? */
function prefixRe(forename: string | undefined): RegExp {
  const key = forename ?? "";
  let re = prefixes.get(key);
  if (!re) {
    // any initials: a second person of the same surname in the template is the same person here
    const before = [forename ? `${escapeRe(forename)}|${escapeRe(forename.toUpperCase())}` : null, INITIALS].filter(Boolean).join("|");
    re = new RegExp(`(?<!${NOT_IN_WORD})(?:(${HONORIFIC})[ \\t]+)?(?:(${before})([ \\t]+(?:\\p{Lu}[\\p{Ll}'’-]*\\.?[ \\t]+)?))?$`, "du");
    prefixes.set(key, re);
  }
  return re;
}
const TAIL = new RegExp(`^(,?[ \\t]+)(${INITIALS})(?!\\p{L})`, "u");

interface Names {
  bySurname: Map<string, Mapping>;
  surnames: RegExp | null;
}

/** The mapped people by surname as written and in capitals, and one pattern finding any of them. */
function namesOf(people: Mapping[]): Names {
  const bySurname = new Map<string, Mapping>();
  for (const p of people) {
    bySurname.set(p.template.surname, p);
    if (!bySurname.has(p.template.surname.toUpperCase())) bySurname.set(p.template.surname.toUpperCase(), p);
  }
  const alternatives = [...bySurname.keys()].sort((a, b) => b.length - a.length).map(escapeRe).join("|");
  return { bySurname, surnames: bySurname.size ? new RegExp(`(?<!${NOT_IN_WORD})(?:${alternatives})(?!${NOT_IN_WORD})`, "gu") : null };
}

/**
 * Edits replacing every written form of the mapped people's names in `text`: one pass finds each
 * surname, then what is written before it (and, in lists, initials after it) is read around it.
 */
function nameEdits(text: string, { bySurname, surnames }: Names, inRegion: (start: number, end: number) => boolean, attendanceList: (at: number) => boolean = () => false): Edit[] {
  const edits: Edit[] = [];
  if (!surnames) return edits;
  for (const m of text.matchAll(surnames)) {
    const sname = m[0];
    const { template, to } = bySurname.get(sname)!;
    const at = m.index;
    const windowStart = Math.max(0, at - 60);
    const p = prefixRe(template.forenames[0]).exec(text.slice(windowStart, at))!;
    const [, honorific, head, gap] = p;
    const start = windowStart + p.index;
    const end = at + sname.length;
    // "SMITH J" and "Smith, John" are how lists are written: initials after a surname count only there
    const t = honorific || head ? null : TAIL.exec(text.slice(end, end + 24));
    const [tailGap, tail] = t ? [t[1], t[2]] : [];
    // a bare surname only where names are listed
    if (!honorific && !head && !tail && !inRegion(at, end)) continue;
    const upper = sname.length > 1 && sname === sname.toUpperCase() && sname !== template.surname;
    const last = upper ? to.last.toUpperCase() : to.last;
    const firstOf = (written: string) =>
      written.replace(/\./g, "").length <= 3 && written === written.toUpperCase() && written.length < template.surname.length
        ? written.replace(/\p{Lu}/u, to.first[0]) // initials: the first becomes the new forename's
        : upper && written === written.toUpperCase()
          ? to.first.toUpperCase()
          : to.first;
    // the honorific and what follows it are kept as written, but Mr for a man and Ms or Mrs for a woman
    let out = honorific ? text.slice(start, windowStart + (head ? p.indices![2][0] : p.index + p[0].length)) : "";
    if (honorific) out = out.replace(/^(mr|mrs|ms|miss)(?=\b)/i, (h) => (/^mr$/i.test(h) === !to.woman ? h : sameCase(h, to.woman ? "Ms" : "Mr")));
    // middle names are dropped: the council's person has one forename
    if (head) out += firstOf(head) + gap.charAt(0);
    // a bare "Councillor Smith" in the attendance list gets the forename, so that the member is
    // known as one person on every committee (a bare surname is matched only within its committee)
    else if (!tail && attendanceList(at)) out += `${upper ? to.first.toUpperCase() : to.first} `;
    out += last;
    if (tail) out += tailGap + firstOf(tail);
    edits.push({ start, end: t ? end + t[0].length : end, text: out });
  }
  return edits;
}

export interface GeneratedMeeting {
  input: ImportInput;
  template: string;
}

function regionOf(spans: (Span | undefined)[]): [number, number] | null {
  const valid = spans.filter((s): s is Span => !!s && Number.isInteger(s.start) && Number.isInteger(s.end));
  if (!valid.length) return null;
  return [Math.min(...valid.map((s) => s.start)), Math.max(...valid.map((s) => s.end))];
}

/** Maps the template's people to the plan's, in order of appearance. */
function mapPeople(record: ParsedMinutes, plan: MeetingPlan, random: Random, substitute: number | null): Map<string, Mapping> {
  const bySurname = new Map<string, Mapping>();
  const used = new Set<Person>();
  const queues: Record<Attendee["kind"] | "substitute", Person[]> = {
    member: [...plan.members, ...plan.others],
    officer: plan.officers,
    other: random.shuffle([...plan.council.public]),
    // a substitute is a member of the council who does not sit on the committee
    substitute: [...plan.others, ...plan.members],
  };
  const take = (kind: Attendee["kind"] | "substitute"): Person => {
    const q = queues[kind] ?? queues.other;
    const p = q.find((x) => !used.has(x)) ?? random.pick([...plan.others, ...plan.members]);
    used.add(p);
    return p;
  };
  const add = (raw: string | null | undefined, kind: Attendee["kind"] | "substitute") => {
    if (!raw) return;
    const n = nameParts(raw);
    if (!n || bySurname.has(n.surname)) return;
    bySurname.set(n.surname, { template: n, to: take(kind) });
  };
  for (const [i, a] of record.attendance.entries()) if (a.status !== "apologies" && a.status !== "absent") add(a.name, i === substitute ? "substitute" : a.kind);
  // those sending apologies are members the substitutes stood in for, or the committee's other members
  for (const a of record.attendance) if (a.status === "apologies" || a.status === "absent") add(a.name, a.kind);
  for (const a of record.attendance) add(a.substituteFor, "member");
  for (const it of record.items)
    for (const r of it.resolutions) {
      add(r.movedBy, "member");
      add(r.secondedBy, "member");
      for (const names of Object.values(r.votes?.recorded ?? {})) for (const name of names ?? []) add(name, "member");
    }
  for (const d of record.declarations ?? []) add(d.name, "member");
  for (const q of record.questions ?? []) add(q.askedBy, "other");
  return bySurname;
}

export function generateMeeting(template: Template, plan: MeetingPlan, random: Random): GeneratedMeeting {
  const record = structuredClone(template.record);
  const text = template.text;
  const prov = record.provenance ?? {};
  // Some members who send apologies are replaced by a substitute from the council's other members:
  // the last member listed present is that substitute, said so after their name.
  const present = record.attendance.map((a, i) => ({ a, i, span: prov[`attendance/${i}`] })).filter(({ a, span }) => a.kind === "member" && a.status === "present" && !a.substituteFor && span && !span.implied);
  const absent = record.attendance.findIndex((a) => a.kind === "member" && a.status === "apologies" && nameParts(a.name));
  const substitute = present.length >= 3 && absent >= 0 && nameParts(present[present.length - 1].a.name) && random.chance(SUBSTITUTE_SHARE) ? present[present.length - 1].i : null;
  const mapped = mapPeople(record, plan, random, substitute);
  const people = namesOf([...mapped.values()]);

  // Where names are listed: the attendance list, each decision, each declaration and question.
  const regions: [number, number][] = [];
  const attendance = regionOf(record.attendance.map((_, i) => prov[`attendance/${i}`]));
  if (attendance) regions.push(attendance);
  for (const [path, span] of Object.entries(prov)) if (/^(items\/\d+\/resolutions\/\d+|declarations\/\d+|questions\/\d+)$/.test(path)) regions.push([span.start, span.end]);
  const inRegion = (start: number, end: number) => regions.some(([a, b]) => start >= a && end <= b);

  const inList = (at: number) => !!attendance && at >= attendance[0] && at < attendance[1];
  const edits = nameEdits(text, people, inRegion, inList);
  const bodyName = plan.committee.name;
  const councilName = plan.council.name;
  const named = (path: string, from: string | null) => {
    const span = prov[path];
    if (!span || !from || span.implied) return;
    const at = text.slice(span.start, span.end).toLowerCase().indexOf(from.toLowerCase());
    if (at < 0) return;
    const written = text.slice(span.start + at, span.start + at + from.length);
    edits.push({ start: span.start + at, end: span.start + at + from.length, text: written === written.toUpperCase() ? (path === "body" ? bodyName : councilName).toUpperCase() : path === "body" ? bodyName : councilName });
  };
  named("body", template.record.body);
  named("authority", template.record.authority);
  if (prov.date && !prov.date.implied) edits.push(...dateEdits(text, prov.date, plan.date));
  // Real archives hold exempt business (contracts, staffing, legal advice) at the end of some
  // meetings; the corpus has few, so some meetings take their last item in private, said so in its heading.
  const last = record.items.length - 1;
  const lastTitle = prov[`items/${last}/title`];
  if (record.items.length >= 3 && !record.items.some((it) => it.exempt) && lastTitle && !lastTitle.implied && random.chance(EXEMPT_SHARE)) {
    record.items[last].exempt = true;
    record.items[last].exemptParagraphs = "3";
    edits.push({ start: lastTitle.end, end: lastTitle.end, text: " (exempt: paragraph 3 of Schedule 12A)" });
  }

  let substituteFor: string | null = null;
  if (substitute !== null) {
    const stoodFor = mapped.get(nameParts(record.attendance[absent].name)!.surname)!.to;
    substituteFor = `Councillor ${stoodFor.first} ${stoodFor.last}`;
    edits.push({ start: prov[`attendance/${substitute}`].end, end: prov[`attendance/${substitute}`].end, text: ` (substitute for ${substituteFor})` });
  }
  const rewritten = applyEdits(text, edits);
  const rename = (s: string, everywhere: boolean, listed = false) => applyEdits(s, nameEdits(s, people, () => everywhere, () => listed)).text;
  const renameOrNull = <T extends string | null | undefined>(s: T, everywhere = true): T => (typeof s === "string" ? (rename(s, everywhere) as T) : s);

  record.authority = councilName;
  record.body = bodyName;
  record.date = plan.date;
  for (const a of record.attendance) {
    a.name = rename(a.name, true, true);
    a.substituteFor = renameOrNull(a.substituteFor);
  }
  if (substitute !== null) record.attendance[substitute].substituteFor = substituteFor;
  for (const it of record.items) {
    it.title = rename(it.title, false);
    for (const r of it.resolutions) {
      r.text = rename(r.text, true);
      r.movedBy = renameOrNull(r.movedBy);
      r.secondedBy = renameOrNull(r.secondedBy);
      const recorded = r.votes?.recorded;
      if (recorded) for (const k of Object.keys(recorded) as (keyof typeof recorded)[]) recorded[k] = (recorded[k] ?? []).map((n) => rename(n, true));
    }
  }
  for (const d of record.declarations ?? []) {
    d.name = rename(d.name, true);
    d.description = renameOrNull(d.description);
  }
  for (const q of record.questions ?? []) {
    q.askedBy = renameOrNull(q.askedBy);
    q.question = rename(q.question, true);
    q.answer = renameOrNull(q.answer);
  }
  for (const r of record.recommendations) {
    r.responsibleMember = renameOrNull(r.responsibleMember, false);
  }
  for (const path of Object.keys(prov)) prov[path] = mapSpan(prov[path], rewritten);
  if (record.minutesStatusText) record.minutesStatusText = rename(record.minutesStatusText, false);

  const ext = template.format === "md" ? "md" : template.format;
  const source = sourceOf(`${bodySlug(councilName, bodyName)}-${plan.date}.${ext}`, template.format, rewritten.text);
  return { input: { source, record, authorityOverride: councilName, timeZone: "Europe/London" }, template: template.file };
}

/** The source of a generated document: its text stands for its bytes. */
export function sourceOf(file: string, format: SourceText["format"], text: string): SourceText {
  return { file, format, text, lines: splitLines(text), contentHash: createHash("sha256").update(text).digest("hex"), byteLength: Buffer.byteLength(text) };
}
