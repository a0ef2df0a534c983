import { Layout } from "../components/layout.tsx";
import { urls } from "../urls.ts";

const ENDPOINTS: { path: string; example: string; what: string }[] = [
  { path: "/api/v1/meetings", example: "/api/v1/meetings?from=2018-01-01&to=2018-12-31", what: "Meetings, newest first. Filter by body (committee id), from and to dates, and council." },
  { path: "/api/v1/meetings/{id}", example: "", what: "One meeting: attendance, items in order with their minutes text and decisions, recommendations and responses, the source document." },
  { path: "/api/v1/bodies", example: "/api/v1/bodies", what: "Committees and other bodies, with their council and meeting counts." },
  { path: "/api/v1/bodies/{id}", example: "", what: "One body: members and roles, meetings, recent decisions." },
  { path: "/api/v1/people", example: "/api/v1/people?limit=20", what: "People named in the minutes." },
  { path: "/api/v1/people/{id}", example: "", what: "One person: committees and roles over time, attendance record." },
  { path: "/api/v1/decisions", example: "/api/v1/decisions?outcome=deferred", what: "The decisions register. Filter by body, dates, outcome and words." },
  { path: "/api/v1/forward-plan", example: "/api/v1/forward-plan?month=2018-05", what: "The forward plan of key decisions: decision maker, expected date, wards, notice given (28 clear days, or the exception recorded), taken in private and why, and where each was taken. Also as CSV at /forward-plan.csv." },
  { path: "/api/v1/search", example: "/api/v1/search?q=budget", what: 'Search meetings, items, decisions and people. Supports "phrases", OR and -exclusions.' },
];

export function DataPage() {
  return (
    <Layout title="Open data API" breadcrumbs={[{ href: urls.home(), text: "Home" }]}>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <h1 class="govuk-heading-xl">Open data API</h1>
          <p class="govuk-body-l">Everything on this site is also available as JSON, free to reuse.</p>
          <p class="govuk-body">
            The API is described in an <a class="govuk-link" href={urls.api.openapi()}>OpenAPI 3.1 document</a>. Identifiers are stable: they are built from the council, the committee and the
            date of the meeting, so links keep working when minutes are corrected. Dates and times are local to the council, as written in the minutes.
          </p>
          <p class="govuk-body">
            Lists come in pages: each answer has a <code>total</code> and a <code>next</code> link, which is empty on the last page. Errors have one shape,{" "}
            <code>{'{"error": {"id", "status", "message"}}'}</code>, where <code>id</code> is stable and fit for programs.
          </p>
          <p class="govuk-body">Items considered in private show only their title and the grounds for exemption, here as on every page.</p>
          <h2 class="govuk-heading-m">Endpoints</h2>
          <dl class="govuk-summary-list">
            {ENDPOINTS.map((e) => (
              <div class="govuk-summary-list__row">
                <dt class="govuk-summary-list__key">
                  <code>GET {e.path}</code>
                </dt>
                <dd class="govuk-summary-list__value">
                  {e.what}
                  {e.example && (
                    <>
                      {" "}
                      <a class="govuk-link" href={e.example}>
                        Example<span class="govuk-visually-hidden">: {e.example}</span>
                      </a>
                    </>
                  )}
                </dd>
              </div>
            ))}
          </dl>
        </div>
      </div>
    </Layout>
  );
}
