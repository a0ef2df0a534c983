// Reading agendas: the clerk's whole agenda (published or not), and the public's, through the one
// visibility rule (agendaAccess): only what has been published; of exempt business only the title
// and the ground; files only where the rule allows them; and nothing of a meeting that is not listed
// (isMeetingListed: known only from draft minutes).
import { planOnce } from "../pg-statements.ts";
import type { Db } from "../db.ts";
import type { DocumentStore } from "../documents/store.ts";
import { agendaAccess, isAgendaContentShown, listedMeetingsOnly, PUBLIC_VIEWER, type Viewer } from "../visibility.ts";
import { agendaMeetingQuery, agendaVersionQuery, toAgendaMeeting, type AgendaMeeting } from "./items.ts";
import { agendaDb } from "./schema.ts";
import { changesByItem, itemChangesQuery, type ItemChange } from "./edit.ts";
import { preparedRead } from "../prepared.ts";

export interface PaperView {
  id: number;
  title: string;
  format: "pdf" | "docx";
  fileName: string;
  byteLength: number;
  pageCount: number | null;
  /** exempt on its own or through its item */
  exempt: boolean;
  exemptParagraph: string | null;
  /** null while unpublished */
  publicationSequence: number | null;
  /** whether this viewer may fetch the file */
  downloadable: boolean;
  /** exempt, shown to an entitled viewer */
  notForPublication: boolean;
}

export interface AgendaItemView {
  id: number;
  number: string;
  title: string;
  /** null when withheld (exempt, for a viewer not entitled) */
  reportAuthor: string | null;
  wards: string | null;
  decisionMaker: string | null;
  exempt: boolean;
  exemptParagraph: string | null;
  withheld: boolean;
  notForPublication: boolean;
  publicationSequence: number | null;
  /** changes made after publication, each with its reason (public, as a late agenda's reason is) */
  changes: ItemChange[];
  papers: PaperView[];
}

export interface PublicationView {
  id: number;
  sequence: number;
  publishedAt: string;
  publishedOn: string;
  clearDays: number;
  requiredDays: number;
  late: boolean;
  lateReason: string | null;
  packBytes: number;
  packPages: number;
}

export interface AgendaView {
  meeting: AgendaMeeting;
  version: number;
  items: AgendaItemView[];
  publications: PublicationView[];
}

const flag = (v: number | boolean) => v === true || v === 1;

// The public agenda's reads, kept as SQL once per database (prepared.ts): one meeting's rows by its slug or id.
const meetingOf = preparedRead((db: Db, p: { meetingSlug: string }) => agendaMeetingQuery(db, p.meetingSlug));
const listedOf = preparedRead((db: Db, p: { meetingSlug: string }) => db.selectFrom("meetings").where("meetings.slug", "=", p.meetingSlug).where(listedMeetingsOnly).select("meetings.id"));
const itemsOf = preparedRead((db: Db, p: { meetingId: number }) => agendaDb(db).selectFrom("agenda_items").where("meeting_id", "=", p.meetingId).selectAll().orderBy("position"));
const papersOf = preparedRead((db: Db, p: { meetingId: number }) => agendaDb(db).selectFrom("agenda_papers").where("meeting_id", "=", p.meetingId).selectAll().orderBy("item_id").orderBy("position"));
const publicationsOf = preparedRead((db: Db, p: { meetingId: number }) => agendaDb(db).selectFrom("agenda_publications").where("meeting_id", "=", p.meetingId).selectAll().orderBy("sequence"));
const versionOf = preparedRead((db: Db, p: { meetingId: number }) => agendaVersionQuery(db, p.meetingId));
const changesOf = preparedRead((db: Db, p: { meetingId: number }) => itemChangesQuery(db, p.meetingId));

/**
 * The agenda as `viewer` may see it. `all`: the clerk's view, unpublished business included (only
 * for the workspace, which checks the clerk's rights first).
 */
