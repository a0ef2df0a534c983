// Read functions for the portal and the API. Everything here returns what the viewer may see, the
// public's records unless a viewer is given: meetings pass isMeetingPublic / publicMeetingsOnly,
// items pass publicItem, sealed rows isFromPublicBusiness, sources sourceTextFor.
import { sql } from "kysely";
import type { Db } from "../db.ts";
import {
  isSpanPublic,
  publicItem,
  publicMeetingsOnly,
  publicPeopleOnly,
  publicResolutionsOnly,
  publicSourceText,
  isMeetingPublic,
  isFromPublicBusiness,
  isNotForPublication,
  exemptAccess,
  exemptNotice,
  sealedReleaseOn,
  sourceTextFor,
  PUBLIC_VIEWER,
  type ExemptAccess,
  type Viewer,
} from "../visibility.ts";
import type {
  AttendeeView,
  AuthoritySummary,
  BodyDetail,
  BodySummary,
  DecisionSummary,
  MeetingDetail,
  MeetingSummary,
  MotionRecordRow,
  VoteRecordRow,
  Page,
  PersonDetail,
  PersonSummary,
  ProvenanceView,
  ResolutionView,
  SourceDocumentView,
} from "./types.ts";
import { bool, num, outcome, pageArgs, votes, yearOf } from "./util.ts";
import { recordedVotes } from "./votes.ts";
import { standingColumns, standingOf } from "../lifecycle/standing.ts";
import { readMinutesLifecycle } from "../lifecycle/read.ts";
import { itemTexts } from "../item-body.ts";
import { unpack } from "../packed.ts";

export * from "./types.ts";
export { search } from "../search.ts";

export async function listAuthorities(db: Db): Promise<AuthoritySummary[]> {
  const rows = await db
    .selectFrom("authorities")
    .select((eb) => [
      "authorities.id",
      "authorities.slug",
      "authorities.name",
      "authorities.time_zone",
      eb.selectFrom("bodies").whereRef("bodies.authority_id", "=", "authorities.id").select(eb.fn.countAll().as("n")).as("body_count"),
      eb
        .selectFrom("meetings")
        .innerJoin("bodies", "bodies.id", "meetings.body_id")
        .whereRef("bodies.authority_id", "=", "authorities.id")
        .where(publicMeetingsOnly)
        .select(eb.fn.countAll().as("n"))
        .as("meeting_count"),
    ])
    .orderBy("authorities.name")
    .execute();
  return rows.map((r) => ({ id: r.id, slug: r.slug, name: r.name, timeZone: r.time_zone, bodyCount: num(r.body_count), meetingCount: num(r.meeting_count) }));
}

function bodySummaries(db: Db) {
  return db
    .selectFrom("bodies")
    .innerJoin("authorities", "authorities.id", "bodies.authority_id")
    .select((eb) => [
      "bodies.id",
      "bodies.slug",
      "bodies.name",
      "bodies.kind",
      "authorities.slug as authority_slug",
      "authorities.name as authority_name",
      eb.selectFrom("meetings").whereRef("meetings.body_id", "=", "bodies.id").where(publicMeetingsOnly).select(eb.fn.countAll().as("n")).as("meeting_count"),
      eb.selectFrom("meetings").whereRef("meetings.body_id", "=", "bodies.id").where(publicMeetingsOnly).select((s) => s.fn.min("meetings.date").as("d")).as("first_meeting"),
      eb.selectFrom("meetings").whereRef("meetings.body_id", "=", "bodies.id").where(publicMeetingsOnly).select((s) => s.fn.max("meetings.date").as("d")).as("last_meeting"),
    ]);
}

type BodyRow = Awaited<ReturnType<ReturnType<typeof bodySummaries>["execute"]>>[number];

function toBodySummary(r: BodyRow): BodySummary {
  return {
    id: r.id,
    slug: r.slug,
    name: r.name,
    kind: r.kind,
    authority: { slug: r.authority_slug, name: r.authority_name },
    meetingCount: num(r.meeting_count),
    firstMeeting: (r.first_meeting as string | null) ?? null,
    lastMeeting: (r.last_meeting as string | null) ?? null,
  };
}

