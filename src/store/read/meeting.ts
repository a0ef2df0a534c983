// A meeting's page: everything the viewer may see of one meeting.
import { cutItemText } from "../item-body.ts";
import { unpack } from "../packed.ts";
import { unpackSpans, type StoredSpan } from "../provenance-pack.ts";
import { sql } from "kysely";
import type { Db } from "../db.ts";
import { planOnce } from "../pg-statements.ts";
import { areMinutesPublic, exemptAccess, isFromPublicBusiness, isMeetingListed, isNotForPublication, isSpanPublic, publicItem, sealedReleaseOn, viewerOn, viewerShape, PUBLIC_VIEWER, type Viewer } from "../visibility.ts";
import type { AttendeeView, MeetingDetail, ResolutionView, SourceSpan } from "./types.ts";
import { bool, outcome, votes } from "./util.ts";
import { recordedVotes } from "./votes.ts";
import { readMinutesLifecycle } from "../lifecycle/read.ts";
import { meetingSummaries, meetingSummaryQuery, summariesOf } from "./meetings.ts";
import { preparedRead } from "../prepared.ts";

export async function getMeeting(db: Db, slug: string, viewer: Viewer = PUBLIC_VIEWER): Promise<MeetingDetail | null> {
  return (await readMeeting(db, slug, viewer, false))?.meeting ?? null;
}

/**
 * A meeting's page: the meeting and the public spans of its minutes text that its values were read
 * from (for "source: line N" links), read together so that the meeting row, its document and its
 * exempt items are each read once.
 */
export async function getMeetingPage(db: Db, slug: string, viewer: Viewer = PUBLIC_VIEWER): Promise<{ meeting: MeetingDetail; spans: SourceSpan[] } | null> {
  return readMeeting(db, slug, viewer, true);
}

// The page's reads, each kept as SQL once per database (prepared.ts): they find one meeting's rows
// by its id or slug, so only those values change between requests.
const summaryBySlug = preparedRead(
  (db: Db, p: { slug: string; today: string }, viewer: Viewer) => meetingSummaryQuery(db, (q) => q.where("meetings.slug", "=", p.slug), viewerOn(viewer, p.today)),
  viewerShape,
);

const attendanceOf = preparedRead((db: Db, p: { meetingId: number }) =>
  db
    .selectFrom("attendance")
    .leftJoin("people as p", "p.id", "attendance.person_id")
    .leftJoin("people as s", "s.id", "attendance.substitute_for_person_id")
    .where("attendance.meeting_id", "=", p.meetingId)
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
    .orderBy("attendance.position"),
);

// the meeting's own columns the summary leaves out, and the one document it now rests on (earlier versions stay with officers)
const documentOf = preparedRead((db: Db, p: { meetingId: number }) =>
  db
    .selectFrom("meetings")
    .leftJoin("source_documents as d", "d.id", "meetings.source_document_id")
    .where("meetings.id", "=", p.meetingId)
    .select(["meetings.stated_minutes_status", "meetings.stated_minutes_text", "d.file_name", "d.format", "d.imported_at", "d.packed_text", "d.exempt_ranges", "d.packed_provenance"]),
);

const itemsOf = preparedRead((db: Db, p: { meetingId: number }) => db.selectFrom("items").where("items.meeting_id", "=", p.meetingId).selectAll().orderBy("position"));

// sorted here, not by the database: resolutions_item gives that order, and a plan walking it for
// the meeting's few rows reads every decision in the archive (test/store/generic-plans.test.ts)
const resolutionsOf = preparedRead((db: Db, p: { meetingId: number }) => db.selectFrom("resolutions").where("resolutions.meeting_id", "=", p.meetingId).selectAll());

const declarationsOf = preparedRead((db: Db, p: { meetingId: number }) =>
  db
    .selectFrom("declarations")
    .leftJoin("people", "people.id", "declarations.person_id")
    .leftJoin("items", "items.id", "declarations.item_id")
    .where("declarations.meeting_id", "=", p.meetingId)
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
    .orderBy("declarations.position"),
);

