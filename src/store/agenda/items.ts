// Building an agenda: items and the papers uploaded for them. Each write is one transaction with
// its audit entry, and raises the agenda's version so a publish from an out-of-date page is refused.
// Once published, an item or paper stays: later business goes out as a supplement.
import type { Transaction } from "kysely";
import { QuorumError } from "../../domain/errors.ts";
import { appendAudit, type AuditActor } from "../audit.ts";
import type { Db } from "../db.ts";
import type { Database } from "../schema.ts";
import { writeTransaction } from "../write.ts";
import { documentKey, type DocumentStore } from "../documents/store.ts";
import { sniffFormat } from "../documents/sniff.ts";
import { agendaDb, type AgendaTables, type AnyDb } from "./schema.ts";
import { PDFDocument } from "pdf-lib";

/** The largest paper accepted: reports with appendices run to a few megabytes. */
export const MAX_PAPER_BYTES = 20 * 1024 * 1024;

export interface AgendaMeeting {
  id: number;
  slug: string;
  date: string;
  startTime: string | null;
  venue: string | null;
  status: string;
  bodyId: number;
  bodyName: string;
  bodySlug: string;
  councilName: string | null;
  councilSlug: string;
  timeZone: string;
}

export function agendaMeetingQuery(db: AnyDb, slug: string) {
  return agendaDb(db)
    .selectFrom("meetings")
    .innerJoin("bodies", "bodies.id", "meetings.body_id")
    .innerJoin("authorities", "authorities.id", "bodies.authority_id")
    .where("meetings.slug", "=", slug)
    .select(["meetings.id", "meetings.slug", "meetings.date", "meetings.start_time", "meetings.venue", "meetings.status", "bodies.id as body_id", "bodies.name as body_name", "bodies.slug as body_slug", "authorities.name as council", "authorities.slug as council_slug", "authorities.time_zone"]);
}

export function toAgendaMeeting(m: Awaited<ReturnType<ReturnType<typeof agendaMeetingQuery>["executeTakeFirst"]>>): AgendaMeeting | null {
  if (!m) return null;
  return { id: m.id, slug: m.slug, date: m.date, startTime: m.start_time, venue: m.venue, status: m.status, bodyId: m.body_id, bodyName: m.body_name, bodySlug: m.body_slug, councilName: m.council, councilSlug: m.council_slug, timeZone: m.time_zone };
}

export async function agendaMeeting(db: AnyDb, slug: string): Promise<AgendaMeeting | null> {
  return toAgendaMeeting(await agendaMeetingQuery(db, slug).executeTakeFirst());
}

async function meetingOrFail(trx: AnyDb, slug: string): Promise<AgendaMeeting> {
  const m = await agendaMeeting(trx, slug);
  if (!m) throw new QuorumError("not_found", "Meeting not found");
  return m;
}

/** Raises the agenda's version (creating its row on the first write); returns the new version. */
export async function bumpAgenda(trx: Transaction<Database & AgendaTables>, meetingId: number): Promise<number> {
  const row = await trx.selectFrom("agendas").where("meeting_id", "=", meetingId).select("version").executeTakeFirst();
  if (!row) {
    await trx.insertInto("agendas").values({ meeting_id: meetingId, version: 2 }).execute();
    return 2;
  }
  await trx.updateTable("agendas").set({ version: row.version + 1 }).where("meeting_id", "=", meetingId).execute();
  return row.version + 1;
}

export function agendaVersionQuery(db: AnyDb, meetingId: number) {
  return agendaDb(db).selectFrom("agendas").where("meeting_id", "=", meetingId).select("version");
}

export async function agendaVersion(db: AnyDb, meetingId: number): Promise<number> {
  const row = await agendaVersionQuery(db, meetingId).executeTakeFirst();
  return row?.version ?? 1;
}

export interface AgendaItemInput {
  number: string;
  title: string;
  reportAuthor: string | null;
  wards: string | null;
  decisionMaker: string | null;
  exempt: boolean;
  exemptParagraph: string | null;
}

