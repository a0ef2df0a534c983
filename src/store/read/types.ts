// What the store's read functions return: plain, public-only records for the portal and API.
import type { Outcome } from "../schema.ts";
import type { MinutesStanding } from "../lifecycle/standing.ts";
import type { MinutesApprovalView, MinutesCorrectionView } from "../lifecycle/read.ts";

export interface Page<T> {
  data: T[];
  /** exact, or COUNT_CAP with `totalCapped` where no summary holds the count */
  total: number;
  totalCapped?: boolean;
  limit: number;
  offset: number;
  /** cursors of the pages after and before this one, where the list is paged by cursor; null at either end */
  next?: string | null;
  previous?: string | null;
}

export interface AuthorityRef {
  slug: string;
  name: string;
}

export interface AuthoritySummary extends AuthorityRef {
  id: number;
  timeZone: string;
  bodyCount: number;
  meetingCount: number;
}

export interface BodyRef {
  slug: string;
  name: string;
}

export interface BodySummary extends BodyRef {
  id: number;
  kind: string;
  authority: AuthorityRef;
  meetingCount: number;
  firstMeeting: string | null;
  lastMeeting: string | null;
}

export interface PersonRef {
  slug: string;
  name: string;
}

export interface MemberView {
  person: PersonRef;
  kind: string;
  role: string | null;
  from: string | null;
  to: string | null;
}

export interface MeetingSummary extends MinutesStanding {
  id: number;
  slug: string;
  body: BodyRef;
  authority: AuthorityRef & { timeZone: string };
  /** ISO date and local "HH:MM" times as written, in authority.timeZone */
  date: string;
  startTime: string | null;
  endTime: string | null;
  venue: string | null;
  status: string;
  minutesStatus: string;
  /** false for a meeting scheduled here whose minutes have not come in: nothing says it was held */
  hasMinutes: boolean;
  itemCount: number;
  decisionCount: number;
}

export interface BodyDetail extends BodySummary {
  /** those recorded at the latest meeting, then the most recently recorded of those before it */
  members: MemberView[];
  /** the most recent public meetings, by year */
  meetingsByYear: { year: number; meetings: MeetingSummary[] }[];
  /** the most recent public decisions, newest first */
  decisions: DecisionSummary[];
  /** cursors to older meetings (listMeetings by body) and earlier members (bodyMembers); null: none */
  older: { meetings: string | null; members: string | null };
}

export interface Votes {
  for: number | null;
  against: number | null;
  abstain: number | null;
  /** present (true) only when the minutes call the vote unanimous */
  unanimous?: boolean;
  /** who voted how, when the minutes name them (on a meeting's decisions) */
  recorded?: RecordedVotesView;
}

/** A member's vote as the minutes name them, linked to the person when the name matched one. */
export interface VoterView {
  name: string;
  person: PersonRef | null;
}

export type RecordedVotesView = Record<"for" | "against" | "abstain" | "absent" | "recused", VoterView[]>;

export interface ResolutionView {
  id: number;
  slug: string;
  position: number;
  text: string;
  outcome: Outcome | null;
  votes: Votes | null;
}

export interface ItemView {
  id: number;
  slug: string;
  position: number;
  number: string;
  title: string;
  exempt: boolean;
  exemptParagraphs: string | null;
  /** "Exempt under paragraph N …" for exempt items, else null */
  exemptNotice: string | null;
  /** the minutes text of the item; null when exempt or not found in the source */
  text: string | null;
  resolutions: ResolutionView[];
  /** exempt and not shown to this viewer: only the title and the ground */
  withheld: boolean;
  /** exempt, shown to a viewer entitled to the committee: mark it "Exempt — not for publication" */
  notForPublication: boolean;
  /** exempt until this date, public since */
  releasedOn: string | null;
}

export interface AttendeeView {
  rawName: string;
  person: PersonRef | null;
  kind: string;
  role: string | null;
  substituteFor: string | null;
  substituteForPerson: PersonRef | null;
}

export interface DeclarationView {
  rawName: string;
  person: PersonRef | null;
  item: { slug: string; number: string } | null;
  interest: string | null;
  /** the kind in the closed vocabulary: "disclosable_pecuniary", "prejudicial", … */
  kind: string | null;
  description: string | null;
  /** sealed with exempt business, shown to a viewer entitled to the committee */
  notForPublication?: boolean;
}

export interface QuestionView {
  item: { slug: string; number: string } | null;
  askedBy: string | null;
  askedTo: string | null;
  question: string;
  answer: string | null;
  /** sealed with exempt business, shown to a viewer entitled to the committee */
  notForPublication?: boolean;
}

export interface RecommendationView {
  id: number;
  number: string;
  text: string;
  response: string | null;
  responseText: string | null;
  responsibleMember: string | null;
  responsibleOfficer: string | null;
  actionBy: string | null;
  /** sealed with exempt business, shown to a viewer entitled to the committee */
  notForPublication?: boolean;
}

