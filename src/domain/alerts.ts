// What an email alert says, as facts gathered through the visibility rule when the event happens
// (store/mail/alerts.ts), and the paths it links to. The paths are the portal's own (serve/urls.ts
// builds the same; alerts-paths.test.ts checks they agree), kept here because the message is
// written below the web layer, by the sender.

export interface AlertCommittee {
  slug: string;
  name: string;
  council: string;
}

export interface AlertMeeting {
  slug: string;
  date: string;
  startTime: string | null;
  venue: string | null;
}

export interface AlertPaper {
  title: string;
  /** the paper's public download path */
  path: string;
}

/** An agenda item as the public may see it: of exempt business, the title and the ground only. */
export interface AlertItem {
  number: string;
  title: string;
  /** the Schedule 12A paragraph when the item is exempt (then it has no papers here) */
  exemptParagraph: string | null;
  exempt: boolean;
  papers: AlertPaper[];
}

/** A saved search: its words and filters as /search takes them. */
export interface AlertSearch {
  query: string;
  filters: { type?: string; body?: string; authority?: string; year?: number };
}

/** Something newly public that a saved search finds: its title and where it is. */
export interface AlertHit {
  title: string;
  path: string;
}

export interface AlertPerson {
  slug: string;
  name: string;
}

/** A public decision a followed person moved or seconded. */
export interface AlertMotion {
  role: "moved" | "seconded";
  title: string;
  path: string;
}

/** A followed ward: its address, its name as shown and its council. */
export interface AlertWard {
  slug: string;
  name: string;
  council: string;
}

/** A key decision as the public forward plan shows it: of one to be taken in private, what the Regulations publish. */
export interface AlertKeyDecision {
  slug: string;
  title: string;
  decisionMaker: string;
  /** YYYY-MM-DD, or YYYY-MM when only the month is known */
  plannedDate: string;
  /** to be taken in private: the Schedule 12A paragraphs and the reason (its details are never sent) */
  private: { paragraphs: string | null; reason: string } | null;
}

/** An inquiry of the scrutiny tracker, as its public page names it. */
export interface AlertInquiry {
  slug: string;
  title: string;
  council: string;
}

/** What happened to a tracked recommendation: the executive's response, a monitoring update, or something overdue. */
export type TrackerNews = "response" | "update" | "overdue";

/** A public recommendation and its news, read through the visibility rule as the tracker shows it. */
export interface AlertRecommendation {
  number: string;
  /** its words, cut short */
  text: string;
  response?: { answer: "yes" | "partially" | "no"; text: string | null; actionBy: string | null };
  update?: { date: string; rag: string; text: string };
  overdue?: { what: "response" | "update"; due: string };
}

export type MeetingChangeKind = "rescheduled" | "postponed" | "cancelled" | "restored";

export type AlertEvent =
  | { kind: "meeting_scheduled"; committee: AlertCommittee; meeting: AlertMeeting }
  | { kind: "meeting_changed"; change: MeetingChangeKind; committee: AlertCommittee; meeting: AlertMeeting; reason: string | null }
  | { kind: "agenda_published"; committee: AlertCommittee; meeting: AlertMeeting; supplement: boolean; items: AlertItem[] }
  | { kind: "minutes_published"; committee: AlertCommittee; meeting: AlertMeeting }
  | { kind: "person_at_meeting"; person: AlertPerson; committee: AlertCommittee; meeting: AlertMeeting; attended: boolean; motions: AlertMotion[] }
  | { kind: "search_matched"; source: "minutes" | "agenda"; search: AlertSearch; committee: AlertCommittee; meeting: AlertMeeting; hits: AlertHit[] }
  | { kind: "ward_agenda"; ward: AlertWard; committee: AlertCommittee; meeting: AlertMeeting; supplement: boolean; items: AlertItem[] }
  | { kind: "ward_key_decision"; ward: AlertWard; decision: AlertKeyDecision }
  | { kind: "tracker"; news: TrackerNews; inquiry: AlertInquiry; recommendations: AlertRecommendation[] };

