// The clerk's writes to the forward plan: add, edit and withdraw a key decision. Each runs the
// notice rule of the 2012 Regulations on entry (`checkEntry`), refuses a stale save, and writes its
// audit entry in the same transaction.
import { isCalendarDate, isCalendarMonth, type CalendarDate } from "../../domain/calendar.ts";
import { QuorumError } from "../../domain/errors.ts";
import { checkEntry, NOTICE_EXCEPTIONS, type EntryProblem, type NoticeException, type NoticeExceptionRecord } from "../../domain/forward-plan.ts";
import { appendAudit, type AuditActor } from "../audit.ts";
import type { Db } from "../db.ts";
import { changed, checkVersion } from "../people/edit.ts";
import { slugify } from "../rules/slugs.ts";
import { writeTransaction } from "../write.ts";
import { planDb, type DocumentLink } from "./schema.ts";
import { alertKeyDecisionAdded } from "../mail/alerts.ts";

export type Actor = AuditActor;

/** The Schedule 12A paragraphs (Local Government Act 1972, Part 1 of Schedule 12A, England). */
export const SCHEDULE_12A_PARAGRAPHS = ["1", "2", "3", "4", "5", "6", "7"] as const;

export interface KeyDecisionFields {
  reference: string | null;
  decision: string;
  details: string | null;
  /** the deciding committee's slug, when a committee or the cabinet in the store decides */
  body: string | null;
  /** the named officer or member who decides, when no committee does */
  decisionMaker: string | null;
  /** YYYY-MM-DD, or YYYY-MM when only the month is known */
  plannedDate: string;
  wards: string[];
  consultees: string | null;
  documents: DocumentLink[];
  /** to be taken in private: the paragraphs of Schedule 12A ("3", "1, 3") and why */
  exempt: { paragraphs: string; reason: string } | null;
  /** recorded when notice falls short; the day notice was given is the store's to set */
  exception: Omit<NoticeExceptionRecord, "noticeOn"> | null;
}

/** What the notice rule or the form's own checks refused, each for a field of the form. */
export class KeyDecisionRefused extends QuorumError {
  constructor(readonly problems: { field: string; message: string }[]) {
    super("invalid", problems.map((p) => p.message).join("; "));
  }
}

function fieldProblems(f: KeyDecisionFields): { field: string; message: string }[] {
  const out: { field: string; message: string }[] = [];
  if (!isCalendarDate(f.plannedDate) && !isCalendarMonth(f.plannedDate)) out.push({ field: "plannedDate", message: "Enter the expected date as a date (2024-05-21) or a month (2024-05)" });
  if (!f.body && !f.decisionMaker) out.push({ field: "decisionMaker", message: "Choose the committee that decides, or name the officer or member who decides" });
  if (f.exempt) {
    const paras = f.exempt.paragraphs.split(/\s*(?:,|and|&)\s*/).filter(Boolean);
    if (!paras.length || paras.some((p) => !(SCHEDULE_12A_PARAGRAPHS as readonly string[]).includes(p))) out.push({ field: "exemptParagraphs", message: "Give the paragraphs of Schedule 12A, from 1 to 7, for example 3 or 1, 3" });
    if (!f.exempt.reason.trim()) out.push({ field: "exemptReason", message: "Say why the decision is to be taken in private" });
  }
  if (f.exception && !(NOTICE_EXCEPTIONS as readonly string[]).includes(f.exception.kind)) out.push({ field: "exception", message: "Choose general exception or special urgency" });
  for (const d of f.documents) if (!/^https?:\/\/[^\s]+$/.test(d.url)) out.push({ field: "documents", message: `A document's link must start with https:// or http://: ${d.url}` });
  return out;
}

