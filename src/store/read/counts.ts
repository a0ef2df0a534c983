// Totals for the home page and the registers, read from the committees' summaries (body_summaries,
// kept by store/summaries) rather than counted from the archive. Both follow the visibility rule:
// the summaries hold only public meetings (minutes not draft), and decisions of exempt items apart,
// so that they are counted only for a viewer entitled to the committee, or, from an item's release
// date, found through the items_released index. A total no summary holds is counted up to COUNT_CAP.
import { sql, type SelectQueryBuilder } from "kysely";
import type { Db } from "../db.ts";
import { planOnce } from "../pg-statements.ts";
import { publicMinutesOnly, type Viewer } from "../visibility.ts";
import { num } from "./util.ts";
import { COUNT_CAP } from "./keyset.ts";

export interface Scope {
  authority?: string;
  body?: string;
}

// The totals read a few summary rows, or a short index range, whatever the scope: PostgreSQL may
// plan them once (pg-statements.ts; held to that by test/store/generic-plans.test.ts).
function summaries(db: Db, scope: Scope) {
  let q = planOnce(db).selectFrom("body_summaries").innerJoin("bodies", "bodies.id", "body_summaries.body_id").innerJoin("authorities", "authorities.id", "bodies.authority_id");
  if (scope.authority) q = q.where("authorities.slug", "=", scope.authority);
  if (scope.body) q = q.where("bodies.slug", "=", scope.body);
  return q;
}

/** Public meetings (every viewer: draft minutes are not on the portal for anyone). */
export async function meetingTotal(db: Db, scope: Scope): Promise<number> {
  const r = await summaries(db, scope).select((eb) => eb.fn.sum<number>("body_summaries.meeting_count").as("n")).executeTakeFirst();
  return num(r?.n);
}

/**
 * Decisions the viewer may see: public ones, exempt ones of committees the viewer is entitled to, and released ones.
 * Summed in the database, one row back: the committees of a large instance number hundreds, and
 * reading a row of each into the page cost more than the page's own list of decisions.
 */
export async function decisionTotal(db: Db, scope: Scope, viewer: Viewer): Promise<number> {
  const all = viewer.kind === "staff" && viewer.bodies === "all";
  const entitled = viewer.kind === "staff" && viewer.bodies !== "all" ? [...viewer.bodies] : [];
  const mine = (column: string) => (all ? sql<boolean>`1 = 1` : entitled.length ? sql<boolean>`${sql.ref(column)} IN (${sql.join(entitled)})` : sql<boolean>`1 = 0`);
  const totals = await summaries(db, scope)
    .select([
      sql<number>`coalesce(sum(body_summaries.decision_count), 0)`.as("n"),
      sql<number>`coalesce(sum(CASE WHEN ${mine("body_summaries.body_id")} THEN body_summaries.exempt_decision_count ELSE 0 END), 0)`.as("entitled"),
      sql<number>`coalesce(sum(CASE WHEN ${mine("body_summaries.body_id")} THEN 0 ELSE body_summaries.exempt_decision_count END), 0)`.as("withheld"),
    ])
    .executeTakeFirstOrThrow();
  const n = num(totals.n) + num(totals.entitled);
  if (viewer.today === null || num(totals.withheld) === 0) return n;
  // released decisions of committees the viewer is not entitled to (their exempt decisions, counted
  // apart by the summaries, are withheld until then), within the scope
  let released = planOnce(db)
    // released items first (CROSS JOIN keeps the order on SQLite): few, and found by items_released
    .selectFrom("items")
    .crossJoin("meetings")
    .crossJoin("resolutions")
    .whereRef("meetings.id", "=", "items.meeting_id")
    .whereRef("resolutions.item_id", "=", "items.id")
    .where("items.exempt_release_on", "is not", null)
    .where("items.exempt_release_on", "<=", viewer.today)
    .where(sql<boolean>`items.exempt`)
    .where(publicMinutesOnly)
    .where(sql<boolean>`NOT (${mine("meetings.body_id")})`);
  if (scope.body) released = released.where("meetings.body_id", "=", (eb) => eb.selectFrom("bodies").where("bodies.slug", "=", scope.body!).select("bodies.id"));
  if (scope.authority)
    released = released.where("meetings.body_id", "in", (eb) => eb.selectFrom("bodies").innerJoin("authorities", "authorities.id", "bodies.authority_id").where("authorities.slug", "=", scope.authority!).select("bodies.id"));
  const r = await released.select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow();
  return n + num(r.n);
}

/** Counts a query's rows up to COUNT_CAP; `capped` when there are more. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function cappedCount(db: Db, q: SelectQueryBuilder<any, any, any>): Promise<{ n: number; capped: boolean }> {
  const r = await db
    .selectFrom(q.limit(COUNT_CAP + 1).as("capped"))
    .select(sql<number>`count(*)`.as("n"))
    .executeTakeFirstOrThrow();
  const n = num(r.n);
  return n > COUNT_CAP ? { n: COUNT_CAP, capped: true } : { n, capped: false };
}
