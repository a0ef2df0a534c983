// Atom feeds (RFC 4287), written by the `feed` package: new meetings, new minutes and recent
// decisions, overall or for a council, a committee or a person, and any search. Every entry's id
// is the permanent address of what it announces, so it never changes; times are UTC instants from
// the store; summaries are made only from what the public reads returned (a decision through the
// public resolution rule, a search hit from the public search index), never from an item's text.
import { Feed } from "feed";
import type { Db } from "../../store/db.ts";
import { latestMinutes, meetingsBySlug, newestMeetings, type FollowMeeting, type FollowScope } from "../../store/follow/read.ts";
import { listDecisions, personAttendance, personMotions, search } from "../../store/read/index.ts";
import type { SearchOptions } from "../../store/search.ts";
import type { DecisionSummary, SearchHit } from "../../store/read/types.ts";
import type { Viewer } from "../../store/visibility.ts";
import { formatLongDate, formatTime } from "../format.ts";
import { urls } from "../urls.ts";

/** Entries in a feed: the latest this many. */
export const FEED_SIZE = 50;

export interface FeedEntry {
  /** the permanent address of what the entry announces */
  id: string;
  title: string;
  link: string;
  updated: Date;
  published?: Date;
  summary: string;
}

const when = (m: { date: string; startTime: string | null }) => `${formatLongDate(m.date)}${m.startTime ? ` at ${formatTime(m.startTime)}` : ""}`;

const STATE: Record<string, string> = { cancelled: " (cancelled)", postponed: " (postponed)" };

function meetingEntry(m: FollowMeeting, base: string): FeedEntry {
  const link = base + urls.meeting(m.slug);
  const parts = [`${m.body.name} (${m.authority.name}) meets on ${when(m)}${m.venue ? `, ${m.venue}` : ""}.`];
  if (m.status === "cancelled") parts.push("This meeting has been cancelled.");
  if (m.status === "postponed") parts.push("This meeting has been postponed.");
  if (m.agendaPublished) parts.push("The agenda has been published.");
  return { id: link, link, title: `Meeting: ${m.body.name}, ${formatLongDate(m.date)}${STATE[m.status] ?? ""}`, updated: new Date(m.updatedAt), published: new Date(m.createdAt), summary: parts.join(" ") };
}

function minutesEntry(m: FollowMeeting, base: string): FeedEntry {
  const at = new Date(m.minutesAt ?? m.updatedAt);
  return {
    id: base + urls.minutes(m.slug),
    link: base + urls.meeting(m.slug),
    title: `Minutes: ${m.body.name}, ${formatLongDate(m.date)}`,
    updated: at,
    published: at,
    summary: `The minutes of the meeting of ${m.body.name} (${m.authority.name}) on ${when(m)} have been published.`,
  };
}

interface DecisionLike {
  slug: string;
  text: string;
  item: { number: string; title: string };
  meeting: { slug: string; date: string };
  body: { name: string };
}

function decisionEntry(d: DecisionLike, meeting: FollowMeeting | undefined, base: string): FeedEntry {
  const link = base + urls.decision(d.meeting.slug, d.slug);
  const at = new Date(meeting?.minutesAt ?? meeting?.updatedAt ?? `${d.meeting.date}T00:00:00Z`);
  return { id: link, link, title: `Decision: ${d.item.number}. ${d.item.title} (${d.body.name}, ${formatLongDate(d.meeting.date)})`, updated: at, published: at, summary: d.text };
}

function newestFirst(entries: FeedEntry[]): FeedEntry[] {
  return entries.sort((a, b) => b.updated.getTime() - a.updated.getTime() || (a.id < b.id ? -1 : 1)).slice(0, FEED_SIZE);
}

/** The entries of a council's, a committee's or the whole site's feed. */
export async function scopeEntries(db: Db, scope: FollowScope, base: string, viewer: Viewer): Promise<FeedEntry[]> {
  const [meetings, minutes, decisions] = await Promise.all([
    newestMeetings(db, scope, FEED_SIZE),
    latestMinutes(db, scope, FEED_SIZE),
    listDecisions(db, { ...scope, limit: FEED_SIZE, count: false }, viewer),
  ]);
  const dated = await meetingsBySlug(db, decisions.data.map((d) => d.meeting.slug));
  return newestFirst([
    ...meetings.map((m) => meetingEntry(m, base)),
    ...minutes.map((m) => minutesEntry(m, base)),
    ...decisions.data.map((d: DecisionSummary) => decisionEntry(d, dated.get(d.meeting.slug), base)),
  ]);
}

