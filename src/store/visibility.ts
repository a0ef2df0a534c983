// The one public-visibility rule. Every read for a public surface (pages, API, search, feeds,
// exports) goes through it: a meeting through `listedMeetingsOnly` (is the meeting public?) and what
// was read from its minutes through `publicMinutesOnly` (are its minutes public?), two rules kept
// apart below; search entries are written through `publicSearchContent`, so exempt or draft text
// can never reach the index.
//
// Everything parsed out of an exempt item (its resolutions and their votes, declarations of
// interest, recommendation/response tables, work-programme changes, actions) is sealed with it: it
// is stored marked `exempt` (or linked to its exempt item) when it is written — `isSealed` decides —
// and shown only where `isFromPublicBusiness` / `publicBusinessOnly` allow it.
//
// The rule takes a viewer. The public (the default everywhere, so forgetting to pass a viewer can
// only hide things) sees no exempt business; a signed-in member, officer or clerk entitled to the
// committee sees it, marked "not for publication"; and from its release date an exempt item is
// public, with everything sealed with it. Draft minutes stay off the public surfaces for every
// viewer (the workspace, not the portal, is where staff read drafts), while the meeting they belong
// to, once announced, stays listed.
import { sql, type ExpressionBuilder, type RawBuilder } from "kysely";
import type { Database } from "./schema.ts";

export type ViewerRole = "admin" | "clerk" | "officer" | "member";

export type Viewer =
  /** `today` (ISO date in the council's zone) decides releases; null: no release is considered */
  | { kind: "public"; today: string | null }
  /** `bodies`: the committees whose exempt business the viewer is entitled to */
  | { kind: "staff"; userId: number; role: ViewerRole; bodies: "all" | ReadonlySet<number>; today: string | null };

/** The viewer every read assumes unless told otherwise: the public, with no release considered. */
export const PUBLIC_VIEWER: Viewer = Object.freeze({ kind: "public", today: null });

export function publicViewer(today: string | null): Viewer {
  return { kind: "public", today };
}

/** Whether a viewer may read a committee's exempt business (clerks and admins: every committee). */
export function isEntitled(viewer: Viewer, bodyId: number | null | undefined): boolean {
  if (viewer.kind !== "staff") return false;
  if (viewer.bodies === "all") return true;
  return bodyId !== null && bodyId !== undefined && viewer.bodies.has(bodyId);
}

/** Whether a release date has come, on the viewer's today. */
export function isReleased(releaseOn: string | null | undefined, viewer: Viewer): boolean {
  return !!releaseOn && viewer.today !== null && releaseOn <= viewer.today;
}

/**
 * How exempt business reaches a viewer: `withheld` (only its title and ground), `released` (public
 * from its release date), `entitled` (shown, marked not for publication).
 */
export type ExemptAccess = "withheld" | "released" | "entitled";

export function exemptAccess(viewer: Viewer, of: { bodyId: number | null | undefined; releaseOn: string | null | undefined }): ExemptAccess {
  if (isReleased(of.releaseOn, viewer)) return "released";
  if (isEntitled(viewer, of.bodyId)) return "entitled";
  return "withheld";
}

/** The marking on exempt content shown to an entitled viewer. */
export const NOT_FOR_PUBLICATION = "Exempt — not for publication";

/**
 * When what is sealed with a meeting's exempt business (declarations, recommendations, work-programme
 * changes read from it) is released: once every exempt item of the meeting is, on the latest of
 * their dates. A sealed row may come from exempt text without naming its item, so only the release
 * of all of them is sure to cover it. Null: not released (or no exempt item to release).
 */
export function sealedReleaseOn(items: { exempt: StoredFlag; exemptReleaseOn?: string | null }[]): string | null {
  const exempt = items.filter((i) => i.exempt === true || i.exempt === 1);
  if (!exempt.length || exempt.some((i) => !i.exemptReleaseOn)) return null;
  return exempt.map((i) => i.exemptReleaseOn!).sort().at(-1)!;
}

