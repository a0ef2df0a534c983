// Pages of the recommendation tracker, the action log, work programmes and the forward plan.
import { TrackerAlertsLink } from "../alerts/link.tsx";
import { formatLong, isCalendarDate, isCalendarMonth } from "../../domain/calendar.ts";
import { NotForPublication } from "../components/exempt.tsx";
import { RECOMMENDATION_STATUSES, STATUS_LABELS, type OverdueReason, type RecommendationStatus } from "../../domain/scrutiny.ts";
import type { TrackerSummary } from "../../domain/recommendation-status.ts";
import { ACTION_STATUSES, type ActionStatus } from "../../domain/actions.ts";
import type { ActionView } from "../../store/scrutiny/actions.ts";
import type { InquiryDetailView, InquiryView, RecommendationView } from "../../store/scrutiny/recommendations.ts";
import type { WorkProgrammeEntryView } from "../../store/scrutiny/work-programme.ts";
import { Select } from "../components/filters.tsx";
import { Layout, type Crumb } from "../components/layout.tsx";
import { formatDate, plural } from "../format.ts";
import { urls } from "../urls.ts";
import { trackerUrls } from "./urls.ts";

const HOME: Crumb = { href: urls.home(), text: "Home" };
const TRACKER: Crumb = { href: trackerUrls.recommendations(), text: "Recommendations" };

/** "23 October 2018", "April 2018", or the text as given. */
function when(v: string | null | undefined): string {
  if (!v) return "";
  return isCalendarDate(v) || isCalendarMonth(v) ? formatLong(v) : v;
}

const STATUS_TAG: Record<RecommendationStatus, string> = {
  awaiting_response: "govuk-tag--grey",
  accepted: "govuk-tag--blue",
  partially_accepted: "govuk-tag--light-blue",
  rejected: "govuk-tag--pink",
  on_track: "govuk-tag--green",
  at_risk: "govuk-tag--yellow",
  off_track: "govuk-tag--red",
  implemented: "govuk-tag--turquoise",
  not_implemented: "govuk-tag--orange",
  superseded: "govuk-tag--grey",
};

export function StatusTag({ status }: { status: RecommendationStatus }) {
  return <strong class={`govuk-tag ${STATUS_TAG[status]} govuk-!-margin-bottom-1`}>{STATUS_LABELS[status]}</strong>;
}

const OVERDUE_LABEL: Record<OverdueReason, string> = {
  response: "Response overdue",
  update: "Update overdue",
  action: "Past action-by date",
};

function OverdueTags({ reasons }: { reasons: OverdueReason[] }) {
  if (!reasons.length) return null;
  return (
    <>
      {reasons.map((r) => (
        <>
          {" "}
          <strong class="govuk-tag govuk-tag--red govuk-!-margin-bottom-1">{OVERDUE_LABEL[r]}</strong>
        </>
      ))}
    </>
  );
}

const RESPONSE_LABEL: Record<string, string> = { yes: "Agreed", partially: "Partially agreed", no: "Not agreed" };

function SummaryLine({ s }: { s: TrackerSummary }) {
  const parts = RECOMMENDATION_STATUSES.filter((k) => s.byStatus[k] > 0).map((k) => `${s.byStatus[k]} ${STATUS_LABELS[k].toLowerCase()}`);
  return (
    <p class="govuk-body-s qm-card__meta">
      {plural(s.total, "recommendation")}: {parts.join(", ")}
      {s.overdue > 0 && ` · ${s.overdue} overdue`}
    </p>
  );
}

export interface RecommendationFilters {
  committee?: string;
  owner?: string;
  status?: RecommendationStatus;
  overdue?: boolean;
}

