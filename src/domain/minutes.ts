// The quorum.minutes/1 record (see docs/minutes-json.md): the contract between the
// parser and everything that reads its output. Fields may be added, never renamed.

import type { OcrReading } from "./source.ts";

export const MINUTES_SCHEMA = "quorum.minutes/1" as const;

export const ATTENDANCE_STATUSES = ["present", "apologies", "absent", "in_attendance"] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

export const ATTENDEE_KINDS = ["member", "officer", "other"] as const;
export type AttendeeKind = (typeof ATTENDEE_KINDS)[number];

export const RECOMMENDATION_RESPONSES = ["yes", "partially", "no"] as const;
export type RecommendationResponse = (typeof RECOMMENDATION_RESPONSES)[number];

export interface Attendee {
  name: string;
  status: AttendanceStatus;
  kind: AttendeeKind;
  role: string | null;
  substituteFor: string | null;
  /** the slug of the council's person this attendee is, when a person chose one (a correction); the store matches the name otherwise */
  person?: string | null;
}

export interface Resolution {
  text: string;
  /** who moved (proposed) it, as written: "Cllr Sue Lintern", "S. Kirkey"; null when not stated */
  movedBy?: string | null;
  /** who seconded it, as written; null when not stated */
  secondedBy?: string | null;
  /** the outcome (one of the store's OUTCOMES) when known; the store reads it from the text when absent */
  outcome?: string | null;
  /** the votes when known; the store reads them from the text when absent */
  votes?: Votes | null;
}

export interface Votes {
  for: number | null;
  against: number | null;
  abstain: number | null;
  /** true when the minutes call the vote unanimous ("carried unanimously", "nem. con.", "all in favour"); added after the first release */
  unanimous?: boolean;
  /** who voted how, as written, when the minutes name them; added after the first release */
  recorded?: RecordedVotes | null;
}

/** Names as written ("Councilmember Daysog", "Cllr Jim McNeill"), in the order printed; an empty list when none are named. */
export interface RecordedVotes {
  for: string[];
  against: string[];
  abstain: string[];
  /** named as absent in the vote ("Absent: Councilmember Vella") */
  absent: string[];
  /** stood aside from the decision: recused, took no part, did not vote (usually for an interest) */
  recused: string[];
}

export interface Item {
  number: string;
  title: string;
  exempt: boolean;
  /** Schedule 12A paragraph(s) when stated, e.g. "1 & 7". */
  exemptParagraphs?: string | null;
  resolutions: Resolution[];
}

export interface Recommendation {
  number: string;
  text: string;
  response: RecommendationResponse | null;
  responseText?: string | null;
  responsibleMember: string | null;
  responsibleOfficer: string | null;
  /** "YYYY-MM" or "YYYY-MM-DD" */
  actionBy: string | null;
}

/** A declaration of interest made at the meeting. */
export interface Declaration {
  /** as written, honorific kept: "Cllr Grant Tomkins" */
  name: string;
  /** the number of the item it is about, when stated or when made under that item's heading */
  item: string | null;
  /** the kind when stated: "pecuniary", "non-pecuniary", "personal", "prejudicial", "disclosable pecuniary", "other registrable" */
  interest: string | null;
  /** the reason as written */
  description: string | null;
  /** `interest` in the closed vocabulary: "disclosable pecuniary" → "disclosable_pecuniary"; null when no kind is stated */
  kind?: DeclarationKind | null;
}

/** The kinds of interest the codes of conduct name, as one closed vocabulary (see docs/minutes-json.md). */
export const DECLARATION_KINDS = ["disclosable_pecuniary", "other_registrable", "non_registrable", "prejudicial", "pecuniary", "non_pecuniary", "personal"] as const;
export type DeclarationKind = (typeof DECLARATION_KINDS)[number];

/** A question put at the meeting (question time, questions on notice) and the answer recorded. */
export interface Question {
  /** the number of the item it was asked under; null before the first item */
  item: string | null;
  /** as written, honorific kept: "Councillor D. McSweeney", "Mr K Keel"; null when not stated */
  askedBy: string | null;
  /** the office or person it was put to, as written: "the Cabinet Member for Highways"; null when not stated */
  askedTo: string | null;
  /** the question as written */
  question: string;
  /** the answer as written; null when none is recorded */
  answer: string | null;
}

export const MINUTES_STATUSES = ["draft", "approved"] as const;
/** What the minutes say of themselves: a draft awaiting approval, or approved (signed) as a correct record. */
export type MinutesStatus = (typeof MINUTES_STATUSES)[number];

export type Confidence = "high" | "low";

export interface NextMeeting {
  date: string | null;
  time: string | null;
  venue: string | null;
}

/** Where a value came from in the source text: 1-based line numbers, character offsets into the text. */
export interface Span {
  line: number;
  endLine?: number;
  start: number;
  end: number;
  /** true when the value was inferred rather than read (e.g. an item number given by position). */
  implied?: boolean;
}

export interface ParsedMinutes {
  schema: typeof MINUTES_SCHEMA;
  authority: string | null;
  body: string | null;
  date: string | null;
  startTime: string | null;
  endTime: string | null;
  venue: string | null;
  /** held, cancelled, postponed or scheduled; "held" when absent (minutes are of a meeting that took place) */
  status?: string | null;
  /**
   * The header's words calling these minutes a draft ("Draft Minutes", "DRAFT UNTIL SIGNED BY THE
   * CHAIR", "Unconfirmed minutes"), or null when it does not: the minutes are then the council's
   * final record. Added after the first release, so records written before it lack the field.
   */
  draftMarking?: string | null;
  /**
   * What the minutes say of their own standing: "draft" (a draft marking, "subject to approval"),
   * "approved" ("approved at the meeting of …", "Confirmed minutes", a signature block filled in
   * with a name or a date), or null when they say neither. Added after the first release.
   */
  minutesStatus?: MinutesStatus | null;
  /** the words the status was read from, as written ("Draft Minutes", "Signed: J Smith Chairman 12 March 2024") */
  minutesStatusText?: string | null;
  attendance: Attendee[];
  items: Item[];
  recommendations: Recommendation[];
  /** Added to quorum.minutes/1 after its first release, so records written before it lack the field. */
  declarations?: Declaration[];
  /** Question time: questions put at the meeting and their answers. Added after the first release. */
  questions?: Question[];
  nextMeeting: NextMeeting | null;
  warnings: string[];
  /**
   * Pages of a scanned PDF whose text was read by OCR, with each page's mean word confidence;
   * absent when the text came from the document itself. Added after the first release.
   */
  ocr?: OcrReading;
  /** JSON-pointer-like path ("date", "items/3/title", "attendance/0") → where it was read. */
  provenance: Record<string, Span>;
  /**
   * Keyed like `provenance`: "low" where a value was inferred, taken from a fallback, read from
   * OCR below its threshold, or conflicting; paths not listed are read as written ("high").
   * Added after the first release.
   */
  confidence?: Record<string, Confidence>;
}
