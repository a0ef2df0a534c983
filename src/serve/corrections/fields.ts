// What each correction form holds: its fields, how each is shown and checked, and the record path
// it corrects. One description per form, so a form's page, its check and its save agree.
import { ATTENDANCE_STATUSES, ATTENDEE_KINDS, RECOMMENDATION_RESPONSES, type ParsedMinutes } from "../../domain/minutes.ts";
import { valueAt } from "../../domain/corrections.ts";
import { MEETING_STATUSES, OUTCOMES } from "../../store/schema.ts";
import type { FieldError } from "../auth/forms.tsx";

export interface Option {
  value: string;
  text: string;
}

export interface FieldSpec {
  /** the form field's name and id */
  name: string;
  label: string;
  hint?: string;
  input: "text" | "textarea" | "select" | "number";
  options?: Option[];
  required?: boolean;
  /** a pattern the text must match, with the message when it does not */
  pattern?: [RegExp, string];
  /** the record field (relative to the element) this input corrects */
  field: string;
  /** form text → record value */
  toValue?: (s: string) => unknown;
  /** record value → form text */
  toText?: (v: unknown) => string;
}

export type FormKind = "header" | "attendance" | "items" | "decisions" | "declarations" | "recommendations";

const opt = (values: readonly string[], empty?: string): Option[] => [...(empty !== undefined ? [{ value: "", text: empty }] : []), ...values.map((v) => ({ value: v, text: v.replace(/_/g, " ") }))];
const orNull = (s: string) => (s.trim() === "" ? null : s.trim());
const text = (v: unknown) => (v === null || v === undefined ? "" : String(v));
const TIME: [RegExp, string] = [/^$|^([01]\d|2[0-3]):[0-5]\d$/, "must be a 24-hour time like 14:30, or empty"];

const HEADER: FieldSpec[] = [
  { name: "date", label: "Date", hint: "For example, 2024-03-12", input: "text", required: true, pattern: [/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, "must be a date like 2024-03-12"], field: "date" },
  { name: "startTime", label: "Start time", hint: "24-hour, for example 10:00", input: "text", pattern: TIME, field: "startTime", toValue: orNull },
  { name: "endTime", label: "End time", hint: "24-hour, for example 12:30", input: "text", pattern: TIME, field: "endTime", toValue: orNull },
  { name: "venue", label: "Venue", input: "text", field: "venue", toValue: orNull },
  { name: "status", label: "Meeting status", input: "select", options: opt(MEETING_STATUSES), required: true, field: "status" },
];

export function attendanceFields(people: Option[]): FieldSpec[] {
  return [
    { name: "status", label: "Attendance", input: "select", options: opt(ATTENDANCE_STATUSES), required: true, field: "status" },
    { name: "kind", label: "Type", input: "select", options: opt(ATTENDEE_KINDS), required: true, field: "kind" },
    { name: "role", label: "Role", hint: "For example, Chair", input: "text", field: "role", toValue: orNull },
    { name: "substituteFor", label: "Substitute for", hint: "The member this person stood in for, as written", input: "text", field: "substituteFor", toValue: orNull },
    {
      name: "person",
      label: "Which person",
      hint: "Choose the council's person this is, or keep only the name as written",
      input: "select",
      options: [{ value: "auto", text: "Matched by name (automatic)" }, { value: "none", text: "Keep the name as written, linked to no one" }, ...people],
      field: "person",
      toValue: (s) => (s === "auto" ? null : s === "none" ? "" : s),
      toText: (v) => (v === null || v === undefined ? "auto" : v === "" ? "none" : String(v)),
    },
  ];
}

const ITEM: FieldSpec[] = [
  { name: "number", label: "Item number", input: "text", required: true, field: "number" },
  { name: "title", label: "Title", input: "text", required: true, field: "title" },
  {
    name: "exempt",
    label: "Held in public or private",
    input: "select",
    options: [
      { value: "no", text: "Public" },
      { value: "yes", text: "Exempt (public excluded)" },
    ],
    required: true,
    field: "exempt",
    toValue: (s) => s === "yes",
    toText: (v) => (v ? "yes" : "no"),
  },
  { name: "exemptParagraphs", label: "Schedule 12A paragraph(s)", hint: "For example, 1 & 7", input: "text", pattern: [/^$|^[0-9 &,and]{1,40}$/, "must be paragraph numbers like 3 or 1 & 7"], field: "exemptParagraphs", toValue: orNull },
];

const count = (s: string) => (s.trim() === "" ? null : Number(s));
const VOTES: [RegExp, string] = [/^$|^\d{1,4}$/, "must be a whole number, or empty"];

const DECISION: FieldSpec[] = [
  { name: "text", label: "Decision text", input: "textarea", required: true, field: "text" },
  { name: "outcome", label: "Outcome", input: "select", options: opt(OUTCOMES, "Not stated"), field: "outcome", toValue: orNull },
  { name: "votesFor", label: "Votes for", input: "number", pattern: VOTES, field: "votes.for", toValue: count },
  { name: "votesAgainst", label: "Votes against", input: "number", pattern: VOTES, field: "votes.against", toValue: count },
  { name: "votesAbstain", label: "Abstentions", input: "number", pattern: VOTES, field: "votes.abstain", toValue: count },
];