/** SQL form of sealedReleaseOn for the meeting whose id `meetingId` names. */
export function sealedReleaseOnSql(meetingId: string): RawBuilder<string | null> {
  return sql<string | null>`(SELECT CASE WHEN count(*) = 0 OR count(*) > count(ri.exempt_release_on) THEN NULL ELSE max(ri.exempt_release_on) END FROM items ri WHERE ri.meeting_id = ${sql.ref(meetingId)} AND ri.exempt)`;
}

/**
 * Two rules about a meeting, kept apart so that a read never takes one for the other.
 *
 * LISTED — `isMeetingListed` / `listedMeetingsOnly`: the meeting itself is public. That it exists,
 * its date, committee, venue, state and history, its agenda and papers (as `agendaAccess` allows),
 * its place in the calendar, "upcoming" and its committee's lists. A meeting is listed when it was
 * announced (scheduled here: `meetings.announced_at`, migration 025) or its minutes are public. A
 * meeting known only from draft minutes (imported for review, never announced) is not listed.
 *
 * MINUTES PUBLIC — `areMinutesPublic` / `publicMinutesOnly`: what was read from the minutes is
 * public. Items as minuted, attendance, resolutions and votes, declarations, questions,
 * recommendations, actions, the minutes text and its downloads, search entries from the minutes,
 * people named only there and memberships derived from them, and every count of these. Only when
 * the minutes are not a draft. Minutes that are public make their meeting listed.
 */
export interface MeetingSubject {
  minutesStatus: string;
  /** when the meeting was announced (scheduled here); null: known only from its minutes */
  announcedAt: string | null;
}

export interface MinutesSubject {
  minutesStatus: string;
}

// The rule's fixed values are written into the SQL, not bound. PostgreSQL plans a kept statement
// once for any bound values (pg-statements.ts), and for `minutes_status != $n` it guesses from the
// column's few distinct values that almost no meeting passes: a list of the newest meetings was
// then planned as a sort of every meeting (63 ms at 10,000, against 0.3 ms along the date index).
const DRAFT = sql.lit("draft");

/** Whether the meeting itself (not its minutes) is public: announced, or with public minutes. */
export function isMeetingListed(meeting: MeetingSubject): boolean {
  return meeting.announcedAt !== null || areMinutesPublic(meeting);
}

/** SQL form of isMeetingListed for a query that has `meetings` in scope. */
export function listedMeetingsOnly(eb: ExpressionBuilder<Database, "meetings">) {
  return eb.or([eb("meetings.announced_at", "is not", null), eb("meetings.minutes_status", "!=", DRAFT)]);
}

/** Whether what was read from a meeting's minutes is public: draft minutes are not; published and approved minutes are. */
export function areMinutesPublic(meeting: MinutesSubject): boolean {
  return meeting.minutesStatus !== "draft";
}

/** SQL form of areMinutesPublic for a query that has `meetings` in scope. */
export function publicMinutesOnly(eb: ExpressionBuilder<Database, "meetings">) {
  return eb("meetings.minutes_status", "!=", DRAFT);
}

/**
 * The other side of publicMinutesOnly: meetings whose minutes are a draft. Written as a literal so
 * that the meetings_draft_minutes partial index (migration 025) answers it: drafts are few.
 */
export function draftMinutesOnly() {
  return sql<boolean>`meetings.minutes_status = 'draft'`;
}

/**
 * A person known only from minutes that are not public (draft minutes, taken here or waiting in the
 * review queue) is not public either: the minutes rule. SQL for a query that has `people` in scope.
 */
