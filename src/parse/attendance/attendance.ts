// Everyone the minutes list as present, in attendance, sending apologies or absent. Read from
// the attendance blocks before the first item, from items about apologies or attendance, and
// from sentences elsewhere ("Cllr X sent his apologies", "A and B from Y were in attendance").
import type { Attendee } from "../../domain/minutes.ts";
import type { ItemBlock, Located, ParseContext } from "../context.ts";
import { joinLines, type Joined } from "../text/joined.ts";
import { classify } from "./classify.ts";
import {
  HONORIFIC,
  ROLE_LEAD,
  ROLE_WORD,
  looksLikeName,
  normaliseRole,
  parseEntry,
  pluralHonorific,
  splitNameRole,
  splitRunOn,
  splitTopLevel,
  stripHonorific,
  withHonorific,
} from "./names.ts";
import { columnViews, findSections, type Section, type SectionKind } from "./sections.ts";
import { readColumns } from "./columns.ts";
import { cleanRole } from "./roles.ts";
import { findSentences } from "./sentences.ts";
import { rollTables } from "./roll-table.ts";

interface Person {
  name: string;
  role: string | null;
  /** [start, end) in the joined text */
  index: number;
  length: number;
}

// reasons and asides after a name in an apologies list
const REASON =
  /\s+(?:due\s+to|because|during|while|whilst|until|owing\s+to|as\s+(?:he|she|they)\b|who\s|for\s+(?:personal|family|health|work)|on\s+holiday|being\s+away|work\s+commitments|illness|unwell|had\s+|has\s+|was\s+|were\s+|is\s+|are\s+|would\s+|sent\s+|gave\s+)/i;

const BULLET_ROW = /^\s*(?:[-–•*·▪\uf0b7\uf0a7]|o(?=\s))\s*(?=\S)/;

const COLLECTIVE = /^(?:(?:parish|town|community|district|county|borough|city|elected|co-opted)\s+)?(?:councillors|councilors|members|trustees|governors)$/i;

/** "Director, Support Services (Mr. S. Coughlan), Meetings Administrator (Mr. M. Leahy)" */
function roleThenBracketedName(text: string, base: number): Person[] | null {
  // A match can only start where a run without brackets starts; trying every other position too
  // made a long line without brackets cost the square of its length.
  const re = /(?<=^|[()])([^()]*?)\s*\(((?:Mr|Ms|Mrs|Miss|Dr|Messrs|Mesdames|Cllr|Councillor)\.?\s[^()]+)\)/g;
  const out: Person[] = [];
  let hits = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    hits++;
    const role = normaliseRole(m[1].replace(/^[\s,;]+|\s*,?\s*and\s*$/g, ""));
    const inner = m[2];
    const plural = pluralHonorific(inner);
    const names = plural ? splitTopLevel(plural.rest).map((p) => ({ ...p, text: withHonorific(p.text, plural.singular) })) : [{ text: inner, index: 0 }];
    for (const n of names) {
      const name = n.text.replace(/\s+/g, " ").trim();
      if (looksLikeName(name)) out.push({ name, role: role || null, index: base + m.index + m[0].indexOf(inner), length: inner.length });
    }
  }
  return hits >= 1 && out.length && !HONORIFIC.test(text.trim()) ? out : null;
}

// "Ms H R S Hurst, MBE": honours after a comma are neither a person nor a role; like other
// honours they are left out of the name. Blanked, not removed, so that spans stay true.
const COMMA_HONOURS = /,\s*(?:(?:MBE|OBE|CBE|DBE|KBE|BEM|JP|DL|QC|KC|MP|MEP|TD|RD)\b\.?\s*)+(?=,|;|\s+and\s|\s*$|\s+[A-Z])/g;

/**
 * Commas inside a semicolon-separated group: "Rory Corbett, Trade & Investment". A comma inside
 * brackets belongs to a job title ("Mr S Mercer (Corporate Director of Growth, Environment and Transport)").
 */