export function RecommendationsPage({
  recs,
  inquiries,
  filters,
  committees,
  asOf,
  csvHref,
}: {
  recs: RecommendationView[];
  inquiries: { inquiry: InquiryView; summary: TrackerSummary }[];
  filters: RecommendationFilters;
  committees: { value: string; text: string }[];
  asOf: string;
  csvHref: string;
}) {
  const filtered = Object.values(filters).some((v) => v !== undefined && v !== "");
  return (
    <Layout title="Recommendations tracker" section="recommendations" breadcrumbs={[HOME]}>
      <h1 class="govuk-heading-xl">Recommendations tracker</h1>
      <p class="govuk-body-l">What scrutiny inquiries recommended, how the executive responded, who is responsible and whether it has been done.</p>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-one-third qm-noprint">
          <form method="get" action={trackerUrls.recommendations()} aria-label="Filter recommendations">
            <h2 class="govuk-heading-m">Filter</h2>
            <Select id="committee" label="Committee" value={filters.committee} options={[{ value: "", text: "All committees" }, ...committees]} />
            <div class="govuk-form-group">
              <label class="govuk-label" for="owner">
                Responsible member or officer
              </label>
              <input class="govuk-input" id="owner" name="owner" type="text" value={filters.owner ?? ""} spellcheck={false} />
            </div>
            <Select id="status" label="Status" value={filters.status} options={[{ value: "", text: "Any status" }, ...RECOMMENDATION_STATUSES.map((s) => ({ value: s, text: STATUS_LABELS[s] }))]} />
            <div class="govuk-form-group">
              <div class="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
                <div class="govuk-checkboxes__item">
                  <input class="govuk-checkboxes__input" id="overdue" name="overdue" type="checkbox" value="true" checked={filters.overdue === true} />
                  <label class="govuk-label govuk-checkboxes__label" for="overdue">
                    Only overdue
                  </label>
                </div>
              </div>
            </div>
            <button type="submit" class="govuk-button" data-module="govuk-button">
              Apply filters
            </button>
            {filtered && (
              <p class="govuk-body">
                <a class="govuk-link" href={trackerUrls.recommendations()}>
                  Clear filters
                </a>
              </p>
            )}
          </form>
        </div>
        <div class="govuk-grid-column-two-thirds">
          <h2 class="govuk-heading-m" aria-live="polite">
            {plural(recs.length, "recommendation")}
            {filtered ? " match" : ""}
          </h2>
          <p class="govuk-body-s">
            Status as at {formatDate(asOf)}.{" "}
            <a class="govuk-link" href={csvHref} download>
              Download as a spreadsheet (CSV)
            </a>
          </p>
          {recs.length === 0 && <p class="govuk-body">No recommendations match. Try removing a filter.</p>}
          {inquiries.map(({ inquiry, summary }) => {
            const list = recs.filter((r) => r.inquiry.slug === inquiry.slug);
            return (
              <section class="govuk-!-margin-bottom-8" aria-labelledby={`inquiry-${inquiry.slug}`}>
                <h3 class="govuk-heading-m qm-card__title" id={`inquiry-${inquiry.slug}`}>
                  <a class="govuk-link" href={trackerUrls.inquiry(inquiry.slug)}>
                    {inquiry.title}
                  </a>
                </h3>
                <p class="govuk-body-s qm-card__meta">
                  {inquiry.committee ?? "Scrutiny inquiry"}
                  {inquiry.respondedAt && ` · responded to by ${inquiry.respondedAt.body.name} on ${formatDate(inquiry.respondedAt.date)}`}
                </p>
                <SummaryLine s={summary} />
                <table class="govuk-table">
                  <caption class="govuk-table__caption govuk-visually-hidden">Recommendations of {inquiry.title}</caption>
                  <thead class="govuk-table__head">
                    <tr class="govuk-table__row">
                      <th scope="col" class="govuk-table__header">
                        Recommendation
                      </th>
                      <th scope="col" class="govuk-table__header">
                        Responsible
                      </th>
                      <th scope="col" class="govuk-table__header">
                        Status
                      </th>
                      <th scope="col" class="govuk-table__header">
                        Next update due
                      </th>
                    </tr>
                  </thead>
                  <tbody class="govuk-table__body">
                    {list.map((r) => (
                      <tr class="govuk-table__row">
                        <td class="govuk-table__cell">
                          <a class="govuk-link" href={trackerUrls.recommendation(inquiry.slug, r.number)}>
                            {r.number}. {r.text.length > 160 ? `${r.text.slice(0, 157).trimEnd()}…` : r.text}
                          </a>
                          {r.notForPublication && (
                            <span class="qm-block">
                              <NotForPublication />
                            </span>
                          )}
                          {r.actionBy && <span class="govuk-body-s qm-card__meta"> Action by {when(r.actionBy)}.</span>}
                        </td>
                        <td class="govuk-table__cell">
                          {r.responsibleMember}
                          {r.responsibleMember && r.responsibleOfficer && <br />}
                          {r.responsibleOfficer}
                        </td>
                        <td class="govuk-table__cell">
                          <StatusTag status={r.status} />
                          <OverdueTags reasons={r.overdue} />
                        </td>
                        <td class="govuk-table__cell">{r.nextUpdateDue ? formatDate(r.nextUpdateDue) : "None scheduled"}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </section>
            );
          })}
        </div>
      </div>
    </Layout>
  );
}

function Row({ k, children }: { k: string; children: unknown }) {
  return (
    <div class="govuk-summary-list__row">
      <dt class="govuk-summary-list__key">{k}</dt>
      <dd class="govuk-summary-list__value">{children as never}</dd>
    </div>
  );
}

function monthsText(months: number[]): string {
  if (months.length === 1) return `${months[0]} months after the response`;
  return `${months.slice(0, -1).join(", ")} and ${months.at(-1)} months after the response`;
}

export function InquiryPage({ d, asOf }: { d: InquiryDetailView; asOf: string }) {
  return (
    <Layout title={d.title} section="recommendations" breadcrumbs={[HOME, TRACKER]}>
      <span class="govuk-caption-l">Scrutiny inquiry</span>
      <h1 class="govuk-heading-l">{d.title}</h1>
      <dl class="govuk-summary-list">
        {d.committee && <Row k="Committee">{d.committeeBody ? <a class="govuk-link" href={urls.committee(d.committeeBody.slug)}>{d.committee}</a> : d.committee}</Row>}
        {d.chair && <Row k="Inquiry chair">{d.chair}</Row>}
        {d.reportDate && <Row k="Report">{formatDate(d.reportDate)}</Row>}
        {d.respondedAt && (
          <Row k="Response">
            <a class="govuk-link" href={urls.meeting(d.respondedAt.slug)}>
              {d.respondedAt.body.name}, {formatDate(d.respondedAt.date)}
            </a>
          </Row>
        )}
        {d.responseDue && <Row k="Response due by">{formatDate(d.responseDue)}</Row>}
        {(d.leadMember || d.leadOfficer) && <Row k="Lead member and officer">{[d.leadMember, d.leadOfficer].filter(Boolean).join(" and ")}</Row>}
        <Row k="Progress updates">{monthsText(d.monitoringMonths)}</Row>
      </dl>
      {/* alerts are for what the public tracker shows: not offered on a signed-in view of sealed business */}
      {d.recommendations.some((r) => !r.notForPublication) && <TrackerAlertsLink inquiry={d} />}
      <h2 class="govuk-heading-m">Summary at {formatDate(asOf)}</h2>
      <SummaryLine s={d.summary} />
      {d.recommendations.map((r) => (
        <section class="qm-item" id={`recommendation-${r.number}`} aria-labelledby={`recommendation-${r.number}-heading`}>
          <h2 class="govuk-heading-m" id={`recommendation-${r.number}-heading`}>
            Recommendation {r.number}
          </h2>
          {r.notForPublication && (
            <p class="govuk-body">
              <NotForPublication />
            </p>
          )}
          <p class="govuk-body">{r.text}</p>
          {!r.notForPublication && <TrackerAlertsLink inquiry={d} number={r.number} />}
          <p class="govuk-body">
            <StatusTag status={r.status} />
            <OverdueTags reasons={r.overdue} />
          </p>
          <dl class="govuk-summary-list govuk-summary-list--no-border">
            <Row k="Response">{r.response ? RESPONSE_LABEL[r.response] : "Awaiting response"}</Row>
            {r.responseText && <Row k="What the executive will do">{r.responseText}</Row>}
            <Row k="Responsible member">{r.responsibleMember ?? "Not stated"}</Row>
            <Row k="Responsible officer">{r.responsibleOfficer ?? "Not stated"}</Row>
            <Row k="Action by">{r.actionBy ? when(r.actionBy) : "Not stated"}</Row>
            {r.extensions.map((e) => (
              <Row k="Deadline extended">{`To ${formatDate(e.due)} on ${formatDate(e.on)}: ${e.reason}`}</Row>
            ))}
            <Row k="Latest RAG rating">{r.latestRag ? r.latestRag[0].toUpperCase() + r.latestRag.slice(1) : "No update yet"}</Row>
            <Row k="Next update due">{r.nextUpdateDue ? formatDate(r.nextUpdateDue) : "None scheduled"}</Row>
            {r.closure && <Row k="Closed">{`${STATUS_LABELS[r.closure.outcome]} on ${formatDate(r.closure.date)}${r.closure.note ? `: ${r.closure.note}` : ""}`}</Row>}
          </dl>
          {r.updates.length > 0 && (
            <>
              <h3 class="govuk-heading-s">Updates</h3>
              <ul class="govuk-list">
                {[...r.updates].reverse().map((u) => (
                  <li>
                    <strong>{formatDate(u.date)}</strong> ({u.rag}){u.by ? `, ${u.by}` : ""}: {u.text}
                    {u.evidenceUrl && (
                      <>
                        {" "}
                        <a class="govuk-link" href={u.evidenceUrl} rel="nofollow noopener">
                          Evidence
                        </a>
                      </>
                    )}
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      ))}
      <p class="govuk-body">
        <a class="govuk-link" href={trackerUrls.recommendationsCsv(`?inquiry=${encodeURIComponent(d.slug)}`)} download>
          Download these recommendations (CSV)
        </a>
      </p>
    </Layout>
  );
}

const ACTION_STATUS_LABEL: Record<ActionStatus, string> = { open: "Open", done: "Done", dropped: "Dropped" };
const ACTION_STATUS_TAG: Record<ActionStatus, string> = { open: "govuk-tag--blue", done: "govuk-tag--green", dropped: "govuk-tag--grey" };

function dueText(a: ActionView): string {
  if (a.due === "next meeting") return a.dueDate ? `next meeting (${formatDate(a.dueDate)})` : "next meeting";
  return a.due ? when(a.due) : "no date given";
}

export interface ActionFilters {
  body?: string;
  status?: ActionStatus;
  owner?: string;
}

export function ActionsPage({
  actions,
  filters,
  committees,
  committee,
}: {
  actions: ActionView[];
  filters: ActionFilters;
  committees: { value: string; text: string }[];
  /** set on a committee's own action log */
  committee?: { slug: string; name: string };
}) {
  const title = committee ? `${committee.name}: action log` : "Action log";
  const action = committee ? trackerUrls.committeeActions(committee.slug) : trackerUrls.actions();
  const crumbs = committee ? [HOME, { href: urls.committees(), text: "Committees" }, { href: urls.committee(committee.slug), text: committee.name }] : [HOME];
  return (
    <Layout title={title} breadcrumbs={crumbs}>
      <h1 class="govuk-heading-xl">{title}</h1>
      <p class="govuk-body-l">What committees asked for in their resolutions, who is to do it and when it is due.</p>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-one-third qm-noprint">
          <form method="get" action={action} aria-label="Filter actions">
            <h2 class="govuk-heading-m">Filter</h2>
            {!committee && <Select id="body" label="Committee" value={filters.body} options={[{ value: "", text: "All committees" }, ...committees]} />}
            <Select id="status" label="Status" value={filters.status} options={[{ value: "", text: "Any status" }, ...ACTION_STATUSES.map((s) => ({ value: s, text: ACTION_STATUS_LABEL[s] }))]} />
            <div class="govuk-form-group">
              <label class="govuk-label" for="owner">
                Owner
              </label>
              <input class="govuk-input" id="owner" name="owner" type="text" value={filters.owner ?? ""} spellcheck={false} />
            </div>
            <button type="submit" class="govuk-button" data-module="govuk-button">
              Apply filters
            </button>
          </form>
        </div>
        <div class="govuk-grid-column-two-thirds">
          <h2 class="govuk-heading-m" aria-live="polite">
            {plural(actions.length, "action")}
          </h2>
          {actions.length === 0 && <p class="govuk-body">No actions match.</p>}
          <ul class="govuk-list">
            {actions.map((a) => (
              <li class="qm-card" id={`action-${a.slug}`}>
                {a.notForPublication && (
                  <p class="govuk-body-s govuk-!-margin-bottom-1">
                    <NotForPublication />
                  </p>
                )}
                <p class="govuk-body govuk-!-margin-bottom-2">{a.text}</p>
                <p class="govuk-body">
                  <strong class={`govuk-tag ${ACTION_STATUS_TAG[a.status]}`}>{ACTION_STATUS_LABEL[a.status]}</strong>
                  {a.overdue && (
                    <>
                      {" "}
                      <strong class="govuk-tag govuk-tag--red">Overdue</strong>
                    </>
                  )}
                </p>
                <dl class="govuk-summary-list govuk-summary-list--no-border govuk-!-margin-bottom-2">
                  {!committee && <Row k="Committee">{a.body.name}</Row>}
                  <Row k="Owner">{a.owner ?? "Not stated"}</Row>
                  {a.recipient && <Row k="For">{a.recipient}</Row>}
                  <Row k="Due">{dueText(a)}</Row>
                  {a.extensions.map((e) => (
                    <Row k="Deadline extended">{`To ${formatDate(e.due)} on ${formatDate(e.on)}: ${e.reason}`}</Row>
                  ))}
                  {a.raisedAt && (
                    <Row k="Raised at">
                      <a class="govuk-link" href={a.raisedAt.item ? urls.item(a.raisedAt.slug, a.raisedAt.item.slug) : urls.meeting(a.raisedAt.slug)}>
                        {formatDate(a.raisedAt.date)}
                        {a.raisedAt.item && `, item ${a.raisedAt.item.number}${a.label ? ` (${a.label})` : ""}: ${a.raisedAt.item.title}`}
                      </a>
                    </Row>
                  )}
                  {a.answeredAt && (
                    <Row k="Answered at">
                      <a class="govuk-link" href={urls.meeting(a.answeredAt.slug)}>
                        {formatDate(a.answeredAt.date)}
                      </a>
                    </Row>
                  )}
                </dl>
                {a.updates.length > 0 && (
                  <ul class="govuk-list govuk-body-s">
                    {a.updates.map((u) => (
                      <li>
                        <strong>{formatDate(u.date)}</strong>
                        {u.status ? ` (${ACTION_STATUS_LABEL[u.status].toLowerCase()})` : ""}
                        {u.by ? `, ${u.by}` : ""}: {u.text}
                        {u.evidenceUrl && (
                          <>
                            {" "}
                            <a class="govuk-link" href={u.evidenceUrl} rel="nofollow noopener">
                              Evidence
                            </a>
                          </>
                        )}
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
        </div>
      </div>
    </Layout>
  );
}

function slotText(slot: string | null): string {
  return slot === null ? "No fixed date" : when(slot);
}

export function WorkProgrammePage({
  entries,
  committees,
  committee,
}: {
  entries: WorkProgrammeEntryView[];
  committees: { value: string; text: string }[];
  committee?: { slug: string; name: string };
}) {
  const title = committee ? `${committee.name}: work programme` : "Work programmes";
  const crumbs = committee ? [HOME, { href: urls.committees(), text: "Committees" }, { href: urls.committee(committee.slug), text: committee.name }] : [HOME];
  const bySlot = (a: WorkProgrammeEntryView, b: WorkProgrammeEntryView) =>
    (a.plannedFor ?? "9999").localeCompare(b.plannedFor ?? "9999") || a.title.localeCompare(b.title);
  const groups: [string, WorkProgrammeEntryView[]][] = [
    ["Planned", entries.filter((e) => e.status === "planned").sort(bySlot)],
    ["Considered", entries.filter((e) => e.status === "considered")],
    ["Removed from the programme", entries.filter((e) => e.status === "removed")],
  ];
  return (
    <Layout title={title} breadcrumbs={crumbs}>
      <h1 class="govuk-heading-xl">{title}</h1>
      <p class="govuk-body-l">Items planned for future meetings, and every change made to the plan.</p>
      {!committee && committees.length > 0 && (
        <form method="get" action={trackerUrls.workProgramme()} class="qm-noprint" aria-label="Choose a committee">
          <Select id="body" label="Committee" value="" options={[{ value: "", text: "All committees" }, ...committees]} />
          <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">
            Show
          </button>
        </form>
      )}
      {entries.length === 0 && <p class="govuk-body">No work programme items have been recorded.</p>}
      {groups
        .filter(([, list]) => list.length)
        .map(([heading, list]) => (
          <>
            <h2 class="govuk-heading-l">{heading}</h2>
            <table class="govuk-table">
              <caption class="govuk-table__caption govuk-visually-hidden">{heading}</caption>
              <thead class="govuk-table__head">
                <tr class="govuk-table__row">
                  <th scope="col" class="govuk-table__header">
                    Item
                  </th>
                  {!committee && (
                    <th scope="col" class="govuk-table__header">
                      Committee
                    </th>
                  )}
                  <th scope="col" class="govuk-table__header">
                    {heading === "Removed from the programme" ? "Was planned for" : "Meeting"}
                  </th>
                  <th scope="col" class="govuk-table__header">
                    History
                  </th>
                </tr>
              </thead>
              <tbody class="govuk-table__body">
                {list.map((e) => (
                  <tr class="govuk-table__row" id={`wp-${e.slug}`}>
                    <td class="govuk-table__cell">{e.title}</td>
                    {!committee && (
                      <td class="govuk-table__cell">
                        <a class="govuk-link" href={trackerUrls.committeeWorkProgramme(e.body.slug)}>
                          {e.body.name}
                        </a>
                      </td>
                    )}
                    <td class="govuk-table__cell">{slotText(e.plannedFor)}</td>
                    <td class="govuk-table__cell">
                      <ul class="govuk-list govuk-body-s govuk-!-margin-bottom-0">
                        {e.history.map((h) => (
                          <li>
                            {h.meeting ? (
                              <a class="govuk-link" href={urls.meeting(h.meeting.slug)}>
                                {formatDate(h.on)}
                              </a>
                            ) : (
                              formatDate(h.on)
                            )}
                            : {h.description}
                            {h.note ? ` (${h.note})` : ""}
                            {h.notForPublication && (
                              <>
                                {" "}
                                <NotForPublication />
                              </>
                            )}
                          </li>
                        ))}
                      </ul>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        ))}
    </Layout>
  );
}