export function publicPeopleOnly(eb: ExpressionBuilder<Database, "people">) {
  // attendance is read from minutes: the minutes rule
  const attended = (isPublic: boolean) =>
    eb.exists(
      eb
        .selectFrom("attendance")
        .innerJoin("meetings", "meetings.id", "attendance.meeting_id")
        .whereRef("attendance.person_id", "=", "people.id")
        .where("meetings.minutes_status", isPublic ? "!=" : "=", DRAFT)
        .select("attendance.id")
        // PostgreSQL would otherwise answer an EXISTS inside OR by hashing every attendance row of the
        // archive on each query (50-77 ms at 10,000 meetings): an OFFSET keeps it a probe per person
        // (SQLite takes an OFFSET only after a LIMIT, so both are given)
        .limit(sql.lit(Number.MAX_SAFE_INTEGER))
        .offset(sql.lit(0)),
    );
  // a public meeting is found at a person's first attendance row, while proving no draft reads them all: ask that first
  return eb.or([attended(true), eb.not(attended(false))]);
}

export interface ItemLike {
  exempt: boolean;
  exemptParagraphs: string | null;
  text: string | null;
  resolutions: unknown[];
  /** ISO date from which the item is public; null or absent: not released */
  exemptReleaseOn?: string | null;
}

export interface ItemVisibility {
  exemptNotice: string | null;
  /** exempt and not shown: only the title and the ground */
  withheld: boolean;
  /** exempt, shown to an entitled viewer: mark it "Exempt — not for publication" */
  notForPublication: boolean;
  /** exempt until this date, public since */
  releasedOn: string | null;
}

/**
 * An exempt item keeps only its public title and the ground for exemption, unless it has been
 * released or the viewer is entitled to its committee (`bodyId`).
 */
export function publicItem<T extends ItemLike>(item: T, viewer: Viewer = PUBLIC_VIEWER, bodyId: number | null = null): T & ItemVisibility {
  if (!item.exempt) return { ...item, exemptNotice: null, withheld: false, notForPublication: false, releasedOn: null };
  const access = exemptAccess(viewer, { bodyId, releaseOn: item.exemptReleaseOn });
  const notice = exemptNotice(item.exemptParagraphs);
  if (access === "released") return { ...item, exemptNotice: `Released on ${item.exemptReleaseOn}. ${notice}`, withheld: false, notForPublication: false, releasedOn: item.exemptReleaseOn! };
  if (access === "entitled") return { ...item, exemptNotice: notice, withheld: false, notForPublication: true, releasedOn: null };
  return { ...item, text: null, resolutions: [], exemptNotice: notice, withheld: true, notForPublication: false, releasedOn: null };
}

export function exemptNotice(paragraphs: string | null): string {
  if (!paragraphs) return "Exempt information: this item was considered in private.";
  const many = /[,&]|\band\b/.test(paragraphs);
  return `Exempt under paragraph${many ? "s" : ""} ${paragraphs} of Schedule 12A to the Local Government Act 1972.`;
}

/** A stored flag as either dialect returns it (SQLite 0/1, PostgreSQL boolean). */
type StoredFlag = boolean | number;

export interface BusinessSubject {
  /** sealed when written: parsed from an exempt item */
  exempt: StoredFlag;
  /** the minutes status of the meeting it was parsed from; null when not from minutes (entered by hand) */
  minutesStatus: string | null;
  /** the committee of the meeting it was parsed from, for an entitled viewer */
  bodyId?: number | null;
  /** when what is sealed with it is released (sealedReleaseOn, or its item's date for a resolution) */
  releaseOn?: string | null;
}

/** How a record parsed from minutes reaches a viewer: `public` when it was never sealed. */
export function businessAccess(r: BusinessSubject, viewer: Viewer = PUBLIC_VIEWER): ExemptAccess | "public" {
  if (r.minutesStatus !== null && !areMinutesPublic({ minutesStatus: r.minutesStatus })) return "withheld";
  if (!(r.exempt === true || r.exempt === 1)) return "public";
  return exemptAccess(viewer, { bodyId: r.bodyId, releaseOn: r.releaseOn });
}

/**
 * Whether something parsed from minutes (a declaration, a recommendation and its response, a
 * work-programme change, an action) may be shown: not sealed as exempt (or released, or to a viewer
 * entitled to its committee), and from public minutes.
 */
export function isFromPublicBusiness(r: BusinessSubject, viewer: Viewer = PUBLIC_VIEWER): boolean {
  return businessAccess(r, viewer) !== "withheld";
}