const questionsOf = preparedRead((db: Db, p: { meetingId: number }) =>
  db
    .selectFrom("questions")
    .leftJoin("items", "items.id", "questions.item_id")
    .where("questions.meeting_id", "=", p.meetingId)
    .select(["questions.asked_by", "questions.asked_to", "questions.question", "questions.answer", "questions.exempt", "items.slug as item_slug", "items.number as item_number"])
    .orderBy("questions.position"),
);

const recommendationsOf = preparedRead((db: Db, p: { meetingId: number }) => db.selectFrom("recommendations").where("meeting_id", "=", p.meetingId).selectAll().orderBy("position"));

// the next and previous meetings of the committee are ones that take or took place: never a cancelled one
const siblingOf = preparedRead(
  (db: Db, p: { bodyId: number; date: string; time: string }, dir: "next" | "previous") =>
    meetingSummaries(db)
      .where("meetings.body_id", "=", p.bodyId)
      // fixed values in the SQL, not bound: see visibility.ts's DRAFT and keyset.ts's pageSize
      .where("meetings.status", "!=", sql.lit("cancelled"))
      .where((eb) => {
        const cmp = dir === "next" ? ">" : "<";
        return eb.or([eb("meetings.date", cmp, p.date), eb.and([eb("meetings.date", "=", p.date), eb(sql`coalesce(meetings.start_time, '')`, cmp, p.time)])]);
      })
      .select(["meetings.slug", "meetings.date", "meetings.start_time"])
      .orderBy("meetings.date", dir === "next" ? "asc" : "desc")
      .orderBy("meetings.start_time", dir === "next" ? "asc" : "desc")
      .limit(sql.lit(1)),
  (dir) => dir,
);

