// GOV.UK pagination for a list paged by cursor: "Newer" and "Older" links, each the current query
// with the page's cursor in place of any page number, so a deep page costs what the first does.

import { PageArrow } from "./pagination.tsx";

export interface CursorPaginationProps {
  /** Current path and query; `cursor` and `page` are replaced in each link. */
  base: URL;
  /** cursors of the newer and older pages; null at either end */
  newer: string | null | undefined;
  older: string | null | undefined;
  label?: string;
  /** the links' words: "Newer"/"Older" for a list by date, "Previous"/"Next" for one by name */
  newerText?: string;
  olderText?: string;
}

function hrefFor(base: URL, cursor: string): string {
  const u = new URL(base);
  u.searchParams.delete("page");
  u.searchParams.set("cursor", cursor);
  return u.pathname + u.search;
}

export function CursorPagination({ base, newer, older, label = "Results", newerText = "Newer", olderText = "Older" }: CursorPaginationProps) {
  if (!newer && !older) return null;
  return (
    <nav class="govuk-pagination govuk-pagination--block" aria-label={`${label} pages`}>
      {newer && (
        <div class="govuk-pagination__prev">
          <a class="govuk-link govuk-pagination__link" href={hrefFor(base, newer)} rel="prev">
            <PageArrow direction="prev" />
            <span class="govuk-pagination__link-title">
              {newerText}<span class="govuk-visually-hidden"> {label.toLowerCase()}</span>
            </span>
          </a>
        </div>
      )}
      {older && (
        <div class="govuk-pagination__next">
          <a class="govuk-link govuk-pagination__link" href={hrefFor(base, older)} rel="next">
            <PageArrow direction="next" />
            <span class="govuk-pagination__link-title">
              {olderText}<span class="govuk-visually-hidden"> {label.toLowerCase()}</span>
            </span>
          </a>
        </div>
      )}
    </nav>
  );
}
