// A meeting's record laid out as a minutes document in the usual council shape: a heading (council,
// committee, date, time, venue), attendance (present, apologies, substitutes, in attendance),
// numbered minutes with their text, declarations, RESOLVED text and votes. One list of paragraphs,
// written out as HTML (html.ts), as Word (docx.ts) and as the plain text a reader of either sees
// (one line a paragraph), so that the record keeps where each value lies in that text.
//
// The layout is the one the parser reads (src/parse): labels it knows ("Present:", "Apologies:",
// "Also in attendance:", "Officers in attendance:"), "N. Title" headings, "RESOLVED:" paragraphs
// and tallies in words ("5 in favour, 2 against and 1 abstention").
import { titleCase, titleLength } from "../../parse/items/titles.ts";
import type { Attendee, Declaration, ParsedMinutes, Resolution, Span } from "../../domain/minutes.ts";

export type BlockKind = "blank" | "council" | "committee" | "title" | "meta" | "attendance" | "section" | "item" | "text" | "resolved" | "votes" | "declaration" | "notice";

export interface Block {
  kind: BlockKind;
  text: string;
  /** record paths whose value lies in this paragraph, with the value's place inside `text` */
  spans?: { path: string; start: number; end: number }[];
}

/** A declaration with its place in the record's list, so that the document keeps where it lies. */
export type DocumentDeclaration = Declaration & { index?: number };

export interface DocumentItem {
  number: string;
  title: string;
  exempt: boolean;
  exemptParagraphs?: string | null;
  /** the minute's narrative, paragraphs separated by blank lines or line breaks */
  text: string;
  resolutions: Resolution[];
  declarations: DocumentDeclaration[];
  /** an exempt item shown to the public: its title and ground only */
  withheld?: boolean;
}

export interface MinutesDocument {
  authority: string | null;
  body: string | null;
  date: string | null;
  startTime: string | null;
  endTime: string | null;
  venue: string | null;
  /** the words marking the minutes a draft ("Draft minutes"), or null for the final record */
  draftMarking: string | null;
  attendance: Attendee[];
  items: DocumentItem[];
  /** declarations made under no item */
  declarations: DocumentDeclaration[];
  nextMeeting: ParsedMinutes["nextMeeting"];
}

/** A stored or recorded record as a document; `texts` are the items' narratives by position. */
export function documentFromRecord(record: ParsedMinutes, texts: (string | null | undefined)[] = []): MinutesDocument {
  const declarations: DocumentDeclaration[] = (record.declarations ?? []).map((d, index) => ({ ...d, index }));
  const numbers = new Set(record.items.map((i) => i.number));
  return {
    authority: record.authority,
    body: record.body,
    date: record.date,
    startTime: record.startTime,
    endTime: record.endTime,
    venue: record.venue,
    draftMarking: record.draftMarking ?? null,
    attendance: record.attendance,
    items: record.items.map((it, i) => ({
      number: it.number,
      title: it.title,
      exempt: it.exempt,
      exemptParagraphs: it.exemptParagraphs ?? null,
      text: texts[i] ?? "",
      resolutions: it.resolutions,
      declarations: declarations.filter((d) => d.item === it.number),
    })),
    declarations: declarations.filter((d) => !d.item || !numbers.has(d.item)),
    nextMeeting: record.nextMeeting,
  };
}

/** Of an exempt item the public sees its title and the ground for exemption only. */
export function withholdExempt(doc: MinutesDocument, sealed: (item: DocumentItem) => boolean): MinutesDocument {
  return {
    ...doc,
    items: doc.items.map((it) => (it.exempt && sealed(it) ? { ...it, text: "", resolutions: [], declarations: [], withheld: true } : it)),
    // a declaration the minutes place under no item is shown only when no exempt item is withheld
    declarations: doc.items.some((it) => it.exempt && sealed(it)) ? [] : doc.declarations,
  };
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

/** "2024-03-05" → "Tuesday 5 March 2024" */
export function longDate(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number);
  const day = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return `${DAYS[day]} ${d} ${MONTHS[m - 1]} ${y}`;
}

/** "19:00" → "7.00 pm", "10:30" → "10.30 am", "12:15" → "12.15 pm" */
export function clockTime(hhmm: string): string {
  const [h, m] = hhmm.split(":").map(Number);
  const hour = h % 12 === 0 ? 12 : h % 12;
  return `${hour}.${String(m).padStart(2, "0")} ${h < 12 ? "am" : "pm"}`;
}