async function readMeeting(store: Db, slug: string, viewer: Viewer, withSpans: boolean): Promise<{ meeting: MeetingDetail; spans: SourceSpan[] } | null> {
  // every read here finds a meeting's own rows by its id or slug: one plan serves every meeting
  const db = planOnce(store);
  const [found] = summariesOf(await summaryBySlug(db, { slug, today: viewer.today ?? "" }, viewer));
  if (!found || !isMeetingListed({ minutesStatus: found.row.minutes_status, announcedAt: found.row.announced_at })) return null;
  const { row, summary } = found;
  // a listed meeting whose minutes are a draft: the meeting, and nothing read from its minutes
  const minutes = areMinutesPublic({ minutesStatus: row.minutes_status });
  const fromMinutes = <T>(rows: () => Promise<T[]>): Promise<T[]> => (minutes ? rows() : Promise.resolve([]));
  // Every read below depends only on the meeting row, so they go to the database together; the
  // visibility filters that need the items (an exempt item's release date) are applied once all are back.
  const attendanceRead = fromMinutes(() => attendanceOf(db, { meetingId: row.id }, null));
  // the meeting's own columns the summary leaves out, and the one document it now rests on (earlier versions stay with officers)
  const docRead = documentOf(db, { meetingId: row.id }, null).then((rows) => {
    if (!rows[0]) throw new Error(`meeting ${row.id} vanished while it was read`);
    return rows[0];
  });
  const itemsRead = fromMinutes(() => itemsOf(db, { meetingId: row.id }, null));
  const resolutionsRead = fromMinutes(() => resolutionsOf(db, { meetingId: row.id }, null)).then((rows) => rows.sort((a, b) => a.item_id - b.item_id || a.position - b.position));
  // names travel inside their decision, so publicItem withholds them with it
  const namedRead = minutes ? recordedVotes(db, row.id) : Promise.resolve(new Map<number, never>());
  const declarationsRead = fromMinutes(() => declarationsOf(db, { meetingId: row.id }, null));
  const questionsRead = fromMinutes(() => questionsOf(db, { meetingId: row.id }, null));
  const recommendationsRead = fromMinutes(() => recommendationsOf(db, { meetingId: row.id }, null));
  const sibling = (dir: "next" | "previous") => siblingOf(db, { bodyId: row.body_id, date: row.date, time: row.start_time ?? "" }, dir).then((rows) => rows[0]);
  const lifecycleRead = minutes ? readMinutesLifecycle(db, row.id, true, { minutes_status: row.minutes_status, minutes_draft: row.minutes_draft }) : Promise.resolve(null);
  const [attendance, doc, itemRows, resolutions, named, declarationRows, questionRows, recommendationRows, next, previous, lifecycle] = await Promise.all([
    attendanceRead,
    docRead,
    itemsRead,
    resolutionsRead,
    namedRead,
    declarationsRead,
    questionsRead,
    recommendationsRead,
    sibling("next"),
    sibling("previous"),
    lifecycleRead,
  ]);
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
  const sourceText = doc.packed_text && itemRows.some((i) => i.text_uncut === null && i.text_start !== null) ? unpack(doc.packed_text) : null;
  const items = itemRows.map(({ text_start, text_end, text_uncut, ...rest }) => ({ ...rest, text: cutItemText(sourceText, { text_start, text_end, text_uncut }) }));
  const sealed = { minutesStatus: row.minutes_status, bodyId: row.body_id, releaseOn: sealedReleaseOn(items.map((i) => ({ exempt: i.exempt, exemptReleaseOn: i.exempt_release_on }))) };
  const byItem = new Map<number, ResolutionView[]>();
  for (const r of resolutions) {
    if (!byItem.has(r.item_id)) byItem.set(r.item_id, []);
    const recorded = named.get(r.id);
    const v = votes(r) ?? (recorded ? { for: null, against: null, abstain: null } : null);
    byItem.get(r.item_id)!.push({ id: r.id, slug: r.slug, position: r.position, text: r.text, outcome: outcome(r.outcome), votes: v && recorded ? { ...v, recorded } : v });
  }
  const declarations = declarationRows.filter((d) => isFromPublicBusiness({ ...sealed, exempt: d.exempt }, viewer));
  const questions = questionRows.filter((q) => isFromPublicBusiness({ ...sealed, exempt: q.exempt }, viewer));
  const recommendations = recommendationRows.filter((r) => isFromPublicBusiness({ ...sealed, exempt: r.exempt }, viewer));
  const spans = withSpans && minutes ? publicSpans(unpackSpans(doc.packed_provenance), doc.exempt_ranges, exemptAccess(viewer, { bodyId: row.body_id, releaseOn: sealed.releaseOn })) : [];
  const stated = minutes && (row.next_meeting_date || row.next_meeting_time || row.next_meeting_venue) ? { date: row.next_meeting_date, time: row.next_meeting_time, venue: row.next_meeting_venue } : null;
  const meeting: MeetingDetail = {
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
      minutes && (doc.stated_minutes_status === "draft" || doc.stated_minutes_status === "approved") ? { status: doc.stated_minutes_status, text: doc.stated_minutes_text } : null,
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
    source: minutes && doc.file_name !== null && doc.format !== null && doc.imported_at !== null ? { fileName: doc.file_name, format: doc.format, importedAt: doc.imported_at } : null,
    minutesApproval: lifecycle?.approval ?? null,
    minutesCorrections: lifecycle?.corrections ?? [],
  };
  return { meeting, spans };
}

/** The spans into the meeting's document, but those touching exempt text when the viewer may not read it. */
function publicSpans(rows: StoredSpan[], exemptRanges: string | null, access: ReturnType<typeof exemptAccess>): SourceSpan[] {
  const ranges = JSON.parse(exemptRanges ?? "[]") as [number, number][];
  return rows.filter((r) => access !== "withheld" || isSpanPublic(r, ranges)).map((r) => ({ entity: r.entity, entityId: r.entity_id, field: r.field, line: r.line, implied: r.implied }));
}
