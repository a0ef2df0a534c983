import { MeetingStateLabel } from "../schedule/public.tsx";
import { MinutesLabel } from "../components/minutes-label.tsx";
import { raw } from "hono/html";
import type { FacetCount, SearchHit, SearchResults } from "../../store/read/types.ts";
import { Layout } from "../components/layout.tsx";
import { Pagination } from "../components/pagination.tsx";
import { SearchBox } from "../components/search-box.tsx";
import { formatDate, plural } from "../format.ts";
import { hitUrl } from "../present/api.ts";
import { urls } from "../urls.ts";
import { SearchAlertsLink } from "../alerts/link.tsx";

const TYPE_LABEL: Record<string, string> = { meeting: "Meeting", item: "Agenda item", decision: "Decision", person: "Person", agenda: "Agenda", paper: "Agenda paper" };
const TYPE_PLURAL: Record<string, string> = { meeting: "Meetings", item: "Agenda items", decision: "Decisions", person: "People", agenda: "Agenda", paper: "Agenda papers" };

export interface SearchFilters {
  type?: string;
  body?: string;
  year?: number;
  authority?: string;
}

function withParam(base: URL, key: string, value: string | null): string {
  const u = new URL(base);
  u.searchParams.delete("page");
  if (value === null) u.searchParams.delete(key);
  else u.searchParams.set(key, value);
  return u.pathname + u.search;
}

type FacetLink = Pick<FacetCount, "value" | "label"> & Partial<FacetCount>;

/** A count as far as it goes: "(312+)" when counting stopped at the cap. */
const shownCount = (f: FacetLink) => `(${(f.count ?? 0).toLocaleString("en-GB")}${f.atLeast ? "+" : ""})`;

function Facet({ title, name, facets, selected, base, labels, counts = true }: { title: string; name: string; facets: FacetLink[]; selected?: string; base: URL; labels?: Record<string, string>; counts?: boolean }) {
  if (!facets.length) return null;
  return (
    <div class="govuk-!-margin-bottom-6">
      <h3 class="govuk-heading-s govuk-!-margin-bottom-2">{title}</h3>
      <ul class="govuk-list govuk-!-font-size-16">
        {selected && (
          <li>
            <a class="govuk-link" href={withParam(base, name, null)}>
              Any<span class="govuk-visually-hidden"> {title.toLowerCase()}</span>
            </a>
          </li>
        )}
        {facets.map((f) =>
          f.value === selected ? (
            <li>
              <strong>
                {labels?.[f.value] ?? f.label} {counts && <span class="qm-count">{shownCount(f)}</span>}
              </strong>
            </li>
          ) : (
            <li>
              <a class="govuk-link" href={withParam(base, name, f.value)}>
                {labels?.[f.value] ?? f.label}
              </a>{" "}
              {counts && <span class="qm-count">{shownCount(f)}</span>}
            </li>
          ),
        )}
      </ul>
    </div>
  );
}

function Hit({ h }: { h: SearchHit }) {
  return (
    <li class="qm-card">
      <p class="govuk-body-s qm-card__meta govuk-!-margin-bottom-1">
        <strong class="govuk-tag govuk-tag--grey">{TYPE_LABEL[h.type] ?? h.type}</strong>
      </p>
      <h3 class="govuk-heading-s qm-card__title">
        <a class="govuk-link" href={hitUrl(h)}>
          {h.title}
        </a>
      </h3>
      {(h.body || h.meeting) && (
        <p class="govuk-body-s qm-card__meta">
          {h.body?.name}
          {h.body && h.meeting ? ", " : ""}
          {h.meeting ? formatDate(h.meeting.date) : ""} {h.meeting && <MinutesLabel m={h.meeting} />} {h.meeting && <MeetingStateLabel m={h.meeting} />}
        </p>
      )}
      {h.snippet && <p class="govuk-body">{raw(h.snippet)}</p>}
    </li>
  );
}

export function SearchPage({
  q,
  results,
  filters,
  base,
  page,
  pageSize,
}: {
  q: string;
  results: SearchResults | null;
  filters: SearchFilters;
  base: URL;
  page: number;
  pageSize: number;
}) {
  const title = q ? `Search results for “${q}”${page > 1 ? ` (page ${page})` : ""}` : "Search the minutes";
  return (
    <Layout title={title} section="search" breadcrumbs={[{ href: urls.home(), text: "Home" }]}>
      <h1 class="govuk-heading-xl">{q ? "Search results" : "Search the minutes"}</h1>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <SearchBox q={q} label="Search meetings, items, decisions and people" />
          <details class="govuk-details">
            <summary class="govuk-details__summary">
              <span class="govuk-details__summary-text">How to search</span>
            </summary>
            <div class="govuk-details__text">
              <ul class="govuk-list govuk-list--bullet">
                <li>
                  Every word must appear: <code>library closure</code>
                </li>
                <li>
                  Use quotation marks for an exact phrase: <code>"road safety"</code>
                </li>
                <li>
                  Use OR for either word: <code>flooding OR drainage</code>
                </li>
                <li>
                  Put a minus sign before a word to leave it out: <code>planning -appeal</code>
                </li>
              </ul>
            </div>
          </details>
        </div>
      </div>
      {results && (
        <div class="govuk-grid-row">
          <div class="govuk-grid-column-two-thirds qm-results">
            <h2 class="govuk-heading-m" id="results-count">
              {results.totalAtLeast ? `${results.total.toLocaleString("en-GB")}+ results` : plural(results.total, "result")} for “{q}”
            </h2>
            {results.totalAtLeast && (
              <p class="govuk-body-s" id="results-cap">
                More than {results.total.toLocaleString("en-GB")} results match: these are the most relevant of the {results.total.toLocaleString("en-GB")} most recently added, and the counts under “Narrow your results” are counted among them. Choose a committee or year, or add words, to reach older minutes.
              </p>
            )}
            {results.data.length ? (
              <ul class="govuk-list" aria-labelledby="results-count">
                {results.data.map((h) => (
                  <Hit h={h} />
                ))}
              </ul>
            ) : (
              <>
                <p class="govuk-body">There are no matching results.</p>
                <p class="govuk-body">Improve your search results by:</p>
                <ul class="govuk-list govuk-list--bullet">
                  <li>removing filters</li>
                  <li>double-checking your spelling</li>
                  <li>using fewer words or more general words</li>
                </ul>
              </>
            )}
            <Pagination base={base} page={page} pageSize={pageSize} total={results.total} label="Search results" />
            <SearchAlertsLink q={q} filters={filters} />
          </div>
          <div class="govuk-grid-column-one-third qm-facets qm-noprint">
            <h2 class="govuk-heading-m">Narrow your results</h2>
            {(results.facets.authority.length > 1 || filters.authority) && <Facet title="Council" name="authority" facets={results.facets.authority} selected={filters.authority} base={base} />}
            <Facet title="Type" name="type" facets={results.facets.type} selected={filters.type} base={base} labels={TYPE_PLURAL} />
            <Facet title="Committee" name="body" facets={results.facets.body} selected={filters.body} base={base} />
            <Facet title="Year" name="year" facets={results.facets.year} selected={filters.year ? String(filters.year) : undefined} base={base} />
          </div>
        </div>
      )}
    </Layout>
  );
}
