// A person's recorded votes and the decisions they moved or seconded.
import type { Db } from "../db.ts";
import { publicResolutionsOnly, type Viewer } from "../visibility.ts";
import type { MotionRecordRow, VoteRecordRow } from "./types.ts";
import { DECISION_PLACE_COLUMNS, EXEMPT_COLUMNS, decisionPlace, markedExempt } from "./decisions.ts";

/** How the person voted where the minutes name them; an exempt item's or a draft meeting's votes never appear. */
export async function personVotes(db: Db, personId: number, viewer: Viewer): Promise<VoteRecordRow[]> {
  const rows = await db
    .selectFrom("decision_votes")
    .innerJoin("resolutions", "resolutions.id", "decision_votes.resolution_id")
    .innerJoin("items", "items.id", "resolutions.item_id")
    .innerJoin("meetings", "meetings.id", "resolutions.meeting_id")
    .innerJoin("bodies", "bodies.id", "meetings.body_id")
    .where("decision_votes.person_id", "=", personId)
    .where(publicResolutionsOnly(viewer))
    .select([
      ...EXEMPT_COLUMNS,
      "decision_votes.vote",
      "decision_votes.raw_name",
      "resolutions.id",
      "resolutions.slug",
      "resolutions.text",
      ...DECISION_PLACE_COLUMNS,
    ])
    .orderBy("meetings.date", "desc")
    .orderBy("meetings.start_time", "desc")
    .orderBy("items.position")
    .orderBy("resolutions.position")
    .execute();
  return rows.map((r) => ({
    vote: r.vote,
    nameAsWritten: r.raw_name,
    decision: { id: r.id, slug: r.slug, text: r.text },
    ...decisionPlace(r),
    ...markedExempt(r, viewer),
  }));
}

/** Decisions the person moved or seconded; an exempt item's or a draft meeting's never appear. */
export async function personMotions(db: Db, personId: number, viewer: Viewer): Promise<MotionRecordRow[]> {
  const rows = await db
    .selectFrom("resolutions")
    .innerJoin("items", "items.id", "resolutions.item_id")
    .innerJoin("meetings", "meetings.id", "resolutions.meeting_id")
    .innerJoin("bodies", "bodies.id", "meetings.body_id")
    .where((eb) => eb.or([eb("resolutions.moved_by_person_id", "=", personId), eb("resolutions.seconded_by_person_id", "=", personId)]))
    .where(publicResolutionsOnly(viewer))
    .select([
      ...EXEMPT_COLUMNS,
      "resolutions.id",
      "resolutions.slug",
      "resolutions.text",
      "resolutions.moved_by_person_id",
      "resolutions.moved_by_name",
      "resolutions.seconded_by_name",
      ...DECISION_PLACE_COLUMNS,
    ])
    .orderBy("meetings.date", "desc")
    .orderBy("meetings.start_time", "desc")
    .orderBy("items.position")
    .orderBy("resolutions.position")
    .execute();
  return rows.map((r) => {
    const moved = r.moved_by_person_id === personId;
    return {
      role: moved ? ("moved" as const) : ("seconded" as const),
      nameAsWritten: (moved ? r.moved_by_name : r.seconded_by_name) ?? "",
      decision: { id: r.id, slug: r.slug, text: r.text },
      ...decisionPlace(r),
      ...markedExempt(r, viewer),
    };
  });
}
