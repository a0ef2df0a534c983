// The record of a meeting as it stood when approved: what the minutes said (header, attendance,
// items with their text and decisions), kept whole, exempt items included, so that officers can
// read it and the public read of it can go through the same visibility rule as the live record.
import type { Transaction } from "kysely";
import type { Database } from "../schema.ts";
import { bool } from "../read/util.ts";
import { ITEM_TEXT_COLUMNS, itemTexts } from "../item-body.ts";

export interface ApprovedSnapshot {
  date: string;
  startTime: string | null;
  endTime: string | null;
  venue: string | null;
  attendance: { name: string; status: string; role: string | null; substituteFor: string | null }[];
  items: {
    number: string;
    title: string;
    exempt: boolean;
    exemptParagraphs: string | null;
    text: string | null;
    resolutions: { text: string; outcome: string | null }[];
  }[];
  source: { fileName: string; contentHash: string } | null;
}

export async function takeSnapshot(trx: Transaction<Database>, meetingId: number): Promise<ApprovedSnapshot> {
  const m = await trx.selectFrom("meetings").where("id", "=", meetingId).select(["date", "start_time", "end_time", "venue", "source_document_id"]).executeTakeFirstOrThrow();
  const attendance = await trx.selectFrom("attendance").where("meeting_id", "=", meetingId).select(["raw_name", "status", "role", "substitute_for"]).orderBy("position").execute();
  const items = await itemTexts(trx, meetingId, await trx.selectFrom("items").where("meeting_id", "=", meetingId).select(["id", "number", "title", "exempt", "exempt_paragraphs", ...ITEM_TEXT_COLUMNS]).orderBy("position").execute());
  const resolutions = await trx.selectFrom("resolutions").where("meeting_id", "=", meetingId).select(["item_id", "text", "outcome"]).orderBy("item_id").orderBy("position").execute();
  const source = m.source_document_id
    ? await trx.selectFrom("source_documents").where("id", "=", m.source_document_id).select(["file_name", "content_hash"]).executeTakeFirst()
    : undefined;
  return {
    date: m.date,
    startTime: m.start_time,
    endTime: m.end_time,
    venue: m.venue,
    attendance: attendance.map((a) => ({ name: a.raw_name, status: a.status, role: a.role, substituteFor: a.substitute_for })),
    items: items.map((i) => ({
      number: i.number,
      title: i.title,
      exempt: bool(i.exempt),
      exemptParagraphs: i.exempt_paragraphs,
      text: i.text,
      resolutions: resolutions.filter((r) => r.item_id === i.id).map((r) => ({ text: r.text, outcome: r.outcome })),
    })),
    source: source ? { fileName: source.file_name, contentHash: source.content_hash } : null,
  };
}
