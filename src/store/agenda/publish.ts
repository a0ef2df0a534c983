// Publishing an agenda, and later its supplements: everything not yet published goes out together,
// with the moment recorded, the clear working days it leaves before the meeting, and its reports
// pack built and kept. Fewer than five clear working days (s.100B) is allowed only with a reason,
// which is recorded and shown with the agenda.
import { isoDateInZone } from "../../domain/zone-format.ts";
import { QuorumError } from "../../domain/errors.ts";
import { agendaNotice, type NoticeCheck } from "../../domain/working-days.ts";
import { appendAudit, type AuditActor } from "../audit.ts";
import type { Db } from "../db.ts";
import { writeTransaction } from "../write.ts";
import type { DocumentStore } from "../documents/store.ts";
import { agendaMeeting, bumpAgenda, agendaVersion } from "./items.ts";
import { buildPack, type PackItem } from "./pack.ts";
import { agendaDb, type AgendaTables } from "./schema.ts";
import { readPaperTexts, writeAgendaEntries, type PaperTextReader } from "./search.ts";
import { alertAgendaPublished } from "../mail/alerts.ts";

export interface PublishInput {
  /** the agenda's version the clerk saw */
  version: number;
  lateReason: string | null;
  /** the public address of a paper, listed in the pack for papers it does not include */
  paperUrl: (paperId: number) => string;
  /** reads a public paper's text for search; without it, papers are found by their titles only */
  readText?: PaperTextReader;
}

export interface Published {
  id: number;
  sequence: number;
  notice: NoticeCheck;
  pages: number;
}

export function dateIn(now: Date, timeZone: string): string {
  try {
    return isoDateInZone(now, timeZone);
  } catch {
    return now.toISOString().slice(0, 10);
  }
}

/** The notice publishing now would give: what the publish form shows before the clerk confirms. */
export async function noticeIfPublished(db: Db, meetingSlug: string, now: Date): Promise<NoticeCheck | null> {
  const meeting = await agendaMeeting(db, meetingSlug);
  return meeting ? agendaNotice(dateIn(now, meeting.timeZone), meeting.date) : null;
}

export async function publishAgenda(db: Db, documents: DocumentStore, meetingSlug: string, input: PublishInput, actor: AuditActor, now: Date): Promise<Published> {
  const adb = agendaDb(db);
  const meeting = await agendaMeeting(db, meetingSlug);
  if (!meeting) throw new QuorumError("not_found", "Meeting not found");
  if (meeting.status === "cancelled") throw new QuorumError("conflict", "The meeting is cancelled: its agenda cannot be published");
  if ((await agendaVersion(db, meeting.id)) !== input.version) throw new QuorumError("conflict", "The agenda has changed since this page was opened. Check it and publish again.");
  const notice = agendaNotice(dateIn(now, meeting.timeZone), meeting.date);
  const reason = input.lateReason?.trim() || null;
  if (notice.late && !reason) throw new QuorumError("invalid", `Publishing now gives ${notice.clearDays} clear working ${notice.clearDays === 1 ? "day" : "days"} before the meeting, fewer than ${notice.required}: give the reason it is late`);

  const [items, papers, last] = await Promise.all([
    adb.selectFrom("agenda_items").where("meeting_id", "=", meeting.id).selectAll().orderBy("position").execute(),
    adb.selectFrom("agenda_papers").where("meeting_id", "=", meeting.id).selectAll().orderBy("position").execute(),
    adb.selectFrom("agenda_publications").where("meeting_id", "=", meeting.id).select((eb) => eb.fn.max("sequence").as("s")).executeTakeFirst(),
  ]);
  const sequence = last?.s === null || last?.s === undefined ? 0 : Number(last.s) + 1;
  // what goes out: new items with all their papers, and new papers of items already published
  const packItems: PackItem[] = [];
  const itemIds: number[] = [];
  const paperIds: number[] = [];
  for (const item of items) {
    const isNew = item.publication_id === null;
    const newPapers = papers.filter((p) => p.item_id === item.id && p.publication_id === null);
    if (!isNew && !newPapers.length) continue;
    if (isNew) itemIds.push(item.id);
    paperIds.push(...newPapers.map((p) => p.id));
    const itemExempt = Number(item.exempt) === 1;
    packItems.push({
      number: item.number,
      title: item.title,
      reportAuthor: item.report_author,
      wards: item.wards,
      decisionMaker: item.decision_maker,
      exempt: itemExempt,
      exemptParagraph: item.exempt_paragraph,
      papers: newPapers.map((p) => ({
        title: p.title,
        format: p.format,
        exempt: itemExempt || Number(p.exempt) === 1,
        exemptParagraph: p.exempt_paragraph ?? item.exempt_paragraph,
        url: input.paperUrl(p.id),
        bytes: async () => {
          const bytes = await documents.get(p.document_key);
          if (!bytes) throw new QuorumError("internal", `The file of "${p.title}" is missing from the document store`);
          return bytes;
        },
      })),
    });
  }
  if (!packItems.length) throw new QuorumError("conflict", sequence === 0 ? "The agenda has no items to publish" : "Nothing has been added since the agenda was last published");

  const pack = await buildPack({ meeting: { councilName: meeting.councilName, bodyName: meeting.bodyName, date: meeting.date, startTime: meeting.startTime, venue: meeting.venue }, sequence, publishedAt: now.toISOString(), timeZone: meeting.timeZone, lateReason: notice.late ? reason : null, items: packItems });
  const packKey = await documents.put(pack.bytes);
  try {
    const texts = await readPaperTexts(db, documents, meeting.id, input.readText, { publishing: new Set(paperIds), only: { paperIds: new Set(paperIds) } });
    return await record(db, meeting.id, meeting.slug, meeting.timeZone, { input, notice, reason, sequence, itemIds, paperIds, packKey, pack, texts }, actor, now);
  } catch (err) {
    // a pack no publication holds is forgotten (identical bytes held by another stay)
    const held = await adb.selectFrom("agenda_publications").where("pack_key", "=", packKey).select("id").executeTakeFirst();
    if (!held) await documents.remove(packKey);
    throw err;
  }
}

