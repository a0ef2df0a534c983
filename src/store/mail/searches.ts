// Saved searches followed by email. When an agenda or minutes become public, each followed search
// is run against the public search index restricted to that meeting: the index holds only what
// the visibility rule lets the public find (no draft minutes, no exempt text), so an alert can
// only name what a signed-out visitor searching the site would find.
import { sql } from "kysely";
import { alertPaths, type AlertHit, type AlertSearch } from "../../domain/alerts.ts";
import { QuorumError } from "../../domain/errors.ts";
import { dialectOf, type Db } from "../db.ts";
import type { SearchType } from "../read/types.ts";
import { num } from "../read/util.ts";
import { ftsMatch, toWebsearch } from "../search-query.ts";
import { mailDb, type AnyDb } from "./schema.ts";

const TYPES: SearchType[] = ["meeting", "item", "decision", "person", "agenda", "paper"];
export const MAX_QUERY = 200;

/** A search as /search takes it, checked: the words, and only the filters /search knows. */
export function checkSearch(raw: { q?: string; type?: string; body?: string; authority?: string; year?: string | number }): AlertSearch {
  const query = (raw.q ?? "").trim().replace(/\s+/g, " ");
  if (!query || !toWebsearch(query)) throw new QuorumError("invalid", "Enter words to search for");
  if (query.length > MAX_QUERY) throw new QuorumError("invalid", `Enter a search of ${MAX_QUERY} characters or fewer`);
  const filters: AlertSearch["filters"] = {};
  if (raw.type && TYPES.includes(raw.type as SearchType)) filters.type = raw.type;
  if (raw.body) filters.body = String(raw.body).slice(0, 200);
  if (raw.authority) filters.authority = String(raw.authority).slice(0, 200);
  if (raw.year !== undefined && raw.year !== "" && /^\d{4}$/.test(String(raw.year))) filters.year = Number(raw.year);
  return { query, filters };
}

/** One row per distinct search: the words and filters in a fixed order. */
export function searchKey(s: AlertSearch): string {
  return JSON.stringify([s.query.toLowerCase(), s.filters.type ?? null, s.filters.body ?? null, s.filters.authority ?? null, s.filters.year ?? null]);
}

/** The saved search's row, made on first use. */
export async function savedSearchId(db: AnyDb, s: AlertSearch, now: Date): Promise<number> {
  const mdb = mailDb(db);
  const key = searchKey(s);
  const found = await mdb.selectFrom("mail_searches").where("key", "=", key).select("id").executeTakeFirst();
  if (found) return found.id;
  const row = await mdb.insertInto("mail_searches").values({ key, query: s.query, filters_json: JSON.stringify(s.filters), created_at: now.toISOString() }).returning("id").executeTakeFirstOrThrow();
  return row.id;
}

export function searchOf(row: { query: string; filters_json: string }): AlertSearch {
  return { query: row.query, filters: JSON.parse(row.filters_json) as AlertSearch["filters"] };
}

type HitRow = { kind: string; title: string; item_slug: string | null; decision_slug: string | null; paper_id: number | null };

/**
 * What the search finds in one meeting's public entries (its items and decisions, its agenda
 * items and papers), in the meeting's order. The words match as /search matches them; the
 * filters of committee, council, type and year hold when the meeting's entries have them.
 */