/** Whether a shown record is sealed business an entitled viewer sees: mark it not for publication. */
export function isNotForPublication(r: BusinessSubject, viewer: Viewer = PUBLIC_VIEWER): boolean {
  return businessAccess(r, viewer) === "entitled";
}

/**
 * SQL form of isFromPublicBusiness: `exempt` names the record's flag column, `minutesStatus` its
 * meeting's minutes_status (from a left join, so null means not from minutes).
 */
export function publicBusinessOnly(exempt: string, minutesStatus: string, viewer: Viewer = PUBLIC_VIEWER, refs: { bodyId?: string; releaseOn?: string } = {}) {
  const shown: RawBuilder<boolean>[] = [sql<boolean>`NOT ${sql.ref(exempt)}`];
  if (viewer.today !== null && refs.releaseOn) shown.push(sql<boolean>`(${sql.ref(refs.releaseOn)} IS NOT NULL AND ${sql.ref(refs.releaseOn)} <= ${viewer.today})`);
  const bodies = viewer.kind === "staff" ? viewer.bodies : null;
  if (bodies === "all") shown.push(sql<boolean>`1 = 1`);
  else if (bodies && bodies.size && refs.bodyId) {
    shown.push(sql<boolean>`${sql.ref(refs.bodyId)} IN (${sql.join([...bodies].map((b) => sql.lit(Math.trunc(b))))})`);
  }
  return sql<boolean>`((${sql.join(shown, sql` OR `)}) AND (${sql.ref(minutesStatus)} IS NULL OR ${sql.ref(minutesStatus)} != 'draft'))`;
}

/**
 * What of `viewer` shapes publicBusinessOnly's SQL, for a statement kept once (prepared.ts): the
 * public's rule with or without a release date; null for staff, whose committees are written into it.
 */
export function viewerShape(viewer: Viewer): string | null {
  return viewer.kind !== "public" ? null : viewer.today === null ? "public" : "public-dated";
}

/** `viewer` with `today` as a kept statement's bound value in place of its own (see viewerShape). */
export function viewerOn(viewer: Viewer, today: string): Viewer {
  return viewer.today === null ? viewer : { ...viewer, today };
}

/**
 * Whether something parsed from a document is sealed with exempt business: it belongs to an exempt
 * item, or its source span touches exempt text. Without a span it is sealed whenever the document
 * holds any exempt text, since nothing shows it lies outside.
 */
export function isSealed(from: { itemExempt?: boolean; span?: { start: number; end: number } | null }, exemptRanges: [number, number][]): boolean {
  if (from.itemExempt) return true;
  if (!from.span) return exemptRanges.length > 0;
  return !isSpanPublic(from.span, exemptRanges);
}

/**
 * Whether a resolution (its text, outcome and votes) may be shown: its meeting must be public and its
 * item not exempt, or released (`itemReleaseOn`), or the viewer entitled to its committee.
 */
export function isResolutionPublic(r: { itemExempt: boolean; minutesStatus: string | null; bodyId?: number | null; itemReleaseOn?: string | null }, viewer: Viewer = PUBLIC_VIEWER): boolean {
  return isFromPublicBusiness({ exempt: r.itemExempt, minutesStatus: r.minutesStatus, bodyId: r.bodyId, releaseOn: r.itemReleaseOn }, viewer);
}

function isViewer(v: unknown): v is Viewer {
  return typeof v === "object" && v !== null && ((v as Viewer).kind === "public" || (v as Viewer).kind === "staff") && "today" in v;
}

/**
 * SQL form of isResolutionPublic for a query that has `items` and `meetings` in scope. Given to
 * `.where` as it is, it is the public's rule; `publicResolutionsOnly(viewer)` is the viewer's.
 */
export function publicResolutionsOnly(viewer?: Viewer | ExpressionBuilder<Database, "items" | "meetings">) {
  // `NOT exempt` reads the same on SQLite (0/1) and PostgreSQL (boolean).
  return publicBusinessOnly("items.exempt", "meetings.minutes_status", isViewer(viewer) ? viewer : PUBLIC_VIEWER, { bodyId: "meetings.body_id", releaseOn: "items.exempt_release_on" });
}

