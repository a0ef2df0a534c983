// importMinutes: one parsed document → authority, body, meeting, attendance, items, decisions,
// recommendations, provenance and search entries, in ONE transaction. Idempotent: the source's
// content hash makes a re-import "unchanged"; the meeting's natural key (body + date + start time)
// makes a corrected document update the meeting in place, keeping the old source document.
import { sql, type Transaction } from "kysely";
import { QuorumError } from "../domain/errors.ts";
import type { ParsedMinutes } from "../domain/minutes.ts";
import type { SourceText } from "../domain/source.ts";
import { dialectOf, type Db } from "./db.ts";
import type { Database } from "./schema.ts";
import { itemRegions, itemText } from "./item-text.ts";
import { itemTextColumns } from "./item-body.ts";
import { inferOutcome, parseVotes } from "./rules/outcomes.ts";
import { authoritySlug, itemSlugs, meetingSlug } from "./rules/slugs.ts";
import { meetingSlugFor } from "./schedule/attach.ts";
import { meetingEntries } from "./search.ts";
import { alertTracker } from "./mail/tracker.ts";
import { trackMeeting, type TrackResult } from "./scrutiny/track-meeting.ts";
import { applyTally, meetingTally } from "./summaries/bodies.ts";
import { areMinutesPublic } from "./visibility.ts";
import { recordImport } from "./imports/queue.ts";
import { writeTransaction } from "./write.ts";
import { recordDeletedMeetings } from "./opendata/deleted.ts";
import { overlayCorrections } from "./corrections/overlay.ts";
import type { KeptOriginal } from "./documents/originals.ts";
import { DerivedWork, deriveTouched } from "./import-derived.ts";
import { authorityFor, bodyFor, storeSourceDocument } from "./import-places.ts";
import { peopleResolver, voterNames } from "./import-people.ts";
import { chunks, clean, storeDeclarations, storeProvenance, storeQuestions, storeRecommendations, storeVotes, validTime, type MeetingRows, type ProvenanceRow } from "./import-rows.ts";

export type ImportStatus = "created" | "updated" | "unchanged";

export interface ImportInput {
  source: SourceText;
  record: ParsedMinutes;
  /** authority to use when the record names none (before falling back to the body's name) */
  authority?: string;
  /** the council these minutes belong to whatever the document says (a folder's quorum.json) */
  authorityOverride?: string;
  /** IANA time zone for an authority this import creates (default Europe/London); existing authorities keep theirs */
  timeZone?: string;
  /** the council's time zone whatever is stored (a folder's quorum.json) */
  timeZoneOverride?: string;
  parserVersion?: string;
  /**
   * Queue for review instead of publishing (`quorum import --review`): a new meeting is stored as a
   * draft, and a record that would replace a public meeting is held in the queue (imports/queue.ts).
   */
  review?: boolean;
  /** who imported it, for the audit log (default "import") */
  actor?: string;
  /**
   * The original file, already in the document store (written before the transaction, so a row
   * never points to bytes that are not there); absent: what is recorded stays as it was.
   */
  original?: KeptOriginal;
}

export interface ImportResult {
  status: ImportStatus;
  meetingSlug: string;
  meetingId: number;
  sourceDocumentId: number;
  /** what the tracker recorded from this meeting (recommendations, actions, work programme); absent when unchanged */
  tracked?: TrackResult;
  /** the file name of another document this one replaced as the meeting's source (a second version of the minutes) */
  replaced?: string;
  /** the document the meeting was stored from before this import, when it existed */
  previousSourceDocumentId?: number | null;
  /** queued for review rather than published: the queue row, and whether it holds a replacement */
  queued?: { reviewId: number; replaces: boolean };
}

type Tx = Transaction<Database>;

/** The reason a record cannot be stored as a meeting, or null when it can. */
export function unstorableReason(record: ParsedMinutes): string | null {
  if (!record.date || !/^\d{4}-\d{2}-\d{2}$/.test(record.date)) return "no meeting date found in the document, so it cannot be stored as a meeting";
  if (!record.body || !record.body.trim()) return "no committee or council name found in the document, so it cannot be stored as a meeting";
  return null;
}

