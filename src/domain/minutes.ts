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
}

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
  attendance: Attendee[];
  items: Item[];
  recommendations: Recommendation[];
  /** Added to quorum.minutes/1 after its first release, so records written before it lack the field. */
  declarations?: Declaration[];
  nextMeeting: NextMeeting | null;
  warnings: string[];
  /**
   * Pages of a scanned PDF whose text was read by OCR, with each page's mean word confidence;
   * absent when the text came from the document itself. Added after the first release.
   */
  ocr?: OcrReading;
  /** JSON-pointer-like path ("date", "items/3/title", "attendance/0") → where it was read. */
  provenance: Record<string, Span>;
}