export async function listBodies(db: Db, opts: { authority?: string } = {}): Promise<BodySummary[]> {
  let q = bodySummaries(db);
  if (opts.authority) q = q.where("authorities.slug", "=", opts.authority);
  const rows = await q.orderBy("authorities.name").orderBy("bodies.name").execute();
  return rows.map(toBodySummary);
}

export async function getBody(db: Db, slug: string, viewer: Viewer = PUBLIC_VIEWER): Promise<BodyDetail | null> {
  const row = await bodySummaries(db).where("bodies.slug", "=", slug).executeTakeFirst();
  if (!row) return null;
  const members = await db
    .selectFrom("memberships")
    .innerJoin("people", "people.id", "memberships.person_id")
    .where("memberships.body_id", "=", row.id)
    .select(["people.slug", "people.display_name", "memberships.kind", "memberships.role", "memberships.from_date", "memberships.to_date"])
    .orderBy("memberships.to_date", "desc")
    .orderBy("people.surname")
    .orderBy("people.display_name")
    .execute();
  const meetings = await selectMeetingSummaries(db, (q) => q.where("meetings.body_id", "=", row.id).orderBy("meetings.date", "desc").orderBy("meetings.start_time", "desc"), viewer);
  const byYear = new Map<number, MeetingSummary[]>();
  for (const { summary: m } of meetings) {
    const y = yearOf(m.date);
    if (!byYear.has(y)) byYear.set(y, []);
    byYear.get(y)!.push(m);
  }
  const decisions = await listDecisions(db, { body: slug, limit: 20 }, viewer);
  return {
    ...toBodySummary(row),
    members: members.map((m) => ({ person: { slug: m.slug, name: m.display_name }, kind: m.kind, role: m.role, from: m.from_date, to: m.to_date })),
    meetingsByYear: [...byYear.entries()].sort((a, b) => b[0] - a[0]).map(([year, ms]) => ({ year, meetings: ms })),
    decisions: decisions.data,
  };
}

export interface ListMeetingsOptions {
  authority?: string;
  body?: string;
  /** inclusive ISO dates */
  from?: string;
  to?: string;
  limit?: number;
  offset?: number;
}

function meetingSummaries(db: Db) {
  return db
    .selectFrom("meetings")
    .innerJoin("bodies", "bodies.id", "meetings.body_id")
    .innerJoin("authorities", "authorities.id", "bodies.authority_id")
    .where(publicMeetingsOnly);
}

const MEETING_COLUMNS = [
  "meetings.id",
  "meetings.slug",
  "meetings.date",
  "meetings.start_time",
  "meetings.end_time",
  "meetings.venue",
  "meetings.status",
  "meetings.minutes_status",
  "meetings.minutes_draft",
  "meetings.source_document_id",
  "meetings.next_meeting_date",
  "meetings.next_meeting_time",
  "meetings.next_meeting_venue",
  "meetings.body_id",
  "bodies.slug as body_slug",
  "bodies.name as body_name",
  "authorities.slug as authority_slug",
  "authorities.name as authority_name",
  "authorities.time_zone",
] as const;

async function selectMeetingSummaries(db: Db, build: (q: ReturnType<typeof meetingSummaries>) => ReturnType<typeof meetingSummaries>, viewer: Viewer = PUBLIC_VIEWER) {
  const rows = await build(meetingSummaries(db))
    .select(MEETING_COLUMNS)
    .select((eb) => [
      eb.selectFrom("items").whereRef("items.meeting_id", "=", "meetings.id").select(eb.fn.countAll().as("n")).as("item_count"),
      eb
        .selectFrom("resolutions")
        .innerJoin("items", "items.id", "resolutions.item_id")
        .whereRef("resolutions.meeting_id", "=", "meetings.id")
        .where(publicResolutionsOnly(viewer))
        .select(eb.fn.countAll().as("n"))
        .as("decision_count"),
      ...standingColumns(),
    ])
    .execute();
  return rows.map((r) => ({
    row: r,
    summary: {
      id: r.id,
      slug: r.slug,
      body: { slug: r.body_slug, name: r.body_name },
      authority: { slug: r.authority_slug, name: r.authority_name, timeZone: r.time_zone },
      date: r.date,
      startTime: r.start_time,
      endTime: r.end_time,
      venue: r.venue,
      status: r.status,
      ...standingOf(r),
      itemCount: num(r.item_count),
      decisionCount: num(r.decision_count),
    } satisfies MeetingSummary,
  }));
}

