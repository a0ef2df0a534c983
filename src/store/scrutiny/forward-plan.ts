// The forward plan of key decisions, each checked against the 28-day notice rule.
import type { Kysely, Transaction } from "kysely";
import { isCalendarDate, isCalendarMonth, type CalendarDate } from "../../domain/calendar.ts";
import { QuorumError } from "../../domain/errors.ts";
import { NOTICE_EXCEPTIONS, noticeCheck, type KeyDecision, type NoticeCheck } from "../../domain/forward-plan.ts";
import type { Database } from "../schema.ts";
import { slugify } from "../rules/slugs.ts";
import { trackerDb, type TrackerDatabase } from "./schema.ts";

type AnyDb = Kysely<Database> | Transaction<Database> | Kysely<TrackerDatabase> | Transaction<TrackerDatabase>;
const tdb = (db: AnyDb) => trackerDb(db as Kysely<Database>);

export interface ForwardPlanEntryView extends KeyDecision {
  slug: string;
  authority: { slug: string; name: string };
  body: { slug: string; name: string } | null;
  notice: NoticeCheck;
}

export interface NewKeyDecision extends KeyDecision {
  authority: string;
  /** the deciding body's slug, when the decision maker is a body in the store */
  body?: string | null;
}

export async function addKeyDecision(db: AnyDb, d: NewKeyDecision): Promise<string> {
  if (!isCalendarDate(d.plannedDate) && !isCalendarMonth(d.plannedDate)) throw new QuorumError("invalid", `planned date must be YYYY-MM-DD or YYYY-MM: ${d.plannedDate}`);
  if (!isCalendarDate(d.firstPublished)) throw new QuorumError("invalid", `first published must be YYYY-MM-DD: ${d.firstPublished}`);
  if (d.exception && !(NOTICE_EXCEPTIONS as readonly string[]).includes(d.exception)) throw new QuorumError("invalid", `unknown exception "${d.exception}"`);
  const t = tdb(db);
  const authority = await t.selectFrom("authorities").where("slug", "=", d.authority).select("id").executeTakeFirst();
  if (!authority) throw new QuorumError("not_found", `no authority "${d.authority}"`);
  const body = d.body ? await t.selectFrom("bodies").where("slug", "=", d.body).select("id").executeTakeFirst() : undefined;
  const slug = `${d.authority}-${d.reference ? slugify(d.reference) : slugify(d.decision).slice(0, 50).replace(/-+$/, "")}`;
  const values = {
    authority_id: authority.id,
    reference: d.reference,
    decision: d.decision,
    decision_maker: d.decisionMaker,
    body_id: body?.id ?? null,
    planned_date: d.plannedDate,
    first_published: d.firstPublished,
    private_reason: d.private?.reason ?? null,
    private_paragraphs: d.private?.paragraphs ?? null,
    notice_exception: d.exception,
    updated_at: new Date().toISOString(),
  };
  // The reference (or the decision's wording) is the natural key: re-entering it updates it.
  const found = await t.selectFrom("forward_plan_entries").where("slug", "=", slug).select("id").executeTakeFirst();
  if (found) await t.updateTable("forward_plan_entries").set(values).where("id", "=", found.id).execute();
  else await t.insertInto("forward_plan_entries").values({ ...values, slug }).execute();
  return slug;
}

export interface ListForwardPlanOptions {
  authority?: string;
  body?: string;
  /** planned on or after this date (a month-only plan counts until its month ends) */
  from?: CalendarDate;
}

export async function listForwardPlan(db: AnyDb, opts: ListForwardPlanOptions = {}): Promise<ForwardPlanEntryView[]> {
  let q = tdb(db)
    .selectFrom("forward_plan_entries as f")
    .innerJoin("authorities as a", "a.id", "f.authority_id")
    .leftJoin("bodies as b", "b.id", "f.body_id")
    .selectAll("f")
    .select(["a.slug as authority_slug", "a.name as authority_name", "b.slug as body_slug", "b.name as body_name"]);
  if (opts.authority) q = q.where("a.slug", "=", opts.authority);
  if (opts.body) q = q.where("b.slug", "=", opts.body);
  // "YYYY-MM" sorts before every day of its month, so compare a month by its own prefix.
  if (opts.from) q = q.where((eb) => eb.or([eb("f.planned_date", ">=", opts.from!), eb("f.planned_date", "=", opts.from!.slice(0, 7))]));
  const rows = await q.orderBy("f.planned_date").orderBy("f.slug").execute();
  return rows.map((r) => {
    const d: KeyDecision = {
      reference: r.reference,
      decision: r.decision,
      decisionMaker: r.decision_maker,
      plannedDate: r.planned_date,
      firstPublished: r.first_published,
      private: r.private_reason ? { reason: r.private_reason, paragraphs: r.private_paragraphs } : null,
      exception: (r.notice_exception as KeyDecision["exception"]) ?? null,
    };
    return {
      ...d,
      slug: r.slug,
      authority: { slug: r.authority_slug, name: r.authority_name },
      body: r.body_slug && r.body_name ? { slug: r.body_slug, name: r.body_name } : null,
      notice: noticeCheck(d),
    };
  });
}
