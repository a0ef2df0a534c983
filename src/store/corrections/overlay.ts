// The step every store of a meeting takes (importMinutes, and storing a meeting again after a
// correction): the parsed record is completed with what the store would otherwise infer (outcomes,
// votes, the meeting's status), the meeting's corrections are laid over it, and each correction's
// state is brought up to date: a conflict when its field was parsed differently from the value the
// person corrected, active otherwise.
import type { Kysely, Transaction } from "kysely";
import { applyCorrections, type Correction } from "../../domain/corrections.ts";
import type { ParsedMinutes } from "../../domain/minutes.ts";
import type { Database } from "../schema.ts";
import { inferOutcome, parseVotes } from "../rules/outcomes.ts";
import { correctionsDb } from "./schema.ts";
import { appendAudit } from "../audit.ts";

/** The parsed record with the values the store infers written in, so that they can be corrected and compared. */
export function completeRecord(record: ParsedMinutes): ParsedMinutes {
  const out = structuredClone(record);
  out.status ??= "held";
  for (const it of out.items) {
    for (const r of it.resolutions) {
      if (r.outcome === undefined) r.outcome = r.text ? inferOutcome(r.text) : null;
      if (r.votes === undefined) r.votes = parseVotes(r.text);
    }
  }
  for (const a of out.attendance) a.person ??= null;
  return out;
}

/** A meeting's corrections that still apply (active or in conflict), oldest first. */
export async function liveCorrections(trx: Kysely<Database>, meetingSlug: string): Promise<Correction[]> {
  const rows = await correctionsDb(trx)
    .selectFrom("corrections")
    .where("meeting_slug", "=", meetingSlug)
    .where("state", "in", ["active", "conflict"])
    .select(["id", "path", "anchor_json", "before_json", "after_json"])
    .orderBy("id")
    .execute();
  return rows.map((r) => ({ id: r.id, path: r.path, anchor: JSON.parse(r.anchor_json), before: JSON.parse(r.before_json), after: JSON.parse(r.after_json) }));
}

/** The record to store for this meeting: parsed, completed, corrected; the corrections' states updated. */
export async function overlayCorrections(trx: Transaction<Database>, meetingSlug: string, parsed: ParsedMinutes, now = new Date()): Promise<ParsedMinutes> {
  const corrections = await liveCorrections(trx, meetingSlug);
  const complete = completeRecord(parsed);
  const wasConflict = new Set(
    (await correctionsDb(trx).selectFrom("corrections").where("meeting_slug", "=", meetingSlug).where("state", "=", "conflict").select("id").execute()).map((r) => r.id),
  );
  if (!corrections.length) return complete;
  const { record, conflicts } = applyCorrections(complete, corrections);
  const inConflict = new Map(conflicts.map((c) => [c.correction.id, c]));
  const cdb = correctionsDb(trx);
  for (const c of corrections) {
    const conflict = inConflict.get(c.id);
    await cdb
      .updateTable("corrections")
      .set(conflict ? { state: "conflict", parsed_now_json: JSON.stringify(conflict.parsedNow ?? null) } : { state: "active", parsed_now_json: null })
      .where("id", "=", c.id)
      .execute();
    // a field newly read differently from what a person corrected is recorded for them to settle
    if (conflict && !wasConflict.has(c.id)) {
      await appendAudit(
        trx,
        { actorLabel: "import", action: "correction.conflict", recordKind: "meeting", recordId: meetingSlug, before: { path: c.path, parsedBefore: c.before ?? null, corrected: c.after ?? null }, after: { path: conflict.path, parsedNow: conflict.parsedNow ?? null } },
        now,
      );
    }
  }
  return record;
}