export async function readAgenda(store: Db, meetingSlug: string, viewer: Viewer = PUBLIC_VIEWER, options: { all?: boolean } = {}): Promise<AgendaView | null> {
  // one meeting's rows by its slug: one plan serves every meeting (pg-statements.ts)
  const db = planOnce(store);
  // the meeting and whether the public may see it are read together
  const [meetingRows, listed] = await Promise.all([meetingOf(db, { meetingSlug }, null), options.all ? true : listedOf(db, { meetingSlug }, null).then((rows) => rows.length > 0)]);
  const meeting = toAgendaMeeting(meetingRows[0]);
  if (!meeting || !listed) return null;
  const at = { meetingId: meeting.id };
  const [items, papers, publications, version, changes] = await Promise.all([
    itemsOf(db, at, null),
    papersOf(db, at, null),
    publicationsOf(db, at, null),
    versionOf(db, at, null).then((rows) => rows[0]?.version ?? 1),
    changesOf(db, at, null).then(changesByItem),
  ]);
  const sequenceOf = new Map(publications.map((p) => [p.id, p.sequence]));
  const seq = (id: number | null) => (id === null ? null : (sequenceOf.get(id) ?? null));
  const views: AgendaItemView[] = [];
  for (const item of items) {
    const itemExempt = flag(item.exempt);
    const published = item.publication_id !== null;
    if (!published && !options.all) continue;
    const access = options.all ? (itemExempt ? "entitled" : "public") : agendaAccess({ published, exempt: itemExempt, bodyId: meeting.bodyId }, viewer);
    const withheld = access === "withheld";
    const itemPapers: PaperView[] = [];
    for (const p of papers) {
      if (p.item_id !== item.id) continue;
      const paperPublished = p.publication_id !== null;
      if (!paperPublished && !options.all) continue;
      const exempt = itemExempt || flag(p.exempt);
      const subject = { published: paperPublished, exempt, bodyId: meeting.bodyId };
      const shown = isAgendaContentShown(subject, viewer);
      itemPapers.push({
        id: p.id,
        title: p.title,
        format: p.format,
        fileName: p.file_name,
        byteLength: p.byte_length,
        pageCount: p.page_count,
        exempt,
        exemptParagraph: exempt ? (p.exempt_paragraph ?? item.exempt_paragraph) : null,
        publicationSequence: seq(p.publication_id),
        downloadable: options.all || shown,
        notForPublication: exempt && (options.all || shown),
      });
    }
    views.push({
      id: item.id,
      number: item.number,
      title: item.title,
      reportAuthor: withheld ? null : item.report_author,
      wards: withheld ? null : item.wards,
      decisionMaker: withheld ? null : item.decision_maker,
      exempt: itemExempt,
      exemptParagraph: itemExempt ? item.exempt_paragraph : null,
      withheld,
      notForPublication: itemExempt && !withheld,
      publicationSequence: seq(item.publication_id),
      changes: changes.get(item.id) ?? [],
      papers: itemPapers,
    });
  }
  return {
    meeting,
    version,
    items: views,
    publications: publications.map((p) => ({
      id: p.id,
      sequence: p.sequence,
      publishedAt: p.published_at,
      publishedOn: p.published_on,
      clearDays: p.clear_days,
      requiredDays: p.required_days,
      late: p.clear_days < p.required_days,
      lateReason: p.late_reason,
      packBytes: p.pack_bytes,
      packPages: p.pack_pages,
    })),
  };
}

export interface Download {
  bytes: Uint8Array;
  fileName: string;
  contentType: string;
}

const TYPES = { pdf: "application/pdf", docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" } as const;

/** A paper's file, when this viewer may have it (published, and public or entitled); else null. */
export async function paperDownload(db: Db, documents: DocumentStore, meetingSlug: string, paperId: number, viewer: Viewer = PUBLIC_VIEWER): Promise<Download | null> {
  const row = await agendaDb(db)
    .selectFrom("agenda_papers")
    .innerJoin("agenda_items", "agenda_items.id", "agenda_papers.item_id")
    .innerJoin("meetings", "meetings.id", "agenda_papers.meeting_id")
    .where("meetings.slug", "=", meetingSlug)
    .where(listedMeetingsOnly)
    .where("agenda_papers.id", "=", paperId)
    .select(["agenda_papers.document_key", "agenda_papers.file_name", "agenda_papers.format", "agenda_papers.exempt", "agenda_papers.publication_id", "agenda_items.exempt as item_exempt", "meetings.body_id"])
    .executeTakeFirst();
  if (!row) return null;
  const subject = { published: row.publication_id !== null, exempt: flag(row.exempt) || flag(row.item_exempt), bodyId: row.body_id };
  if (!isAgendaContentShown(subject, viewer)) return null;
  const bytes = await documents.get(row.document_key);
  return bytes ? { bytes, fileName: row.file_name, contentType: TYPES[row.format] } : null;
}

/** A published reports pack (sequence 0: the agenda's; 1, 2, …: supplements'). Packs hold public business only. */
export async function packDownload(db: Db, documents: DocumentStore, meetingSlug: string, sequence: number): Promise<Download | null> {
  const row = await agendaDb(db)
    .selectFrom("agenda_publications")
    .innerJoin("meetings", "meetings.id", "agenda_publications.meeting_id")
    .where("meetings.slug", "=", meetingSlug)
    .where(listedMeetingsOnly)
    .where("agenda_publications.sequence", "=", sequence)
    .select(["agenda_publications.pack_key"])
    .executeTakeFirst();
  if (!row) return null;
  const bytes = await documents.get(row.pack_key);
  const name = sequence === 0 ? `${meetingSlug}-agenda-reports-pack.pdf` : `${meetingSlug}-supplementary-pack-${sequence}.pdf`;
  return bytes ? { bytes, fileName: name, contentType: "application/pdf" } : null;
}
