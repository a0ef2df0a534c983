export function SearchBox({ q = "", label = "Search the minutes", big = false, hint }: { q?: string; label?: string; big?: boolean; hint?: string }) {
  return (
    <form action="/search" method="get" role="search" class="govuk-!-margin-bottom-6">
      <div class="govuk-form-group govuk-!-margin-bottom-0">
        <label class={`govuk-label${big ? " govuk-label--m" : ""}`} for="search-q">
          {label}
        </label>
        {hint && (
          <div class="govuk-hint" id="search-q-hint">
            {hint}
          </div>
        )}
        <div class="qm-search-box">
          <input class="govuk-input" id="search-q" name="q" type="search" value={q} spellcheck={false} aria-describedby={hint ? "search-q-hint" : undefined} />
          <button type="submit" class="govuk-button" data-module="govuk-button">
            Search
          </button>
        </div>
      </div>
    </form>
  );
}
