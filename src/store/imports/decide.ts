// Deciding a queued import: publishing makes a draft meeting public (or stores the held record over
// the public meeting it replaces); rejecting removes the draft meeting and its document (or discards
// the held record). One transaction each, with its audit entry.
import type { Transaction } from "kysely";
import { QuorumError } from "../../domain/errors.ts";
import type { ParsedMinutes } from "../../domain/minutes.ts";
import { splitLines, type SourceFormat } from "../../domain/source.ts";
import type { Db } from "../db.ts";
import type { Database } from "../schema.ts";
import { appendAudit } from "../audit.ts";
import { clearMeeting, storeMinutes, type ImportInput } from "../import.ts";
import { deriveMemberships } from "../import-derived.ts";
import { reindexMeeting, reindexPeople } from "../search.ts";
import { trackerDb } from "../scrutiny/schema.ts";
import { forgetWorkProgrammeChanges } from "../scrutiny/work-programme.ts";
import { writeTransaction } from "../write.ts";
import { documentSummary, recordCounts } from "./queue.ts";
import { reviewsDb, type ReviewState } from "./schema.ts";
import { keepingSummaries } from "../summaries/bodies.ts";
import { unpack } from "../packed.ts";
import { alertMinutesPublished } from "../mail/alerts.ts";

type Tx = Transaction<Database>;

export interface Decider {
  userId: number;
  label: string;
}

export interface Decision {
  meetingSlug: string;
  state: ReviewState;
}

async function pendingRow(trx: Tx, id: number) {
  const row = await reviewsDb(trx).selectFrom("import_reviews").where("id", "=", id).selectAll().executeTakeFirst();
  if (!row) throw new QuorumError("not_found", `there is no import ${id} in the review queue`);
  if (row.state !== "pending") throw new QuorumError("conflict", `this import was already ${row.state}${row.decided_by_label ? ` by ${row.decided_by_label}` : ""}`);
  return row;
}

async function decided(trx: Tx, id: number, state: ReviewState, by: Decider, at: Date, ids: { meeting_id?: number | null; source_document_id?: number | null } = {}) {
  await reviewsDb(trx)
    .updateTable("import_reviews")
    .set({ state, decided_by: by.userId, decided_by_label: by.label, decided_at: at.toISOString(), ...ids })
    .where("id", "=", id)
    .execute();
}

export async function publishImport(db: Db, id: number, by: Decider, at: Date = new Date()): Promise<Decision> {
  return writeTransaction(db, async (trx) => {
    const row = await pendingRow(trx, id);
    const record = JSON.parse(row.record_json) as ParsedMinutes;
    let before: unknown;
    let after: unknown;
    if (row.replaces === true || row.replaces === 1) {
      const doc = row.source_document_id === null ? undefined : await trx.selectFrom("source_documents").where("id", "=", row.source_document_id).selectAll().executeTakeFirst();
      if (!doc) throw new QuorumError("conflict", "the document of this import is no longer stored; import it again");
      const current = await trx.selectFrom("meetings").where("slug", "=", row.meeting_slug).select("source_document_id").executeTakeFirst();
      const options = JSON.parse(row.options_json) as Pick<ImportInput, "authority" | "authorityOverride" | "timeZone" | "timeZoneOverride" | "parserVersion">;
      const source = { file: doc.file_name, format: doc.format as SourceFormat, text: unpack(doc.packed_text), lines: splitLines(unpack(doc.packed_text)), contentHash: doc.content_hash, byteLength: doc.byte_length };
      const result = await storeMinutes(trx, { ...options, source, record });
      await decided(trx, id, "published", by, at, { meeting_id: result.meetingId });
      await alertMinutesPublished(trx, result.meetingId, at);
      before = { review: id, state: "pending", replacesPublished: true, published: await documentSummary(trx, current?.source_document_id) };
      after = { review: id, state: "published", document: doc.content_hash, file: doc.file_name, ...recordCounts(record) };
    } else {
      const meeting = row.meeting_id === null ? undefined : await trx.selectFrom("meetings").where("id", "=", row.meeting_id).select(["id", "minutes_status", "body_id"]).executeTakeFirst();
      if (!meeting) throw new QuorumError("conflict", "the meeting of this import is no longer stored; import it again");
      if (meeting.minutes_status === "draft") {
        await keepingSummaries(trx, [meeting.id], () => trx.updateTable("meetings").set({ minutes_status: "published", updated_at: at.toISOString() }).where("id", "=", meeting.id).execute());
      }
      await deriveMemberships(trx, meeting.body_id);
      await reindexMeeting(trx, meeting.id);
      const people = await trx.selectFrom("attendance").where("meeting_id", "=", meeting.id).where("person_id", "is not", null).select("person_id").execute();
      await reindexPeople(trx, people.map((p) => p.person_id!));
      await decided(trx, id, "published", by, at);
      if (meeting.minutes_status === "draft") await alertMinutesPublished(trx, meeting.id, at);
      before = { review: id, state: "pending", minutesStatus: meeting.minutes_status };
      after = { review: id, state: "published", minutesStatus: meeting.minutes_status === "draft" ? "published" : meeting.minutes_status, document: row.content_hash, ...recordCounts(record) };
    }
    await appendAudit(trx, { actorUserId: by.userId, actorLabel: by.label, action: "import.publish", recordKind: "meeting", recordId: row.meeting_slug, before, after }, at);
    return { meetingSlug: row.meeting_slug, state: "published" as const };
  });
}