const DECLARATION: FieldSpec[] = [
  { name: "name", label: "Who declared", input: "text", required: true, field: "name" },
  { name: "item", label: "Item number", input: "text", field: "item", toValue: orNull },
  { name: "interest", label: "Kind of interest", hint: "For example, pecuniary, personal or prejudicial", input: "text", field: "interest", toValue: orNull },
  { name: "description", label: "Reason", input: "textarea", field: "description", toValue: orNull },
];

const RECOMMENDATION: FieldSpec[] = [
  { name: "number", label: "Number", input: "text", required: true, field: "number" },
  { name: "text", label: "Recommendation", input: "textarea", required: true, field: "text" },
  { name: "response", label: "Response", input: "select", options: opt(RECOMMENDATION_RESPONSES, "None recorded"), field: "response", toValue: orNull },
  { name: "responseText", label: "Response text", input: "textarea", field: "responseText", toValue: orNull },
  { name: "responsibleMember", label: "Responsible member", input: "text", field: "responsibleMember", toValue: orNull },
  { name: "responsibleOfficer", label: "Responsible officer", input: "text", field: "responsibleOfficer", toValue: orNull },
  { name: "actionBy", label: "Action by", hint: "For example, 2024-09 or 2024-09-30", input: "text", pattern: [/^$|^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/, "must be a month like 2024-09 or a date like 2024-09-30"], field: "actionBy", toValue: orNull },
];

export function fieldsOf(kind: FormKind, people: Option[]): FieldSpec[] {
  return { header: HEADER, attendance: attendanceFields(people), items: ITEM, decisions: DECISION, declarations: DECLARATION, recommendations: RECOMMENDATION }[kind];
}

/** The record path of an element: "" for the meeting, "attendance/3/", "items/2/resolutions/0/". */
export function elementPath(kind: FormKind, at: number[]): string {
  if (kind === "header") return "";
  if (kind === "decisions") return `items/${at[0]}/resolutions/${at[1]}/`;
  return `${kind}/${at[0]}/`;
}

/** Whether the element exists in the record. */
export function hasElement(record: ParsedMinutes, kind: FormKind, at: number[]): boolean {
  switch (kind) {
    case "header":
      return true;
    case "attendance":
      return at[0] < record.attendance.length;
    case "items":
      return at[0] < record.items.length;
    case "decisions":
      return at[0] < record.items.length && at[1] < record.items[at[0]].resolutions.length;
    case "declarations":
      return at[0] < (record.declarations ?? []).length;
    case "recommendations":
      return at[0] < record.recommendations.length;
  }
}

/** The form's values as text, from the record. */
export function formValues(record: ParsedMinutes, kind: FormKind, at: number[], fields: FieldSpec[]): Record<string, string> {
  const base = elementPath(kind, at);
  const out: Record<string, string> = {};
  for (const f of fields) {
    const [field, sub] = f.field.split(".");
    const v = valueAt(record, base + field);
    const value = sub ? (v as Record<string, unknown> | null | undefined)?.[sub] : v;
    out[f.name] = (f.toText ?? text)(value);
  }
  return out;
}

const MAX = { text: 500, textarea: 20_000, select: 200, number: 10 };

/** The submitted form checked: errors, or the record changes (path → value) it asks for. */
export function readForm(kind: FormKind, at: number[], fields: FieldSpec[], body: Record<string, unknown>): { errors: FieldError[]; values: Record<string, string>; changes: { path: string; value: unknown }[] } {
  const base = elementPath(kind, at);
  const errors: FieldError[] = [];
  const values: Record<string, string> = {};
  const changes: { path: string; value: unknown }[] = [];
  let votes: Record<string, unknown> | null = null;
  for (const f of fields) {
    const raw = body[f.name];
    const s = typeof raw === "string" ? raw.replace(/\r\n/g, "\n") : "";
    values[f.name] = s;
    const trimmed = f.input === "textarea" ? s.trim() : s.replace(/\s+/g, " ").trim();
    if (s.length > MAX[f.input]) errors.push({ field: f.name, message: `${f.label} must be ${MAX[f.input]} characters or fewer` });
    else if (f.required && !trimmed) errors.push({ field: f.name, message: `Enter the ${f.label.toLowerCase()}` });
    else if (f.options && !f.options.some((o) => o.value === trimmed)) errors.push({ field: f.name, message: `Choose the ${f.label.toLowerCase()} from the list` });
    else if (f.pattern && !f.pattern[0].test(trimmed)) errors.push({ field: f.name, message: `${f.label} ${f.pattern[1]}` });
    else {
      const value = (f.toValue ?? ((x: string) => x))(trimmed);
      const [field, sub] = f.field.split(".");
      if (sub) (votes ??= {})[sub] = value;
      else changes.push({ path: base + field, value });
    }
  }
  if (votes) {
    const v = votes as Record<string, unknown>;
    changes.push({ path: base + "votes", value: v.for === null && v.against === null && v.abstain === null ? null : { for: v.for ?? null, against: v.against ?? null, abstain: v.abstain ?? null } });
  }
  return { errors, values, changes };
}
