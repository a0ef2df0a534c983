// A published agenda in public search: each item is an entry of kind 'agenda' (number and title;
// report author, wards and decision maker), each paper one of kind 'paper' (its title under its
// item's, and the text read from its file). What goes in is decided by the visibility rule
// (publicAgendaSearchContent): nothing unpublished, and of exempt business the title and ground
// only; an exempt paper's file is never even read. The entries carry the meeting's committee,
// council and year for the search filters, but no meeting_id: they belong to the agenda, so the
// writes that re-index or seal a meeting's minutes leave them be (migration 026_agenda2_agenda_search).
import type { Db } from "../db.ts";
import type { DocumentStore } from "../documents/store.ts";
import { isAgendaContentShown, PUBLIC_VIEWER, publicAgendaSearchContent } from "../visibility.ts";
import { exemptGround } from "./pack.ts";
import { agendaDb, type AnyDb } from "./schema.ts";

/** Reads a paper's text from its file (src/ingest/paper-text.ts, given by the caller: the store does not read documents). */
export type PaperTextReader = (format: "pdf" | "docx", bytes: Uint8Array) => Promise<string>;

/**
 * The characters of a paper's text that are indexed: enough for any report's body, and within
 * what a PostgreSQL tsvector can hold (1 MB) however the words fall.
 */
export const PAPER_TEXT_CHARS = 100_000;

const flag = (v: number | boolean) => v === true || v === 1;

/**
 * The text of each paper of a meeting that the public may read once it is published (or is about
 * to be: `publishing`), read before the transaction that indexes it, since reading a PDF takes time.
 * A file that cannot be read leaves its paper found by its title only.
 */
export async function readPaperTexts(
  db: Db,
  documents: DocumentStore,
  meetingId: number,
  readText: PaperTextReader | undefined,
  opts: {
    /** papers about to be published with these; only these are read when `only` is not given */
    publishing?: ReadonlySet<number>;
    /** read only these papers, or only this item's */
    only?: { paperIds?: ReadonlySet<number>; itemId?: number };
    /** an item about to be made public or exempt: its papers are read as it will be */
    itemExempt?: { id: number; exempt: boolean };
  } = {},
): Promise<Map<number, string>> {
  const { publishing = new Set(), only, itemExempt } = opts;
  const texts = new Map<number, string>();
  if (!readText) return texts;
  const papers = await agendaDb(db)
    .selectFrom("agenda_papers")
    .innerJoin("agenda_items", "agenda_items.id", "agenda_papers.item_id")
    .innerJoin("meetings", "meetings.id", "agenda_papers.meeting_id")
    .where("agenda_papers.meeting_id", "=", meetingId)
    .select(["agenda_papers.id", "agenda_papers.item_id", "agenda_papers.format", "agenda_papers.document_key", "agenda_papers.exempt", "agenda_papers.publication_id", "agenda_items.exempt as item_exempt", "meetings.body_id"])
    .execute();
  for (const p of papers) {
    if (only?.paperIds && !only.paperIds.has(p.id)) continue;
    if (only?.itemId !== undefined && p.item_id !== only.itemId) continue;
    const viaItem = itemExempt?.id === p.item_id ? itemExempt.exempt : flag(p.item_exempt);
    const subject = { published: p.publication_id !== null || publishing.has(p.id), exempt: flag(p.exempt) || viaItem, bodyId: p.body_id };
    if (!isAgendaContentShown(subject, PUBLIC_VIEWER)) continue;
    const bytes = await documents.get(p.document_key);
    if (!bytes) continue;
    try {
      texts.set(p.id, (await readText(p.format, bytes)).replace(/\s+/g, " ").trim().slice(0, PAPER_TEXT_CHARS));
    } catch {
      // a damaged or unreadable file: its title is still indexed
    }
  }
  return texts;
}

/**
 * Rewrites the search entries of a meeting's agenda from what is stored now, inside the caller's
 * transaction (publishing, or a change to a published item). `texts`: from readPaperTexts.
 * `scope`: only these items' entries, and these papers' (all of those items' papers when not
 * given): a supplement, or a change to one item, leaves the other entries, and their papers'
 * text, as they are.
 */
export async function writeAgendaEntries(trx: AnyDb, meetingId: number, texts: ReadonlyMap<number, string>, scope?: { itemIds: number[]; paperIds?: number[] }): Promise<void> {
  const adb = agendaDb(trx);
  const meeting = await adb
    .selectFrom("meetings")
    .innerJoin("bodies", "bodies.id", "meetings.body_id")
    .where("meetings.id", "=", meetingId)
    .select(["meetings.date", "meetings.body_id", "bodies.authority_id"])
    .executeTakeFirst();
  if (!meeting) return;
  const [items, papers] = await Promise.all([
    adb.selectFrom("agenda_items").where("meeting_id", "=", meetingId).selectAll().orderBy("position").execute(),
    adb.selectFrom("agenda_papers").where("meeting_id", "=", meetingId).selectAll().orderBy("item_id").orderBy("position").execute(),
  ]);
  const itemOf = new Map(items.map((i) => [i.id, i]));
  const itemsIn = scope ? items.filter((i) => scope.itemIds.includes(i.id)) : items;
  const papersIn = scope ? papers.filter((p) => (scope.paperIds ? scope.paperIds.includes(p.id) : scope.itemIds.includes(p.item_id))) : papers;
  if (itemsIn.length) await adb.deleteFrom("search_entries").where("kind", "=", "agenda").where("entity_id", "in", itemsIn.map((i) => i.id)).execute();
  if (papersIn.length) await adb.deleteFrom("search_entries").where("kind", "=", "paper").where("entity_id", "in", papersIn.map((p) => p.id)).execute();

  const common = { meeting_id: null, body_id: meeting.body_id, authority_id: meeting.authority_id, year: Number(meeting.date.slice(0, 4)) };
  const rows: { kind: string; entity_id: number; meeting_id: null; body_id: number; authority_id: number; year: number; title: string; text: string }[] = [];
  for (const item of itemsIn) {
    const content = publicAgendaSearchContent(
      { published: item.publication_id !== null, exempt: item.exempt, bodyId: meeting.body_id },
      { title: `${item.number}. ${item.title}`, details: [item.report_author, item.wards, item.decision_maker], ground: exemptGround(item.exempt_paragraph) },
    );
    if (content) rows.push({ ...common, kind: "agenda", entity_id: item.id, title: content.title, text: content.text });
  }
  for (const paper of papersIn) {
    const item = itemOf.get(paper.item_id)!;
    const exempt = flag(item.exempt) || flag(paper.exempt);
    const content = publicAgendaSearchContent(
      { published: paper.publication_id !== null, exempt, bodyId: meeting.body_id },
      { title: `${item.number}. ${item.title}: ${paper.title}`, details: [], ground: exemptGround(paper.exempt_paragraph ?? item.exempt_paragraph) },
    );
    if (content) rows.push({ ...common, kind: "paper", entity_id: paper.id, title: content.title, text: content.whole ? (texts.get(paper.id) ?? "") : content.text });
  }
  for (let i = 0; i < rows.length; i += 200) await adb.insertInto("search_entries").values(rows.slice(i, i + 200)).execute();
}
