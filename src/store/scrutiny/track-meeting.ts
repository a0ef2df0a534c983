// trackMeeting: after a meeting's minutes are stored, fill the tracker from what they record —
// the recommendation/response table becomes an inquiry with tracked recommendations, resolutions
// that ask for something become actions, minuted work programme changes update the programme.
// Idempotent: rows are keyed by the meeting, recommendation number, item and clause, so running
// it again (or after a corrected import) updates them in place and keeps updates people added.
// What comes from an exempt item stays sealed: recommendations keep the flag import gave them,
// work-programme changes are flagged from their item, and actions stay linked to their item; the
// inquiry's details are read from the public text unless only exempt business answered it.
import { sql, type Kysely, type Transaction } from "kysely";
import { actionsFromResolution } from "../../domain/actions.ts";
import { inquiryDetailsFromText } from "../../domain/inquiry-details.ts";
import { RECOMMENDATION_RESPONSES, type RecommendationResponse } from "../../domain/minutes.ts";
import { workProgrammeChanges, type WorkProgrammeChange } from "../../domain/work-programme-changes.ts";
import { QuorumError } from "../../domain/errors.ts";
import type { Database } from "../schema.ts";
import { nameKey, slugify } from "../rules/slugs.ts";
import { trackerDb, type TrackerDatabase } from "./schema.ts";
import { applyWorkProgrammeChange, forgetWorkProgrammeChanges } from "./work-programme.ts";
import { publicSourceText } from "../visibility.ts";
import { dialectOf } from "../db.ts";
import { ITEM_TEXT_COLUMNS, cutItemText } from "../item-body.ts";
import { unpack } from "../packed.ts";

type Tx = Transaction<TrackerDatabase>;

export interface TrackResult {
  /** `responded`: tracked recommendations already known whose response the minutes now record or change */
  inquiry: { slug: string; recommendations: number; responded: number[] } | null;
  actions: number;
  workProgrammeChanges: number;
}

/** Runs in the caller's transaction when given one, otherwise in its own. */
export async function trackMeeting(db: Kysely<Database> | Transaction<Database>, meetingId: number): Promise<TrackResult> {
  const t = trackerDb(db);
  if (t.isTransaction) return track(t as Tx, meetingId);
  return t.transaction().execute((trx) => track(trx, meetingId));
}

/** Every stored meeting, oldest first (work programme moves apply in the order they were minuted). */
export async function trackAllMeetings(db: Kysely<Database>): Promise<TrackResult[]> {
  const ids = await db.selectFrom("meetings").select("id").orderBy("date").orderBy("id").execute();
  const out: TrackResult[] = [];
  for (const { id } of ids) out.push(await trackMeeting(db, id));
  return out;
}

const now = () => new Date().toISOString();

async function track(trx: Tx, meetingId: number): Promise<TrackResult> {
  const found = await trx
    .selectFrom("meetings")
    .innerJoin("bodies", "bodies.id", "meetings.body_id")
    .leftJoin("source_documents", "source_documents.id", "meetings.source_document_id")
    .where("meetings.id", "=", meetingId)
    .select([
      "meetings.id",
      "meetings.slug",
      "meetings.date",
      "meetings.body_id",
      "bodies.authority_id",
      "bodies.name as body_name",
      "source_documents.packed_text",
      "source_documents.exempt_ranges",
    ])
    .executeTakeFirst();
  if (!found) throw new QuorumError("not_found", `no meeting with id ${meetingId}`);
  const stored = await trx
    .selectFrom("items")
    .where("meeting_id", "=", meetingId)
    .select(["id", "number", "slug", "title", "exempt", ...ITEM_TEXT_COLUMNS])
    .orderBy("position")
    .execute();
  const sourceText = found.packed_text ? unpack(found.packed_text) : null;
  const items = stored.map(({ text_start, text_end, text_uncut, ...i }) => ({ ...i, text: cutItemText(sourceText, { text_start, text_end, text_uncut }) }));
  const { packed_text: _packed, ...rest } = found;
  const meeting = { ...rest, source_text: sourceText };
  const resolutions = await trx
    .selectFrom("resolutions")
    .where("meeting_id", "=", meetingId)
    .select(["item_id", "position", "text"])
    .orderBy("item_id")
    .orderBy("position")
    .execute();
  const recommendations = await trx
    .selectFrom("recommendations")
    .where("meeting_id", "=", meetingId)
    .selectAll()
    // public rows first, so a number an exempt table repeats never takes a public row's place
    .orderBy("exempt")
    .orderBy("position")
    .execute();

  const inquiry = await trackRecommendations(trx, meeting, items, recommendations);
  const actions = await trackActions(trx, meeting, items, resolutions);
  let wpChanges = 0;
  const minuted: WorkProgrammeChange[] = [];
  for (const item of items) {
    if (!/\bwork\s*programme\b/i.test(item.title) || !item.text) continue;
    const exempt = item.exempt === true || item.exempt === 1;
    for (const change of workProgrammeChanges(item.text, meeting.date)) {
      minuted.push(change);
      if (await applyWorkProgrammeChange(trx, meeting.body_id, change, { on: meeting.date, meetingId, exempt })) wpChanges++;
    }
  }
  await forgetWorkProgrammeChanges(trx, meeting.body_id, meetingId, minuted);
  return { inquiry, actions, workProgrammeChanges: wpChanges };
}

