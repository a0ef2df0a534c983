// The audit log: who did what to which record, with the record before and after. Append-only
// (the database refuses updates and deletes); read newest first, filtered and paged.
import { accountsDb, type AnyDb } from "./accounts/schema.ts";

/** Who makes a change through the workspace or the CLI: the signed-in person, if any, as the log shows them. */
export interface AuditActor {
  userId: number | null;
  /** an email, or "cli" */
  label: string;
}

export interface AuditInput {
  /** the signed-in person, when there is one */
  actorUserId?: number | null;
  /** who acted, as shown: an email, or "cli", "import" */
  actorLabel: string;
  action: string;
  recordKind: string;
  recordId?: string | null;
  before?: unknown;
  after?: unknown;
}

export interface AuditEntry {
  id: number;
  at: string;
  actorUserId: number | null;
  actorLabel: string;
  action: string;
  recordKind: string;
  recordId: string | null;
  before: unknown;
  after: unknown;
}

export interface AuditFilter {
  recordKind?: string;
  recordId?: string;
  /** matches the actor's label (an email, "cli") */
  actor?: string;
  actorUserId?: number;
  /** inclusive, ISO date or date-time */
  from?: string;
  /** inclusive day when a date (YYYY-MM-DD) is given */
  to?: string;
  limit?: number;
  offset?: number;
}

export async function appendAudit(db: AnyDb, entry: AuditInput, now: Date): Promise<void> {
  await accountsDb(db)
    .insertInto("audit_log")
    .values({
      at: now.toISOString(),
      actor_user_id: entry.actorUserId ?? null,
      actor_label: entry.actorLabel,
      action: entry.action,
      record_kind: entry.recordKind,
      record_id: entry.recordId ?? null,
      before_json: entry.before === undefined ? null : JSON.stringify(entry.before),
      after_json: entry.after === undefined ? null : JSON.stringify(entry.after),
    })
    .execute();
}

export async function readAudit(db: AnyDb, f: AuditFilter = {}): Promise<{ entries: AuditEntry[]; total: number }> {
  let q = accountsDb(db).selectFrom("audit_log");
  if (f.recordKind) q = q.where("record_kind", "=", f.recordKind);
  if (f.recordId) q = q.where("record_id", "=", f.recordId);
  if (f.actor) q = q.where("actor_label", "=", f.actor);
  if (f.actorUserId !== undefined) q = q.where("actor_user_id", "=", f.actorUserId);
  if (f.from) q = q.where("at", ">=", f.from);
  if (f.to) q = q.where("at", /^\d{4}-\d{2}-\d{2}$/.test(f.to) ? "<" : "<=", /^\d{4}-\d{2}-\d{2}$/.test(f.to) ? nextDay(f.to) : f.to);
  const total = Number((await q.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n);
  const rows = await q.selectAll().orderBy("at", "desc").orderBy("id", "desc").limit(f.limit ?? 50).offset(f.offset ?? 0).execute();
  return {
    total,
    entries: rows.map((r) => ({
      id: r.id,
      at: r.at,
      actorUserId: r.actor_user_id,
      actorLabel: r.actor_label,
      action: r.action,
      recordKind: r.record_kind,
      recordId: r.record_id,
      before: r.before_json === null ? null : JSON.parse(r.before_json),
      after: r.after_json === null ? null : JSON.parse(r.after_json),
    })),
  };
}

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