export async function listMeetings(db: Db, opts: ListMeetingsOptions = {}, viewer: Viewer = PUBLIC_VIEWER): Promise<Page<MeetingSummary>> {
  const { limit, offset } = pageArgs(opts);
  const filter = (q: ReturnType<typeof meetingSummaries>) => {
    if (opts.authority) q = q.where("authorities.slug", "=", opts.authority);
    if (opts.body) q = q.where("bodies.slug", "=", opts.body);
    if (opts.from) q = q.where("meetings.date", ">=", opts.from);
    if (opts.to) q = q.where("meetings.date", "<=", opts.to);
    return q;
  };
  const total = await filter(meetingSummaries(db)).select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow();
  const rows = await selectMeetingSummaries(db, (q) =>
    filter(q).orderBy("meetings.date", "desc").orderBy("meetings.start_time", "desc").orderBy("meetings.id", "desc").limit(limit).offset(offset),
    viewer,
  );
  return { data: rows.map((r) => r.summary), total: num(total.n), limit, offset };
}

export async function getMeeting(db: Db, slug: string, viewer: Viewer = PUBLIC_VIEWER): Promise<MeetingDetail | null> {
  const [found] = await selectMeetingSummaries(db, (q) => q.where("meetings.slug", "=", slug), viewer);
  if (!found || !isMeetingPublic(found.summary)) return null;
  const { row, summary } = found;
  const attendance = await db
    .selectFrom("attendance")
    .leftJoin("people as p", "p.id", "attendance.person_id")
    .leftJoin("people as s", "s.id", "attendance.substitute_for_person_id")
    .where("attendance.meeting_id", "=", row.id)
    .select([
      "attendance.raw_name",
      "attendance.status",
      "attendance.kind",
      "attendance.role",
      "attendance.substitute_for",
      "p.slug as person_slug",
      "p.display_name as person_name",
      "s.slug as sub_slug",
      "s.display_name as sub_name",
    ])
    .orderBy("attendance.position")
    .execute();
  const groups: MeetingDetail["attendance"] = { present: [], inAttendance: [], apologies: [], absent: [] };
  for (const a of attendance) {
    const view: AttendeeView = {
      rawName: a.raw_name,
      person: a.person_slug ? { slug: a.person_slug, name: a.person_name! } : null,
      kind: a.kind,
      role: a.role,
      substituteFor: a.substitute_for,
      substituteForPerson: a.sub_slug ? { slug: a.sub_slug, name: a.sub_name! } : null,
    };
    const key = a.status === "in_attendance" ? "inAttendance" : (a.status as "present" | "apologies" | "absent");
    (groups[key] ?? groups.present).push(view);
  }
  const items = await itemTexts(db, row.id, await db.selectFrom("items").where("items.meeting_id", "=", row.id).selectAll().orderBy("position").execute());
  const sealed = { minutesStatus: row.minutes_status, bodyId: row.body_id, releaseOn: sealedReleaseOn(items.map((i) => ({ exempt: i.exempt, exemptReleaseOn: i.exempt_release_on }))) };
  const resolutions = await db.selectFrom("resolutions").where("resolutions.meeting_id", "=", row.id).selectAll().orderBy("item_id").orderBy("position").execute();
  const byItem = new Map<number, ResolutionView[]>();
  // names travel inside their decision, so publicItem withholds them with it
  const named = await recordedVotes(db, row.id);
  for (const r of resolutions) {
    if (!byItem.has(r.item_id)) byItem.set(r.item_id, []);
    const recorded = named.get(r.id);
    const v = votes(r) ?? (recorded ? { for: null, against: null, abstain: null } : null);
    byItem.get(r.item_id)!.push({ id: r.id, slug: r.slug, position: r.position, text: r.text, outcome: outcome(r.outcome), votes: v && recorded ? { ...v, recorded } : v });
  }
  const declarations = await db
    .selectFrom("declarations")
    .leftJoin("people", "people.id", "declarations.person_id")
    .leftJoin("items", "items.id", "declarations.item_id")
    .where("declarations.meeting_id", "=", row.id)
    .select([
      "declarations.raw_name",
      "declarations.interest",
      "declarations.kind",
      "declarations.description",
      "declarations.exempt",
      "people.slug as person_slug",
      "people.display_name",
      "items.slug as item_slug",
      "items.number as item_number",
    ])
    .orderBy("declarations.position")
    .execute()
    .then((rows) => rows.filter((d) => isFromPublicBusiness({ ...sealed, exempt: d.exempt }, viewer)));
  const says = await db.selectFrom("meetings").where("id", "=", row.id).select(["stated_minutes_status", "stated_minutes_text"]).executeTakeFirst();
  const questions = await db
    .selectFrom("questions")
    .leftJoin("items", "items.id", "questions.item_id")
    .where("questions.meeting_id", "=", row.id)
    .select(["questions.asked_by", "questions.asked_to", "questions.question", "questions.answer", "questions.exempt", "items.slug as item_slug", "items.number as item_number"])
    .orderBy("questions.position")
    .execute()
    .then((rows) => rows.filter((q) => isFromPublicBusiness({ ...sealed, exempt: q.exempt }, viewer)));
  const recommendations = await db
    .selectFrom("recommendations")
    .where("meeting_id", "=", row.id)
    .selectAll()
    .orderBy("position")
    .execute()
    .then((rows) => rows.filter((r) => isFromPublicBusiness({ ...sealed, exempt: r.exempt }, viewer)));
  // Only the current version of the minutes is public; earlier ones stay with officers.
  const source = row.source_document_id
    ? await db.selectFrom("source_documents").where("id", "=", row.source_document_id).select(["file_name", "format", "imported_at"]).executeTakeFirst()
    : undefined;
  const sibling = (dir: "next" | "previous") =>
    meetingSummaries(db)
      .where("meetings.body_id", "=", row.body_id)
      .where((eb) => {
        const t = row.start_time ?? "";
        const cmp = dir === "next" ? ">" : "<";
        return eb.or([eb("meetings.date", cmp, row.date), eb.and([eb("meetings.date", "=", row.date), eb(sql`coalesce(meetings.start_time, '')`, cmp, t)])]);
      })
      .select(["meetings.slug", "meetings.date", "meetings.start_time"])
      .orderBy("meetings.date", dir === "next" ? "asc" : "desc")
      .orderBy("meetings.start_time", dir === "next" ? "asc" : "desc")
      .limit(1)
      .executeTakeFirst();
  const [next, previous] = await Promise.all([sibling("next"), sibling("previous")]);
  const lifecycle = await readMinutesLifecycle(db, row.id);
  const stated = row.next_meeting_date || row.next_meeting_time || row.next_meeting_venue ? { date: row.next_meeting_date, time: row.next_meeting_time, venue: row.next_meeting_venue } : null;
  return {
    ...summary,
    attendance: groups,
    declarations: declarations.map((d) => ({
      rawName: d.raw_name,
      person: d.person_slug ? { slug: d.person_slug, name: d.display_name! } : null,
      item: d.item_slug ? { slug: d.item_slug, number: d.item_number! } : null,
      interest: d.interest,
      kind: d.kind ?? null,
      description: d.description,
      ...(isNotForPublication({ ...sealed, exempt: d.exempt }, viewer) ? { notForPublication: true } : {}),
    })),
    minutesStated:
      says?.stated_minutes_status === "draft" || says?.stated_minutes_status === "approved" ? { status: says.stated_minutes_status, text: says.stated_minutes_text } : null,
    questions: questions.map((q) => ({
      item: q.item_slug ? { slug: q.item_slug, number: q.item_number! } : null,
      askedBy: q.asked_by,
      askedTo: q.asked_to,
      question: q.question,
      answer: q.answer,
      ...(isNotForPublication({ ...sealed, exempt: q.exempt }, viewer) ? { notForPublication: true } : {}),
    })),
    items: items.map((i) =>
      publicItem({
        id: i.id,
        slug: i.slug,
        position: i.position,
        number: i.number,
        title: i.title,
        exempt: bool(i.exempt),
        exemptParagraphs: i.exempt_paragraphs,
        exemptReleaseOn: i.exempt_release_on,
        text: i.text,
        resolutions: byItem.get(i.id) ?? [],
      }, viewer, row.body_id),
    ),
    recommendations: recommendations.map((r) => ({
      id: r.id,
      number: r.number,
      text: r.text,
      response: r.response,
      responseText: r.response_text,
      responsibleMember: r.responsible_member,
      responsibleOfficer: r.responsible_officer,
      actionBy: r.action_by,
      ...(isNotForPublication({ ...sealed, exempt: r.exempt }, viewer) ? { notForPublication: true } : {}),
    })),
    nextMeetingStated: stated,
    nextMeeting: next ? { slug: next.slug, date: next.date, startTime: next.start_time } : null,
    previousMeeting: previous ? { slug: previous.slug, date: previous.date, startTime: previous.start_time } : null,
    source: source ? { fileName: source.file_name, format: source.format, importedAt: source.imported_at } : null,
    minutesApproval: lifecycle?.approval ?? null,
    minutesCorrections: lifecycle?.corrections ?? [],
  };
}

