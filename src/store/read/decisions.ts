// The decisions register: public decisions, newest meeting first and in the order of its minutes,
// paged by cursor along the meetings' order index; totals from the committees' summaries. Also the
// columns a person's votes and motions share with it.
import { sql } from "kysely";
import type { Db } from "../db.ts";
import { exemptAccess, exemptNotice, publicResolutionsOnly, viewerOn, PUBLIC_VIEWER, type Viewer } from "../visibility.ts";
import { preparedRead, shapeOf } from "../prepared.ts";
import type { DecisionSummary, Page } from "./types.ts";
import { bool, outcome, pageArgs, votes } from "./util.ts";
import { cappedCount, decisionTotal } from "./counts.ts";
import { checkOffset, decodeCursor, encodeCursor, pageSize } from "./keyset.ts";
import { beyond, meetingTime } from "./meetings.ts";

/** Where a decision was taken: its item, meeting and committee (a person's votes and motions list them alike). */
export const DECISION_PLACE_COLUMNS = [
  "items.slug as item_slug",
  "items.number as item_number",
  "items.title as item_title",
  "meetings.slug as meeting_slug",
  "meetings.date",
  "meetings.start_time",
  "bodies.slug as body_slug",
  "bodies.name as body_name",
] as const;

export function decisionPlace(r: { item_slug: string; item_number: string; item_title: string; meeting_slug: string; date: string; start_time: string | null; body_slug: string; body_name: string }) {
  return {
    item: { slug: r.item_slug, number: r.item_number, title: r.item_title },
    meeting: { slug: r.meeting_slug, date: r.date, startTime: r.start_time, body: { slug: r.body_slug, name: r.body_name } },
  };
}

export const EXEMPT_COLUMNS = ["items.exempt as item_exempt", "items.exempt_paragraphs", "items.exempt_release_on", "meetings.body_id as meeting_body_id"] as const;

/** `{exemptNotice}` for a decision an entitled viewer sees from an exempt item; nothing otherwise, so public answers keep their shape. */
export function markedExempt(
  r: { item_exempt: number | boolean; exempt_paragraphs: string | null; exempt_release_on: string | null; meeting_body_id: number },
  viewer: Viewer,
): { exemptNotice?: string } {
  if (!bool(r.item_exempt)) return {};
  return exemptAccess(viewer, { bodyId: r.meeting_body_id, releaseOn: r.exempt_release_on }) === "entitled" ? { exemptNotice: exemptNotice(r.exempt_paragraphs) } : {};
}

export interface ListDecisionsOptions {
  authority?: string;
  body?: string;
  from?: string;
  to?: string;
  outcome?: string;
  /** case-insensitive words that must all appear in the decision text */
  q?: string;
  limit?: number;
  offset?: number;
  /** a page's next or previous cursor */
  cursor?: string;
  /** false: no total is read (a list that shows none) */
  count?: boolean;
}

type DecisionKey = [string, string, number, number, number, number];

function decisionBase(db: Db, opts: Pick<ListDecisionsOptions, "authority" | "body" | "from" | "to" | "outcome" | "q">, viewer: Viewer) {
  // meetings first, as CROSS JOIN keeps them on SQLite, so the walk goes along the meetings'
  // order index and stops at the page's end instead of sorting every decision
  let q = db
    .selectFrom("meetings")
    .crossJoin("resolutions")
    .crossJoin("items")
    .whereRef("resolutions.meeting_id", "=", "meetings.id")
    .whereRef("items.id", "=", "resolutions.item_id")
    .innerJoin("bodies", "bodies.id", "meetings.body_id")
    .innerJoin("authorities", "authorities.id", "bodies.authority_id")
    .where(publicResolutionsOnly(viewer));
  if (opts.authority) q = q.where("authorities.slug", "=", opts.authority);
  // by id, so that one committee's rows are read along meetings_body_order
  if (opts.body) q = q.where("meetings.body_id", "=", (eb) => eb.selectFrom("bodies").where("bodies.slug", "=", opts.body!).select("bodies.id"));
  if (opts.from) q = q.where("meetings.date", ">=", opts.from);
  if (opts.to) q = q.where("meetings.date", "<=", opts.to);
  if (opts.outcome) q = q.where("resolutions.outcome", "=", opts.outcome);
  for (const word of (opts.q ?? "").toLowerCase().split(/\s+/).filter(Boolean)) {
    const pattern = `%${word.replace(/[\\%_]/g, (c) => "\\" + c)}%`;
    q = q.where(sql<boolean>`lower(resolutions.text) LIKE ${pattern} ESCAPE '\\'`);
  }
  return q;
}