function splitCommas(p: { text: string; index: number }): { text: string; index: number }[] {
  const out: { text: string; index: number }[] = [];
  const push = (from: number, to: number) => {
    const piece = p.text.slice(from, to);
    const lead = piece.length - piece.trimStart().length;
    if (piece.trim()) out.push({ text: piece.trim(), index: p.index + from + lead });
  };
  let depth = 0;
  let from = 0;
  for (let i = 0; i < p.text.length; i++) {
    const ch = p.text[i];
    if (ch === "(") depth++;
    else if (ch === ")") depth = Math.max(0, depth - 1);
    else if (ch === "," && depth === 0) {
      push(from, i);
      from = i + 1;
    }
  }
  push(from, p.text.length);
  // a bracket left open ("Cllr A (Chair, Cllr B, …") would hold every comma after it: split them all
  if (depth > 0) {
    out.length = 0;
    let at = 0;
    for (const piece of p.text.split(",")) {
      push(at, at + piece.length);
      at += piece.length + 1;
    }
  }
  return out;
}

/** "Superintendent Dan MacInnis and Municipal Administrator Kris Croskery-Hodgins": an "and" after a name separates. */
function splitAfterName(p: { text: string; index: number }): { text: string; index: number }[] {
  const m = /^(.*?)\s+and\s+(.+)$/.exec(p.text);
  if (!m) return [p];
  const tail = m[1].split(/\s+/).slice(-2).join(" ");
  if (!looksLikeName(tail) || ROLE_WORD.test(tail)) return [p];
  const rest = p.text.length - m[2].length;
  return [{ text: m[1], index: p.index }, ...splitAfterName({ text: m[2], index: p.index + rest })];
}

/** The people in one list. */
// "Cllr Gail Reeve (Vacancy – 1), Helen Richardson (…)": in a run-on list a bracket closes its
// person's entry (peopleIn puts the comma there), so an untitled name after it starts another
function splitAfterBracket(p: { text: string; index: number }): { text: string; index: number }[] {
  const out: { text: string; index: number }[] = [];
  let from = 0;
  for (const m of p.text.matchAll(/\),\s*/g)) {
    const end = m.index + 1;
    out.push({ text: p.text.slice(from, end), index: p.index + from });
    from = m.index + m[0].length;
  }
  if (from < p.text.length) out.push({ text: p.text.slice(from), index: p.index + from });
  return out.filter((x) => x.text.trim());
}

