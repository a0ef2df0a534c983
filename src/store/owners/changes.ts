// What other people changed on a tracked item after a given version, read from the audit log, so
// a clerk whose form was stale sees the change that beat theirs.
import { readAudit, type AuditEntry } from "../audit.ts";
import type { AnyDb } from "../accounts/schema.ts";
import type { ItemRef } from "./items.ts";

const versionOf = (e: AuditEntry) => Number((e.after as { version?: unknown } | null)?.version ?? 0);

/** Audit entries of versioned changes to the item after `version`, oldest first. */
export async function changesSince(db: AnyDb, ref: ItemRef, version: number): Promise<AuditEntry[]> {
  const own = await readAudit(db, { recordKind: ref.kind, recordId: String(ref.id), limit: 100 });
  // accepting an update is recorded against the update, naming the item it moved
  const accepted = await readAudit(db, { recordKind: "monitoring_update", limit: 500 });
  const key = `${ref.kind}:${ref.id}`;
  return [...own.entries, ...accepted.entries.filter((e) => e.action === "tracker.update_accepted" && (e.after as { item?: unknown } | null)?.item === key)]
    .filter((e) => versionOf(e) > version)
    .sort((a, b) => versionOf(a) - versionOf(b));
}
