import type { AuthoritySummary } from "../../store/read/types.ts";

/** Lets readers narrow to one council; with a single authority there is nothing to choose, so it is not shown. */
export function AuthorityFilter({ authorities, selected, action }: { authorities: AuthoritySummary[]; selected?: string; action: string }) {
  if (authorities.length < 2) return null;
  return (
    <form method="get" action={action} class="govuk-!-margin-bottom-6 qm-noprint">
      <div class="govuk-form-group govuk-!-margin-bottom-2">
        <label class="govuk-label" for="authority">
          Council
        </label>
        <select class="govuk-select" id="authority" name="authority">
          <option value="" selected={!selected}>
            All councils
          </option>
          {authorities.map((a) => (
            <option value={a.slug} selected={a.slug === selected}>
              {a.name}
            </option>
          ))}
        </select>{" "}
        <button type="submit" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" data-module="govuk-button">
          Show
        </button>
      </div>
    </form>
  );
}

export function Select({ id, label, value, options }: { id: string; label: string; value?: string; options: { value: string; text: string }[] }) {
  return (
    <div class="govuk-form-group">
      <label class="govuk-label" for={id}>
        {label}
      </label>
      <select class="govuk-select" id={id} name={id}>
        {options.map((o) => (
          <option value={o.value} selected={(value ?? "") === o.value}>
            {o.text}
          </option>
        ))}
      </select>
    </div>
  );
}
