// Correcting a stored meeting: a person's corrections are kept in their own table, then the meeting
// is stored again from its parsed record through storeRecord, the path every import takes, so the
// corrections are laid over it exactly as they will be after any later re-import. Each save names
// the meeting version its form was read at; a save against a newer version is refused, never
// applied over the other person's change.
import { anchorFor, locate, parsePath, valueAt, type Anchor } from "../../domain/corrections.ts";
import { QuorumError } from "../../domain/errors.ts";
import type { Db } from "../db.ts";
import { appendAudit, readAudit, type AuditEntry, type AuditActor } from "../audit.ts";
import { storeRecord } from "../import.ts";
import { writeTransaction } from "../write.ts";
import { lifecycleDb } from "../lifecycle/schema.ts";
import { meetingToCorrect, type MeetingToCorrect, type Reparse } from "./meeting.ts";
import { correctionsDb, type CorrectionState } from "./schema.ts";

export type Actor = AuditActor;

export interface FieldChange {
  path: string;
  value: unknown;
}

export type SaveResult =
  | { status: "saved"; version: number; changed: string[] }
  | { status: "stale"; version: number; changes: AuditEntry[] }
  | { status: "reason_required" };

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

async function restore(trx: Parameters<Parameters<typeof writeTransaction>[1]>[0], m: MeetingToCorrect): Promise<number> {
  await storeRecord(trx, { source: m.source, record: m.parsed, authorityOverride: m.authorityName }, m.parserVersion, true);
  return (await trx.selectFrom("meetings").where("slug", "=", m.slug).select("version").executeTakeFirstOrThrow()).version;
}

/** Audit entries about this meeting written after the given version was read (newest first). */
export async function changesSince(db: Db, slug: string, version: number): Promise<AuditEntry[]> {
  const { entries } = await readAudit(db, { recordKind: "meeting", recordId: slug, limit: 20 });
  return entries.filter((e) => e.action !== "meeting.correct_refused" && Number((e.after as { version?: unknown } | null)?.version ?? 0) > version);
}

async function refuseStale(db: Db, m: MeetingToCorrect, expected: number, actor: Actor, attempted: unknown, now: Date): Promise<SaveResult> {
  const changes = await changesSince(db, m.slug, expected);
  await writeTransaction(db, (trx) =>
    appendAudit(trx, { actorUserId: actor.userId, actorLabel: actor.label, action: "meeting.correct_refused", recordKind: "meeting", recordId: m.slug, before: { version: expected }, after: { version: m.version, attempted } }, now),
  );
  return { status: "stale", version: m.version, changes };
}

/**
 * Saves the changed fields of a form read at `expectedVersion`. Paths are the corrected record's
 * (corrections never add or remove elements, so they are also the parsed record's). A change back
 * to the parsed value withdraws the correction.
 */
export async function saveCorrections(
  db: Db,
  input: { slug: string; expectedVersion: number; changes: FieldChange[]; reason?: string; actor: Actor; now: Date; reparse?: Reparse },
): Promise<SaveResult> {
  for (const c of input.changes) if (!parsePath(c.path)) throw new QuorumError("invalid", `"${c.path}" is not a field that can be corrected`);
  const reason = input.reason?.trim() || null;
  let stale = false;
  const result = await writeTransaction(db, async (trx): Promise<SaveResult> => {
    const m = await meetingToCorrect(trx, input.slug, input.reparse);
    if (!m) throw new QuorumError("not_found", `no meeting ${input.slug}`);
    if (m.version !== input.expectedVersion) {
      stale = true;
      return { status: "stale", version: m.version, changes: [] };
    }
    const changed = input.changes.filter((c) => !same(valueAt(m.corrected, c.path), c.value));
    if (!changed.length) return { status: "saved", version: m.version, changed: [] };
    if (m.minutesStatus === "approved" && !reason) return { status: "reason_required" };
    const cdb = correctionsDb(trx);
    const live = await cdb.selectFrom("corrections").where("meeting_slug", "=", m.slug).where("state", "in", ["active", "conflict"]).selectAll().execute();
    for (const c of changed) {
      // the earlier correction of this field, wherever the record now has it, gives way
      for (const old of live) {
        const at = locate(m.parsed, { id: old.id, path: old.path, anchor: JSON.parse(old.anchor_json), before: null, after: null });
        if (at === c.path) await cdb.updateTable("corrections").set({ state: "superseded" }).where("id", "=", old.id).execute();
      }
      const before = valueAt(m.parsed, c.path) ?? null;
      if (same(before, c.value)) continue;
      await cdb
        .insertInto("corrections")
        .values({
          meeting_slug: m.slug,
          path: c.path,
          anchor_json: JSON.stringify(anchorFor(m.parsed, c.path)),
          before_json: JSON.stringify(before),
          after_json: JSON.stringify(c.value ?? null),
          reason,
          author_user_id: input.actor.userId,
          author_label: input.actor.label,
          created_at: input.now.toISOString(),
        })
        .execute();
    }
    const version = await restore(trx, m);
    // A change to approved minutes is a correction the public is told of, with its date and reason.
    if (m.minutesStatus === "approved") {
      await lifecycleDb(trx)
        .insertInto("minutes_corrections")
        .values({ meeting_id: m.id, corrected_on: input.now.toISOString().slice(0, 10), reason: reason!, recorded_at: input.now.toISOString(), recorded_by: input.actor.userId })
        .execute();
    }
    await appendAudit(
      trx,
      {
        actorUserId: input.actor.userId,
        actorLabel: input.actor.label,
        action: "meeting.correct",
        recordKind: "meeting",
        recordId: m.slug,
        before: { version: m.version, fields: Object.fromEntries(changed.map((c) => [c.path, valueAt(m.corrected, c.path) ?? null])) },
        after: { version, fields: Object.fromEntries(changed.map((c) => [c.path, c.value ?? null])), ...(reason ? { reason } : {}) },
      },
      input.now,
    );
    return { status: "saved", version, changed: changed.map((c) => c.path) };
  });
  if (stale) {
    const m = (await meetingToCorrect(db, input.slug, input.reparse))!;
    return refuseStale(db, m, input.expectedVersion, input.actor, Object.fromEntries(input.changes.map((c) => [c.path, c.value ?? null])), input.now);
  }
  return result;
}

