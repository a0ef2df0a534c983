// The key decision form: what the clerk typed, kept as typed to show again, and read into the
// store's fields. Errors here are the form's own (lengths, formats); the notice rule is the store's.
import { z } from "zod";
import type { KeyDecisionFields } from "../../store/forward-plan/entries.ts";
import type { KeyDecisionView } from "../../store/forward-plan/read.ts";
import type { FieldError } from "../auth/forms.tsx";

export const FORM_FIELDS = ["reference", "decision", "details", "body", "decisionMaker", "authority", "plannedDate", "wards", "consultees", "documents", "exempt", "exemptParagraphs", "exemptReason", "exception", "exceptionChair", "exceptionOn", "exceptionReason"] as const;
export type FormValues = Partial<Record<(typeof FORM_FIELDS)[number], string>>;

const max = (n: number, what: string) => z.string().trim().max(n, `${what} must be ${n} characters or fewer`);
const schema = z.object({
  reference: max(40, "The reference"),
  decision: max(300, "The decision").min(1, "Enter the decision to be taken"),
  details: max(4000, "The details"),
  body: max(200, "The committee"),
  decisionMaker: max(200, "The decision maker"),
  authority: max(200, "The council"),
  plannedDate: max(10, "The expected date").min(1, "Enter the expected date, or its month"),
  wards: max(4000, "The wards"),
  consultees: max(2000, "The consultees"),
  documents: max(4000, "The documents"),
  exempt: z.enum(["", "yes"]),
  exemptParagraphs: max(40, "The paragraphs"),
  exemptReason: max(1000, "The reason"),
  exception: z.enum(["", "none", "general_exception", "special_urgency"], { message: "Choose general exception, special urgency, or neither" }),
  exceptionChair: max(200, "The chair's name"),
  exceptionOn: max(10, "The date"),
  exceptionReason: max(2000, "The reason"),
});

const orNull = (s: string) => s || null;
const lines = (s: string) => s.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);

/** "Cabinet report https://…" per line: the title, then the link. */
function documents(s: string): { links: { title: string; url: string }[]; bad: string | null } {
  const links: { title: string; url: string }[] = [];
  for (const line of lines(s)) {
    const m = /^(.*?)\s*(https?:\/\/\S+)$/.exec(line);
    if (!m) return { links, bad: line };
    links.push({ title: m[1].replace(/[\s:–-]+$/, "") || m[2], url: m[2] });
  }
  return { links, bad: null };
}

export function readKeyDecisionForm(raw: Record<string, string>): { values: FormValues; fields: KeyDecisionFields | null; errors: FieldError[] } {
  const values: FormValues = {};
  for (const k of FORM_FIELDS) values[k] = raw[k] ?? "";
  const parsed = schema.safeParse(values);
  if (!parsed.success) return { values, fields: null, errors: parsed.error.issues.map((i) => ({ field: String(i.path[0]), message: i.message })) };
  const v = parsed.data;
  const errors: FieldError[] = [];
  const docs = documents(v.documents);
  if (docs.bad) errors.push({ field: "documents", message: `Give each document as its title then its link, one a line: ${docs.bad.slice(0, 80)}` });
  if (v.body && v.decisionMaker) errors.push({ field: "decisionMaker", message: "Leave the name empty when a committee decides, or choose “An officer or member” above" });
  const kind = v.exception === "general_exception" || v.exception === "special_urgency" ? v.exception : null;
  if (errors.length) return { values, fields: null, errors };
  return {
    values,
    errors,
    fields: {
      reference: orNull(v.reference),
      decision: v.decision,
      details: orNull(v.details),
      body: orNull(v.body),
      decisionMaker: orNull(v.decisionMaker),
      plannedDate: v.plannedDate,
      wards: lines(v.wards),
      consultees: orNull(v.consultees),
      documents: docs.links,
      exempt: v.exempt === "yes" ? { paragraphs: v.exemptParagraphs, reason: v.exemptReason } : null,
      exception: kind ? { kind, chair: v.exceptionChair, on: v.exceptionOn, reason: v.exceptionReason } : null,
    },
  };
}

/** A stored key decision as the form shows it. */
export function valuesOf(d: KeyDecisionView): FormValues {
  return {
    reference: d.reference ?? "",
    decision: d.decision,
    details: d.details ?? "",
    body: d.body?.slug ?? "",
    decisionMaker: d.body ? "" : d.decisionMaker,
    authority: d.authority.slug,
    plannedDate: d.plannedDate,
    wards: d.wards.join("\n"),
    consultees: d.consultees ?? "",
    documents: d.documents.map((x) => `${x.title} ${x.url}`).join("\n"),
    exempt: d.exempt ? "yes" : "",
    exemptParagraphs: d.exempt?.paragraphs ?? "",
    exemptReason: d.exempt?.reason ?? "",
    exception: d.exception?.kind ?? "none",
    exceptionChair: d.exception?.chair ?? "",
    exceptionOn: d.exception?.on ?? "",
    exceptionReason: d.exception?.reason ?? "",
  };
}