interface MeetingRow {
  id: number;
  slug: string;
  date: string;
  body_id: number;
  authority_id: number;
  body_name: string;
  source_text: string | null;
  exempt_ranges: string | null;
}

/** The item the response table belongs to: one named as an inquiry or review, else none. */
function inquiryItemTitle(items: { title: string }[]): string | null {
  return items.find((i) => /\b(?:inquiry|review|scrutiny|task and finish)\b/i.test(i.title))?.title ?? null;
}

async function trackRecommendations(
  trx: Tx,
  meeting: MeetingRow,
  items: { title: string }[],
  recs: { number: string; text: string; response: string | null; response_text: string | null; responsible_member: string | null; responsible_officer: string | null; action_by: string | null; position: number; exempt: number | boolean }[],
): Promise<TrackResult["inquiry"]> {
  const existing = await trx.selectFrom("inquiries").where("response_meeting_id", "=", meeting.id).select(["id", "slug"]).executeTakeFirst();
  if (!recs.length) {
    // A corrected import that lost its table leaves the inquiry only if people have worked on it.
    if (existing) await dropUntouched(trx, existing.id);
    return null;
  }
  const sealed = (r: { exempt: number | boolean }) => r.exempt === true || r.exempt === 1;
  // An inquiry any public recommendation answers is public, so its details must come from public text.
  const allSealed = recs.every(sealed);
  const detailsText = meeting.source_text && !allSealed ? publicSourceText(meeting.source_text, JSON.parse(meeting.exempt_ranges ?? "[]")) : meeting.source_text;
  const details = detailsText ? inquiryDetailsFromText(detailsText) : null;
  const title = details?.title ?? inquiryItemTitle(items) ?? `Recommendations answered by ${meeting.body_name} on ${meeting.date}`;
  const committeeBody = details?.committee
    ? await trx.selectFrom("bodies").where("authority_id", "=", meeting.authority_id).where("name_key", "=", nameKey(details.committee)).select("id").executeTakeFirst()
    : undefined;
  const values = {
    authority_id: meeting.authority_id,
    title,
    committee_name: details?.committee ?? null,
    committee_body_id: committeeBody?.id ?? null,
    chair: details?.chair ?? null,
    lead_member: details?.leadMember ?? null,
    lead_officer: details?.leadOfficer ?? null,
    source: "minutes",
    updated_at: now(),
  };
  let inquiryId: number;
  let slug: string;
  if (existing) {
    await trx.updateTable("inquiries").set(values).where("id", "=", existing.id).execute();
    inquiryId = existing.id;
    slug = existing.slug;
  } else {
    // The slug is fixed at creation, so a later correction of the title keeps the URL.
    slug = `${meeting.slug}-${slugify(title).slice(0, 60).replace(/-+$/, "")}`;
    inquiryId = (await trx.insertInto("inquiries").values({ ...values, slug, response_meeting_id: meeting.id }).returning("id").executeTakeFirstOrThrow()).id;
  }
  const schedule = await trx.selectFrom("inquiry_schedules").where("inquiry_id", "=", inquiryId).select("months_after").execute();
  if (!schedule.length && details?.monitoringMonths?.length) {
    await trx.insertInto("inquiry_schedules").values(details.monitoringMonths.map((m) => ({ inquiry_id: inquiryId, months_after: m }))).execute();
  }

  const seen = new Set<string>();
  const responded: number[] = [];
  for (const [i, r] of recs.entries()) {
    if (seen.has(r.number)) continue;
    seen.add(r.number);
    const response = (RECOMMENDATION_RESPONSES as readonly string[]).includes(r.response ?? "") ? (r.response as RecommendationResponse) : null;
    const row = {
      position: i,
      text: r.text,
      response,
      response_text: r.response_text,
      responsible_member: r.responsible_member,
      responsible_officer: r.responsible_officer,
      action_by: r.action_by,
      responded_on: response ? meeting.date : null,
      response_meeting_id: response ? meeting.id : null,
      exempt: r.exempt,
      updated_at: now(),
    };
    const found = await trx.selectFrom("tracked_recommendations").where("inquiry_id", "=", inquiryId).where("number", "=", r.number).select(["id", "response", "response_text"]).executeTakeFirst();
    if (found && response && (found.response !== response || found.response_text !== r.response_text)) responded.push(found.id);
    if (found) await trx.updateTable("tracked_recommendations").set(row).where("id", "=", found.id).execute();
    else await trx.insertInto("tracked_recommendations").values({ ...row, inquiry_id: inquiryId, number: r.number }).execute();
  }
  await dropUntouchedRecommendations(trx, inquiryId, [...seen]);
  return { slug, recommendations: seen.size, responded };
}