export interface ListPeopleOptions {
  authority?: string;
  body?: string;
  limit?: number;
  offset?: number;
}

export async function listPeople(db: Db, opts: ListPeopleOptions = {}): Promise<Page<PersonSummary>> {
  const { limit, offset } = pageArgs(opts, 100);
  const base = () => {
    let q = db.selectFrom("people").innerJoin("authorities", "authorities.id", "people.authority_id").where(publicPeopleOnly);
    if (opts.authority) q = q.where("authorities.slug", "=", opts.authority);
    if (opts.body) {
      const body = opts.body;
      q = q.where((eb) =>
        eb.exists(
          eb
            .selectFrom("memberships")
            .innerJoin("bodies", "bodies.id", "memberships.body_id")
            .whereRef("memberships.person_id", "=", "people.id")
            .where("bodies.slug", "=", body)
            .select("memberships.id"),
        ),
      );
    }
    return q;
  };
  const total = await base().select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow();
  const rows = await base()
    .select((eb) => [
      "people.id",
      "people.slug",
      "people.display_name",
      "people.kind",
      "authorities.slug as authority_slug",
      "authorities.name as authority_name",
      eb
        .selectFrom("attendance")
        .innerJoin("meetings", "meetings.id", "attendance.meeting_id")
        .whereRef("attendance.person_id", "=", "people.id")
        .where(publicMeetingsOnly)
        .select(sql<number>`count(distinct attendance.meeting_id)`.as("n"))
        .as("meeting_count"),
    ])
    .orderBy("people.surname")
    .orderBy("people.display_name")
    .orderBy("people.id")
    .limit(limit)
    .offset(offset)
    .execute();
  return {
    data: rows.map((r) => ({
      id: r.id,
      slug: r.slug,
      name: r.display_name,
      kind: r.kind,
      authority: { slug: r.authority_slug, name: r.authority_name },
      meetingCount: num(r.meeting_count),
    })),
    total: num(total.n),
    limit,
    offset,
  };
}