/** What a folder's quorum.json says about the council; part of what makes a re-import "unchanged". */
export type FolderOverrides = Pick<ImportInput, "authorityOverride" | "timeZoneOverride">;

/**
 * Whether this exact content was already imported by this parser version under the same folder
 * settings (cheap check before parsing): a quorum.json added or edited since must still apply.
 */
export async function isUnchanged(db: Db, contentHash: string, parserVersion: string, overrides: FolderOverrides = {}): Promise<boolean> {
  const doc = await db.selectFrom("source_documents").where("content_hash", "=", contentHash).select(["parser_version", "meeting_id"]).executeTakeFirst();
  return !!doc && doc.parser_version === parserVersion && doc.meeting_id !== null && (await overridesHold(db, doc.meeting_id, overrides));
}

async function overridesHold(db: Db | Tx, meetingId: number, { authorityOverride, timeZoneOverride }: FolderOverrides): Promise<boolean> {
  if (!authorityOverride?.trim() && !timeZoneOverride) return true;
  const council = await db
    .selectFrom("meetings")
    .innerJoin("bodies", "bodies.id", "meetings.body_id")
    .innerJoin("authorities", "authorities.id", "bodies.authority_id")
    .where("meetings.id", "=", meetingId)
    .select(["authorities.slug", "authorities.time_zone"])
    .executeTakeFirst();
  if (!council) return false;
  if (authorityOverride?.trim() && council.slug !== authoritySlug(clean(authorityOverride))) return false;
  return !timeZoneOverride || council.time_zone === timeZoneOverride;
}

export async function importMinutes(db: Db, input: ImportInput): Promise<ImportResult> {
  checkImportInput(input);
  const unchanged = await unchangedImport(db, input);
  if (unchanged) return unchanged;
  return writeTransaction(db, (trx) => importInTransaction(trx, input));
}

/** Refuses, before any transaction, an input that cannot be stored. */
export function checkImportInput(input: ImportInput): void {
  for (const tz of [input.timeZone, input.timeZoneOverride]) if (tz && !isTimeZone(tz)) throw new QuorumError("invalid", `unknown time zone "${tz}" (expected an IANA name such as Europe/London)`);
  const reason = unstorableReason(input.record);
  if (reason) throw new QuorumError("invalid", `${input.source.file}: ${reason}`);
}

/** The result of an import of these very bytes already stored, found without taking the write lock; null otherwise. */
export function unchangedImport(db: Db, input: ImportInput): Promise<ImportResult | null> {
  return unchangedResult(db, input, input.parserVersion ?? "unknown");
}

/** One document's import inside the caller's transaction (importMinutes, or one document of a batch). */
export async function importInTransaction(trx: Tx, input: ImportInput, derived?: DerivedWork): Promise<ImportResult> {
  const result = await storeRecord(trx, input, input.parserVersion ?? "unknown", false, derived);
  // the audit entry (and a review import's queue row) commit or roll back with the import itself
  return result.status === "unchanged" ? result : recordImport(trx, input, result);
}

/** Stores a record in the caller's transaction, as published minutes (publishing a held record). */
export async function storeMinutes(trx: Tx, input: ImportInput): Promise<ImportResult> {
  return storeRecord(trx, { ...input, review: false }, input.parserVersion ?? "unknown");
}

async function unchangedResult(db: Db | Tx, input: ImportInput, parserVersion: string): Promise<ImportResult | null> {
  const existing = await db
    .selectFrom("source_documents")
    .leftJoin("meetings", "meetings.id", "source_documents.meeting_id")
    .where("source_documents.content_hash", "=", input.source.contentHash)
    .select(["source_documents.id", "source_documents.parser_version", "source_documents.meeting_id", "meetings.slug"])
    .executeTakeFirst();
  if (existing && existing.parser_version === parserVersion && existing.meeting_id !== null && existing.slug && (await overridesHold(db, existing.meeting_id, input))) {
    return { status: "unchanged", meetingSlug: existing.slug, meetingId: existing.meeting_id, sourceDocumentId: existing.id };
  }
  return null;
}

