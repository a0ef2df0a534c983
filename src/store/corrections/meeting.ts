// A stored meeting as the correction forms see it: its record as parsed (completed with what the
// store infers) and as corrected, its version, and what is needed to store it again.
import type { Transaction } from "kysely";
import { applyCorrections, type CorrectionConflict } from "../../domain/corrections.ts";
import { QuorumError } from "../../domain/errors.ts";
import type { ParsedMinutes } from "../../domain/minutes.ts";
import { splitLines, type SourceFormat, type SourceText } from "../../domain/source.ts";
import type { Db } from "../db.ts";
import type { Database } from "../schema.ts";
import { completeRecord, liveCorrections } from "./overlay.ts";
import { correctionsDb } from "./schema.ts";
import { unpack, unpackRecord } from "../packed.ts";

/** Parses a stored document's text again, for documents stored before their record was kept. */
export type Reparse = (source: SourceText) => ParsedMinutes;

export interface MeetingToCorrect {
  id: number;
  slug: string;
  version: number;
  minutesStatus: string;
  bodyName: string;
  authorityId: number;
  authorityName: string;
  date: string;
  /** as parsed, with inferred outcomes, votes and status written in */
  parsed: ParsedMinutes;
  /** as parsed, with the live corrections laid over it */
  corrected: ParsedMinutes;
  conflicts: CorrectionConflict[];
  /** what storeRecord needs to store the meeting again */
  source: SourceText;
  parserVersion: string;
}

type Reader = Db | Transaction<Database>;

export async function meetingToCorrect(db: Reader, slug: string, reparse?: Reparse): Promise<MeetingToCorrect | null> {
  const m = await db
    .selectFrom("meetings")
    .innerJoin("bodies", "bodies.id", "meetings.body_id")
    .innerJoin("authorities", "authorities.id", "bodies.authority_id")
    .leftJoin("source_documents as d", "d.id", "meetings.source_document_id")
    .where("meetings.slug", "=", slug)
    .select([
      "meetings.id",
      "meetings.slug",
      "meetings.version",
      "meetings.minutes_status",
      "meetings.date",
      "bodies.name as body_name",
      "authorities.id as authority_id",
      "authorities.name as authority_name",
      "d.file_name",
      "d.format",
      "d.packed_text",
      "d.content_hash",
      "d.byte_length",
      "d.parser_version",
      "d.packed_record",
    ])
    .executeTakeFirst();
  if (!m) return null;
  if (m.packed_text === null || m.content_hash === null) throw new QuorumError("invalid", `meeting ${slug} has no stored source document, so it cannot be corrected`);
  const text = unpack(m.packed_text);
  const source: SourceText = { file: m.file_name ?? "minutes", format: (m.format ?? "txt") as SourceFormat, text, lines: splitLines(text), contentHash: m.content_hash, byteLength: m.byte_length ?? text.length };
  let raw: ParsedMinutes;
  const stored = unpackRecord<ParsedMinutes>(m.packed_record, text);
  if (stored) raw = stored;
  else if (reparse) raw = reparse(source);
  else throw new QuorumError("invalid", `meeting ${slug} was stored before parsed records were kept; import its document again to correct it`);
  const parsed = completeRecord(raw);
  const { record: corrected, conflicts } = applyCorrections(parsed, await liveCorrections(db as Transaction<Database>, slug));
  return {
    id: m.id,
    slug: m.slug,
    version: m.version,
    minutesStatus: m.minutes_status,
    bodyName: m.body_name,
    authorityId: m.authority_id,
    authorityName: m.authority_name,
    date: m.date,
    parsed,
    corrected,
    conflicts,
    source,
    parserVersion: m.parser_version ?? "unknown",
  };
}

/** The people of a council, for choosing which person an attendee is. */
export async function peopleOf(db: Db, authorityId: number): Promise<{ slug: string; name: string }[]> {
  const rows = await db.selectFrom("people").where("authority_id", "=", authorityId).select(["slug", "display_name"]).orderBy("surname_key").orderBy("display_name").execute();
  return rows.map((r) => ({ slug: r.slug, name: r.display_name }));
}

export interface MeetingToList {
  slug: string;
  date: string;
  bodyName: string;
  minutesStatus: string;
  version: number;
  /** corrections a re-import left in conflict, waiting for a person */
  conflicts: number;
}

/** Every stored meeting, draft or published, newest first, with its waiting conflicts. */
export async function meetingsToCorrect(db: Db, limit: number, offset: number): Promise<{ meetings: MeetingToList[]; total: number }> {
  const total = Number((await db.selectFrom("meetings").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n);
  const rows = await correctionsDb(db)
    .selectFrom("meetings")
    .innerJoin("bodies", "bodies.id", "meetings.body_id")
    .select((eb) => [
      "meetings.slug",
      "meetings.date",
      "meetings.minutes_status",
      "meetings.version",
      "bodies.name as body_name",
      eb.selectFrom("corrections").whereRef("corrections.meeting_slug", "=", "meetings.slug").where("corrections.state", "=", "conflict").select((e) => e.fn.countAll<number>().as("n")).as("conflicts"),
    ])
    .orderBy("meetings.date", "desc")
    .orderBy("bodies.name")
    .limit(limit)
    .offset(offset)
    .execute();
  return { total, meetings: rows.map((r) => ({ slug: r.slug, date: r.date, bodyName: r.body_name, minutesStatus: r.minutes_status, version: r.version, conflicts: Number(r.conflicts ?? 0) })) };
}