export interface MeetingDetail extends MeetingSummary {
  attendance: {
    present: AttendeeView[];
    inAttendance: AttendeeView[];
    apologies: AttendeeView[];
    absent: AttendeeView[];
  };
  declarations: DeclarationView[];
  /** what the minutes say of their own standing, with the words; null when they say nothing */
  minutesStated: { status: "draft" | "approved"; text: string | null } | null;
  /** question time, in the order asked */
  questions: QuestionView[];
  items: ItemView[];
  recommendations: RecommendationView[];
  /** as stated in the minutes */
  nextMeetingStated: { date: string | null; time: string | null; venue: string | null } | null;
  /** the body's next meeting held in the store, if any */
  nextMeeting: { slug: string; date: string; startTime: string | null } | null;
  previousMeeting: { slug: string; date: string; startTime: string | null } | null;
  /** the document the meeting's record was read from; earlier versions are not public */
  source: { fileName: string; format: string; importedAt: string } | null;
  /** how and when the minutes were approved; null until they are */
  minutesApproval: MinutesApprovalView | null;
  /** changes after approval, with their reasons, oldest first */
  minutesCorrections: MinutesCorrectionView[];
}

export interface DecisionSummary {
  id: number;
  slug: string;
  text: string;
  outcome: Outcome | null;
  votes: Votes | null;
  item: { slug: string; number: string; title: string };
  meeting: { slug: string; date: string; startTime: string | null };
  body: BodyRef;
  authority: AuthorityRef;
  /** the exemption notice when the decision is exempt business shown to an entitled viewer; else null */
  exemptNotice?: string | null;
}

export interface PersonSummary extends PersonRef {
  id: number;
  kind: string;
  authority: AuthorityRef;
  meetingCount: number;
}

export interface AttendanceRecordRow {
  meeting: { slug: string; date: string; startTime: string | null; body: BodyRef };
  status: string;
  rawName: string;
  role: string | null;
  /** a member listed present, with apologies or absent was expected; in_attendance was not */
  expected: boolean;
}

export interface PersonDetail extends PersonSummary {
  honorific: string | null;
  /** set by a clerk; null until then */
  party: string | null;
  ward: string | null;
  /** roles on committees, the most recently recorded first */
  memberships: { body: BodyRef; role: string | null; kind: string; from: string | null; to: string | null }[];
  attendance: {
    expected: number;
    present: number;
    apologies: number;
    absent: number;
    inAttendance: number;
    meetings: AttendanceRecordRow[];
  };
  /** the names this person was written as */
  namesAsWritten: string[];
  /** public decisions the minutes record this person as moving or seconding, newest first */
  motions: MotionRecordRow[];
  /** how they voted where the minutes name them, newest first; sealed with each decision */
  votes: VoteRecordRow[];
  /** the lists above hold the most recent rows; each cursor pages on to older ones (null: nothing older) */
  older: { meetings: string | null; motions: string | null; votes: string | null; roles: string | null };
}

export interface VoteRecordRow {
  vote: "for" | "against" | "abstain" | "absent" | "recused";
  nameAsWritten: string;
  decision: { id: number; slug: string; text: string };
  item: { slug: string; number: string; title: string };
  meeting: { slug: string; date: string; startTime: string | null; body: BodyRef };
  exemptNotice?: string | null;
}

export interface MotionRecordRow {
  role: "moved" | "seconded";
  /** the name as the minutes wrote it */
  nameAsWritten: string;
  decision: { id: number; slug: string; text: string };
  item: { slug: string; number: string; title: string };
  meeting: { slug: string; date: string; startTime: string | null; body: BodyRef };
  /** the exemption notice when the decision is exempt business shown to an entitled viewer; else null */
  exemptNotice?: string | null;
}

/** The current minutes text of a meeting, served at urls.minutes(meeting slug). */
export interface SourceDocumentView {
  fileName: string;
  format: string;
  contentHash: string;
  byteLength: number;
  parserVersion: string;
  warnings: string[];
  importedAt: string;
  /** the extracted text, with exempt item text withheld */
  text: string;
  meeting: { slug: string };
  /** exempt text is in `text`, between markers, for a viewer entitled to the committee */
  exemptShown?: boolean;
}

/** Where a value of a meeting was read in its minutes text: what its page links to. */
export interface SourceSpan {
  entity: string;
  entityId: number;
  field: string;
  line: number;
  implied: boolean;
}

export interface ProvenanceView {
  entity: string;
  entityId: number;
  field: string;
  sourceDocumentId: number;
  line: number;
  endLine: number | null;
  start: number;
  end: number;
  implied: boolean;
  /** the source text of the span */
  excerpt: string;
}

/** agenda: a published agenda item; paper: a published agenda paper */
export type SearchType = "meeting" | "item" | "decision" | "person" | "agenda" | "paper";

export interface SearchHit {
  type: SearchType;
  id: number;
  title: string;
  /** HTML-safe: text is escaped and matched words are wrapped in <mark>…</mark> */
  snippet: string;
  /** where the portal links: meeting/item/decision refer to the meeting slug, person to the person slug */
  slug: string;
  itemSlug: string | null;
  decisionSlug: string | null;
  /** agenda and paper: the agenda item, whose place on the meeting's agenda the hit links to */
  agendaItemId: number | null;
  meeting: ({ slug: string; date: string; status: string; hasMinutes: boolean } & MinutesStanding) | null;
  body: BodyRef | null;
  authority: AuthorityRef;
  rank: number;
}

export interface FacetCount {
  value: string;
  label: string;
  count: number;
  /** counted among the newest SEARCH_CAP matches only, which more matches followed: at least `count` */
  atLeast: boolean;
}

export interface SearchResults extends Page<SearchHit> {
  query: string;
  /** more matches than SEARCH_CAP: `total` is the cap, and only the newest that many were ranked */
  totalAtLeast: boolean;
  facets: { type: FacetCount[]; body: FacetCount[]; year: FacetCount[]; authority: FacetCount[] };
}
