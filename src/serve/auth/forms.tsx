// GOV.UK form parts: the error summary at the top of a page and a text input with its error.
export interface FieldError {
  /** the input's id, which the summary links to */
  field: string;
  message: string;
}

export function ErrorSummary({ errors }: { errors: FieldError[] }) {
  if (errors.length === 0) return null;
  return (
    <div class="govuk-error-summary" data-module="govuk-error-summary">
      <div role="alert">
        <h2 class="govuk-error-summary__title">There is a problem</h2>
        <div class="govuk-error-summary__body">
          <ul class="govuk-list govuk-error-summary__list">
            {errors.map((e) => (
              <li>
                <a href={`#${e.field}`}>{e.message}</a>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}

export interface InputProps {
  id: string;
  label: string;
  type: "email" | "password" | "text";
  autocomplete: string;
  value?: string;
  hint?: string;
  errors: FieldError[];
}

export function Input({ id, label, type, autocomplete, value, hint, errors }: InputProps) {
  const error = errors.find((e) => e.field === id);
  const describedBy = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <div class={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
      <label class="govuk-label govuk-label--s" for={id}>
        {label}
      </label>
      {hint && (
        <div id={`${id}-hint`} class="govuk-hint">
          {hint}
        </div>
      )}
      {error && (
        <p id={`${id}-error`} class="govuk-error-message">
          <span class="govuk-visually-hidden">Error:</span> {error.message}
        </p>
      )}
      <input
        class={`govuk-input${error ? " govuk-input--error" : ""}${type === "email" ? "" : " govuk-!-width-two-thirds"}`}
        id={id}
        name={id}
        type={type}
        autocomplete={autocomplete}
        spellcheck={type === "email" ? false : undefined}
        value={type === "password" ? undefined : value}
        aria-describedby={describedBy}
      />
    </div>
  );
}