export async function getPerson(db: Db, slug: string, viewer: Viewer = PUBLIC_VIEWER): Promise<PersonDetail | null> {
  const p = await db
    .selectFrom("people")
    .innerJoin("authorities", "authorities.id", "people.authority_id")
    .where("people.slug", "=", slug)
    .where(publicPeopleOnly)
    .select(["people.id", "people.slug", "people.display_name", "people.kind", "people.honorific", "people.party", "people.ward", "authorities.slug as authority_slug", "authorities.name as authority_name"])
    .executeTakeFirst();
  if (!p) return null;
  const memberships = await db
    .selectFrom("memberships")
    .innerJoin("bodies", "bodies.id", "memberships.body_id")
    .where("memberships.person_id", "=", p.id)
    .select(["bodies.slug", "bodies.name", "memberships.role", "memberships.kind", "memberships.from_date", "memberships.to_date"])
    .orderBy("memberships.from_date")
    .orderBy("bodies.name")
    .execute();
  const rows = await db
    .selectFrom("attendance")
    .innerJoin("meetings", "meetings.id", "attendance.meeting_id")
    .innerJoin("bodies", "bodies.id", "meetings.body_id")
    .where("attendance.person_id", "=", p.id)
    .where(publicMeetingsOnly)
    .select(["meetings.slug", "meetings.date", "meetings.start_time", "bodies.slug as body_slug", "bodies.name as body_name", "attendance.status", "attendance.raw_name", "attendance.role", "attendance.kind"])
    .orderBy("meetings.date", "desc")
    .orderBy("meetings.start_time", "desc")
    .execute();
  const count = (s: string) => rows.filter((r) => r.status === s).length;
  const meetings = rows.map((r) => ({
    meeting: { slug: r.slug, date: r.date, startTime: r.start_time, body: { slug: r.body_slug, name: r.body_name } },
    status: r.status,
    rawName: r.raw_name,
    role: r.role,
    expected: r.status !== "in_attendance",
  }));
  return {
    id: p.id,
    slug: p.slug,
    name: p.display_name,
    kind: p.kind,
    honorific: p.honorific,
    party: p.party,
    ward: p.ward,
    authority: { slug: p.authority_slug, name: p.authority_name },
    meetingCount: new Set(rows.map((r) => r.slug)).size,
    memberships: memberships.map((m) => ({ body: { slug: m.slug, name: m.name }, role: m.role, kind: m.kind, from: m.from_date, to: m.to_date })),
    attendance: {
      expected: meetings.filter((m) => m.expected).length,
      present: count("present"),
      apologies: count("apologies"),
      absent: count("absent"),
      inAttendance: count("in_attendance"),
      meetings,
    },
    namesAsWritten: [...new Set(rows.map((r) => r.raw_name))].sort(),
    motions: await personMotions(db, p.id, viewer),
    votes: await personVotes(db, p.id, viewer),
  };
}