/**
 * Recommendations the minutes no longer carry go, unless someone has updated or closed them; those
 * stay for officers but are sealed, since nothing public now shows they were public business (a
 * corrected version may have withdrawn an exempt item's table).
 */
async function dropUntouchedRecommendations(trx: Tx, inquiryId: number, keep: string[]): Promise<void> {
  let sealed = trx.updateTable("tracked_recommendations").set({ exempt: dialectOf(trx) === "postgres" ? true : 1 }).where("inquiry_id", "=", inquiryId);
  if (keep.length) sealed = sealed.where("number", "not in", keep);
  await sealed.execute();
  let q = trx
    .deleteFrom("tracked_recommendations")
    .where("inquiry_id", "=", inquiryId)
    .where("closure_outcome", "is", null)
    .where((eb) => eb.not(eb.exists(eb.selectFrom("recommendation_updates").whereRef("recommendation_updates.recommendation_id", "=", "tracked_recommendations.id").select("id"))))
    // an owner has been given it: it has been worked on (migration 011)
    .where(sql<boolean>`owner_user_id IS NULL`);
  if (keep.length) q = q.where("number", "not in", keep);
  await q.execute();
}

async function dropUntouched(trx: Tx, inquiryId: number): Promise<void> {
  await dropUntouchedRecommendations(trx, inquiryId, []);
  const left = await trx.selectFrom("tracked_recommendations").where("inquiry_id", "=", inquiryId).select("id").executeTakeFirst();
  if (!left) await trx.deleteFrom("inquiries").where("id", "=", inquiryId).execute();
}

async function trackActions(
  trx: Tx,
  meeting: MeetingRow,
  items: { id: number; number: string; slug: string }[],
  resolutions: { item_id: number; position: number; text: string }[],
): Promise<number> {
  const itemById = new Map(items.map((i) => [i.id, i]));
  const keep: string[] = [];
  for (const r of resolutions) {
    const item = itemById.get(r.item_id);
    if (!item) continue;
    for (const draft of actionsFromResolution(r.text, { meetingDate: meeting.date })) {
      const slug = `${meeting.slug}-${item.slug}-${r.position + 1}${draft.label ? `-${draft.label}` : ""}${draft.part > 1 ? `-${draft.part}` : ""}`;
      keep.push(slug);
      const values = {
        body_id: meeting.body_id,
        meeting_id: meeting.id,
        item_slug: item.slug,
        item_number: item.number,
        resolution_position: r.position,
        label: draft.label,
        text: draft.text,
        owner: draft.owner,
        recipient: draft.recipient,
        due: draft.due,
        source: "minutes",
        updated_at: now(),
      };
      const found = await trx.selectFrom("actions").where("slug", "=", slug).select("id").executeTakeFirst();
      if (found) await trx.updateTable("actions").set(values).where("id", "=", found.id).execute();
      else await trx.insertInto("actions").values({ ...values, slug }).execute();
    }
  }
  // Actions a corrected import no longer finds go, unless someone has worked on them.
  let stale = trx
    .deleteFrom("actions")
    .where("meeting_id", "=", meeting.id)
    .where("source", "=", "minutes")
    .where("status", "=", "open")
    .where("answered_meeting_id", "is", null)
    .where((eb) => eb.not(eb.exists(eb.selectFrom("action_updates").whereRef("action_updates.action_id", "=", "actions.id").select("id"))))
    .where(sql<boolean>`owner_user_id IS NULL`);
  if (keep.length) stale = stale.where("slug", "not in", keep);
  await stale.execute();
  return keep.length;
}