async function authorityAndBody(trx: ReturnType<typeof planDb>, f: KeyDecisionFields, authority?: string) {
  if (f.body) {
    const b = await trx.selectFrom("bodies").where("slug", "=", f.body).select(["id", "name", "authority_id"]).executeTakeFirst();
    if (!b) throw new KeyDecisionRefused([{ field: "body", message: "Choose a committee from the list" }]);
    return { authorityId: b.authority_id, bodyId: b.id as number, maker: b.name };
  }
  const authorities = await trx.selectFrom("authorities").select(["id", "slug"]).orderBy("id").execute();
  const a = authority ? authorities.find((x) => x.slug === authority) : authorities.length === 1 ? authorities[0] : undefined;
  if (!a) throw new KeyDecisionRefused([{ field: "authority", message: "Choose the council" }]);
  return { authorityId: a.id as number, bodyId: null, maker: f.decisionMaker! };
}

/** The columns a key decision's fields set (all but the exception's notice day). */
function columns(f: KeyDecisionFields, maker: string, bodyId: number | null) {
  return {
    reference: f.reference,
    decision: f.decision,
    details: f.details,
    decision_maker: maker,
    body_id: bodyId,
    planned_date: f.plannedDate,
    wards_json: JSON.stringify(f.wards),
    consultees: f.consultees,
    documents_json: JSON.stringify(f.documents),
    private_reason: f.exempt?.reason ?? null,
    private_paragraphs: f.exempt?.paragraphs ?? null,
  };
}

function refuseProblems(problems: (EntryProblem | { field: string; message: string })[]): void {
  if (problems.length) throw new KeyDecisionRefused(problems);
}

export async function addKeyDecisionEntry(db: Db, input: { fields: KeyDecisionFields; authority?: string; actor: Actor; now: Date; today: CalendarDate }): Promise<string> {
  const f = input.fields;
  refuseProblems(fieldProblems(f));
  return writeTransaction(db, async (tx) => {
    const trx = planDb(tx);
    const { authorityId, bodyId, maker } = await authorityAndBody(trx, f, input.authority);
    const exceptionIn = f.exception ? { ...f.exception, noticeOn: input.today } : null;
    const check = checkEntry({ plannedDate: f.plannedDate, firstPublished: input.today, today: input.today, dateChanged: true, exception: exceptionIn });
    refuseProblems(check.problems);
    const authority = await trx.selectFrom("authorities").where("id", "=", authorityId).select("slug").executeTakeFirstOrThrow();
    let slug = `${authority.slug}-${slugify(f.reference ?? f.decision).slice(0, 60).replace(/-+$/, "")}`;
    const taken = async (s: string) => !!(await trx.selectFrom("forward_plan_entries").where("slug", "=", s).select("id").executeTakeFirst());
    if (await taken(slug)) {
      if (f.reference) throw new KeyDecisionRefused([{ field: "reference", message: `A key decision with reference ${f.reference} is already in the forward plan` }]);
      let n = 2;
      while (await taken(`${slug}-${n}`)) n++;
      slug = `${slug}-${n}`;
    }
    const values = { ...columns(f, maker, bodyId), ...exceptionColumns(check.exception) };
    await trx
      .insertInto("forward_plan_entries")
      .values({ ...values, slug, authority_id: authorityId, first_published: input.today, updated_at: input.now.toISOString(), version: 1 })
      .execute();
    await appendAudit(tx, { actorUserId: input.actor.userId, actorLabel: input.actor.label, action: "key_decision.add", recordKind: "key_decision", recordId: slug, after: { ...values, first_published: input.today } }, input.now);
    // followers of its wards hear of it in the same transaction
    await alertKeyDecisionAdded(tx, slug, input.now);
    return slug;
  });
}

function exceptionColumns(e: NoticeExceptionRecord | null) {
  return { notice_exception: e?.kind ?? null, exception_reason: e?.reason ?? null, exception_chair: e?.chair ?? null, exception_on: e?.on ?? null, exception_notice_on: e?.noticeOn ?? null };
}

async function rowForWrite(trx: ReturnType<typeof planDb>, slug: string) {
  const row = await trx.selectFrom("forward_plan_entries").where("slug", "=", slug).selectAll().executeTakeFirst();
  if (!row) throw new QuorumError("not_found", "Key decision not found");
  return row;
}