/** How the person voted where the minutes name them; an exempt item's or a draft meeting's votes never appear. */
async function personVotes(db: Db, personId: number, viewer: Viewer): Promise<VoteRecordRow[]> {
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
async function personMotions(db: Db, personId: number, viewer: Viewer): Promise<MotionRecordRow[]> {
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

/** What a decision's listing needs to mark exempt business shown to an entitled viewer. */
/** Where a decision was taken: its item, meeting and committee (a person's votes and motions list them alike). */
const DECISION_PLACE_COLUMNS = [
  "items.slug as item_slug",
  "items.number as item_number",
  "items.title as item_title",
  "meetings.slug as meeting_slug",
  "meetings.date",
  "meetings.start_time",
  "bodies.slug as body_slug",
  "bodies.name as body_name",
] as const;

function decisionPlace(r: { item_slug: string; item_number: string; item_title: string; meeting_slug: string; date: string; start_time: string | null; body_slug: string; body_name: string }) {
  return {
    item: { slug: r.item_slug, number: r.item_number, title: r.item_title },
    meeting: { slug: r.meeting_slug, date: r.date, startTime: r.start_time, body: { slug: r.body_slug, name: r.body_name } },
  };
}

const EXEMPT_COLUMNS = ["items.exempt as item_exempt", "items.exempt_paragraphs", "items.exempt_release_on", "meetings.body_id as meeting_body_id"] as const;

/** `{exemptNotice}` for a decision an entitled viewer sees from an exempt item; nothing otherwise, so public answers keep their shape. */
function markedExempt(
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
}

export async function listDecisions(db: Db, opts: ListDecisionsOptions = {}, viewer: Viewer = PUBLIC_VIEWER): Promise<Page<DecisionSummary>> {
  const { limit, offset } = pageArgs(opts);
  const base = () => {
    let q = db
      .selectFrom("resolutions")
      .innerJoin("items", "items.id", "resolutions.item_id")
      .innerJoin("meetings", "meetings.id", "resolutions.meeting_id")
      .innerJoin("bodies", "bodies.id", "meetings.body_id")
      .innerJoin("authorities", "authorities.id", "bodies.authority_id")
      .where(publicResolutionsOnly(viewer));
    if (opts.authority) q = q.where("authorities.slug", "=", opts.authority);
    if (opts.body) q = q.where("bodies.slug", "=", opts.body);
    if (opts.from) q = q.where("meetings.date", ">=", opts.from);
    if (opts.to) q = q.where("meetings.date", "<=", opts.to);
    if (opts.outcome) q = q.where("resolutions.outcome", "=", opts.outcome);
    for (const word of (opts.q ?? "").toLowerCase().split(/\s+/).filter(Boolean)) {
      const pattern = `%${word.replace(/[\\%_]/g, (c) => "\\" + c)}%`;
      q = q.where(sql<boolean>`lower(resolutions.text) LIKE ${pattern} ESCAPE '\\'`);
    }
    return q;
  };
  const total = await base().select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow();
  const rows = await base()
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
      "items.slug as item_slug",
      "items.number as item_number",
      "items.title as item_title",
      "meetings.slug as meeting_slug",
      "meetings.date",
      "meetings.start_time",
      "bodies.slug as body_slug",
      "bodies.name as body_name",
      "authorities.slug as authority_slug",
      "authorities.name as authority_name",
    ])
    .orderBy("meetings.date", "desc")
    .orderBy("meetings.start_time", "desc")
    .orderBy("items.position")
    .orderBy("resolutions.position")
    .limit(limit)
    .offset(offset)
    .execute();
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
    total: num(total.n),
    limit,
    offset,
  };
}