interface Publication {
  input: PublishInput;
  notice: NoticeCheck;
  reason: string | null;
  sequence: number;
  itemIds: number[];
  paperIds: number[];
  packKey: string;
  pack: { bytes: Uint8Array; pages: number };
  /** public papers' text for search, read beforehand */
  texts: ReadonlyMap<number, string>;
}

async function record(db: Db, meetingId: number, meetingSlug: string, timeZone: string, p: Publication, actor: AuditActor, now: Date): Promise<Published> {
  const { input, notice, reason, sequence, itemIds, paperIds, packKey, pack, texts } = p;
  const meeting = { id: meetingId, slug: meetingSlug, timeZone };
  return writeTransaction(db, async (t) => {
    const trx = t.withTables<AgendaTables>();
    // the version check again, inside the transaction: another clerk may have changed it meanwhile
    const version = (await trx.selectFrom("agendas").where("meeting_id", "=", meeting.id).select("version").executeTakeFirst())?.version ?? 1;
    if (version !== input.version) throw new QuorumError("conflict", "The agenda has changed since this page was opened. Check it and publish again.");
    const row = await trx
      .insertInto("agenda_publications")
      .values({
        meeting_id: meeting.id,
        sequence,
        published_at: now.toISOString(),
        published_on: dateIn(now, meeting.timeZone),
        clear_days: notice.clearDays,
        required_days: notice.required,
        late_reason: notice.late ? reason : null,
        pack_key: packKey,
        pack_bytes: pack.bytes.byteLength,
        pack_pages: pack.pages,
        published_by: actor.userId,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    if (itemIds.length) await trx.updateTable("agenda_items").set({ publication_id: row.id }).where("id", "in", itemIds).execute();
    if (paperIds.length) await trx.updateTable("agenda_papers").set({ publication_id: row.id }).where("id", "in", paperIds).execute();
    // public search holds what is now published, in the same transaction
    await writeAgendaEntries(trx, meeting.id, texts, { itemIds, paperIds });
    await bumpAgenda(trx, meeting.id);
    // email alerts for the committee's followers, read as the public sees the agenda now
    await alertAgendaPublished(t, meeting.id, sequence, now);
    await appendAudit(
      t,
      {
        actorUserId: actor.userId,
        actorLabel: actor.label,
        action: sequence === 0 ? "agenda.publish" : "agenda.supplement.publish",
        recordKind: "agenda_publication",
        recordId: String(row.id),
        after: { meeting: meeting.slug, sequence, clearDays: notice.clearDays, late: notice.late, lateReason: notice.late ? reason : null, items: itemIds.length, papers: paperIds.length, packPages: pack.pages },
      },
      now,
    );
    return { id: row.id, sequence, notice, pages: pack.pages };
  });
}