export type ConflictChoice = "keep" | "take";

/**
 * Settles a conflict: keep the correction (it now stands against the newly parsed value) or take
 * the newly parsed value (the correction is superseded).
 */
export async function resolveConflict(
  db: Db,
  input: { slug: string; correctionId: number; choice: ConflictChoice; expectedVersion: number; actor: Actor; now: Date; reparse?: Reparse },
): Promise<SaveResult> {
  let stale = false;
  const result = await writeTransaction(db, async (trx): Promise<SaveResult> => {
    const m = await meetingToCorrect(trx, input.slug, input.reparse);
    if (!m) throw new QuorumError("not_found", `no meeting ${input.slug}`);
    if (m.version !== input.expectedVersion) {
      stale = true;
      return { status: "stale", version: m.version, changes: [] };
    }
    const cdb = correctionsDb(trx);
    const row = await cdb.selectFrom("corrections").where("id", "=", input.correctionId).where("meeting_slug", "=", m.slug).where("state", "=", "conflict").selectAll().executeTakeFirst();
    if (!row) throw new QuorumError("not_found", "that conflict has already been settled");
    const parsedNow = row.parsed_now_json ?? "null";
    if (input.choice === "keep") await cdb.updateTable("corrections").set({ state: "active", before_json: parsedNow, parsed_now_json: null }).where("id", "=", row.id).execute();
    else await cdb.updateTable("corrections").set({ state: "superseded" }).where("id", "=", row.id).execute();
    const version = await restore(trx, m);
    await appendAudit(
      trx,
      {
        actorUserId: input.actor.userId,
        actorLabel: input.actor.label,
        action: input.choice === "keep" ? "correction.keep" : "correction.take_parsed",
        recordKind: "meeting",
        recordId: m.slug,
        before: { version: m.version, path: row.path, state: "conflict", parsedBefore: JSON.parse(row.before_json), parsedNow: JSON.parse(parsedNow), corrected: JSON.parse(row.after_json) },
        after: { version, path: row.path, state: input.choice === "keep" ? "active" : "superseded", value: input.choice === "keep" ? JSON.parse(row.after_json) : JSON.parse(parsedNow) },
      },
      input.now,
    );
    return { status: "saved", version, changed: [row.path] };
  });
  if (stale) {
    const m = (await meetingToCorrect(db, input.slug, input.reparse))!;
    return refuseStale(db, m, input.expectedVersion, input.actor, { correction: input.correctionId, choice: input.choice }, input.now);
  }
  return result;
}

export interface CorrectionRecord {
  id: number;
  path: string;
  anchor: Anchor | null;
  before: unknown;
  after: unknown;
  parsedNow: unknown;
  reason: string | null;
  author: string;
  at: string;
  state: CorrectionState;
}

/** Every correction of a meeting, conflicts first, then newest first. */
export async function listCorrections(db: Db, slug: string): Promise<CorrectionRecord[]> {
  const rows = await correctionsDb(db).selectFrom("corrections").where("meeting_slug", "=", slug).selectAll().orderBy("id", "desc").execute();
  const rank = (s: string) => (s === "conflict" ? 0 : 1);
  return rows
    .map((r) => ({
      id: r.id,
      path: r.path,
      anchor: JSON.parse(r.anchor_json) as Anchor | null,
      before: JSON.parse(r.before_json),
      after: JSON.parse(r.after_json),
      parsedNow: r.parsed_now_json === null ? null : JSON.parse(r.parsed_now_json),
      reason: r.reason,
      author: r.author_label,
      at: r.created_at,
      state: r.state,
    }))
    .sort((a, b) => rank(a.state) - rank(b.state));
}
