// What the API and the CSV show of the forward plan, field by field. An exempt key decision reaches
// here already sealed by the visibility rule (details and documents withheld from the public).
import { NOT_FOR_PUBLICATION } from "../../store/visibility.ts";
import type { KeyDecisionView } from "../../store/forward-plan/read.ts";
import { csvCell } from "../tracker/present.ts";
import { urls } from "../urls.ts";
import { planUrls } from "./urls.ts";

export type PlanStatus = "planned" | "taken" | "withdrawn";
export const statusOf = (d: KeyDecisionView): PlanStatus => (d.withdrawn ? "withdrawn" : d.taken ? "taken" : "planned");

export function presentKeyDecision(d: KeyDecisionView) {
  return {
    id: d.slug,
    reference: d.reference,
    decision: d.decision,
    details: d.details,
    decisionMaker: d.decisionMaker,
    committee: d.body ? { id: d.body.slug, name: d.body.name, url: urls.committee(d.body.slug) } : null,
    plannedDate: d.plannedDate,
    firstPublished: d.firstPublished,
    wards: d.wards,
    consultees: d.consultees,
    documents: d.documents.map((x) => ({ title: x.title, url: x.url })),
    private: d.exempt ? { reason: d.exempt.reason, paragraphs: d.exempt.paragraphs } : null,
    withheld: d.withheld,
    ...(d.notForPublication ? { notForPublication: true, marking: NOT_FOR_PUBLICATION } : {}),
    exception: d.exception?.kind ?? null,
    exceptionRecord: d.exception ? { reason: d.exception.reason, chair: d.exception.chair, on: d.exception.on, noticeOn: d.exception.noticeOn } : null,
    notice: { status: d.notice.status, clearDays: d.notice.clearDays, earliestDate: d.notice.earliestDate },
    status: statusOf(d),
    withdrawn: d.withdrawn ? { on: d.withdrawn.on, reason: d.withdrawn.reason } : null,
    taken: d.taken
      ? {
          meeting: { id: d.taken.meeting.slug, date: d.taken.meeting.date, committee: d.taken.meeting.bodyName, url: urls.meeting(d.taken.meeting.slug), apiUrl: urls.api.meeting(d.taken.meeting.slug) },
          item: d.taken.item ? { number: d.taken.item.number, title: d.taken.item.title, url: `${urls.meeting(d.taken.meeting.slug)}#item-${d.taken.item.slug}` } : null,
          resolution: d.taken.resolution ? { id: d.taken.resolution.slug, text: d.taken.resolution.text, url: `${urls.meeting(d.taken.meeting.slug)}#decision-${d.taken.resolution.slug}` } : null,
        }
      : null,
    authority: { id: d.authority.slug, name: d.authority.name },
    url: planUrls.decision(d.slug),
    apiUrl: planUrls.api.decision(d.slug),
  };
}

/** A key decision as the record of the meeting where it was taken lists it: what it is, and where its own record is. */
export function presentKeyDecisionLink(d: KeyDecisionView) {
  return {
    id: d.slug,
    reference: d.reference,
    decision: d.decision,
    decisionMaker: d.decisionMaker,
    private: d.exempt ? { reason: d.exempt.reason, paragraphs: d.exempt.paragraphs } : null,
    withheld: d.withheld,
    ...(d.notForPublication ? { notForPublication: true, marking: NOT_FOR_PUBLICATION } : {}),
    status: statusOf(d),
    url: planUrls.decision(d.slug),
    apiUrl: planUrls.api.decision(d.slug),
  };
}

export const PLAN_CSV_COLUMNS = [
  "Reference",
  "Decision",
  "Details",
  "Decision maker",
  "Expected",
  "First published",
  "Wards",
  "Consultees",
  "Documents",
  "Private",
  "Schedule 12A paragraph",
  "Reason for privacy",
  "Notice",
  "Exception",
  "Exception reason",
  "Status",
  "Taken at",
  "URL",
] as const;

const EXCEPTION_LABEL = { general_exception: "General exception (reg 10)", special_urgency: "Special urgency (reg 11)" } as const;

export function forwardPlanCsv(list: KeyDecisionView[], origin: string): string {
  const rows = list.map((d) => [
    d.reference,
    d.decision,
    d.notForPublication && d.details ? `[${NOT_FOR_PUBLICATION}] ${d.details}` : d.details,
    d.decisionMaker,
    d.plannedDate,
    d.firstPublished,
    d.wards.join("; "),
    d.consultees,
    d.documents.map((x) => `${x.title} <${x.url}>`).join("; "),
    d.exempt ? "yes" : "no",
    d.exempt?.paragraphs ?? null,
    d.exempt?.reason ?? null,
    d.notice.status,
    d.exception ? EXCEPTION_LABEL[d.exception.kind] : null,
    d.exception?.reason ?? null,
    statusOf(d),
    d.taken ? origin + urls.meeting(d.taken.meeting.slug) : null,
    origin + planUrls.decision(d.slug),
  ]);
  return "\uFEFF" + [PLAN_CSV_COLUMNS as readonly string[], ...rows].map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
}
