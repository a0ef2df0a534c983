// Form fields the people and committee forms need beyond the account forms' text input: a plain
// text field, a select, radios and checkboxes, each with its label, hint and error as GOV.UK shows them.
import type { FieldError } from "../auth/forms.tsx";

const errorOf = (errors: FieldError[], id: string) => errors.find((e) => e.field === id);

function ErrorMessage({ id, error }: { id: string; error?: FieldError }) {
  if (!error) return null;
  return (
    <p id={`${id}-error`} class="govuk-error-message">
      <span class="govuk-visually-hidden">Error:</span> {error.message}
    </p>
  );
}

const describedBy = (id: string, hint: string | undefined, error: FieldError | undefined) => [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;

export function TextField({ id, label, value, hint, errors, width = "two-thirds" }: { id: string; label: string; value?: string | null; hint?: string; errors: FieldError[]; width?: "two-thirds" | "one-third" }) {
  const error = errorOf(errors, id);
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
      <ErrorMessage id={id} error={error} />
      <input class={`govuk-input govuk-!-width-${width}${error ? " govuk-input--error" : ""}`} id={id} name={id} type="text" autocomplete="off" spellcheck={false} value={value ?? ""} aria-describedby={describedBy(id, hint, error)} />
    </div>
  );
}

export function Select({ id, label, options, value, hint, errors }: { id: string; label: string; options: { value: string; text: string }[]; value?: string | null; hint?: string; errors: FieldError[] }) {
  const error = errorOf(errors, id);
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
      <ErrorMessage id={id} error={error} />
      <select class={`govuk-select${error ? " govuk-select--error" : ""}`} id={id} name={id} aria-describedby={describedBy(id, hint, error)}>
        {options.map((o) => (
          <option value={o.value} selected={o.value === (value ?? "")}>
            {o.text}
          </option>
        ))}
      </select>
    </div>
  );
}

export function Radios({ id, legend, options, value, errors }: { id: string; legend: string; options: { value: string; text: string }[]; value?: string | null; errors: FieldError[] }) {
  const error = errorOf(errors, id);
  return (
    <div class={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
      <fieldset class="govuk-fieldset" aria-describedby={error ? `${id}-error` : undefined}>
        <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{legend}</legend>
        <ErrorMessage id={id} error={error} />
        <div class="govuk-radios govuk-radios--small" data-module="govuk-radios">
          {options.map((o, i) => (
            <div class="govuk-radios__item">
              <input class="govuk-radios__input" id={i === 0 ? id : `${id}-${i}`} name={id} type="radio" value={o.value} checked={o.value === value} />
              <label class="govuk-label govuk-radios__label" for={i === 0 ? id : `${id}-${i}`}>
                {o.text}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}

export function Checkboxes({ id, legend, hint, options, checked, errors }: { id: string; legend: string; hint?: string; options: { value: string; text: string }[]; checked: string[]; errors: FieldError[] }) {
  const error = errorOf(errors, id);
  return (
    <div class={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
      <fieldset class="govuk-fieldset" aria-describedby={describedBy(id, hint, error)}>
        <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{legend}</legend>
        {hint && (
          <div id={`${id}-hint`} class="govuk-hint">
            {hint}
          </div>
        )}
        <ErrorMessage id={id} error={error} />
        <div class="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
          {options.map((o, i) => (
            <div class="govuk-checkboxes__item">
              <input class="govuk-checkboxes__input" id={i === 0 ? id : `${id}-${i}`} name={id} type="checkbox" value={o.value} checked={checked.includes(o.value)} />
              <label class="govuk-label govuk-checkboxes__label" for={i === 0 ? id : `${id}-${i}`}>
                {o.text}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}

export function Banner({ text }: { text: string }) {
  return (
    <div class="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="banner-title" data-module="govuk-notification-banner">
      <div class="govuk-notification-banner__header">
        <h2 class="govuk-notification-banner__title" id="banner-title">
          Success
        </h2>
      </div>
      <div class="govuk-notification-banner__content">
        <p class="govuk-notification-banner__heading">{text}</p>
      </div>
    </div>
  );
}