/** What an outbox row holds until it is sent; the one-time link token goes with it. */
export type MessagePayload =
  | { kind: "confirm"; token: string; committee: AlertCommittee; frequency: "immediate" | "daily" }
  | { kind: "confirm_person"; token: string; person: AlertPerson; frequency: "immediate" | "daily" }
  | { kind: "confirm_search"; token: string; search: AlertSearch; frequency: "immediate" | "daily" }
  | { kind: "confirm_ward"; token: string; ward: AlertWard; frequency: "immediate" | "daily" }
  | { kind: "confirm_tracker"; token: string; inquiry: AlertInquiry; number: string | null; frequency: "immediate" | "daily" }
  | { kind: "alert"; token: string; event: AlertEvent }
  | { kind: "digest"; token: string; day: string; events: AlertEvent[] }
  | { kind: "reminder"; token: string; reminder: OwnerReminder };

/** An owner's reminder: an update due soon or overdue, or an action's deadline. */
export interface OwnerReminder {
  /** "Recommendation 2: Waste collection" — or, for an item the public may not see, a neutral phrase */
  heading: string;
  what: "update" | "deadline";
  due: string;
  state: "soon" | "overdue";
}

const e = encodeURIComponent;

export const alertPaths = {
  meeting: (slug: string) => `/meetings/${e(slug)}`,
  committee: (slug: string) => `/committees/${e(slug)}`,
  minutes: (slug: string) => `/meetings/${e(slug)}/minutes`,
  paper: (meetingSlug: string, id: number) => `/meetings/${e(meetingSlug)}/documents/paper-${id}`,
  subscribe: (committeeSlug: string) => `/committees/${e(committeeSlug)}/alerts`,
  item: (meetingSlug: string, itemSlug: string) => `/meetings/${e(meetingSlug)}#item-${e(itemSlug)}`,
  decision: (meetingSlug: string, decisionSlug: string) => `/meetings/${e(meetingSlug)}#decision-${e(decisionSlug)}`,
  person: (slug: string) => `/people/${e(slug)}`,
  search: (s: AlertSearch) => `/search?${searchParams(s)}`,
  ward: (slug: string) => `/wards/${e(slug)}`,
  wardSubscribe: (slug: string) => `/wards/${e(slug)}/alerts`,
  keyDecision: (slug: string) => `/forward-plan/${e(slug)}`,
  tracker: () => "/recommendations",
  inquiry: (slug: string) => `/recommendations/${e(slug)}`,
  recommendation: (inquirySlug: string, number: string) => `/recommendations/${e(inquirySlug)}#recommendation-${e(number)}`,
  confirm: (token: string) => `/alerts/confirm/${e(token)}`,
  unsubscribe: (token: string) => `/alerts/unsubscribe/${e(token)}`,
  manage: (token: string) => `/alerts/manage/${e(token)}`,
  dashboard: () => "/account/dashboard",
};

/** A saved search's query string, in the order /search writes it. */
export function searchParams(s: AlertSearch): string {
  const p = new URLSearchParams({ q: s.query });
  if (s.filters.type) p.set("type", s.filters.type);
  if (s.filters.body) p.set("body", s.filters.body);
  if (s.filters.authority) p.set("authority", s.filters.authority);
  if (s.filters.year !== undefined) p.set("year", String(s.filters.year));
  return p.toString();
}

/** How a followed inquiry or recommendation is named in mail and on pages. */
export function trackerLabel(inquiry: { title: string }, number: string | null): string {
  return number === null ? `the inquiry \u201c${inquiry.title}\u201d` : `recommendation ${number} of \u201c${inquiry.title}\u201d`;
}

/** How a saved search is named in mail and on pages. */
export function searchLabel(s: AlertSearch): string {
  const f = [s.filters.type, s.filters.body, s.filters.authority, s.filters.year].filter((v) => v !== undefined && v !== "");
  return `the search \u201c${s.query}\u201d${f.length ? ` (${f.join(", ")})` : ""}`;
}
