// GOV.UK form parts the tracker's forms need beyond a text input: radios in a fieldset, a
// textarea, a date, a select, and the panel that shows someone else's change after a conflict.
import type { FieldError } from "../auth/forms.tsx";

function ErrorMessage({ id, error }: { id: string; error: FieldError | undefined }) {
  if (!error) return null;
  return (
    <p id={`${id}-error`} class="govuk-error-message">
      <span class="govuk-visually-hidden">Error:</span> {error.message}
    </p>
  );
}

const describedBy = (...ids: (string | false | undefined)[]) => ids.filter(Boolean).join(" ") || undefined;

export function Radios({ id, legend, options, value, errors, hint }: { id: string; legend: string; options: { value: string; text: string }[]; value?: string; errors: FieldError[]; hint?: string }) {
  const error = errors.find((e) => e.field === id);
  return (
    <div class={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
      <fieldset class="govuk-fieldset" aria-describedby={describedBy(hint && `${id}-hint`, error && `${id}-error`)}>
        <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{legend}</legend>
        {hint && (
          <div id={`${id}-hint`} class="govuk-hint">
            {hint}
          </div>
        )}
        <ErrorMessage id={id} error={error} />
        <div class="govuk-radios govuk-radios--small" data-module="govuk-radios">
          {options.map((o, i) => (
            <div class="govuk-radios__item">
              <input class="govuk-radios__input" id={i === 0 ? id : `${id}-${i + 1}`} name={id} type="radio" value={o.value} checked={o.value === value} />
              <label class="govuk-label govuk-radios__label" for={i === 0 ? id : `${id}-${i + 1}`}>
                {o.text}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}

export function Textarea({ id, label, value, errors, hint, rows = 5 }: { id: string; label: string; value?: string; errors: FieldError[]; hint?: string; rows?: number }) {
  const error = errors.find((e) => e.field === id);
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
      <textarea class={`govuk-textarea${error ? " govuk-textarea--error" : ""}`} id={id} name={id} rows={rows} aria-describedby={describedBy(hint && `${id}-hint`, error && `${id}-error`)}>
        {value ?? ""}
      </textarea>
    </div>
  );
}

export function Field({ id, label, value, errors, hint, type = "text", name }: { id: string; label: string; value?: string; errors: FieldError[]; hint?: string; type?: "text" | "date" | "url"; name?: string }) {
  const error = errors.find((e) => e.field === id);
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
      <input
        class={`govuk-input${error ? " govuk-input--error" : ""}${type === "date" ? " govuk-input--width-10" : ""}`}
        id={id}
        name={name ?? id}
        type={type}
        value={value}
        spellcheck={type === "url" ? false : undefined}
        aria-describedby={describedBy(hint && `${id}-hint`, error && `${id}-error`)}
      />
    </div>
  );
}

export function Select({ id, label, options, value, errors, name }: { id: string; label: string; options: { value: string; text: string }[]; value?: string; errors: FieldError[]; name?: string }) {
  const error = errors.find((e) => e.field === id);
  return (
    <div class={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
      <label class="govuk-label govuk-label--s" for={id}>
        {label}
      </label>
      <ErrorMessage id={id} error={error} />
      <select class={`govuk-select${error ? " govuk-select--error" : ""}`} id={id} name={name ?? id} aria-describedby={error ? `${id}-error` : undefined}>
        {options.map((o) => (
          <option value={o.value} selected={o.value === value}>
            {o.text}
          </option>
        ))}
      </select>
    </div>
  );
}

/** What another person changed while this page was open, newest last. */
export interface OtherChange {
  at: string;
  who: string;
  what: string;
}

export function ConflictPanel({ changes }: { changes: OtherChange[] }) {
  return (
    <div class="govuk-error-summary" data-module="govuk-error-summary">
      <div role="alert">
        <h2 class="govuk-error-summary__title">Someone else changed this item while you had it open</h2>
        <div class="govuk-error-summary__body">
          <p class="govuk-body">Nothing you sent was saved. This page now shows the item as it is; check their change and try again if you still need to.</p>
          <ul class="govuk-list govuk-error-summary__list" id="other-change">
            {changes.map((ch) => (
              <li>
                {ch.at.slice(0, 16).replace("T", " ")} UTC, {ch.who}: {ch.what}
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}

/** The result of a form just sent, at the top of the page it led to. */
export function SuccessBanner({ text }: { text: string | undefined }) {
  if (!text) return null;
  return (
    <div class="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="result-title" data-module="govuk-notification-banner">
      <div class="govuk-notification-banner__header">
        <h2 class="govuk-notification-banner__title" id="result-title">
          Done
        </h2>
      </div>
      <div class="govuk-notification-banner__content">
        <p class="govuk-notification-banner__heading">{text}</p>
      </div>
    </div>
  );
}