export async function addAgendaItem(db: Db, meetingSlug: string, input: AgendaItemInput, actor: AuditActor, now: Date): Promise<{ id: number }> {
  if (input.exempt && !input.exemptParagraph) throw new QuorumError("invalid", "Give the paragraph of Schedule 12A that makes the item exempt");
  return writeTransaction(db, async (t) => {
    const trx = t.withTables<AgendaTables>();
    const meeting = await meetingOrFail(trx, meetingSlug);
    const taken = await trx.selectFrom("agenda_items").where("meeting_id", "=", meeting.id).where("number", "=", input.number).select("id").executeTakeFirst();
    if (taken) throw new QuorumError("conflict", `The agenda already has an item ${input.number}`);
    const last = await trx.selectFrom("agenda_items").where("meeting_id", "=", meeting.id).select((eb) => eb.fn.max("position").as("p")).executeTakeFirst();
    const row = await trx
      .insertInto("agenda_items")
      .values({
        meeting_id: meeting.id,
        position: Number(last?.p ?? 0) + 1,
        number: input.number,
        title: input.title,
        report_author: input.reportAuthor,
        wards: input.wards,
        decision_maker: input.decisionMaker,
        exempt: input.exempt ? 1 : 0,
        exempt_paragraph: input.exempt ? input.exemptParagraph : null,
        created_at: now.toISOString(),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await bumpAgenda(trx, meeting.id);
    await appendAudit(t, { actorUserId: actor.userId, actorLabel: actor.label, action: "agenda.item.add", recordKind: "agenda_item", recordId: String(row.id), after: { meeting: meeting.slug, ...input } }, now);
    return { id: row.id };
  });
}

export async function removeAgendaItem(db: Db, documents: DocumentStore, meetingSlug: string, itemId: number, actor: AuditActor, now: Date): Promise<void> {
  const keys = await writeTransaction(db, async (t) => {
    const trx = t.withTables<AgendaTables>();
    const meeting = await meetingOrFail(trx, meetingSlug);
    const item = await trx.selectFrom("agenda_items").where("id", "=", itemId).where("meeting_id", "=", meeting.id).selectAll().executeTakeFirst();
    if (!item) throw new QuorumError("not_found", "Agenda item not found");
    if (item.publication_id !== null) throw new QuorumError("conflict", `Item ${item.number} has been published and stays on the agenda`);
    const papers = await trx.selectFrom("agenda_papers").where("item_id", "=", item.id).select(["id", "document_key"]).execute();
    await trx.deleteFrom("agenda_papers").where("item_id", "=", item.id).execute();
    await trx.deleteFrom("agenda_items").where("id", "=", item.id).execute();
    await bumpAgenda(trx, meeting.id);
    await appendAudit(t, { actorUserId: actor.userId, actorLabel: actor.label, action: "agenda.item.remove", recordKind: "agenda_item", recordId: String(item.id), before: { meeting: meeting.slug, number: item.number, title: item.title, papers: papers.length } }, now);
    return papers.map((p) => p.document_key);
  });
  await forgetUnused(db, documents, keys);
}

export interface PaperInput {
  itemId: number;
  title: string;
  /** the name the file was uploaded with: shown and offered on download, never used as a path */
  fileName: string;
  bytes: Uint8Array;
  exempt: boolean;
  exemptParagraph: string | null;
}

/** Checks an upload by its content; answers its format and, for a PDF, its page count. */
export async function checkPaper(bytes: Uint8Array): Promise<{ format: "pdf" | "docx"; pages: number | null }> {
  if (bytes.byteLength === 0) throw new QuorumError("invalid", "The selected file is empty");
  if (bytes.byteLength > MAX_PAPER_BYTES) throw new QuorumError("invalid", `The selected file must be smaller than ${MAX_PAPER_BYTES / 1024 / 1024} MB`);
  const format = sniffFormat(bytes);
  if (!format) throw new QuorumError("invalid", "The selected file must be a PDF or a Word document (DOCX)");
  if (format === "docx") return { format, pages: null };
  try {
    // the pack copies a paper's pages, so a PDF that cannot be opened (or is encrypted) is refused now
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    return { format, pages: doc.getPageCount() };
  } catch {
    throw new QuorumError("invalid", "The selected PDF could not be opened: it may be damaged or password-protected");
  }
}

/** A file name fit to show and to offer on download: its last part, plain characters only. */
export function cleanFileName(name: string, format: "pdf" | "docx"): string {
  const base = name.replace(/^.*[\\/]/, "").replace(/\.[^.]*$/, "").replace(/[^A-Za-z0-9._ -]+/g, "-").replace(/\s+/g, " ").trim().slice(0, 100);
  return `${base || "paper"}.${format}`;
}

export async function addPaper(db: Db, documents: DocumentStore, meetingSlug: string, input: PaperInput, actor: AuditActor, now: Date): Promise<{ id: number }> {
  if (input.exempt && !input.exemptParagraph) throw new QuorumError("invalid", "Give the paragraph of Schedule 12A that makes the paper exempt");
  const { format, pages } = await checkPaper(input.bytes);
  const key = await documents.put(input.bytes);
  try {
    return await writeTransaction(db, async (t) => {
      const trx = t.withTables<AgendaTables>();
      const meeting = await meetingOrFail(trx, meetingSlug);
      const item = await trx.selectFrom("agenda_items").where("id", "=", input.itemId).where("meeting_id", "=", meeting.id).select(["id", "number"]).executeTakeFirst();
      if (!item) throw new QuorumError("invalid", "Choose the agenda item the paper is for");
      const last = await trx.selectFrom("agenda_papers").where("item_id", "=", item.id).select((eb) => eb.fn.max("position").as("p")).executeTakeFirst();
      const row = await trx
        .insertInto("agenda_papers")
        .values({
          item_id: item.id,
          meeting_id: meeting.id,
          position: Number(last?.p ?? 0) + 1,
          title: input.title,
          format,
          file_name: cleanFileName(input.fileName, format),
          byte_length: input.bytes.byteLength,
          content_hash: documentKey(input.bytes),
          document_key: key,
          page_count: pages,
          exempt: input.exempt ? 1 : 0,
          exempt_paragraph: input.exempt ? input.exemptParagraph : null,
          uploaded_at: now.toISOString(),
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await bumpAgenda(trx, meeting.id);
      await appendAudit(
        t,
        { actorUserId: actor.userId, actorLabel: actor.label, action: "agenda.paper.add", recordKind: "agenda_paper", recordId: String(row.id), after: { meeting: meeting.slug, item: item.number, title: input.title, format, bytes: input.bytes.byteLength, exempt: input.exempt, exemptParagraph: input.exemptParagraph, sha256: key } },
        now,
      );
      return { id: row.id };
    });
  } catch (err) {
    await forgetUnused(db, documents, [key]);
    throw err;
  }
}

export async function removePaper(db: Db, documents: DocumentStore, meetingSlug: string, paperId: number, actor: AuditActor, now: Date): Promise<void> {
  const key = await writeTransaction(db, async (t) => {
    const trx = t.withTables<AgendaTables>();
    const meeting = await meetingOrFail(trx, meetingSlug);
    const paper = await trx.selectFrom("agenda_papers").where("id", "=", paperId).where("meeting_id", "=", meeting.id).selectAll().executeTakeFirst();
    if (!paper) throw new QuorumError("not_found", "Paper not found");
    if (paper.publication_id !== null) throw new QuorumError("conflict", `"${paper.title}" has been published and stays with the agenda`);
    await trx.deleteFrom("agenda_papers").where("id", "=", paper.id).execute();
    await bumpAgenda(trx, meeting.id);
    await appendAudit(t, { actorUserId: actor.userId, actorLabel: actor.label, action: "agenda.paper.remove", recordKind: "agenda_paper", recordId: String(paper.id), before: { meeting: meeting.slug, title: paper.title, sha256: paper.document_key } }, now);
    return paper.document_key;
  });
  await forgetUnused(db, documents, [key]);
}

/** Removes stored bytes nothing refers to any more (the same file may be uploaded twice, or imported as minutes). */
async function forgetUnused(db: Db, documents: DocumentStore, keys: string[]): Promise<void> {
  for (const key of keys) {
    const used =
      (await agendaDb(db).selectFrom("agenda_papers").where("document_key", "=", key).select("id").executeTakeFirst()) ??
      // the same bytes may be an imported minutes document's original
      (await db.selectFrom("source_documents").where("document_key", "=", key).select("id").executeTakeFirst());
    if (!used) await documents.remove(key);
  }
}
