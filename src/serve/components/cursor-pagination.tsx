// GOV.UK pagination for a list paged by cursor: "Newer" and "Older" links, each the current query
// with the page's cursor in place of any page number, so a deep page costs what the first does.

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
            <svg class="govuk-pagination__icon govuk-pagination__icon--prev" xmlns="http://www.w3.org/2000/svg" height="13" width="15" aria-hidden="true" focusable="false" viewBox="0 0 15 13">
              <path d="m6.5938-0.0078125-6.7266 6.7266 6.7441 6.4062 1.377-1.449-4.1856-3.9768h12.896v-2h-12.984l4.2931-4.293-1.414-1.414z"></path>
            </svg>
            <span class="govuk-pagination__link-title">
              {newerText}<span class="govuk-visually-hidden"> {label.toLowerCase()}</span>
            </span>
          </a>
        </div>
      )}
      {older && (
        <div class="govuk-pagination__next">
          <a class="govuk-link govuk-pagination__link" href={hrefFor(base, older)} rel="next">
            <svg class="govuk-pagination__icon govuk-pagination__icon--next" xmlns="http://www.w3.org/2000/svg" height="13" width="15" aria-hidden="true" focusable="false" viewBox="0 0 15 13">
              <path d="m8.107-0.0078125-1.4136 1.414 4.2926 4.293h-12.986v2h12.896l-4.1855 3.9766 1.377 1.4492 6.7441-6.4062-6.7246-6.7266z"></path>
            </svg>
            <span class="govuk-pagination__link-title">
              {olderText}<span class="govuk-visually-hidden"> {label.toLowerCase()}</span>
            </span>
          </a>
        </div>
      )}
    </nav>
  );
}
