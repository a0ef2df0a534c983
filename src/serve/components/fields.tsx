// The GOV.UK form field, written once: a group holding a label (or a fieldset's legend), a hint, the
// error message and the control, with the control described by its hint and error, so that every
// form in the workspace reads the same to a screen reader and shows errors the same way.
import type { Child } from "hono/jsx";
import type { FieldError } from "../auth/forms.tsx";

export interface FieldState {
  error: FieldError | undefined;
  /** the ids of the hint and error message, for the control's aria-describedby */
  describedBy: string | undefined;
  /** the GOV.UK class with its `--error` modifier when the field has an error */
  cls: (base: string) => string;
}

export function fieldState(id: string, errors: FieldError[], hasHint = false): FieldState {
  const error = errors.find((e) => e.field === id);
  return {
    error,
    describedBy: [hasHint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined,
    cls: (base) => `${base}${error ? ` ${base}--error` : ""}`,
  };
}

export function FieldErrorMessage({ id, error }: { id: string; error: FieldError | undefined }) {
  if (!error) return null;
  return (
    <p id={`${id}-error`} class="govuk-error-message">
      <span class="govuk-visually-hidden">Error:</span> {error.message}
    </p>
  );
}

function Hint({ id, hint }: { id: string; hint?: Child }) {
  return hint ? (
    <div id={`${id}-hint`} class="govuk-hint">
      {hint}
    </div>
  ) : null;
}

/** A labelled control: `children` is the input, select or textarea whose id is `id`. */
export function FieldGroup({ id, label, hint, error, labelClass = "govuk-label govuk-label--s", children }: { id: string; label: Child; hint?: Child; error: FieldError | undefined; labelClass?: string; children: Child }) {
  return (
    <div class={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
      <label class={labelClass} for={id}>
        {label}
      </label>
      <Hint id={id} hint={hint} />
      <FieldErrorMessage id={id} error={error} />
      {children}
    </div>
  );
}

/** Radios or checkboxes in a fieldset, its legend naming the question. */
export function FieldsetGroup({ id, legend, hint, error, legendClass = "govuk-fieldset__legend govuk-fieldset__legend--s", groupId, children }: { id: string; legend: Child; hint?: Child; error: FieldError | undefined; legendClass?: string; groupId?: string; children: Child }) {
  const describedBy = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <div class={`govuk-form-group${error ? " govuk-form-group--error" : ""}`} id={groupId}>
      <fieldset class="govuk-fieldset" aria-describedby={describedBy}>
        <legend class={legendClass}>{legend}</legend>
        <Hint id={id} hint={hint} />
        <FieldErrorMessage id={id} error={error} />
        {children}
      </fieldset>
    </div>
  );
}

export interface Option {
  value: string;
  text: string;
}

/** GOV.UK's ids for a list of choices: the first has the field's id (so an error links to it), the rest `id-2`, `id-3`, … */
export const choiceId = (id: string, i: number) => (i === 0 ? id : `${id}-${i + 1}`);

/**
 * A one-line text input. Its width is a fraction of the column (`width`), or a GOV.UK fixed-width
 * class for short answers such as a date or a number (`widthClass`, which wins).
 */
export function TextField({ id, label, value, hint, errors, width = "two-thirds", widthClass, type = "text", name, autocomplete = "off", spellcheck = false, inputmode, labelClass }: { id: string; label: string; value?: string | null; hint?: string; errors: FieldError[]; width?: "two-thirds" | "one-third" | "full"; widthClass?: string; type?: "text" | "date" | "url" | "email" | "password"; name?: string; autocomplete?: string; spellcheck?: boolean; inputmode?: "numeric"; labelClass?: string }) {
  const f = fieldState(id, errors, !!hint);
  return (
    <FieldGroup id={id} label={label} hint={hint} error={f.error} labelClass={labelClass}>
      <input class={`${f.cls("govuk-input")} ${widthClass ?? `govuk-!-width-${width}`}`} inputmode={inputmode} id={id} name={name ?? id} type={type} autocomplete={autocomplete} spellcheck={spellcheck} value={value ?? ""} aria-describedby={f.describedBy} />
    </FieldGroup>
  );
}

export function TextArea({ id, label, value, hint, errors, rows = 3, name, labelClass }: { id: string; label: string; value?: string | null; hint?: string; errors: FieldError[]; rows?: number; name?: string; labelClass?: string }) {
  const f = fieldState(id, errors, !!hint);
  return (
    <FieldGroup id={id} label={label} hint={hint} error={f.error} labelClass={labelClass}>
      <textarea class={f.cls("govuk-textarea")} id={id} name={name ?? id} rows={rows} aria-describedby={f.describedBy}>
        {value ?? ""}
      </textarea>
    </FieldGroup>
  );
}

export function FileField({ id, label, hint, accept, errors }: { id: string; label: string; hint?: string; accept: string; errors: FieldError[] }) {
  const f = fieldState(id, errors, !!hint);
  return (
    <FieldGroup id={id} label={label} hint={hint} error={f.error}>
      <input class={f.cls("govuk-file-upload")} id={id} name={id} type="file" accept={accept} aria-describedby={f.describedBy} />
    </FieldGroup>
  );
}

export function Select({ id, label, options, value, hint, errors, name, labelClass }: { id: string; label: string; options: Option[]; value?: string | null; hint?: string; errors: FieldError[]; name?: string; labelClass?: string }) {
  const f = fieldState(id, errors, !!hint);
  return (
    <FieldGroup id={id} label={label} hint={hint} error={f.error} labelClass={labelClass}>
      <select class={f.cls("govuk-select")} id={id} name={name ?? id} aria-describedby={f.describedBy}>
        {options.map((o) => (
          <option value={o.value} selected={o.value === (value ?? "")}>
            {o.text}
          </option>
        ))}
      </select>
    </FieldGroup>
  );
}

export function Radios({ id, legend, options, value, hint, errors }: { id: string; legend: string; options: Option[]; value?: string | null; hint?: string; errors: FieldError[] }) {
  const f = fieldState(id, errors);
  return (
    <FieldsetGroup id={id} legend={legend} hint={hint} error={f.error}>
      <div class="govuk-radios govuk-radios--small" data-module="govuk-radios">
        {options.map((o, i) => (
          <div class="govuk-radios__item">
            <input class="govuk-radios__input" id={choiceId(id, i)} name={id} type="radio" value={o.value} checked={o.value === value} />
            <label class="govuk-label govuk-radios__label" for={choiceId(id, i)}>
              {o.text}
            </label>
          </div>
        ))}
      </div>
    </FieldsetGroup>
  );
}

export function Checkboxes({ id, legend, hint, options, checked, errors }: { id: string; legend: string; hint?: string; options: Option[]; checked: string[]; errors: FieldError[] }) {
  const f = fieldState(id, errors);
  return (
    <FieldsetGroup id={id} legend={legend} hint={hint} error={f.error}>
      <div class="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
        {options.map((o, i) => (
          <div class="govuk-checkboxes__item">
            <input class="govuk-checkboxes__input" id={choiceId(id, i)} name={id} type="checkbox" value={o.value} checked={checked.includes(o.value)} />
            <label class="govuk-label govuk-checkboxes__label" for={choiceId(id, i)}>
              {o.text}
            </label>
          </div>
        ))}
      </div>
    </FieldsetGroup>
  );
}