/**
 * The minutes text of a meeting as the public may see it: only the document the meeting now rests
 * on, with exempt text withheld; null when the meeting's minutes are not public. Earlier versions
 * of the document are never public (they may hold text a later version marked exempt).
 */
export async function getMeetingSource(db: Db, meetingSlug: string, viewer: Viewer = PUBLIC_VIEWER): Promise<SourceDocumentView | null> {
  const d = await db
    .selectFrom("meetings")
    .innerJoin("source_documents", "source_documents.id", "meetings.source_document_id")
    .where("meetings.slug", "=", meetingSlug)
    .select([
      "source_documents.file_name",
      "source_documents.format",
      "source_documents.content_hash",
      "source_documents.byte_length",
      "source_documents.parser_version",
      "source_documents.warnings",
      "source_documents.imported_at",
      "source_documents.packed_text",
      "source_documents.exempt_ranges",
      "meetings.slug as meeting_slug",
      "meetings.minutes_status",
      "meetings.id as meeting_id",
      "meetings.body_id",
    ])
    .executeTakeFirst();
  if (!d || !isMeetingPublic({ minutesStatus: d.minutes_status })) return null;
  const { access, notice } = await sealedAccess(db, d.meeting_id, d.body_id, viewer);
  return {
    fileName: d.file_name,
    format: d.format,
    contentHash: d.content_hash,
    byteLength: d.byte_length,
    parserVersion: d.parser_version,
    warnings: JSON.parse(d.warnings) as string[],
    importedAt: d.imported_at,
    text: sourceTextFor(unpack(d.packed_text), JSON.parse(d.exempt_ranges), access, notice),
    meeting: { slug: d.meeting_slug },
    ...(access === "entitled" && JSON.parse(d.exempt_ranges).length ? { exemptShown: true } : {}),
  };
}

export type ProvenanceEntity = "meeting" | "attendance" | "item" | "resolution" | "recommendation" | "declaration" | "question";

// the table of each kind of entity provenance points at; all but meetings carry their meeting's id
const ENTITY_TABLES = { attendance: "attendance", item: "items", resolution: "resolutions", recommendation: "recommendations", declaration: "declarations", question: "questions" } as const;

/**
 * Where each field of an entity came from, limited to what is public: the spans into the document
 * its meeting now rests on (spans into an earlier version are not public: that text is not), read
 * through that document's index (migration 003).
 */