export async function matchInMeeting(db: AnyDb, s: AlertSearch, meetingId: number, meetingSlug: string, only: "minutes" | "agenda"): Promise<AlertHit[]> {
  const d = db as Db;
  const f = s.filters;
  if (f.body) {
    const b = await d.selectFrom("bodies").innerJoin("meetings", "meetings.body_id", "bodies.id").where("meetings.id", "=", meetingId).where("bodies.slug", "=", f.body).select("bodies.id").executeTakeFirst();
    if (!b) return [];
  }
  if (f.authority) {
    const a = await d.selectFrom("authorities").innerJoin("bodies", "bodies.authority_id", "authorities.id").innerJoin("meetings", "meetings.body_id", "bodies.id").where("meetings.id", "=", meetingId).where("authorities.slug", "=", f.authority).select("authorities.id").executeTakeFirst();
    if (!a) return [];
  }
  const kinds = only === "minutes" ? ["meeting", "item", "decision"] : ["agenda", "paper"];
  const wanted = f.type ? kinds.filter((k) => k === f.type) : kinds;
  if (!wanted.length) return [];
  const ofMeeting = sql`(e.meeting_id = ${meetingId}
      OR (e.kind = 'agenda' AND e.entity_id IN (SELECT ai.id FROM agenda_items ai WHERE ai.meeting_id = ${meetingId}))
      OR (e.kind = 'paper' AND e.entity_id IN (SELECT ap.id FROM agenda_papers ap WHERE ap.meeting_id = ${meetingId})))
    AND e.kind IN (${sql.join(wanted)})${f.year !== undefined ? sql` AND e.year = ${f.year}` : sql``}`;
  const cols = sql`e.kind, e.title,
      (SELECT i.slug FROM items i WHERE e.kind = 'item' AND i.id = e.entity_id) AS item_slug,
      (SELECT r.slug FROM resolutions r WHERE e.kind = 'decision' AND r.id = e.entity_id) AS decision_slug,
      CASE WHEN e.kind = 'paper' THEN e.entity_id END AS paper_id`;
  let rows: HitRow[];
  if (dialectOf(d) === "postgres") {
    const ws = toWebsearch(s.query);
    if (!ws) return [];
    rows = (await sql<HitRow>`SELECT ${cols} FROM search_entries e WHERE e.tsv @@ websearch_to_tsquery('english', ${ws}) AND ${ofMeeting} ORDER BY e.id`.execute(d)).rows;
  } else {
    const match = ftsMatch(s.query);
    if (!match) return [];
    rows = (await sql<HitRow>`SELECT ${cols} FROM search_fts JOIN search_entries e ON e.id = search_fts.rowid WHERE search_fts MATCH ${match} AND ${ofMeeting} ORDER BY e.id`.execute(d)).rows;
  }
  return rows.map((r) => ({
    title: r.title,
    path:
      r.kind === "item" && r.item_slug ? alertPaths.item(meetingSlug, r.item_slug)
      : r.kind === "decision" && r.decision_slug ? alertPaths.decision(meetingSlug, r.decision_slug)
      : r.kind === "paper" && r.paper_id != null ? alertPaths.paper(meetingSlug, num(r.paper_id))
      : alertPaths.meeting(meetingSlug),
  }));
}

export interface SearchFollowers {
  search: AlertSearch;
  subscriptions: { id: number; subscriber_id: number; frequency: "immediate" | "daily"; email: string }[];
}

/** Every saved search someone follows now, with its live subscriptions. */
export async function followedSearches(db: AnyDb): Promise<SearchFollowers[]> {
  const rows = await mailDb(db)
    .selectFrom("mail_subscriptions")
    .innerJoin("mail_searches", "mail_searches.id", "mail_subscriptions.target_id")
    .innerJoin("mail_subscribers", "mail_subscribers.id", "mail_subscriptions.subscriber_id")
    .where("mail_subscriptions.target_kind", "=", "search")
    .where("mail_subscriptions.status", "=", "active")
    .select(["mail_searches.id as search_id", "mail_searches.query", "mail_searches.filters_json", "mail_subscriptions.id", "mail_subscriptions.subscriber_id", "mail_subscriptions.frequency", "mail_subscribers.email"])
    .orderBy("mail_searches.id")
    .orderBy("mail_subscriptions.id")
    .execute();
  const out = new Map<number, SearchFollowers>();
  for (const r of rows) {
    let f = out.get(r.search_id);
    if (!f) out.set(r.search_id, (f = { search: searchOf(r), subscriptions: [] }));
    f.subscriptions.push({ id: r.id, subscriber_id: r.subscriber_id, frequency: r.frequency, email: r.email });
  }
  return [...out.values()];
}
