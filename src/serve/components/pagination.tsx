// GOV.UK pagination: previous/next and a window of numbered pages, each a plain link that
// keeps the rest of the query string.

export interface PaginationProps {
  /** Current path and query; the page parameter is replaced in each link. */
  base: URL;
  page: number;
  pageSize: number;
  total: number;
  label?: string;
}

const ARROWS = {
  prev: "m6.5938-0.0078125-6.7266 6.7266 6.7441 6.4062 1.377-1.449-4.1856-3.9768h12.896v-2h-12.984l4.2931-4.293-1.414-1.414z",
  next: "m8.107-0.0078125-1.4136 1.414 4.2926 4.293h-12.986v2h12.896l-4.1855 3.9766 1.377 1.4492 6.7441-6.4062-6.7246-6.7266z",
};

/** GOV.UK's arrow beside a previous or next link; shared by numbered and cursor paging. */
export function PageArrow({ direction }: { direction: "prev" | "next" }) {
  return (
    <svg class={`govuk-pagination__icon govuk-pagination__icon--${direction}`} xmlns="http://www.w3.org/2000/svg" height="13" width="15" aria-hidden="true" focusable="false" viewBox="0 0 15 13">
      <path d={ARROWS[direction]}></path>
    </svg>
  );
}

function hrefFor(base: URL, page: number): string {
  const u = new URL(base);
  if (page <= 1) u.searchParams.delete("page");
  else u.searchParams.set("page", String(page));
  return u.pathname + (u.search || "");
}

export function Pagination({ base, page, pageSize, total, label = "Results" }: PaginationProps) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  const shown = new Set<number>([1, pages, page - 1, page, page + 1].filter((p) => p >= 1 && p <= pages));
  const list = [...shown].sort((a, b) => a - b);
  const cells: (number | "gap")[] = [];
  list.forEach((p, i) => {
    if (i > 0 && p - list[i - 1] > 1) cells.push("gap");
    cells.push(p);
  });
  return (
    <nav class="govuk-pagination" aria-label={`${label} pages`}>
      {page > 1 && (
        <div class="govuk-pagination__prev">
          <a class="govuk-link govuk-pagination__link" href={hrefFor(base, page - 1)} rel="prev">
            <PageArrow direction="prev" />
            <span class="govuk-pagination__link-title">
              Previous<span class="govuk-visually-hidden"> page</span>
            </span>
          </a>
        </div>
      )}
      <ul class="govuk-pagination__list">
        {cells.map((c) =>
          c === "gap" ? (
            <li class="govuk-pagination__item govuk-pagination__item--ellipses">&ctdot;</li>
          ) : (
            <li class={`govuk-pagination__item${c === page ? " govuk-pagination__item--current" : ""}`}>
              <a class="govuk-link govuk-pagination__link" href={hrefFor(base, c)} aria-label={`Page ${c}`} aria-current={c === page ? "page" : undefined}>
                {c}
              </a>
            </li>
          ),
        )}
      </ul>
      {page < pages && (
        <div class="govuk-pagination__next">
          <a class="govuk-link govuk-pagination__link" href={hrefFor(base, page + 1)} rel="next">
            <span class="govuk-pagination__link-title">
              Next<span class="govuk-visually-hidden"> page</span>
            </span>
            <PageArrow direction="next" />
          </a>
        </div>
      )}
    </nav>
  );
}