export async function getProvenance(db: Db, entity: ProvenanceEntity, entityId: number, viewer: Viewer = PUBLIC_VIEWER): Promise<ProvenanceView[]> {
  const meetingId =
    entity === "meeting"
      ? entityId
      : (await db.selectFrom(ENTITY_TABLES[entity]).where("id", "=", entityId).select("meeting_id").executeTakeFirst())?.meeting_id;
  if (meetingId === undefined) return [];
  const m = await db.selectFrom("meetings").where("id", "=", meetingId).select(["id", "minutes_status", "source_document_id", "body_id"]).executeTakeFirst();
  if (!m || !isMeetingPublic({ minutesStatus: m.minutes_status }) || m.source_document_id === null) return [];
  const rows = await db
    .selectFrom("provenance")
    .where("source_document_id", "=", m.source_document_id)
    .where("entity", "=", entity)
    .where("entity_id", "=", entityId)
    .selectAll()
    .orderBy("field")
    .execute();
  if (!rows.length) return [];
  const { access } = await sealedAccess(db, m.id, m.body_id, viewer);
  const doc = await db.selectFrom("source_documents").where("id", "=", m.source_document_id).select(["packed_text", "exempt_ranges"]).executeTakeFirstOrThrow();
  const ranges = JSON.parse(doc.exempt_ranges) as [number, number][];
  const text = unpack(doc.packed_text);
  return rows.filter((r) => access !== "withheld" || isSpanPublic(r, ranges)).map((r) => provenanceView(r, text));
}

/** Provenance of a meeting and everything in it: one read of its source document's spans (indexed by migration 003). */
export async function getMeetingProvenance(db: Db, meetingSlug: string, viewer: Viewer = PUBLIC_VIEWER): Promise<ProvenanceView[]> {
  const m = await db.selectFrom("meetings").where("slug", "=", meetingSlug).select(["id", "minutes_status", "source_document_id", "body_id"]).executeTakeFirst();
  if (!m || !isMeetingPublic({ minutesStatus: m.minutes_status }) || m.source_document_id === null) return [];
  const { access } = await sealedAccess(db, m.id, m.body_id, viewer);
  const stored = await db.selectFrom("source_documents").where("id", "=", m.source_document_id).select(["packed_text", "exempt_ranges"]).executeTakeFirstOrThrow();
  const doc = { text: unpack(stored.packed_text), exempt_ranges: stored.exempt_ranges };
  const ranges = JSON.parse(doc.exempt_ranges) as [number, number][];
  const rows = await db.selectFrom("provenance").where("source_document_id", "=", m.source_document_id).selectAll().orderBy("start").orderBy("id").execute();
  return rows
    .filter((r) => access !== "withheld" || isSpanPublic(r, ranges))
    .map((r) => provenanceView(r, doc.text));
}

/**
 * How a meeting's exempt text reaches a viewer: whole once every exempt item is released (a range of
 * exempt text is not tied to one item), marked for an entitled viewer, otherwise withheld.
 */
async function sealedAccess(db: Db, meetingId: number, bodyId: number, viewer: Viewer): Promise<{ access: ExemptAccess; notice: string }> {
  const exempt = await db.selectFrom("items").where("meeting_id", "=", meetingId).where(sql<boolean>`items.exempt`).select(["exempt", "exempt_release_on", "exempt_paragraphs"]).execute();
  const releaseOn = sealedReleaseOn(exempt.map((i) => ({ exempt: i.exempt, exemptReleaseOn: i.exempt_release_on })));
  const paragraphs = [...new Set(exempt.map((i) => i.exempt_paragraphs).filter((p): p is string => !!p))].join(", ");
  return { access: exemptAccess(viewer, { bodyId, releaseOn }), notice: exemptNotice(paragraphs || null) };
}

interface ProvenanceRow {
  entity: string;
  entity_id: number;
  field: string;
  source_document_id: number;
  line: number;
  end_line: number | null;
  start: number;
  end: number;
  implied: number | boolean;
}

function provenanceView(r: ProvenanceRow, text: string): ProvenanceView {
  return {
    entity: r.entity,
    entityId: r.entity_id,
    field: r.field,
    sourceDocumentId: r.source_document_id,
    line: r.line,
    endLine: r.end_line,
    start: r.start,
    end: r.end,
    implied: bool(r.implied),
    excerpt: text.slice(r.start, r.end),
  };
}