export async function editKeyDecision(db: Db, input: { slug: string; version: number; fields: KeyDecisionFields; actor: Actor; now: Date; today: CalendarDate }): Promise<{ changed: boolean }> {
  const f = input.fields;
  refuseProblems(fieldProblems(f));
  return writeTransaction(db, async (tx) => {
    const trx = planDb(tx);
    const row = await rowForWrite(trx, input.slug);
    checkVersion("key_decision", row.id as number, Number(row.version), input.version);
    if (row.withdrawn_on) throw new QuorumError("conflict", "This key decision was withdrawn and can no longer be changed");
    const { bodyId, maker } = await authorityAndBody(trx, f, undefined).catch(async (err) => {
      // an officer's decision keeps its own council, whatever else the store holds
      if (err instanceof KeyDecisionRefused && !f.body) return { authorityId: row.authority_id, bodyId: null, maker: f.decisionMaker! };
      throw err;
    });
    // The day notice was given under an exception stays the first day it was recorded.
    const sameKind = f.exception && row.notice_exception === f.exception.kind;
    const exceptionIn = f.exception ? { ...f.exception, noticeOn: sameKind && row.exception_notice_on ? row.exception_notice_on : input.today } : null;
    const check = checkEntry({ plannedDate: f.plannedDate, firstPublished: row.first_published, today: input.today, dateChanged: f.plannedDate !== row.planned_date, exception: exceptionIn });
    refuseProblems(check.problems);
    const next = { ...columns(f, maker, bodyId), ...exceptionColumns(check.exception) };
    const before = {
      reference: row.reference, decision: row.decision, details: row.details, decision_maker: row.decision_maker, body_id: row.body_id, planned_date: row.planned_date,
      wards_json: row.wards_json, consultees: row.consultees, documents_json: row.documents_json, private_reason: row.private_reason, private_paragraphs: row.private_paragraphs,
      notice_exception: row.notice_exception, exception_reason: row.exception_reason, exception_chair: row.exception_chair, exception_on: row.exception_on, exception_notice_on: row.exception_notice_on,
    };
    const diff = changed(before, next);
    if (Object.keys(diff.after).length === 0) return { changed: false };
    await trx.updateTable("forward_plan_entries").set({ ...next, version: Number(row.version) + 1, updated_at: input.now.toISOString() }).where("id", "=", row.id).execute();
    await appendAudit(tx, { actorUserId: input.actor.userId, actorLabel: input.actor.label, action: "key_decision.edit", recordKind: "key_decision", recordId: row.slug, before: diff.before, after: diff.after }, input.now);
    return { changed: true };
  });
}

export async function withdrawKeyDecision(db: Db, input: { slug: string; version: number; reason: string; actor: Actor; now: Date; today: CalendarDate }): Promise<void> {
  if (!input.reason.trim()) throw new KeyDecisionRefused([{ field: "withdrawReason", message: "Say why the key decision is withdrawn" }]);
  await writeTransaction(db, async (tx) => {
    const trx = planDb(tx);
    const row = await rowForWrite(trx, input.slug);
    checkVersion("key_decision", row.id as number, Number(row.version), input.version);
    if (row.withdrawn_on) throw new QuorumError("conflict", "This key decision is already withdrawn");
    if (row.taken_meeting_id) throw new KeyDecisionRefused([{ field: "withdrawReason", message: "This decision has been taken; remove the link to its meeting first" }]);
    await trx.updateTable("forward_plan_entries").set({ withdrawn_on: input.today, withdrawn_reason: input.reason.trim(), version: Number(row.version) + 1, updated_at: input.now.toISOString() }).where("id", "=", row.id).execute();
    await appendAudit(tx, { actorUserId: input.actor.userId, actorLabel: input.actor.label, action: "key_decision.withdraw", recordKind: "key_decision", recordId: row.slug, before: { withdrawn_on: null }, after: { withdrawn_on: input.today, withdrawn_reason: input.reason.trim() } }, input.now);
  });
}

export type { NoticeException };
