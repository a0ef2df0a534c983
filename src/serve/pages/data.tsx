import { Layout } from "../components/layout.tsx";
import { urls } from "../urls.ts";
import type { AuthorityLicence } from "../../store/opendata/licence.ts";
import { DATASETS } from "../opendata/datasets.ts";
import { EXPORT_PREFIX, exportPath } from "../opendata/export-routes.ts";
import { OPARL_PREFIX } from "../opendata/oparl.ts";
import { planUrls } from "../forward-plan/urls.ts";

const FORMAT_NAMES = { ocd: "Open Civic Data JSON", oparl: "OParl 1.1 JSON", csv: "CSV" } as const;

/** Every dataset: what it holds, its format and where it is. */
function datasetRows(): { what: string; format: string; href: string }[] {
  return [
    { what: "The JSON API: meetings, committees, people, decisions and search (described below)", format: "JSON, OpenAPI 3.1", href: urls.api.openapi() },
    { what: "The OParl 1.1 API: councils, committees, people, memberships, meetings with their agenda items, papers and files", format: "OParl 1.1 JSON", href: OPARL_PREFIX },
    { what: "Every export below, with its format and address, and the councils' licences", format: "JSON", href: EXPORT_PREFIX },
    ...DATASETS.map((d) => ({ what: d.what, format: FORMAT_NAMES[d.format], href: exportPath(d) })),
    { what: "Scrutiny recommendations and the responses to them, with their progress", format: "CSV", href: "/recommendations.csv" },
    { what: "The forward plan of key decisions", format: "CSV", href: planUrls.csv() },
  ];
}

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

function Licences({ licences }: { licences: AuthorityLicence[] }) {
  const distinct = [...new Map(licences.map((l) => [l.url, l])).values()];
  if (distinct.length <= 1) {
    const l = distinct[0] ?? { name: "Open Government Licence v3.0", url: "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/" };
    return (
      <p class="govuk-body">
        The data is published under the{" "}
        <a class="govuk-link" href={l.url} rel="license">
          {l.name}
        </a>
        . Every export names its licence.
      </p>
    );
  }
  return (
    <table class="govuk-table">
      <caption class="govuk-table__caption govuk-table__caption--s">Each council's data is published under its own licence; every export names it.</caption>
      <thead class="govuk-table__head">
        <tr class="govuk-table__row">
          <th scope="col" class="govuk-table__header">Council</th>
          <th scope="col" class="govuk-table__header">Licence</th>
        </tr>
      </thead>
      <tbody class="govuk-table__body">
        {licences.map((l) => (
          <tr class="govuk-table__row">
            <td class="govuk-table__cell">{l.authority}</td>
            <td class="govuk-table__cell">
              <a class="govuk-link" href={l.url} rel="license">
                {l.name}
              </a>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function DataPage({ licences }: { licences: AuthorityLicence[] }) {
  return (
    <Layout title="Open data" breadcrumbs={[{ href: urls.home(), text: "Home" }]}>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <h1 class="govuk-heading-xl">Open data</h1>
          <p class="govuk-body-l">Everything on this site is also available as data, free to reuse, in standard formats.</p>
          <h2 class="govuk-heading-m">Licence</h2>
          <Licences licences={licences} />
          <p class="govuk-body">
            Items considered in private show only their title and the grounds for exemption, in every dataset as on every page; draft minutes, and what was said, declared or voted in
            private, are in none.
          </p>
          <p class="govuk-body">
            For news and meeting dates in a feed reader or calendar, see <a class="govuk-link" href="/feeds">feeds and calendars</a>.
          </p>
        </div>
      </div>
      <h2 class="govuk-heading-m">Datasets</h2>
      <table class="govuk-table">
        <caption class="govuk-table__caption govuk-visually-hidden">Datasets, their format and where to get them</caption>
        <thead class="govuk-table__head">
          <tr class="govuk-table__row">
            <th scope="col" class="govuk-table__header">Dataset</th>
            <th scope="col" class="govuk-table__header">Format</th>
            <th scope="col" class="govuk-table__header">Address</th>
          </tr>
        </thead>
        <tbody class="govuk-table__body">
          {datasetRows().map((d) => (
            <tr class="govuk-table__row">
              <td class="govuk-table__cell">{d.what}</td>
              <td class="govuk-table__cell">{d.format}</td>
              <td class="govuk-table__cell">
                <a class="govuk-link" href={d.href}>
                  <code>{d.href}</code>
                </a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="govuk-body">
        JSON exports come a page at a time: follow <code>next</code> to the end. The CSV files come whole, one row per meeting, attendance record, decision or vote, with a header row.
        Whoever runs this site can write every dataset to files with <code>quorum export --format ocd|oparl|csv --out DIR</code>.
      </p>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <h2 class="govuk-heading-m">The JSON API</h2>
          <p class="govuk-body">
            The API is described in an <a class="govuk-link" href={urls.api.openapi()}>OpenAPI 3.1 document</a>. Identifiers are stable: they are built from the council, the committee and the
            date of the meeting, so links keep working when minutes are corrected. Dates and times are local to the council, as written in the minutes.
          </p>
          <p class="govuk-body">
            Lists come in pages: each answer has a <code>total</code> and a <code>next</code> link, which is empty on the last page. Errors have one shape,{" "}
            <code>{'{"error": {"id", "status", "message"}}'}</code>, where <code>id</code> is stable and fit for programs.
          </p>
          <h3 class="govuk-heading-s">Endpoints</h3>
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