/** A person's feed: the minutes of meetings they attended, and the decisions they moved or seconded. */
export async function personEntries(db: Db, personId: number, base: string, viewer: Viewer): Promise<FeedEntry[]> {
  const [attended, motions] = await Promise.all([personAttendance(db, personId, { limit: FEED_SIZE }), personMotions(db, personId, viewer, { limit: FEED_SIZE })]);
  const dated = await meetingsBySlug(db, [...attended.data.map((a) => a.meeting.slug), ...motions.data.map((m) => m.meeting.slug)]);
  const minutes = attended.data.map((a) => dated.get(a.meeting.slug)).filter((m): m is FollowMeeting => !!m && m.hasMinutes);
  return newestFirst([
    ...minutes.map((m) => minutesEntry(m, base)),
    ...motions.data.map((m) => decisionEntry({ slug: m.decision.slug, text: `${m.role === "moved" ? "Moved" : "Seconded"} by ${m.nameAsWritten}. ${m.decision.text}`, item: m.item, meeting: m.meeting, body: m.meeting.body }, dated.get(m.meeting.slug), base)),
  ]);
}

const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

const unmark = (html: string) =>
  html
    .replace(/<\/?mark>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");

function hitLink(h: SearchHit, base: string): string {
  if (h.type === "person") return base + urls.person(h.slug);
  if (h.type === "decision" && h.decisionSlug) return base + urls.decision(h.slug, h.decisionSlug);
  if (h.type === "item" && h.itemSlug) return base + urls.item(h.slug, h.itemSlug);
  return base + urls.meeting(h.slug);
}

/** A search as a feed: the best matches (the same read and filters as /search), each dated by its meeting. */
export async function searchEntries(db: Db, q: string, filters: Omit<SearchOptions, "limit" | "offset">, base: string, feedUpdated: Date): Promise<FeedEntry[]> {
  const results = await search(db, q, { ...filters, limit: FEED_SIZE, offset: 0 });
  const dated = await meetingsBySlug(db, results.data.filter((h) => h.meeting).map((h) => h.meeting!.slug));
  const times = results.data.map((h) => {
    const m = h.meeting ? dated.get(h.meeting.slug) : undefined;
    return m ? new Date(m.minutesAt ?? m.updatedAt) : null;
  });
  // a person has no meeting to date them by: the newest dated match, so the feed stays the same between requests
  const fallback = times.reduce<Date | null>((a, t) => (t && (!a || t > a) ? t : a), null) ?? feedUpdated;
  return results.data.map((h, i) => {
    const context = [h.body?.name, h.meeting ? formatLongDate(h.meeting.date) : null].filter(Boolean).join(", ");
    const link = hitLink(h, base);
    return { id: link, link, title: `${unmark(h.title)}${context ? ` (${context})` : ""}`, updated: times[i] ?? fallback, summary: unmark(h.snippet) };
  });
}

export interface AtomInput {
  title: string;
  /** the feed's own absolute address */
  self: string;
  /** the page the feed follows */
  page: string;
  entries: FeedEntry[];
  /** when there are no entries */
  emptyUpdated: Date;
  siteName: string;
  /** the data licence, for the feed's rights */
  licence: string;
}

export function atomFeed({ title, self, page, entries, emptyUpdated, siteName, licence }: AtomInput): string {
  const updated = entries.reduce((a, e) => (e.updated > a ? e.updated : a), new Date(0));
  const feed = new Feed({
    id: self,
    title,
    link: page,
    updated: entries.length ? updated : emptyUpdated,
    generator: "Quorum",
    feedLinks: { atom: self },
    author: { name: siteName },
    copyright: licence,
  });
  // the feed package marks titles and summaries as HTML: escape the plain text so it reads as written
  for (const e of entries) feed.addItem({ id: e.id, title: escapeHtml(e.title), link: e.link, date: e.updated, published: e.published, description: escapeHtml(e.summary) });
  return feed.atom1();
}