/** The register's columns in its order: newest meeting first, then the minutes' order (`back`: the other way). */
function decisionColumns(q: ReturnType<typeof decisionBase>, back: boolean) {
  const mDir = back ? "asc" : "desc";
  const iDir = back ? "desc" : "asc";
  return q
    .select([
      ...EXEMPT_COLUMNS,
      "resolutions.id",
      "resolutions.slug",
      "resolutions.text",
      "resolutions.outcome",
      "resolutions.votes_for",
      "resolutions.votes_against",
      "resolutions.votes_abstain",
      "resolutions.votes_unanimous",
      "resolutions.position",
      "items.position as item_position",
      "items.slug as item_slug",
      "items.number as item_number",
      "items.title as item_title",
      "meetings.id as meeting_id",
      "meetings.slug as meeting_slug",
      "meetings.date",
      "meetings.start_time",
      "bodies.slug as body_slug",
      "bodies.name as body_name",
      "authorities.slug as authority_slug",
      "authorities.name as authority_name",
    ])
    .orderBy("meetings.date", mDir)
    .orderBy(meetingTime, mDir)
    .orderBy("meetings.id", mDir)
    .orderBy("items.position", iDir)
    .orderBy("resolutions.position", iDir)
    .orderBy("resolutions.id", iDir);
}

// A first page of the register (by offset, as the home, committee and register pages open it),
// kept as SQL once for each combination of filters and viewer (prepared.ts); words searched for
// make patterns of the words, so a search is built afresh.
const firstDecisions = preparedRead(
  (db: Db, p: { authority: string; body: string; from: string; to: string; outcome: string; offset: number; today: string }, s: { opts: ListDecisionsOptions; viewer: Viewer; take: number; skip: boolean }) => {
    const present = (k: "authority" | "body" | "from" | "to" | "outcome") => (s.opts[k] ? p[k] : undefined);
    const filters = { authority: present("authority"), body: present("body"), from: present("from"), to: present("to"), outcome: present("outcome"), q: s.opts.q };
    const q = decisionColumns(decisionBase(db, filters, viewerOn(s.viewer, p.today)), false).limit(sql.lit(s.take));
    return s.skip ? q.offset(p.offset) : q;
  },
  ({ opts, viewer, take, skip }) => (opts.q?.trim() ? null : shapeOf([opts.authority, opts.body, opts.from, opts.to, opts.outcome, skip], viewer, take)),
  () => true,
);

export async function listDecisions(db: Db, opts: ListDecisionsOptions = {}, viewer: Viewer = PUBLIC_VIEWER): Promise<Page<DecisionSummary>> {
  const { limit, offset } = pageArgs(opts);
  const cursor = opts.cursor ? decodeCursor(opts.cursor, ["s", "s", "n", "n", "n", "n"]) : null;
  if (!cursor) checkOffset(offset);
  const base = () => decisionBase(db, opts, viewer);
  // newest meeting first, then the order of the minutes; "before" a cursor walks the other way
  const back = cursor?.dir === "before";
  let rows;
  if (cursor) {
    const [d, t, mid, ip, rp, rid] = cursor.key as DecisionKey;
    const cmp = back ? "<" : ">";
    // the rest of the cursor's meeting, then the meetings beyond it along the index
    const rest = await decisionColumns(
      base()
        .where("meetings.id", "=", mid)
        .where((eb) =>
          eb.or([
            eb("items.position", cmp, ip),
            eb.and([eb("items.position", "=", ip), eb.or([eb("resolutions.position", cmp, rp), eb.and([eb("resolutions.position", "=", rp), eb("resolutions.id", cmp, rid)])])]),
          ]),
        ),
      back,
    )
      .limit(limit + 1)
      .execute();
    const further = rest.length > limit ? [] : await decisionColumns(base().where((eb) => beyond(eb, [d, t, mid], !back)), back).limit(limit + 1 - rest.length).execute();
    rows = [...rest, ...further];
  } else {
    rows = await firstDecisions(
      db,
      { authority: opts.authority ?? "", body: opts.body ?? "", from: opts.from ?? "", to: opts.to ?? "", outcome: opts.outcome ?? "", offset, today: viewer.today ?? "" },
      { opts, viewer, take: pageSize(limit) + 1, skip: offset > 0 },
    );
  }
  const more = rows.length > limit;
  rows = rows.slice(0, limit);
  if (back) rows.reverse();
  const keyOf = (r: (typeof rows)[number]) => [r.date, r.start_time ?? "", r.meeting_id, r.item_position, r.position, r.id];
  const hasBefore = cursor ? cursor.dir === "after" || more : offset > 0;
  const hasAfter = back ? true : more;
  const scoped = !opts.from && !opts.to && !opts.outcome && !opts.q?.trim();
  const total =
    opts.count === false
      ? { n: 0, capped: false }
      : scoped
        ? { n: await decisionTotal(db, opts, viewer), capped: false }
        : await cappedCount(db, base().select("resolutions.id"));
  const first = rows[0];
  const last = rows.at(-1);
  return {
    data: rows.map((r) => ({
      id: r.id,
      slug: r.slug,
      text: r.text,
      outcome: outcome(r.outcome),
      votes: votes(r),
      item: { slug: r.item_slug, number: r.item_number, title: r.item_title },
      meeting: { slug: r.meeting_slug, date: r.date, startTime: r.start_time },
      body: { slug: r.body_slug, name: r.body_name },
      authority: { slug: r.authority_slug, name: r.authority_name },
      ...markedExempt(r, viewer),
    })),
    total: total.n,
    ...(total.capped ? { totalCapped: true } : {}),
    limit,
    offset: cursor ? 0 : offset,
    next: hasAfter && last ? encodeCursor("after", keyOf(last)) : null,
    previous: hasBefore && first ? encodeCursor("before", keyOf(first)) : null,
  };
}