// Namespace of the PostgreSQL advisory locks taken by imports (the second key is the authority's).
export const IMPORT_LOCK = 0x51_52_4d;

/**
 * Stores one document's record as its meeting: the one path every store of a meeting takes (an
 * import, publishing a reviewed record, storing a meeting again after a correction), so the
 * meeting's corrections are always laid over what was parsed. `again` stores it even when these
 * very bytes were stored before by this parser version.
 */
export async function storeRecord(trx: Tx, input: ImportInput, parserVersion: string, again = false, deferred?: DerivedWork): Promise<ImportResult & { held?: boolean }> {
  const { source } = input;
  const parsed = input.record;
  const postgres = dialectOf(trx) === "postgres";
  const flag = postgres ? (v: boolean) => v : (v: boolean) => (v ? 1 : 0);
  const bodyName = clean(parsed.body!);
  const authorityName = clean(input.authorityOverride?.trim() || parsed.authority?.trim() || input.authority?.trim() || bodyName);
  const now = new Date().toISOString();
  const aSlug = authoritySlug(authorityName);

  // One writer per authority at a time: matching names to people reads the authority's people and
  // then adds to them, which two concurrent documents would otherwise both do from the same view
  // (two rows for one person). On SQLite, BEGIN IMMEDIATE already makes every writer wait its turn.
  if (postgres) await sql`SELECT pg_advisory_xact_lock(${IMPORT_LOCK}, hashtext(${aSlug}))`.execute(trx);
  // Another process may have stored these very bytes while this one waited.
  const unchanged = again ? null : await unchangedResult(trx, input, parserVersion);
  if (unchanged) return unchanged;

  // Authority and body by natural key; a row another writer has just added is taken, not duplicated.
  const authority = await authorityFor(trx, aSlug, authorityName, input.timeZone, input.timeZoneOverride);
  const body = await bodyFor(trx, authority, bodyName);
  const { docId, prior } = await storeSourceDocument(trx, input, parserVersion, now);

  // The meeting by natural key (as parsed, so that a corrected date or time keeps it); a corrected
  // document replaces its content and keeps its id and slug. What people corrected is laid over
  // what was parsed.
  const slug = await meetingSlugFor(trx, body.id, meetingSlug(body.slug, parsed.date!, validTime(parsed.startTime)), parsed.date!, validTime(parsed.startTime));
  const record = await overlayCorrections(trx, slug, parsed);
  const date = /^\d{4}-\d{2}-\d{2}$/.test(record.date ?? "") ? record.date! : parsed.date!;
  const startTime = validTime(record.startTime);
  const meetingValues = {
    body_id: body.id,
    date,
    start_time: startTime,
    end_time: validTime(record.endTime),
    venue: record.venue ? clean(record.venue) : null,
    status: record.status ?? "held",
    stated_minutes_status: record.minutesStatus === "draft" || record.minutesStatus === "approved" ? record.minutesStatus : null,
    stated_minutes_text: record.minutesStatus ? (record.minutesStatusText ?? null) : null,
    next_meeting_date: record.nextMeeting?.date ?? null,
    next_meeting_time: validTime(record.nextMeeting?.time ?? null),
    next_meeting_venue: record.nextMeeting?.venue ?? null,
    source_document_id: docId,
    updated_at: now,
  };
  // Minutes headed "Draft minutes" (or "unconfirmed", "subject to approval") are published as a
  // draft awaiting approval; minutes with no such marking are the council's final published record.
  const minutesDraft = record.draftMarking || record.minutesStatus === "draft" ? 1 : 0;
  const found = await trx
    .selectFrom("meetings")
    .leftJoin("source_documents as d", "d.id", "meetings.source_document_id")
    .where("meetings.slug", "=", slug)
    .select(["meetings.id", "meetings.minutes_status", "meetings.announced_at", "meetings.source_document_id", "meetings.version", "d.file_name"])
    .executeTakeFirst();
  // A review import never touches a public meeting: its record is held in the queue until published.
  if (input.review && found && areMinutesPublic({ minutesStatus: found.minutes_status })) {
    return { status: "updated", held: true, meetingSlug: slug, meetingId: found.id, sourceDocumentId: docId, previousSourceDocumentId: found.source_document_id };
  }
  // derived at the end of this document, or, in a batch, once at the end of the batch
  const derived = new DerivedWork();
  const touchedPeople = derived.people;
  let meetingId: number;
  const releaseDates = new Map<string, string>();
  // the committees' summaries lose what the meetings rewritten here held, and gain what they hold after
  const before = found ? await meetingTally(trx, found.id) : null;
  if (found) {
    meetingId = found.id;
    for (const a of await trx.selectFrom("attendance").where("meeting_id", "=", meetingId).select("person_id").execute()) if (a.person_id) touchedPeople.add(a.person_id);
    // a release date a clerk set stays with the item (by its slug) while it is still exempt
    for (const r of await trx.selectFrom("items").where("meeting_id", "=", meetingId).where("exempt_release_on", "is not", null).select(["slug", "exempt_release_on"]).execute()) releaseDates.set(r.slug, r.exempt_release_on!);
    await clearMeeting(trx, meetingId);
    // Until they are approved, published minutes are a draft exactly when their current document says so.
    const draft = found.minutes_status === "published" ? { minutes_draft: minutesDraft } : {};
    await trx.updateTable("meetings").set({ ...meetingValues, ...draft, version: found.version + 1 }).where("id", "=", meetingId).execute();
  } else {
    meetingId = (await trx.insertInto("meetings").values({ ...meetingValues, slug, minutes_status: input.review ? "draft" : "published", minutes_draft: minutesDraft }).returning("id").executeTakeFirstOrThrow()).id;
  }
  // The same content read differently before (a new parser version) may have made another meeting.
  if (prior?.meeting_id && prior.meeting_id !== meetingId) {
    const old = await trx.selectFrom("meetings").where("id", "=", prior.meeting_id).select(["id", "source_document_id", "body_id"]).executeTakeFirst();
    if (old && old.source_document_id === docId) {
      const oldTally = await meetingTally(trx, old.id);
      for (const a of await trx.selectFrom("attendance").where("meeting_id", "=", old.id).select("person_id").execute()) if (a.person_id) touchedPeople.add(a.person_id);
      await clearMeeting(trx, old.id);
      await trx.deleteFrom("search_entries").where("meeting_id", "=", old.id).execute();
      derived.entries.set(old.id, []);
      await trx.updateTable("source_documents").set({ meeting_id: null }).where("meeting_id", "=", old.id).execute();
      await recordDeletedMeetings(trx, [old.id]);
      await trx.deleteFrom("meetings").where("id", "=", old.id).execute();
      await applyTally(trx, oldTally, -1);
      derived.bodies.add(old.body_id);
    }
  }

  const provenance: ProvenanceRow[] = [];
  const prov = record.provenance ?? {};
  const addProv = (path: string, entity: string, id: number, field: string) => {
    const span = prov[path];
    if (span && Number.isInteger(span.start) && Number.isInteger(span.end) && Number.isInteger(span.line)) provenance.push({ entity, entity_id: id, field, span });
  };
  for (const field of ["authority", "body", "date", "startTime", "endTime", "venue", "nextMeeting", "draftMarking"]) addProv(field, "meeting", meetingId, field);

  // Attendance, with each written name resolved to a person of the authority.
  const moverNames = record.items.flatMap((it) => it.resolutions.flatMap((r) => [r.movedBy ?? "", r.secondedBy ?? "", ...voterNames(r.votes)]));
  const people = await peopleResolver(
    trx,
    authority.id,
    authority.name,
    body.id,
    record.attendance.map((a) => a.name).concat(record.attendance.map((a) => a.substituteFor ?? ""), moverNames),
  );
  const attendanceRows = [];
  for (const [i, a] of record.attendance.entries()) {
    const personId = a.person === "" ? null : ((a.person ? await people.bySlug(a.person) : null) ?? (await people.resolve(a.name, a.kind, true)));
    if (personId) touchedPeople.add(personId);
    const subId = a.substituteFor ? await people.resolve(a.substituteFor, "member", false) : null;
    attendanceRows.push({
      meeting_id: meetingId,
      position: i,
      raw_name: clean(a.name),
      person_id: personId,
      status: a.status,
      kind: a.kind,
      role: a.role ? clean(a.role) : null,
      substitute_for: a.substituteFor ? clean(a.substituteFor) : null,
      substitute_for_person_id: subId,
    });
  }
  for (const rows of chunks(attendanceRows, 100)) {
    const ids = await trx.insertInto("attendance").values(rows).returning(["id", "position"]).execute();
    for (const r of ids) addProv(`attendance/${r.position}`, "attendance", r.id, "name");
  }

  // Items in order, with their text from the source; exempt text is kept for officers but marked
  // so that public views and search withhold it.
  const regions = itemRegions(source.text, record);
  const slugs = itemSlugs(record.items.map((it) => it.number));
  const exemptRanges: [number, number][] = [];
  let unplacedExempt = false;
  const itemRows = record.items.map((it, i) => ({
    meeting_id: meetingId,
    position: i,
    number: it.number,
    slug: slugs[i],
    title: clean(it.title),
    exempt: flag(it.exempt),
    exempt_paragraphs: it.exemptParagraphs ?? null,
    exempt_release_on: it.exempt ? (releaseDates.get(slugs[i]) ?? null) : null,
    text: itemText(source.text, regions[i]),
  }));
  const itemIds: number[] = [];
  const itemCuts: ([number, number] | null)[] = [];
  for (const rows of chunks(itemRows, 100)) {
    const stored = rows.map(({ text, ...r }) => ({ ...r, ...itemTextColumns(source.text, text, regions[r.position]?.bodyStart ?? 0) }));
    for (const r of stored) itemCuts[r.position] = r.text_uncut === null && r.text_start !== null && r.text_end !== null ? [r.text_start, r.text_end] : null;
    const inserted = await trx.insertInto("items").values(stored).returning(["id", "position"]).execute();
    for (const r of inserted) itemIds[r.position] = r.id;
  }
  const resolutionRows = [];
  for (const [i, it] of record.items.entries()) {
    const region = regions[i];
    if (it.exempt) {
      // up to the next heading: an appendix after an exempt last item is withheld with it
      if (region) exemptRanges.push([region.bodyStart, region.until]);
      else unplacedExempt = true;
    }
    const itemId = itemIds[i];
    addProv(`items/${i}/number`, "item", itemId, "number");
    addProv(`items/${i}/title`, "item", itemId, "title");
    addProv(`items/${i}/exempt`, "item", itemId, "exempt");
    for (const [j, r] of it.resolutions.entries()) {
      const votes = r.votes === undefined ? parseVotes(r.text) : r.votes;
      if (it.exempt) {
        const span = prov[`items/${i}/resolutions/${j}`];
        if (span) exemptRanges.push([span.start, span.end]);
      }
      resolutionRows.push({
        meeting_id: meetingId,
        item_id: itemId,
        position: j,
        slug: `${slug}-${slugs[i]}-${j + 1}`,
        text: r.text,
        outcome: r.outcome !== undefined ? r.outcome : r.text ? inferOutcome(r.text) : null,
        votes_for: votes?.for ?? null,
        votes_against: votes?.against ?? null,
        votes_abstain: votes?.abstain ?? null,
        votes_unanimous: r.votes?.unanimous ? flag(true) : null,
        // a mover's name never creates a person: only one that matches a known person unambiguously is linked
        moved_by_name: r.movedBy ? clean(r.movedBy) : null,
        moved_by_person_id: r.movedBy ? await people.resolve(r.movedBy, "member", false) : null,
        seconded_by_name: r.secondedBy ? clean(r.secondedBy) : null,
        seconded_by_person_id: r.secondedBy ? await people.resolve(r.secondedBy, "member", false) : null,
        path: `items/${i}/resolutions/${j}`,
      });
    }
  }
  // Where an exempt item could not be placed in the text, none of the text can be shown publicly.
  if (unplacedExempt) exemptRanges.splice(0, exemptRanges.length, [0, source.text.length]);
  const resolutionIds: { id: number; itemId: number; text: string }[] = [];
  const resolutionIdByPath = new Map<string, number>();
  for (const rows of chunks(resolutionRows, 100)) {
    const ids = await trx.insertInto("resolutions").values(rows.map(({ path: _p, ...r }) => r)).returning(["id", "slug"]).execute();
    const bySlug = new Map(ids.map((r) => [r.slug, r.id]));
    for (const r of rows) {
      addProv(r.path, "resolution", bySlug.get(r.slug)!, "text");
      resolutionIds.push({ id: bySlug.get(r.slug)!, itemId: r.item_id, text: r.text });
      resolutionIdByPath.set(r.path, bySlug.get(r.slug)!);
    }
  }
  const meetingRows: MeetingRows = { meetingId, record, prov, exemptRanges, itemIds, people, flag, addProv };
  await storeVotes(trx, meetingRows, resolutionIdByPath);
  await storeDeclarations(trx, meetingRows);
  await storeQuestions(trx, meetingRows);
  await storeRecommendations(trx, meetingRows);
  await storeProvenance(trx, provenance, docId, source.text.length);
  await trx.updateTable("source_documents").set({ meeting_id: meetingId, exempt_ranges: JSON.stringify(exemptRanges) }).where("id", "=", docId).execute();
  await people.flush();
  derived.bodies.add(body.id);
  // Indexed from what was just written, through the same builder reindexMeeting uses.
  const entries = meetingEntries({
    meeting: { id: meetingId, date, startTime, venue: meetingValues.venue, minutesStatus: found?.minutes_status ?? (input.review ? "draft" : "published"), announcedAt: found?.announced_at ?? null, bodyId: body.id, bodyName: body.name, authorityId: authority.id, sourceDocumentId: docId },
    names: attendanceRows.map((a) => a.raw_name),
    items: itemRows.map((it, i) => ({ id: itemIds[i], number: it.number, title: it.title, exempt: it.exempt === true || it.exempt === 1, text: it.text, cut: itemCuts[i] ?? null })),
    resolutions: resolutionIds.map((r) => ({ id: r.id, itemId: r.itemId, text: r.text })),
  });
  if (found) await trx.deleteFrom("search_entries").where("meeting_id", "=", meetingId).execute();
  derived.entries.set(meetingId, entries);
  if (deferred) deferred.add(derived);
  else await deriveTouched(trx, derived);
  await applyTally(trx, before, -1);
  await applyTally(trx, await meetingTally(trx, meetingId), 1);
  // recommendations, actions and work-programme changes follow the minutes they came from
  const tracked = await trackMeeting(trx, meetingId);
  // followers of a recommendation already tracked hear of its response (read as the public sees it)
  if (tracked.inquiry) await alertTracker(trx, "response", tracked.inquiry.responded, new Date(now));
  const replaced = found && found.source_document_id !== null && found.source_document_id !== docId ? (found.file_name ?? "another document") : undefined;
  return { status: found ? "updated" : "created", meetingSlug: slug, meetingId, sourceDocumentId: docId, tracked, previousSourceDocumentId: found?.source_document_id ?? null, ...(replaced ? { replaced } : {}) };
}

/** Removes what a meeting holds (not the meeting, nor its source documents) before it is rewritten. */
export async function clearMeeting(trx: Tx, meetingId: number): Promise<void> {
  await trx.updateTable("source_documents").set({ packed_provenance: null }).where("meeting_id", "=", meetingId).where("packed_provenance", "is not", null).execute();
  await trx.deleteFrom("declarations").where("meeting_id", "=", meetingId).execute();
  await trx.deleteFrom("decision_votes").where("meeting_id", "=", meetingId).execute();
  await trx.deleteFrom("questions").where("meeting_id", "=", meetingId).execute();
  await trx.deleteFrom("resolutions").where("meeting_id", "=", meetingId).execute();
  await trx.deleteFrom("items").where("meeting_id", "=", meetingId).execute();
  await trx.deleteFrom("attendance").where("meeting_id", "=", meetingId).execute();
  await trx.deleteFrom("recommendations").where("meeting_id", "=", meetingId).execute();
}

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-GB", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