export function peopleIn(raw: string, base = 0): Person[] {
  // a preamble before a colon ("LGA 1972, Section 85(1) & (2): Cllr. Sue Leet")
  let text = raw;
  const pre = /^([^:\n]{1,80}):\s*/.exec(text);
  if (pre && !HONORIFIC.test(pre[1].trim()) && !looksLikeName(pre[1].trim())) {
    text = text.slice(pre[0].length);
    base += pre[0].length;
  }
  text = text.replace(COMMA_HONOURS, (m) => " ".repeat(m.length));
  const bracketed = roleThenBracketedName(text, base);
  if (bracketed) return bracketed;

  // initials in brackets separate names even without a comma: "Pam Walker (PW) Claire Williams (CW)"
  text = text.replace(/\(([A-Z]{2,4})\)[ \t]+(?=[A-Z])/g, "($1),").replace(/\)[ \t](?!(?:Cllr|Clr|Councillor|Mr|Mrs|Ms|Miss|Dr|Rev)\b)(?=[A-Z][a-z]+ [A-Z][a-z]+)/g, "),");
  // one person per line ("Mr. P. Dowling, Director of Service"), unless the lines hold several
  // names each and simply wrap ("Cllr. John Costello, Cllr Vivienne Crowley, Cllr. Michael")
  const lines = text.split("\n").filter((l) => l.trim());
  const isName = (t: string) => {
    const x = t.replace(/\s*\([^)]*\)|\s*\[[^\]]*\]/g, "").replace(/[.]$/, "");
    return looksLikeName(x) && (HONORIFIC.test(x) || !ROLE_WORD.test(x));
  };
  const multi = lines.filter((l) => splitTopLevel(l).filter((p) => isName(p.text)).length >= 2).length;
  // "Joyce McConeghey Board Member": a name, then the office without a comma
  const leadsWithName = (t: string) => isName(t) || (ROLE_WORD.test(t) && isName(t.trim().split(/\s+/).slice(0, 2).join(" ")) && !ROLE_WORD.test(t.trim().split(/\s+/).slice(0, 2).join(" ")));
  const startsWithPerson = lines.every((l) => leadsWithName(splitTopLevel(l)[0]?.text ?? "") || /\t/.test(l));
  const lineMode = lines.length >= 2 && multi * 2 < lines.length && startsWithPerson;

  const chunks: { text: string; index: number }[] = [];
  if (lineMode) {
    let off = 0;
    for (const l of text.split("\n")) {
      let t = l;
      // the space between a name and its office stands for the comma (same length, spans stay true)
      if (!/,/.test(l) && !isName(l.trim()) && leadsWithName(l)) {
        const sp = splitNameRole(l.trim());
        const at = l.indexOf(sp.name) + sp.name.length;
        if (sp.name && sp.rest && l[at] === " ") t = `${l.slice(0, at)},${l.slice(at + 1)}`;
      }
      if (l.trim()) chunks.push({ text: t, index: off });
      off += l.length + 1;
    }
  } else {
    // join wrapped lines; a line break after a tab-separated row separates like a tab; keep length
    const joined = text.replace(/([A-Za-z]-)(\s*\n\s*)(?=[A-Za-z])/g, (_m, a: string, ws: string) => a + "\u0001".repeat(ws.length));
    const rows = joined.split("\n");
    // a row that ends a sentence ("Mr M Tett (in the Chair).") ends its entry; "Cllr." does not
    const sepAfter = (r: string) =>
      r.includes("\t") ? "\t" : /[.)\]]\s*$/.test(r) && !/(?:^|[\s(])(?:Cllr|Clr|Clir|Cmhlr|Mr|Mrs|Ms|Dr|Revd?|[A-Z])\.\s*$/.test(r) ? "," : " ";
    // a row that starts with a bullet starts an entry, whatever the row before ends with
    const bulletNext = (i: number) => BULLET_ROW.test(rows[i + 1] ?? "");
    chunks.push({ text: rows.map((r, i) => (i < rows.length - 1 ? r + (bulletNext(i) ? "," : sepAfter(r)) : r + " ")).join("").slice(0, joined.length), index: 0 });
  }

  const out: Person[] = [];
  for (const chunk of chunks) {
    const flat = chunk.text.replace(/[\n\r]/g, " ");
    const honorifics = (flat.match(new RegExp(HONORIFIC.source.replace("^", "(?:^|\\s)"), "g")) ?? []).length;
    const commas = (flat.match(/[,;\t]|\s(?:and|&)\s/g) ?? []).length;
    const runOnAll = honorifics >= 3 && commas < honorifics - 1;
    // a comma list may still hold a run-on stretch: "Cllr R Bivon (Chair) Cllr T Ryves , Cllr …"
    const parts: { text: string; index: number; runOn: boolean }[] = runOnAll
      ? splitRunOn(flat).flatMap(splitAfterBracket).map((p) => ({ ...p, runOn: true }))
      : splitTopLevel(flat, /;/.test(flat) && !/,[^;]*,[^;]*;/.test(flat))
          .flatMap(splitCommas)
          .flatMap(splitAfterName)
          .flatMap((p): { text: string; index: number; runOn: boolean }[] => {
          const inner = splitRunOn(p.text);
          return inner.length > 1 && inner.filter((x) => HONORIFIC.test(x.text)).length >= 2
            ? inner.map((x) => ({ text: x.text, index: p.index + x.index, runOn: true }))
            : [{ ...p, runOn: false }];
        });
    let carried: string | null = null;
    // "An Cathaoirleach, Cllr. Stephen Keary": a role before the first name belongs to it
    let pendingRole: string | null = null;
    const firstHere = out.length;
    // "Vice Chairman Mrs J Taylor … Parish Clerk Mrs J M Markwell": roles printed before the names
    const first = parts[0]?.text ?? "";
    const rolesBefore = runOnAll && !HONORIFIC.test(first) && ROLE_WORD.test(first) && !looksLikeName(first.split(/\s+/).slice(-2).join(" "));
    // "Present: Berger, Chadow, Chair Cooney, Fort": a roll of bare surnames
    const bareSurnames = parts.filter((p) => /^\s*[\p{Lu}][\p{L}'’-]+\.?\s*$/u.test(p.text)).length;
    const surnameRoll = bareSurnames >= 3 && bareSurnames * 2 >= parts.length;
    for (const p of parts) {
      let t = p.text.replace(/\u0001/g, "");
      const at = base + chunk.index + p.index;
      // "Councillors A, B, Cmhlr. C, D": the plural title carries on past a name with its own title
      const plural = pluralHonorific(t);
      if (plural) {
        carried = plural.singular;
        t = plural.rest;
      }
      // "… and Mayor Johnson – 5.": a roll call ends with the count of those it names
      t = t.replace(/\s*[–—-]\s*\d{1,2}\s*\.?\s*$/, "");
      const reason = t.search(REASON);
      if (reason > 0) {
        t = t.slice(0, reason);
        // "Vice Chairman (Mr. Mycock, who took the chair)": a clause cut from inside a bracket closes it
        const open = t.lastIndexOf("(");
        if (open > t.lastIndexOf(")") && HONORIFIC.test(t.slice(open + 1))) t = t.replace(/[\s,;]+$/, "") + ")";
      }
      // "Chairman, V.Chairman & Messrs Patterson": offices listed on their own, then "&" or "and"
      // before the names: the offices are not those names'
      if (pendingRole && /(?:^|\s)(?:&|and),?\s*$/i.test(flat.slice(Math.max(0, p.index - 8), p.index))) pendingRole = null;
      const entry = parseEntry(t);
      if (!entry) continue;
      let { name, role } = entry;
      if (rolesBefore) {
        let seg = name;
        let own: string | null = null;
        const lead = seg.match(ROLE_LEAD);
        if (lead) {
          own = `${lead[1].trim()} ${lead[2]}`;
          seg = seg.slice(lead[0].length - lead[2].length - 1).trim();
        }
        const split = splitNameRole(seg);
        if (split.name && looksLikeName(split.name) && HONORIFIC.test(split.name)) {
          out.push({ name: split.name, role: own ?? role ?? pendingRole, index: at, length: p.text.length });
          pendingRole = split.rest && !/^(?:councillors|cllrs|members)$/i.test(split.rest) ? normaliseRole(split.rest) : null;
        } else pendingRole = normaliseRole(name);
        continue;
      }
      if (p.runOn || ROLE_LEAD.test(name)) {
        const split = splitNameRole(name);
        name = split.name;
        if (split.rest) {
          // "Cllr Grant Tomkins Helen Richardson Parish Clerk": the rest starts another person
          const next = splitNameRole(split.rest);
          const nextWords = next.name.split(/\s+/);
          if (next.rest && nextWords.length >= 2 && !ROLE_WORD.test(next.name) && looksLikeName(next.name)) {
            out.push({ name: withHonorific(name, carried), role, index: at, length: p.text.length });
            out.push({ name: next.name, role: normaliseRole(next.rest), index: at, length: p.text.length });
            continue;
          }
          role = role ?? normaliseRole(split.rest);
        }
      }
      if (!name && role && out.length) {
        out[out.length - 1].role ??= role;
        continue;
      }
      const bare = stripHonorific(name);
      // a lone word with no title ("Trade", "Regeneration") is a name only after "Councillors"
      const lone = !HONORIFIC.test(name) && !carried && !surnameRoll && !/\s/.test(bare);
      const roleLike = !HONORIFIC.test(name) && (ROLE_WORD.test(bare) || /^[A-Z]{2,6}\.?$/.test(bare) || lone);
      if (!looksLikeName(name) || roleLike) {
        // "The Chairman Cllr S Lintern": a title inside starts the name
        const inner = /\s((?:Cllr|Clr|Councillor|Mr|Mrs|Ms|Miss|Dr)\.?\s+\S.*)$/.exec(name);
        if (inner && looksLikeName(inner[1])) {
          // "from Councillor X": a preposition left over from the sentence is not a role
          const lead = name.slice(0, inner.index).trim();
          const leadRole = /^(?:from|by|and|with|for|of|to)$/i.test(lead) ? null : normaliseRole(lead);
          out.push({ name: inner[1], role: role ?? leadRole, index: at, length: p.text.length });
          continue;
        }
        // "Office Assistant-Intern Kim Turnbull": role words, then a first name and surname
        const words = name.split(/\s+/);
        const tail = words.slice(-2).join(" ");
        if (words.length >= 3 && ROLE_WORD.test(words.slice(0, -2).join(" ")) && looksLikeName(tail) && !ROLE_WORD.test(tail)) {
          out.push({ name: tail, role: normaliseRole(words.slice(0, -2).join(" ")), index: at, length: p.text.length });
          continue;
        }
        // "Mr. P. Dowling, Director of Service": what follows a name is its role
        const prev = out[out.length - 1];
        if (out.length === firstHere && name && ROLE_WORD.test(name) && name.length <= 60) {
          pendingRole = normaliseRole(name);
          continue;
        }
        // "A, B and C, Councillors, and D, Clerk": a plural describes the names before it, all of them
        if (COLLECTIVE.test(name)) continue;
        if (prev && name && !/\d/.test(name) && name.length <= 80 && prev.index >= base + chunk.index) {
          prev.role = prev.role ? `${prev.role}, ${normaliseRole(name)}` : normaliseRole(name);
        }
        continue;
      }
      if (!role) {
        const title = name.match(/^(Mayor|Deputy\s+Mayor|Reeve|Deputy\s+Reeve)\b/);
        if (title) role = title[1];
      }
      out.push({ name: withHonorific(name, carried), role: role ?? pendingRole, index: at, length: p.text.length });
      pendingRole = null;
    }
  }
  return out;
}

function add(
  ctx: ParseContext,
  j: Joined,
  out: Located<Attendee>[],
  section: SectionKind,
  people: Person[],
): void {
  for (const p of people) {
    const role = cleanRole(p.role ?? section.role ?? null);
    const { kind, status } = classify(section, p.name, role);
    out.push({
      value: { name: p.name, status, kind, role, substituteFor: null },
      span: j.span(p.index, p.index + p.length),
    });
  }
  void ctx;
}

/** Same surname, and the same first initial when both have one. */
export function samePerson(a: string, b: string): boolean {
  const ka = personKey(a);
  const kb = personKey(b);
  return ka.surname === kb.surname && (!ka.initial || !kb.initial || ka.initial === kb.initial);
}

/** Surname and first initial, the way people are matched across lists. */
export function personKey(name: string): { surname: string; initial: string } {
  const words = stripHonorific(name.replace(/\([^)]*\)/g, " "))
    .toLowerCase()
    .replace(/[^a-z\u00C0-\u024F'’ -]+/g, " ")
    .split(/\s+/)
    .filter((w) => w && !/^(?:cllr|councillor|mr|mrs|ms|dr|obe|mbe|cbe|jp)$/.test(w));
  if (!words.length) return { surname: name.toLowerCase(), initial: "" };
  const surname = words[words.length - 1].replace(/['’]/g, "");
  return { surname, initial: words.length > 1 ? words[0][0] : "" };
}

// "Elizabeth Kenny: Here.": a member answering the roll call, in minutes written word for word
const ANSWER = /^[ \t]*([A-Z][\p{L}'’.-]+(?:[ \t]+[A-Z][\p{L}'’.-]+){1,3})[ \t]*:[ \t]*(?:[Hh]ere|HERE|[Pp]resent|PRESENT)[ \t]*[.!]?[ \t]*$/u;

/** The members who answer a roll call minuted as spoken, one answer per line of the item. */
function answeredRollCall(ctx: ParseContext, it: ItemBlock): Located<Attendee>[] {
  const out: Located<Attendee>[] = [];
  for (let i = it.start; i < it.end; i++) {
    const text = ctx.lines[i].text;
    const m = text.length <= 120 ? ANSWER.exec(text) : null;
    if (!m || !looksLikeName(m[1])) continue;
    const from = text.indexOf(m[1]);
    out.push({ value: { name: m[1], status: "present", kind: "member", role: null, substituteFor: null }, span: ctx.span(i, from, from + m[1].length) });
  }
  return out;
}

/** Start line and column where the first item's heading begins. */
function firstItemCut(ctx: ParseContext, items: ItemBlock[]): { line: number; col?: number } {
  if (!items.length) return { line: Math.min(ctx.lines.length, 80) };
  const it = items[0];
  const line = ctx.lines[it.start];
  const col = line ? it.number.span.start - line.offset : 0;
  if (line && col > 0 && col <= line.text.length && !it.number.span.implied) return { line: it.start + 1, col };
  return { line: it.start };
}

/** Everyone listed as present, in attendance, sending apologies or absent. */
export function parseAttendance(ctx: ParseContext, _frontEnd: number, items: ItemBlock[]): Located<Attendee>[] {
  const out: Located<Attendee>[] = [];
  const scanned: Section[] = [];

  const scan = (j: Joined) => {
    // names printed under side-by-side column labels are read by column first; blocks side by side
    // are then read column by column, and taken in the order they are printed
    const columns = readColumns(j.text);
    for (const e of columns.entries) add(ctx, j, out, e.section, peopleIn(e.text, e.start));
    const sections = (columnViews(columns.rest) ?? [columns.rest])
      .flatMap((text) => findSections(text).map((s) => ({ s, text })))
      .sort((a, b) => a.s.labelIndex - b.s.labelIndex);
    for (const { s, text } of sections) {
      let content = text.slice(s.start, s.end);
      // "Mr W Whyte, with Mrs J Teesdale … attended as a substitute": the substitute is read separately
      if (s.status === "apologies") content = content.replace(/[,;]?\s+with\s+(?=[A-Z])[\s\S]*$/, "");
      const people = peopleIn(content, s.start);
      add(ctx, j, out, s, people);
      scanned.push(s);
      const rest = content.replace(/\s+/g, " ").trim();
      if (!people.length && /[A-Z][a-z]+\s+[A-Z][a-z]+/.test(rest) && rest.length <= 160 && !/^(?:none|nil|no\b)/i.test(rest)) {
        ctx.warn(`Attendance list '${s.label.trim()}' read no names from: '${rest}'`, j.at(s.start).line);
      }
    }
    return sections.length;
  };

  // a roll call printed as a table is the record of who sat
  out.push(...rollTables(ctx));

  // the front matter
  const cut = firstItemCut(ctx, items);
  let front = joinLines(ctx, 0, cut.line, { endCol: cut.col });
  if (!findSections(front.text).length && items.length > 1) {
    // an early false item heading (a date line, say) must not hide the attendance
    const later = items.find((it) => it.start > cut.line + 8) ?? null;
    front = joinLines(ctx, 0, later ? later.start : Math.min(ctx.lines.length, 80));
  }
  scan(front);

  // items about apologies or attendance
  let apologies = out.some((a) => a.value.status === "apologies");
  for (const it of items) {
    if (!/\b(?:apolog|attendance|present|absent|regrets|roll\s+call|call\s+to\s+order|convene)/i.test(it.title.value)) continue;
    const j = joinLines(ctx, it.start, it.end);
    scan(j);
    if (/\broll\s+call\b/i.test(it.title.value)) out.push(...answeredRollCall(ctx, it));
  }
  apologies = out.some((a) => a.value.status === "apologies");
  const all = joinLines(ctx, 0, ctx.lines.length);
  if (!apologies) {
    // "There were apologies accepted from Cllr X" in an item the headings did not mark
    for (const s of findSections(all.text)) {
      if (s.status !== "apologies" || !/\b(?:from|by|(?:accepted|received|noted|given|been)\s+for)$/i.test(s.label.trim())) continue;
      add(ctx, all, out, s, peopleIn(all.text.slice(s.start, s.end).replace(/[,;]?\s+with\s+(?=[A-Z])[\s\S]*$/, ""), s.start));
    }
  }

  // sentences anywhere: "sent his apologies", "were in attendance", substitutes
  const sentences = findSentences(all.text, !apologies);
  for (const s of sentences.people) {
    const { kind, status } = classify(s.section, s.name, s.role);
    out.push({ value: { name: s.name, status, kind, role: s.role, substituteFor: null }, span: all.span(s.index, s.index + s.length) });
  }

  // one entry per person and status; the first listing wins, later ones fill in a missing role
  const result: Located<Attendee>[] = [];
  const group = (st: string) => (st === "in_attendance" ? "present" : st);
  // A member and an officer who share a surname ("Councillor Daly", "Mr. P. Daly") are two people.
  const kindsClash = (x: Attendee, y: Attendee) => x.kind !== y.kind && x.kind !== "other" && y.kind !== "other";
  // Entries are filed by status group and surname, so each is compared only with namesakes, not
  // with everyone listed so far (a list of thousands of names took minutes).
  const keyOf = new Map<Located<Attendee>, { surname: string; initial: string }>();
  const filed = new Map<string, Located<Attendee>[]>();
  const compatible = (x: { initial: string }, y: { initial: string }) => !x.initial || !y.initial || x.initial === y.initial;
  for (const a of out) {
    const key = personKey(a.value.name);
    const file = `${group(a.value.status)}\u0000${key.surname}`;
    const namesakes = filed.get(file) ?? [];
    const prev = namesakes.find((r) => compatible(keyOf.get(r)!, key) && !kindsClash(r.value, a.value));
    if (prev) {
      prev.value.role ??= a.value.role;
      continue;
    }
    result.push(a);
    keyOf.set(a, key);
    namesakes.push(a);
    filed.set(file, namesakes);
  }

  for (const sub of sentences.substitutes) {
    const who = result.find((a) => samePerson(a.value.name, sub.name) && a.value.status !== "apologies");
    if (who) who.value.substituteFor = sub.forName;
    else
      result.push({
        value: { name: sub.name, status: "present", kind: "member", role: null, substituteFor: sub.forName },
        span: all.span(sub.index, sub.index + sub.length),
      });
  }
  return result;
}
