// The public forward plan: what key decisions are coming and when, who takes them, what is to be
// taken in private and why, with each decision's own page. Exempt details arrive withheld.
import { NotForPublication } from "../components/exempt.tsx";
import { Select } from "../components/filters.tsx";
import { Layout, type Crumb } from "../components/layout.tsx";
import type { KeyDecisionView } from "../../store/forward-plan/read.ts";
import { formatDate } from "../format.ts";
import { urls } from "../urls.ts";
import { namesAWard, wardSlug } from "../../domain/wards.ts";
import { exceptionText, NOTICE, noticeDetail, privateText, when } from "./describe.ts";
import { planUrls } from "./urls.ts";

const HOME: Crumb = { href: urls.home(), text: "Home" };
const PLAN: Crumb = { href: planUrls.list(), text: "Forward plan" };

export interface PlanFilters {
  maker?: string;
  month?: string;
}

function Tags({ d }: { d: KeyDecisionView }) {
  const [label, tag] = NOTICE[d.notice.status];
  return (
    <>
      <strong class={`govuk-tag ${tag}`}>{label}</strong>
      {d.exempt && (
        <>
          {" "}
          <strong class="govuk-tag govuk-tag--grey">Private{d.exempt.paragraphs ? `: paragraph ${d.exempt.paragraphs}` : ""}</strong>
        </>
      )}
      {d.taken && (
        <>
          {" "}
          <strong class="govuk-tag govuk-tag--blue">Taken</strong>
        </>
      )}
    </>
  );
}