/** "A", "A and B", "A, B and C" */
function listNames(names: string[]): string {
  return names.length <= 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

class Builder {
  blocks: Block[] = [];
  add(kind: BlockKind, text: string, spans?: Block["spans"]): void {
    this.blocks.push(spans?.length ? { kind, text, spans } : { kind, text });
  }
}

/** Names joined into a list with each one's place kept for provenance. */
function namedList(label: string, people: { a: Attendee; path: string }[]): { text: string; spans: NonNullable<Block["spans"]> } {
  let text = `${label}: `;
  const spans: NonNullable<Block["spans"]> = [];
  people.forEach(({ a, path }, i) => {
    if (i > 0) text += i === people.length - 1 ? " and " : ", ";
    const start = text.length;
    text += a.name;
    spans.push({ path, start, end: text.length });
    if (a.role) text += ` (${a.role})`;
  });
  return { text, spans };
}

const INTEREST_WORDS: Record<string, string> = {
  disclosable_pecuniary: "disclosable pecuniary",
  other_registrable: "other registrable",
  non_registrable: "non-registrable",
  prejudicial: "prejudicial",
  pecuniary: "pecuniary",
  non_pecuniary: "non-pecuniary",
  personal: "personal",
};

export function declarationSentence(d: Declaration): string {
  const interest = d.interest?.trim() || (d.kind ? INTEREST_WORDS[d.kind] : "");
  const article = interest && /^[aeiou]/i.test(interest) ? "an" : "a";
  const kind = interest ? `${article} ${interest} interest` : "an interest";
  const where = d.item ? ` in item ${d.item}` : "";
  const why = d.description?.trim() ? `, ${d.description.trim().replace(/[.\s]+$/, "")}` : "";
  return `${d.name} declared ${kind}${where}${why}.`;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "5 in favour, 2 against and 1 abstention" / "Carried unanimously"; recorded names as their own lines. */
export function voteLines(r: Resolution): string[] {
  const v = r.votes;
  if (!v) return [];
  const lines: string[] = [];
  const tally: string[] = [];
  if (v.for !== null) tally.push(`${v.for} in favour`);
  if (v.against !== null) tally.push(`${v.against} against`);
  if (v.abstain !== null) tally.push(plural(v.abstain, "abstention", "abstentions"));
  if (tally.length) lines.push(`Votes: ${listNames(tally)}${v.unanimous ? " (unanimous)" : ""}.`);
  else if (v.unanimous) lines.push("Carried unanimously.");
  const rec = v.recorded;
  if (rec) {
    const sides: [string, string[]][] = [
      ["For", rec.for],
      ["Against", rec.against],
      ["Abstained", rec.abstain],
      ["Absent", rec.absent],
      ["Recused", rec.recused],
    ];
    for (const [label, names] of sides) if (names?.length) lines.push(`${label}: ${listNames(names)}.`);
  }
  return lines;
}

// a declaration without a place in the text is sealed whenever the minutes hold exempt business
function declaration(b: Builder, d: DocumentDeclaration): void {
  const text = declarationSentence(d);
  b.add("declaration", text, d.index === undefined ? undefined : [{ path: `declarations/${d.index}`, start: 0, end: text.length }]);
}

/** The paragraphs of the minutes, in order. */
export function minutesBlocks(doc: MinutesDocument): Block[] {
  const b = new Builder();
  if (doc.authority) b.add("council", doc.authority, [{ path: "authority", start: 0, end: doc.authority.length }]);
  if (doc.draftMarking) b.add("title", doc.draftMarking, [{ path: "draftMarking", start: 0, end: doc.draftMarking.length }]);
  if (doc.body) {
    const lead = "Minutes of the meeting of the ";
    b.add("committee", `${lead}${doc.body}`, [{ path: "body", start: lead.length, end: lead.length + doc.body.length }]);
  }
  if (doc.date) {
    const text = `Date: ${longDate(doc.date)}`;
    b.add("meta", text, [{ path: "date", start: 6, end: text.length }]);
  }
  if (doc.startTime) {
    const start = clockTime(doc.startTime);
    const text = `Time: ${start}${doc.endTime ? ` to ${clockTime(doc.endTime)}` : ""}`;
    const spans = [{ path: "startTime", start: 6, end: 6 + start.length }];
    if (doc.endTime) spans.push({ path: "endTime", start: text.length - clockTime(doc.endTime).length, end: text.length });
    b.add("meta", text, spans);
  }
  if (doc.venue) b.add("meta", `Venue: ${doc.venue}`, [{ path: "venue", start: 7, end: 7 + doc.venue.length }]);

  const groups: [string, (a: Attendee) => boolean][] = [
    ["Present", (a) => a.status === "present" && a.kind === "member"],
    ["Apologies", (a) => a.status === "apologies"],
    ["Absent", (a) => a.status === "absent"],
    ["Also in attendance", (a) => a.status === "in_attendance" && a.kind === "member"],
    ["Officers in attendance", (a) => a.kind === "officer" && (a.status === "present" || a.status === "in_attendance")],
    ["Guests", (a) => a.kind === "other" && (a.status === "present" || a.status === "in_attendance")],
  ];
  const indexed = doc.attendance.map((a, i) => ({ a, path: `attendance/${i}` }));
  for (const [label, test] of groups) {
    const people = indexed.filter((p) => test(p.a));
    if (!people.length) continue;
    const { text, spans } = namedList(label, people);
    b.add("attendance", text, spans);
    // substitutes named again on their own line, after the members present
    const subs = label === "Present" ? people.filter((p) => p.a.substituteFor) : [];
    if (subs.length) b.add("attendance", `Substitutes: ${listNames(subs.map((p) => `${p.a.name} (substitute for ${p.a.substituteFor})`))}`);
  }
  for (const d of doc.declarations) declaration(b, d);

  doc.items.forEach((it, i) => {
    // "7. Title", but "04.19.01 Title": a number with its own stops takes no more
    const head = /^\d+$/.test(it.number) ? `${it.number}. ` : `${it.number} `;
    const heading = `${head}${printedTitle(it.title)}`;
    b.add("item", heading, [
      { path: `items/${i}/number`, start: 0, end: it.number.length },
      { path: `items/${i}/title`, start: head.length, end: heading.length },
    ]);
    if (it.exempt) {
      // marks this item alone: naming Schedule 12A would read as excluding the public from here on
      const ground = it.exemptParagraphs ? `Exempt information under paragraph ${it.exemptParagraphs}.` : "Exempt item: considered in private.";
      b.add("notice", ground, [{ path: `items/${i}/exempt`, start: 0, end: ground.length }]);
    }
    if (it.withheld) return;
    for (const d of it.declarations) declaration(b, d);
    for (const para of paragraphs(it.text)) b.add("text", para);
    it.resolutions.forEach((r, j) => {
      const text = `RESOLVED: ${r.text}`;
      b.add("resolved", text, [{ path: `items/${i}/resolutions/${j}`, start: 10, end: text.length }]);
      // a decision with no closing stop would run on into the next line: an empty paragraph ends it
      if (!/[.!?:;]["”’)\]]*$/.test(r.text.trim())) b.add("blank", "");
      for (const line of voteLines(r)) b.add("votes", line);
    });
  });
  const next = doc.nextMeeting;
  if (next?.date) {
    const text = `The next meeting will be held on ${longDate(next.date)}${next.time ? ` at ${clockTime(next.time)}` : ""}${next.venue ? ` at ${next.venue}` : ""}.`;
    b.add("text", text, [{ path: "nextMeeting", start: 0, end: text.length }]);
  }
  if (doc.endTime) {
    const end = clockTime(doc.endTime);
    const text = `The meeting closed at ${end}.`;
    b.add("text", text, [{ path: "endTime", start: text.length - 1 - end.length, end: text.length - 1 }]);
  }
  return b.blocks;
}

/**
 * A heading as printed: as written when a reader takes the whole line for the title; in capitals
 * when a word in it would otherwise read as the start of the minute ("Cabinet Member Decisions":
 * "Member" opens sentences) and capitals read back to the same words.
 */
export function printedTitle(title: string): string {
  if (titleLength(title) === title.length) return title;
  const upper = title.toUpperCase();
  return titleLength(upper) === upper.length && titleCase(upper) === title ? upper : title;
}

/** A narrative's paragraphs: one a line, blank lines dropped. */
export function paragraphs(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.replace(/\s+/g, " ").trim())
    .filter(Boolean);
}

/** The text a reader of the document sees, one line a paragraph, and where each value lies in it. */
export function minutesText(blocks: Block[]): { text: string; provenance: Record<string, Span> } {
  const provenance: Record<string, Span> = {};
  let offset = 0;
  const lines: string[] = [];
  blocks.forEach((block, i) => {
    for (const s of block.spans ?? []) provenance[s.path] = { line: i + 1, start: offset + s.start, end: offset + s.end };
    lines.push(block.text);
    offset += block.text.length + 1;
  });
  return { text: lines.join("\n"), provenance };
}