export interface SearchContent {
  title: string;
  text: string;
}

/**
 * What of an item public search may hold: nothing of an exempt item but its title until it is
 * released on `today`, nothing at all of a meeting whose minutes are not public. The index is the
 * public's only: no signed-in viewer's entitlement reaches it.
 */
export function publicSearchContent(
  meeting: MinutesSubject,
  item: { exempt: boolean; title: string; text: string | null; number: string; exemptReleaseOn?: string | null },
  today: string | null = null,
): SearchContent | null {
  if (!areMinutesPublic(meeting)) return null;
  if (item.exempt && !isReleased(item.exemptReleaseOn, publicViewer(today))) return { title: `${item.number}. ${item.title}`, text: "" };
  return { title: `${item.number}. ${item.title}`, text: item.text ?? "" };
}

/**
 * The form of a record a viewer may see: every read function returning meeting content calls this.
 * Null when the meeting is not listed; without its items while its minutes are not public.
 */
export function publicView<T extends { minutesStatus: string; announcedAt?: string | null; items: ItemLike[]; bodyId?: number | null }>(
  meeting: T,
  viewer: Viewer = PUBLIC_VIEWER,
): (T & { items: (T["items"][number] & ItemVisibility)[] }) | null {
  if (!isMeetingListed({ minutesStatus: meeting.minutesStatus, announcedAt: meeting.announcedAt ?? null })) return null;
  const items = areMinutesPublic(meeting) ? meeting.items : [];
  return { ...meeting, items: items.map((i) => publicItem(i, viewer, meeting.bodyId ?? null)) };
}

export const WITHHELD = "[exempt information withheld]";

/** Source text with the exempt items' text replaced, for the public "where did this come from" view. */
export function publicSourceText(text: string, exemptRanges: [number, number][]): string {
  const ranges = [...exemptRanges].sort((a, b) => a[0] - b[0]);
  let out = "";
  let at = 0;
  for (const [start, end] of ranges) {
    if (end <= at) continue;
    out += text.slice(at, Math.max(at, start)) + WITHHELD;
    at = Math.max(at, end);
  }
  return out + text.slice(at);
}

export const EXEMPT_START = `[${NOT_FOR_PUBLICATION}:`;
export const EXEMPT_END = "[end of exempt information]";

/**
 * Source text as a viewer may read it: whole once everything sealed in it is released; with the
 * exempt text between markers for an entitled viewer; otherwise with it withheld (publicSourceText).
 */
export function sourceTextFor(text: string, exemptRanges: [number, number][], access: ExemptAccess, notice = ""): string {
  if (access === "released" || !exemptRanges.length) return text;
  if (access === "withheld") return publicSourceText(text, exemptRanges);
  const ranges = [...exemptRanges].sort((a, b) => a[0] - b[0]);
  let out = "";
  let at = 0;
  for (const [start, end] of ranges) {
    if (end <= at) continue;
    const s = Math.max(at, start);
    out += text.slice(at, s) + `${EXEMPT_START}${notice ? " " + notice : ""}]\n` + text.slice(s, end) + `\n${EXEMPT_END}`;
    at = end;
  }
  return out + text.slice(at);
}

/** A provenance span may be shown publicly only if it lies outside every exempt range. */
export function isSpanPublic(span: { start: number; end: number }, exemptRanges: [number, number][]): boolean {
  return !exemptRanges.some(([s, e]) => span.start < e && span.end > s);
}

export interface KeyDecisionLike {
  /** set when it is to be taken in private (reg 5 of the 2012 Regulations), under Schedule 12A */
  exempt: { paragraphs: string | null } | null;
  /** the deciding committee, for an entitled viewer; null for an officer's or member's decision */
  bodyId: number | null;
  details: string | null;
  documents: unknown[];
}