export async function rejectImport(db: Db, id: number, by: Decider, at: Date = new Date()): Promise<Decision> {
  return writeTransaction(db, async (trx) => {
    const row = await pendingRow(trx, id);
    const held = row.replaces === true || row.replaces === 1;
    let removed: "held record" | "draft meeting" | "nothing" = "nothing";
    if (held) {
      // the held document belongs to no meeting; it was kept only for this review
      if (row.source_document_id !== null) {
        await reviewsDb(trx).updateTable("import_reviews").set({ source_document_id: null }).where("id", "=", id).execute();
        await trx.deleteFrom("source_documents").where("id", "=", row.source_document_id).where("meeting_id", "is", null).execute();
      }
      removed = "held record";
    } else if (row.meeting_id !== null) {
      const meeting = await trx.selectFrom("meetings").where("id", "=", row.meeting_id).select(["id", "minutes_status", "announced_at"]).executeTakeFirst();
      if (meeting && meeting.minutes_status !== "draft") throw new QuorumError("conflict", "this meeting is already public; correct it instead of rejecting the import");
      // rejecting removes a meeting known only from the import; an announced one is public whatever its minutes
      if (meeting && meeting.announced_at !== null) throw new QuorumError("conflict", "this meeting was announced, so rejecting the import would remove a public meeting; take its minutes again, or publish the import and correct it");
      if (meeting) {
        await removeDraftMeeting(trx, meeting.id);
        removed = "draft meeting";
      }
    }
    await decided(trx, id, "rejected", by, at, { meeting_id: held ? row.meeting_id : null, source_document_id: null });
    await appendAudit(
      trx,
      {
        actorUserId: by.userId,
        actorLabel: by.label,
        action: "import.reject",
        recordKind: "meeting",
        recordId: row.meeting_slug,
        before: { review: id, state: "pending", document: row.content_hash, ...(held ? { replacesPublished: true } : { minutesStatus: "draft" }) },
        after: { review: id, state: "rejected", removed },
      },
      at,
    );
    return { meetingSlug: row.meeting_slug, state: "rejected" as const };
  });
}

/**
 * Removes a meeting that was never public, with everything read from it: its contents, search
 * entries, documents, what the tracker took from it, and people only it named.
 */
async function removeDraftMeeting(trx: Tx, meetingId: number): Promise<void> {
  const meeting = await trx.selectFrom("meetings").where("id", "=", meetingId).select(["id", "body_id"]).executeTakeFirstOrThrow();
  const named = new Set<number>();
  for (const a of await trx.selectFrom("attendance").where("meeting_id", "=", meetingId).select(["person_id", "substitute_for_person_id"]).execute()) {
    if (a.person_id) named.add(a.person_id);
    if (a.substitute_for_person_id) named.add(a.substitute_for_person_id);
  }
  for (const d of await trx.selectFrom("declarations").where("meeting_id", "=", meetingId).where("person_id", "is not", null).select("person_id").execute()) named.add(d.person_id!);

  const t = trackerDb(trx);
  await forgetWorkProgrammeChanges(trx, meeting.body_id, meetingId, []);
  await t.deleteFrom("tracked_recommendations").where("response_meeting_id", "=", meetingId).execute();
  const inquiries = await t.selectFrom("inquiries").where("response_meeting_id", "=", meetingId).select("id").execute();
  for (const q of inquiries) {
    const left = await t.selectFrom("tracked_recommendations").where("inquiry_id", "=", q.id).select("id").executeTakeFirst();
    if (!left) await t.deleteFrom("inquiries").where("id", "=", q.id).execute();
  }
  await t.deleteFrom("actions").where("meeting_id", "=", meetingId).execute();

  await clearMeeting(trx, meetingId);
  await trx.deleteFrom("search_entries").where("meeting_id", "=", meetingId).execute();
  await trx.updateTable("meetings").set({ source_document_id: null }).where("id", "=", meetingId).execute();
  const docs = trx.selectFrom("source_documents").where("meeting_id", "=", meetingId).select("id");
  await reviewsDb(trx).updateTable("import_reviews").set({ source_document_id: null }).where("source_document_id", "in", docs).execute();
  await trx.deleteFrom("source_documents").where("meeting_id", "=", meetingId).execute();
  await reviewsDb(trx).updateTable("import_reviews").set({ meeting_id: null }).where("meeting_id", "=", meetingId).execute();
  await keepingSummaries(trx, [meetingId], () => trx.deleteFrom("meetings").where("id", "=", meetingId).execute());
  await deriveMemberships(trx, meeting.body_id);

  // people the draft named and nothing else does
  const ids = [...named];
  const gone: number[] = [];
  for (const id of ids) {
    const used = await trx
      .selectFrom("people")
      .where("people.id", "=", id)
      .where((eb) =>
        eb.or([
          eb.exists(eb.selectFrom("attendance").where((w) => w.or([w("attendance.person_id", "=", id), w("attendance.substitute_for_person_id", "=", id)])).select("attendance.id")),
          eb.exists(eb.selectFrom("declarations").where("declarations.person_id", "=", id).select("declarations.id")),
          eb.exists(eb.selectFrom("memberships").where("memberships.person_id", "=", id).select("memberships.id")),
        ]),
      )
      .select("people.id")
      .executeTakeFirst();
    if (!used) gone.push(id);
  }
  if (gone.length) {
    await trx.deleteFrom("search_entries").where("kind", "=", "person").where("entity_id", "in", gone).execute();
    await trx.deleteFrom("people").where("id", "in", gone).execute();
  }
  await reindexPeople(trx, ids.filter((id) => !gone.includes(id)));
}
