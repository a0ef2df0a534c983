// The one public-visibility rule. Every read for a public surface (pages, API, search, feeds,
// exports) goes through `publicView` (records) or `publicMeetingsOnly` (queries); search entries are
// written through `publicSearchContent`, so exempt or draft text can never reach the index.
//
// Everything parsed out of an exempt item (its resolutions and their votes, declarations of
// interest, recommendation/response tables, work-programme changes, actions) is sealed with it: it
// is stored marked `exempt` (or linked to its exempt item) when it is written — `isSealed` decides —
// and shown only where `isFromPublicBusiness` / `publicBusinessOnly` allow it.
import { sql, type ExpressionBuilder } from "kysely";
import type { Database } from "./schema.ts";

export interface VisibilitySubject {
  minutesStatus: string;
}

/** Draft minutes are not public; published and approved minutes are. */
export function isMeetingPublic(meeting: VisibilitySubject): boolean {
  return meeting.minutesStatus !== "draft";
}

/** SQL form of isMeetingPublic for a query that has `meetings` in scope. */
export function publicMeetingsOnly(eb: ExpressionBuilder<Database, "meetings">) {
  return eb("meetings.minutes_status", "!=", "draft");
}

/**
 * A person known only from minutes that are not public (a meeting waiting in the review queue) is
 * not public either. SQL for a query that has `people` in scope.
 */
export function publicPeopleOnly(eb: ExpressionBuilder<Database, "people">) {
  const attended = (isPublic: boolean) =>
    eb.exists(
      eb
        .selectFrom("attendance")
        .innerJoin("meetings", "meetings.id", "attendance.meeting_id")
        .whereRef("attendance.person_id", "=", "people.id")
        .where("meetings.minutes_status", isPublic ? "!=" : "=", "draft")
        .select("attendance.id"),
    );
  return eb.or([eb.not(attended(false)), attended(true)]);
}

export interface ItemLike {
  exempt: boolean;
  exemptParagraphs: string | null;
  text: string | null;
  resolutions: unknown[];
}

/** An exempt item keeps only its public title and the ground for exemption. */
export function publicItem<T extends ItemLike>(item: T): T & { exemptNotice: string | null } {
  if (!item.exempt) return { ...item, exemptNotice: null };
  return { ...item, text: null, resolutions: [], exemptNotice: exemptNotice(item.exemptParagraphs) };
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
}

/**
 * Whether something parsed from minutes (a declaration, a recommendation and its response, a
 * work-programme change, an action) may be shown: not sealed as exempt, and from public minutes.
 */
export function isFromPublicBusiness(r: BusinessSubject): boolean {
  return !(r.exempt === true || r.exempt === 1) && (r.minutesStatus === null || isMeetingPublic({ minutesStatus: r.minutesStatus }));
}

/**
 * SQL form of isFromPublicBusiness: `exempt` names the record's flag column, `minutesStatus` its
 * meeting's minutes_status (from a left join, so null means not from minutes).
 */
export function publicBusinessOnly(exempt: string, minutesStatus: string) {
  return sql<boolean>`(NOT ${sql.ref(exempt)} AND (${sql.ref(minutesStatus)} IS NULL OR ${sql.ref(minutesStatus)} != 'draft'))`;
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

/** Whether a resolution (its text, outcome and votes) may be shown: its item must not be exempt and its meeting must be public. */
export function isResolutionPublic(r: { itemExempt: boolean; minutesStatus: string | null }): boolean {
  return isFromPublicBusiness({ exempt: r.itemExempt, minutesStatus: r.minutesStatus });
}

/** SQL form of isResolutionPublic for a query that has `items` and `meetings` in scope. */
export function publicResolutionsOnly(_eb?: ExpressionBuilder<Database, "items" | "meetings">) {
  // `NOT exempt` reads the same on SQLite (0/1) and PostgreSQL (boolean).
  return publicBusinessOnly("items.exempt", "meetings.minutes_status");
}

export interface SearchContent {
  title: string;
  text: string;
}

/**
 * What of an item public search may hold: nothing of an exempt item but its title, nothing at all
 * of a meeting whose minutes are not public.
 */
export function publicSearchContent(meeting: VisibilitySubject, item: { exempt: boolean; title: string; text: string | null; number: string }): SearchContent | null {
  if (!isMeetingPublic(meeting)) return null;
  if (item.exempt) return { title: `${item.number}. ${item.title}`, text: "" };
  return { title: `${item.number}. ${item.title}`, text: item.text ?? "" };
}

/** The public form of a record: every read function returning meeting content calls this. */
export function publicView<T extends { minutesStatus: string; items: ItemLike[] }>(meeting: T): (T & { items: (T["items"][number] & { exemptNotice: string | null })[] }) | null {
  if (!isMeetingPublic(meeting)) return null;
  return { ...meeting, items: meeting.items.map((i) => publicItem(i)) };
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

/** A provenance span may be shown publicly only if it lies outside every exempt range. */
export function isSpanPublic(span: { start: number; end: number }, exemptRanges: [number, number][]): boolean {
  return !exemptRanges.some(([s, e]) => span.start < e && span.end > s);
}
