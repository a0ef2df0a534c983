// What the API and the CSV export show of the tracker. Fields are listed one by one, like the
// portal's presenters: a column added to the store reaches the public only when added here.
import { STATUS_LABELS } from "../../domain/scrutiny.ts";
import { NOT_FOR_PUBLICATION } from "../../store/visibility.ts";
import type { ActionView } from "../../store/scrutiny/actions.ts";
import type { InquiryDetailView, InquiryView, RecommendationView } from "../../store/scrutiny/recommendations.ts";
import type { WorkProgrammeEntryView } from "../../store/scrutiny/work-programme.ts";
import { urls } from "../urls.ts";
import { trackerUrls } from "./urls.ts";

const bodyRef = (b: { slug: string; name: string }) => ({ id: b.slug, name: b.name, url: urls.committee(b.slug) });
const meetingRef = (m: { slug: string; date: string } | null) => (m ? { id: m.slug, date: m.date, url: urls.meeting(m.slug) } : null);

export function presentInquiry(i: InquiryView) {
  return {
    id: i.slug,
    title: i.title,
    committee: i.committee,
    committeeBody: i.committeeBody ? bodyRef(i.committeeBody) : null,
    chair: i.chair,
    leadMember: i.leadMember,
    leadOfficer: i.leadOfficer,
    reportDate: i.reportDate,
    responseDue: i.responseDue,
    monitoringMonths: i.monitoringMonths,
    respondedAt: i.respondedAt ? { ...meetingRef(i.respondedAt)!, body: bodyRef(i.respondedAt.body) } : null,
    authority: { id: i.authority.slug, name: i.authority.name },
    url: trackerUrls.inquiry(i.slug),
  };
}

export function presentRecommendation(r: RecommendationView) {
  return {
    number: r.number,
    text: r.text,
    response: r.response,
    responseText: r.responseText,
    responsibleMember: r.responsibleMember,
    responsibleOfficer: r.responsibleOfficer,
    actionBy: r.actionBy,
    respondedOn: r.respondedOn,
    status: r.status,
    latestRag: r.latestRag,
    nextUpdateDue: r.nextUpdateDue,
    overdue: r.overdue,
    closure: r.closure ? { outcome: r.closure.outcome, date: r.closure.date, note: r.closure.note ?? null } : null,
    updates: r.updates.map((u) => ({ date: u.date, rag: u.rag, text: u.text, by: u.by, evidence: u.evidenceUrl ?? null })),
    deadline: r.deadline,
    extensions: r.extensions.map(presentExtension),
    inquiry: { id: r.inquiry.slug, title: r.inquiry.title, committee: r.inquiry.committee, url: trackerUrls.inquiry(r.inquiry.slug) },
    url: trackerUrls.recommendation(r.inquiry.slug, r.number),
    ...sealedMark(r.notForPublication),
  };
}

const presentExtension = (e: { due: string; reason: string; on: string }) => ({ due: e.due, reason: e.reason, grantedOn: e.on });

export function presentInquiryDetail(d: InquiryDetailView) {
  return { ...presentInquiry(d), summary: d.summary, recommendations: d.recommendations.map(presentRecommendation) };
}

export function presentAction(a: ActionView) {
  return {
    id: a.slug,
    text: a.text,
    owner: a.owner,
    recipient: a.recipient,
    due: a.due,
    dueDate: a.dueDate,
    status: a.status,
    overdue: a.overdue,
    committee: bodyRef(a.body),
    raisedAt: a.raisedAt
      ? { ...meetingRef(a.raisedAt)!, item: a.raisedAt.item ? { number: a.raisedAt.item.number, title: a.raisedAt.item.title, url: urls.item(a.raisedAt.slug, a.raisedAt.item.slug) } : null }
      : null,
    answeredAt: meetingRef(a.answeredAt),
    updates: a.updates.map((u) => ({ date: u.date, text: u.text, by: u.by, status: u.status ?? null, evidence: u.evidenceUrl ?? null })),
    deadline: a.deadline,
    extensions: a.extensions.map(presentExtension),
    url: `${trackerUrls.committeeActions(a.body.slug)}#action-${encodeURIComponent(a.slug)}`,
    ...sealedMark(a.notForPublication),
  };
}

export function presentWorkProgrammeEntry(w: WorkProgrammeEntryView) {
  return {
    id: w.slug,
    title: w.title,
    committee: bodyRef(w.body),
    plannedFor: w.plannedFor,
    status: w.status,
    history: w.history.map((h) => ({ kind: h.kind, on: h.on, description: h.description, note: h.note, meeting: meetingRef(h.meeting), ...sealedMark(h.notForPublication) })),
    url: `${trackerUrls.committeeWorkProgramme(w.body.slug)}#wp-${encodeURIComponent(w.slug)}`,
  };
}

// CSV for people who keep the tracker in a spreadsheet.

/** RFC 4180 quoting; a cell a spreadsheet would run as a formula gets a leading apostrophe. */
export function csvCell(v: string | number | null | undefined): string {
  let s = v === null || v === undefined ? "" : String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const CSV_COLUMNS = [
  "Inquiry",
  "Scrutiny committee",
  "Number",
  "Recommendation",
  "Response",
  "Response text",
  "Responsible member",
  "Responsible officer",
  "Action by",
  "Responded on",
  "Status",
  "Latest RAG",
  "Latest update",
  "Next update due",
  "Overdue",
  "Deadline extended to",
  "Extension reason",
  "URL",
] as const;

/** `exempt: true` and the marking on sealed business shown to an entitled viewer; nothing otherwise, so public answers keep their shape. */
function sealedMark(notForPublication: boolean | undefined) {
  return notForPublication ? { exempt: true, notForPublication: true, marking: NOT_FOR_PUBLICATION } : {};
}

export function recommendationsCsv(recs: RecommendationView[], origin: string): string {
  const rows = recs.map((r) => [
    r.inquiry.title,
    r.inquiry.committee,
    r.number,
    // the CSV's columns are fixed, so the marking goes in the text an entitled viewer sees
    r.notForPublication ? `[${NOT_FOR_PUBLICATION}] ${r.text}` : r.text,
    r.response,
    r.responseText,
    r.responsibleMember,
    r.responsibleOfficer,
    r.actionBy,
    r.respondedOn,
    STATUS_LABELS[r.status],
    r.latestRag,
    r.latestUpdate ? `${r.latestUpdate.date}: ${r.latestUpdate.text}` : null,
    r.nextUpdateDue,
    r.overdue.join(" "),
    r.extensions.at(-1)?.due ?? null,
    r.extensions.at(-1)?.reason ?? null,
    origin + trackerUrls.recommendation(r.inquiry.slug, r.number),
  ]);
  // The byte-order mark makes Excel read the file as UTF-8.
  return "\uFEFF" + [CSV_COLUMNS as readonly string[], ...rows].map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
}