/**
 * A key decision to be taken in private: the public learn what the 2012 Regulations publish (that
 * a private decision is planned, its title, decision maker and date, the Schedule 12A paragraph and
 * the reason for privacy), never its details or documents, unless the viewer is entitled to the
 * deciding committee (then marked not for publication).
 */
export function publicKeyDecision<T extends KeyDecisionLike>(d: T, viewer: Viewer = PUBLIC_VIEWER): T & { withheld: boolean; notForPublication: boolean } {
  if (!d.exempt) return { ...d, withheld: false, notForPublication: false };
  // An officer's decision has no committee to be entitled to: only clerks and admins see it.
  const access = exemptAccess(viewer, { bodyId: d.bodyId ?? -1, releaseOn: null });
  if (access === "entitled") return { ...d, withheld: false, notForPublication: true };
  return { ...d, details: null, documents: [], withheld: true, notForPublication: false };
}

/**
 * Agendas and their papers. Nothing is public before it is published (`published`); an exempt
 * agenda item, and a paper exempt on its own or through its item, keeps only its title and ground
 * unless the viewer is entitled to the committee. No release date applies to an agenda yet.
 */
export interface AgendaSubject {
  published: boolean;
  exempt: StoredFlag;
  bodyId: number;
}

export function agendaAccess(s: AgendaSubject, viewer: Viewer = PUBLIC_VIEWER): ExemptAccess | "public" | "unpublished" {
  if (!s.published) return "unpublished";
  if (!(s.exempt === true || s.exempt === 1)) return "public";
  return exemptAccess(viewer, { bodyId: s.bodyId, releaseOn: null });
}

/** Whether an agenda item's details, or a paper's file, may be given to this viewer. */
export function isAgendaContentShown(s: AgendaSubject, viewer: Viewer = PUBLIC_VIEWER): boolean {
  const access = agendaAccess(s, viewer);
  return access === "public" || access === "entitled";
}

/**
 * What public search may hold of an agenda item or paper: nothing before it is published; of
 * exempt business (an exempt item, or a paper exempt on its own or through its item) the title and
 * the ground only. `whole`: the public may read the rest, so a paper's text may be read and added.
 * As with minutes, the index is the public's: no viewer's entitlement reaches it.
 */
export function publicAgendaSearchContent(s: AgendaSubject, content: { title: string; details: (string | null)[]; ground: string }): (SearchContent & { whole: boolean }) | null {
  const access = agendaAccess(s, PUBLIC_VIEWER);
  if (access === "unpublished") return null;
  if (access !== "public") return { title: content.title, text: content.ground, whole: false };
  return { title: content.title, text: content.details.filter(Boolean).join("\n"), whole: true };
}

/**
 * The original minutes document, as it was imported (its PDF, Word or HTML file). It holds the
 * whole text, exempt items included, and cannot be cut as the minutes text is: so it is given only
 * when the minutes are public (never a draft, whoever asks), only while it is the document its
 * meeting rests on (an earlier version may hold text a later one marked exempt: earlier versions
 * have no public URL), and, while any exempt business in it is not released, only to a viewer
 * entitled to the committee. One subject per meeting these bytes were imported as (a document may
 * hold the minutes of several meetings): every one of them must allow it.
 */
export interface OriginalSubject {
  minutesStatus: string;
  /** whether the meeting rests on this document now */
  current: boolean;
  bodyId: number | null;
  /** the meeting's exempt items, with their release dates */
  items: { exempt: StoredFlag; exemptReleaseOn?: string | null }[];
  /** whether the document holds exempt text (exempt ranges found when it was read) */
  exemptText: boolean;
}

export function isOriginalShown(meetings: OriginalSubject[], viewer: Viewer = PUBLIC_VIEWER): boolean {
  if (!meetings.length) return false;
  return meetings.every((m) => {
    if (!m.current || !areMinutesPublic(m)) return false;
    if (!m.exemptText && !m.items.some((i) => i.exempt === true || i.exempt === 1)) return true;
    return exemptAccess(viewer, { bodyId: m.bodyId, releaseOn: sealedReleaseOn(m.items) }) !== "withheld";
  });
}