export function ForwardPlanPage({ entries, withdrawn, filters, makers, months, csvHref }: { entries: KeyDecisionView[]; withdrawn: KeyDecisionView[]; filters: PlanFilters; makers: string[]; months: string[]; csvHref: string }) {
  const filtered = !!(filters.maker || filters.month);
  return (
    <Layout title="Forward plan of key decisions" breadcrumbs={[HOME]}>
      <h1 class="govuk-heading-xl">Forward plan of key decisions</h1>
      <p class="govuk-body-l">Key decisions the executive plans to take, and when. Notice must be published at least 28 clear days before a key decision is taken, or before it is taken in private.</p>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-one-quarter qm-noprint">
          <form method="get" action={planUrls.list()} aria-label="Filter the forward plan">
            <h2 class="govuk-heading-m">Filter</h2>
            <Select id="maker" label="Decision maker" value={filters.maker} options={[{ value: "", text: "Any decision maker" }, ...makers.map((m) => ({ value: m, text: m }))]} />
            <Select id="month" label="Expected in" value={filters.month} options={[{ value: "", text: "Any month" }, ...months.map((m) => ({ value: m, text: when(m) }))]} />
            <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">
              Show
            </button>
          </form>
          <p class="govuk-body-s">
            <a class="govuk-link" href={csvHref}>
              Download as CSV
            </a>
          </p>
        </div>
        <div class="govuk-grid-column-three-quarters">
          {entries.length === 0 ? (
            <p class="govuk-body">{filtered ? "No key decisions match these filters." : "No key decisions are planned."}</p>
          ) : (
            <table class="govuk-table qm-stack">
              <caption class="govuk-table__caption govuk-table__caption--m">{entries.length === 1 ? "1 key decision" : `${entries.length} key decisions`}</caption>
              <thead class="govuk-table__head">
                <tr class="govuk-table__row">
                  <th scope="col" class="govuk-table__header">
                    Decision
                  </th>
                  <th scope="col" class="govuk-table__header">
                    Decision maker
                  </th>
                  <th scope="col" class="govuk-table__header">
                    Expected
                  </th>
                  <th scope="col" class="govuk-table__header">
                    Notice
                  </th>
                </tr>
              </thead>
              <tbody class="govuk-table__body">
                {entries.map((d) => (
                  <tr class="govuk-table__row" id={`decision-${d.slug}`}>
                    <td class="govuk-table__cell">
                      {d.reference && <span class="govuk-body-s qm-card__meta">{d.reference} </span>}
                      <a class="govuk-link" href={planUrls.decision(d.slug)}>
                        {d.decision}
                      </a>
                      {d.exempt && <p class="govuk-body-s govuk-!-margin-top-2 govuk-!-margin-bottom-0">May be taken in private: {privateText(d)}</p>}
                    </td>
                    <td class="govuk-table__cell">{d.body ? <a class="govuk-link" href={urls.committee(d.body.slug)}>{d.decisionMaker}</a> : d.decisionMaker}</td>
                    <td class="govuk-table__cell">{when(d.plannedDate)}</td>
                    <td class="govuk-table__cell">
                      <Tags d={d} />
                      <span class="govuk-body-s qm-card__meta"> First published {formatDate(d.firstPublished)}</span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {withdrawn.length > 0 && (
            <section aria-labelledby="withdrawn">
              <h2 class="govuk-heading-m" id="withdrawn">
                Withdrawn
              </h2>
              <ul class="govuk-list">
                {withdrawn.map((d) => (
                  <li>
                    <a class="govuk-link" href={planUrls.decision(d.slug)}>
                      {d.reference ? `${d.reference}: ` : ""}
                      {d.decision}
                    </a>{" "}
                    – withdrawn on {formatDate(d.withdrawn!.on)}
                  </li>
                ))}
              </ul>
            </section>
          )}
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

export function KeyDecisionPage({ d }: { d: KeyDecisionView }) {
  const exception = exceptionText(d);
  const priv = privateText(d);
  return (
    <Layout title={`${d.reference ? `${d.reference}: ` : ""}${d.decision}`} breadcrumbs={[HOME, PLAN]}>
      <span class="govuk-caption-l">Key decision{d.reference ? ` ${d.reference}` : ""}</span>
      <h1 class="govuk-heading-l">{d.decision}</h1>
      <p class="govuk-body">
        <Tags d={d} />
      </p>
      {d.withdrawn && (
        <div class="govuk-inset-text">
          Withdrawn from the forward plan on {formatDate(d.withdrawn.on)}. Why: {d.withdrawn.reason}
        </div>
      )}
      {d.taken && (
        <div class="govuk-inset-text" id="taken">
          Taken at{" "}
          <a class="govuk-link" href={urls.meeting(d.taken.meeting.slug)}>
            {d.taken.meeting.bodyName}, {formatDate(d.taken.meeting.date)}
          </a>
          {d.taken.item && (
            <>
              , item{" "}
              <a class="govuk-link" href={`${urls.meeting(d.taken.meeting.slug)}#item-${d.taken.item.slug}`}>
                {d.taken.item.number} {d.taken.item.title}
              </a>
            </>
          )}
          .
          {d.taken.resolution && (
            <p class="govuk-body govuk-!-margin-top-2 govuk-!-margin-bottom-0">
              <a class="govuk-link" href={`${urls.meeting(d.taken.meeting.slug)}#decision-${d.taken.resolution.slug}`}>
                Resolution
              </a>
              : {d.taken.resolution.text}
            </p>
          )}
          {d.taken.withheld && <p class="govuk-body govuk-!-margin-top-2 govuk-!-margin-bottom-0">The decision was taken in private; the minutes give the item's title and the ground for exemption.</p>}
        </div>
      )}
      <dl class="govuk-summary-list">
        <Row k="Decision maker">{d.body ? <a class="govuk-link" href={urls.committee(d.body.slug)}>{d.decisionMaker}</a> : d.decisionMaker}</Row>
        <Row k="Expected">{when(d.plannedDate)}</Row>
        <Row k="Notice">{noticeDetail(d)}</Row>
        {exception && <Row k="Short notice">{exception}</Row>}
        <Row k="Wards affected">
          {d.wards.length
            ? d.wards.map((w, i) => (
                <>
                  {i > 0 && ", "}
                  {namesAWard(w) ? (
                    <a class="govuk-link" href={urls.ward(wardSlug(d.authority.slug, w))}>
                      {w}
                    </a>
                  ) : (
                    w
                  )}
                </>
              ))
            : "All wards"}
        </Row>
        <Row k="Consultees">{d.consultees ?? "None stated"}</Row>
        {priv && <Row k="In private">{priv}</Row>}
        {d.withheld ? (
          <Row k="Details and documents">Exempt information: withheld until it can be published.</Row>
        ) : (
          <>
            {d.details && (
              <Row k="Details">
                {d.notForPublication && (
                  <>
                    <NotForPublication />{" "}
                  </>
                )}
                {d.details}
              </Row>
            )}
            <Row k="Documents">
              {d.documents.length ? (
                <ul class="govuk-list">
                  {d.documents.map((x) => (
                    <li>
                      <a class="govuk-link" href={x.url} rel="noopener">
                        {x.title}
                      </a>
                    </li>
                  ))}
                </ul>
              ) : (
                "None yet"
              )}
            </Row>
          </>
        )}
        <Row k="Council">{d.authority.name}</Row>
      </dl>
    </Layout>
  );
}

/** The meeting page's link back: the key decisions taken at this meeting. */
export function KeyDecisionsTaken({ list }: { list: KeyDecisionView[] }) {
  if (!list.length) return null;
  return (
    <section aria-labelledby="key-decisions">
      <h2 class="govuk-heading-l" id="key-decisions">
        Key decisions from the forward plan
      </h2>
      <ul class="govuk-list govuk-list--bullet">
        {list.map((d) => (
          <li>
            <a class="govuk-link" href={planUrls.decision(d.slug)}>
              {d.reference ? `${d.reference}: ` : ""}
              {d.decision}
            </a>
            {d.taken?.item && (
              <>
                {" "}
                – taken at{" "}
                <a class="govuk-link" href={d.taken.resolution ? `#decision-${d.taken.resolution.slug}` : `#item-${d.taken.item.slug}`}>
                  item {d.taken.item.number}
                </a>
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
