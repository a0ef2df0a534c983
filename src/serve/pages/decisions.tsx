import type { AuthoritySummary, BodySummary, DecisionSummary, Page } from "../../store/read/types.ts";
import { OUTCOMES } from "../../store/schema.ts";
import { AuthorityFilter, Select } from "../components/filters.tsx";
import { Layout } from "../components/layout.tsx";
import { DecisionList } from "../components/lists.tsx";
import { CursorPagination } from "../components/cursor-pagination.tsx";
import { plural } from "../format.ts";
import { urls } from "../urls.ts";

export interface DecisionFilters {
  authority?: string;
  body?: string;
  from?: string;
  to?: string;
  outcome?: string;
  q?: string;
}

export function DecisionsPage({
  result,
  filters,
  bodies,
  authorities,
  base,
  deep,
}: {
  result: Page<DecisionSummary>;
  filters: DecisionFilters;
  /** one council's committees (none until a council is chosen, where there are several) */
  bodies: BodySummary[];
  authorities: Pick<AuthoritySummary, "slug" | "name">[];
  base: URL;
  /** a page past the first */
  deep: boolean;
}) {
  const filtered = Object.values(filters).some(Boolean);
  return (
    <Layout title={deep ? "Decisions register (older decisions)" : "Decisions register"} section="decisions" breadcrumbs={[{ href: urls.home(), text: "Home" }]}>
      <h1 class="govuk-heading-xl">Decisions register</h1>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds qm-results">
          <h2 class="govuk-heading-m" aria-live="polite">
            {result.totalCapped ? `More than ${plural(result.total, "decision")}` : plural(result.total, "decision")}
            {filtered ? " match" : ""}
          </h2>
          {result.data.length ? <DecisionList decisions={result.data} headingLevel={3} full /> : <p class="govuk-body">No decisions match. Try removing a filter.</p>}
          <CursorPagination base={base} newer={result.previous} older={result.next} label="Decisions" />
        </div>
        <div class="govuk-grid-column-one-third qm-facets qm-noprint">
          <form method="get" action={urls.decisions()} aria-label="Filter decisions">
            <h2 class="govuk-heading-m">Filter</h2>
            {authorities.length > 1 && (
              <Select id="authority" label="Council" value={filters.authority} options={[{ value: "", text: "All councils" }, ...authorities.map((a) => ({ value: a.slug, text: a.name }))]} />
            )}
            {bodies.length ? (
              <Select id="body" label="Committee" value={filters.body} options={[{ value: "", text: "All committees" }, ...bodies.map((b) => ({ value: b.slug, text: authorities.length > 1 ? `${b.name} (${b.authority.name})` : b.name }))]} />
            ) : (
              authorities.length > 1 && (
                <p class="govuk-hint" id="body-hint">
                  Choose a council to filter by one of its committees.
                </p>
              )
            )}
            <div class="govuk-form-group">
              <label class="govuk-label" for="from">
                From date
              </label>
              <div class="govuk-hint" id="from-hint">
                For example, 2016-12-31
              </div>
              <input class="govuk-input govuk-input--width-10" id="from" name="from" type="text" inputmode="numeric" autocomplete="off" value={filters.from ?? ""} aria-describedby="from-hint" />
            </div>
            <div class="govuk-form-group">
              <label class="govuk-label" for="to">
                To date
              </label>
              <div class="govuk-hint" id="to-hint">
                For example, 2017-03-31
              </div>
              <input class="govuk-input govuk-input--width-10" id="to" name="to" type="text" inputmode="numeric" autocomplete="off" value={filters.to ?? ""} aria-describedby="to-hint" />
            </div>
            <Select id="outcome" label="Outcome" value={filters.outcome} options={[{ value: "", text: "Any outcome" }, ...OUTCOMES.map((o) => ({ value: o, text: o[0].toUpperCase() + o.slice(1) }))]} />
            <div class="govuk-form-group">
              <label class="govuk-label" for="q">
                Words in the decision
              </label>
              <input class="govuk-input" id="q" name="q" type="text" value={filters.q ?? ""} spellcheck={false} />
            </div>
            <button type="submit" class="govuk-button" data-module="govuk-button">
              Apply filters
            </button>
            {filtered && (
              <p class="govuk-body">
                <a class="govuk-link" href={urls.decisions()}>
                  Clear filters
                </a>
              </p>
            )}
          </form>
        </div>
      </div>
    </Layout>
  );
}
