// The one public-visibility rule. Every read for a public surface (pages, API, search, feeds,
// exports) goes through `publicView` (records) or `publicMeetingsOnly` (queries); search entries are
// written through `publicSearchContent`, so exempt or draft text can never reach the index.
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

/** Whether a resolution may be shown: its item must not be exempt and its meeting must be public. */
export function isResolutionPublic(r: { itemExempt: boolean; minutesStatus: string }): boolean {
  return !r.itemExempt && isMeetingPublic(r);
}

/** SQL form of isResolutionPublic for a query that has `items` and `meetings` in scope. */
export function publicResolutionsOnly(eb: ExpressionBuilder<Database, "items" | "meetings">) {
  // `NOT exempt` reads the same on SQLite (0/1) and PostgreSQL (boolean).
  return eb.and([eb("meetings.minutes_status", "!=", "draft"), sql<boolean>`NOT ${eb.ref("items.exempt")}`]);
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
