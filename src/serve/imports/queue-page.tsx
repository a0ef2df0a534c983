// /admin/imports: imported documents, newest first, filterable by state.
import { Layout } from "../components/layout.tsx";
import { Pagination } from "../components/pagination.tsx";
import { formatDate } from "../format.ts";
import type { ImportReviewSummary } from "../../store/imports/read.ts";
import { PAGE_SIZE } from "../../store/imports/read.ts";
import type { ReviewState } from "../../store/imports/schema.ts";

export const STATE_NAMES: Record<ReviewState, string> = { pending: "Waiting for review", published: "Published", rejected: "Rejected" };
const STATE_TAGS: Record<ReviewState, string> = { pending: "govuk-tag--yellow", published: "govuk-tag--green", rejected: "govuk-tag--grey" };

export function StateTag({ state }: { state: ReviewState }) {
  return <strong class={`govuk-tag ${STATE_TAGS[state]}`}>{STATE_NAMES[state]}</strong>;
}

export function QueuePage({ state, page, reviews, total, base }: { state?: ReviewState; page: number; reviews: ImportReviewSummary[]; total: number; base: URL }) {
  return (
    <Layout title="Imports to review" breadcrumbs={[{ href: "/admin", text: "Clerk's workspace" }]}>
      <h1 class="govuk-heading-l">Imports to review</h1>
      <p class="govuk-body">
        Minutes imported with <code>quorum import --review</code> (or from a folder whose <code>quorum.json</code> says <code>"import": "review"</code>) wait here until a clerk
        publishes them. Until then they are on no public page.
      </p>
      <form method="get" action="/admin/imports" class="govuk-!-margin-bottom-6">
        <div class="govuk-form-group">
          <label class="govuk-label govuk-label--s" for="state">
            State
          </label>
          <select class="govuk-select" id="state" name="state">
            <option value="" selected={!state}>
              All
            </option>
            {(Object.keys(STATE_NAMES) as ReviewState[]).map((s) => (
              <option value={s} selected={state === s}>
                {STATE_NAMES[s]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">
          Apply filter
        </button>
      </form>
      <p class="govuk-body" role="status">
        {total === 1 ? "1 import" : `${total} imports`}
        {state ? ` ${STATE_NAMES[state].toLowerCase()}` : ""}
      </p>
      {reviews.length > 0 && (
        <table class="govuk-table">
          <caption class="govuk-table__caption govuk-table__caption--m govuk-visually-hidden">Imports, newest first</caption>
          <thead class="govuk-table__head">
            <tr class="govuk-table__row">
              <th scope="col" class="govuk-table__header">Meeting</th>
              <th scope="col" class="govuk-table__header">Council</th>
              <th scope="col" class="govuk-table__header">File</th>
              <th scope="col" class="govuk-table__header govuk-table__header--numeric">Warnings</th>
              <th scope="col" class="govuk-table__header">Imported (UTC)</th>
              <th scope="col" class="govuk-table__header">State</th>
            </tr>
          </thead>
          <tbody class="govuk-table__body">
            {reviews.map((r) => (
              <tr class="govuk-table__row">
                <td class="govuk-table__cell">
                  <a class="govuk-link" href={`/admin/imports/${r.id}`}>
                    {r.committee}, {formatDate(r.meetingDate)}
                  </a>
                  {r.replaces && <div class="govuk-body-s govuk-!-margin-bottom-0">Replaces the published minutes</div>}
                </td>
                <td class="govuk-table__cell">{r.council}</td>
                <td class="govuk-table__cell qm-break">{r.fileName}</td>
                <td class="govuk-table__cell govuk-table__cell--numeric">{r.warnings}</td>
                <td class="govuk-table__cell">{r.queuedAt.slice(0, 16).replace("T", " ")}</td>
                <td class="govuk-table__cell">
                  <StateTag state={r.state} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pagination base={base} page={page} pageSize={PAGE_SIZE} total={total} label="Imports" />
    </Layout>
  );
}
