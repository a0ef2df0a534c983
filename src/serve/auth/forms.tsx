// GOV.UK form parts: the error summary at the top of a page and a text input with its error.
import { TextField } from "../components/fields.tsx";

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
  return <TextField id={id} label={label} type={type} autocomplete={autocomplete} value={type === "password" ? undefined : value} hint={hint} errors={errors} width={type === "email" ? "full" : "two-thirds"} spellcheck={type === "email" ? false : undefined} />;
}
