// The minute-taking screen: the meeting's heading, attendance (one row a person: how they attended,
// role, substitute for), then each item with its narrative, decision, votes and a declaration. A
// plain form that works without JavaScript; /assets/take-minutes.js saves it in the background and
// keeps unsent changes in the browser until the server has them.
import { TextArea, TextField } from "../components/fields.tsx";
import { Layout } from "../components/layout.tsx";
import { ErrorSummary, type FieldError } from "../auth/forms.tsx";
import { formatLongDate } from "../format.ts";
import { DECLARATION_KINDS } from "../../domain/minutes.ts";
import type { MinuteSheet, SheetAttendee } from "../../domain/minute-sheet.ts";
import type { SheetMeetingRow } from "../../store/minute-taking/sheets.ts";
import { takeMinutesUrls } from "./sheet-form.ts";

export interface TakeMinutesProps {
  csrf: string;
  meeting: SheetMeetingRow;
  sheet: MinuteSheet;
  version: number;
  savedAt: string | null;
  submittedAt: string | null;
  errors: FieldError[];
  saved: boolean;
  /** agenda items published since the last save, added as the sheet opened */
  addedFromAgenda?: string[];
}

const STATUS_LABELS: [string, string][] = [
  ["", "Not recorded"],
  ["present", "Present"],
  ["apologies", "Apologies"],
  ["absent", "Absent"],
  ["in_attendance", "In attendance"],
];
const KIND_LABELS: [string, string][] = [
  ["member", "Member"],
  ["officer", "Officer"],
  ["other", "Other"],
];
const INTEREST_LABELS: Record<string, string> = {
  disclosable_pecuniary: "Disclosable pecuniary",
  other_registrable: "Other registrable",
  non_registrable: "Non-registrable",
  prejudicial: "Prejudicial",
  pecuniary: "Pecuniary",
  non_pecuniary: "Non-pecuniary",
  personal: "Personal",
};

// the sheet's fields use the plain label, and keep the browser's spelling check for what is typed as minutes
function Text({ id, label, value, errors, width = "govuk-input--width-20", hint }: { id: string; label: string; value: string; errors: FieldError[]; width?: string; hint?: string }) {
  return <TextField id={id} label={label} value={value} hint={hint} errors={errors} widthClass={width} labelClass="govuk-label" spellcheck={true} />;
}

function Area({ id, label, value, errors, rows = 4 }: { id: string; label: string; value: string; errors: FieldError[]; rows?: number }) {
  return <TextArea id={id} label={label} value={value} errors={errors} rows={rows} labelClass="govuk-label" />;
}

function Select({ id, label, value, options }: { id: string; label: string; value: string; options: [string, string][] }) {
  return (
    <div class="govuk-form-group">
      <label class="govuk-label" for={id}>
        {label}
      </label>
      <select class="govuk-select" id={id} name={id}>
        {options.map(([v, text]) => (
          <option value={v} selected={v === value}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}

function Person({ i, a, errors }: { i: number; a: SheetAttendee; errors: FieldError[] }) {
  const who = a.name || "Another person";
  return (
    <fieldset class="govuk-fieldset quorum-attendee" id={`att-${i}`}>
      <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{who}</legend>
      <Text id={`att-${i}-name`} label="Name" value={a.name} errors={errors} />
      <Select id={`att-${i}-status`} label="Attendance" value={a.status} options={STATUS_LABELS} />
      <Select id={`att-${i}-kind`} label="Attending as" value={a.kind} options={KIND_LABELS} />
      <Text id={`att-${i}-role`} label="Role (optional)" value={a.role} errors={errors} width="govuk-input--width-10" />
      <Text id={`att-${i}-sub`} label="Substitute for (optional)" value={a.substituteFor} errors={errors} />
    </fieldset>
  );
}

export function TakeMinutesPage({ csrf, meeting, sheet, version, savedAt, submittedAt, errors, saved, addedFromAgenda = [] }: TakeMinutesProps) {
  const title = `Take the minutes: ${meeting.bodyName}, ${formatLongDate(meeting.date)}`;
  // one blank row for someone not listed
  const people = [...sheet.attendance, { name: "", status: "", kind: "member", role: "", substituteFor: "" } as SheetAttendee];
  return (
    <Layout title={errors.length ? `Error: ${title}` : title} breadcrumbs={[{ href: "/admin", text: "Clerk's workspace" }]}>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <ErrorSummary errors={errors} />
          {saved && !errors.length && (
            <div class="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="saved-title" data-module="govuk-notification-banner">
              <div class="govuk-notification-banner__header">
                <h2 class="govuk-notification-banner__title" id="saved-title">
                  Success
                </h2>
              </div>
              <div class="govuk-notification-banner__content">
                <p class="govuk-notification-banner__heading">Saved (save {version}).</p>
              </div>
            </div>
          )}
          <span class="govuk-caption-l">{meeting.authority}</span>
          <h1 class="govuk-heading-l">
            Take the minutes: {meeting.bodyName}, {formatLongDate(meeting.date)}
          </h1>
          <p class="govuk-body">
            Every save is kept. {savedAt ? `Last saved: save ${version}.` : "Not saved yet."}
            {submittedAt ? " Stored as draft minutes; saving them again replaces the draft." : ""}
          </p>
          {addedFromAgenda.length > 0 && (
            <div class="govuk-inset-text" id="added-from-agenda">
              Published on the agenda since the last save, and added at the end: {addedFromAgenda.length === 1 ? "item" : "items"} {addedFromAgenda.join(", ")}. Nothing already on the sheet was changed.
            </div>
          )}
          <p class="govuk-body" id="sync-status" role="status" aria-live="polite"></p>
          <form method="post" action={takeMinutesUrls.page(meeting.slug)} novalidate id="take-minutes" data-slug={meeting.slug}>
            <input type="hidden" name="csrf" value={csrf} />
            <input type="hidden" name="version" value={String(version)} id="version" />
            <input type="hidden" name="att-count" value={String(people.length)} />
            <input type="hidden" name="item-count" value={String(sheet.items.length)} />
            <input type="hidden" name="agenda-items" value={(sheet.fromAgenda ?? []).join(",")} />
            <h2 class="govuk-heading-m">The meeting</h2>
            <Text id="venue" label="Venue" value={sheet.venue} errors={errors} width="govuk-!-width-full" />
            <Text id="endTime" label="Closing time (optional)" hint="24-hour clock, like 21:15" value={sheet.endTime} errors={errors} width="govuk-input--width-5" />
            <h2 class="govuk-heading-m">Attendance</h2>
            {people.map((a, i) => (
              <Person i={i} a={a} errors={errors} />
            ))}
            <h2 class="govuk-heading-m">Items</h2>
            {sheet.items.map((it, i) => {
              const p = `item-${i}`;
              // the declarations made, and a blank one for the next
              const declarations = [...it.declarations, { name: "", kind: "" as const, description: "" }];
              return (
                <fieldset class="govuk-fieldset quorum-item" id={p}>
                  <legend class="govuk-fieldset__legend govuk-fieldset__legend--m">
                    Item {it.number}
                    {it.title ? `: ${it.title}` : ""}
                  </legend>
                  <Text id={`${p}-number`} label="Number" value={it.number} errors={errors} width="govuk-input--width-4" />
                  <Text id={`${p}-title`} label="Title" value={it.title} errors={errors} width="govuk-!-width-full" />
                  <div class="govuk-form-group">
                    <div class="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
                      <div class="govuk-checkboxes__item">
                        <input class="govuk-checkboxes__input" id={`${p}-exempt`} name={`${p}-exempt`} type="checkbox" value="yes" checked={it.exempt} />
                        <label class="govuk-label govuk-checkboxes__label" for={`${p}-exempt`}>
                          Exempt: considered in private
                        </label>
                      </div>
                    </div>
                  </div>
                  <Text id={`${p}-paragraphs`} label="Schedule 12A paragraph, when exempt" value={it.exemptParagraphs} errors={errors} width="govuk-input--width-4" />
                  <Area id={`${p}-text`} label="Minute" value={it.text} errors={errors} rows={5} />
                  <Area id={`${p}-resolution`} label="Decision (RESOLVED), if any" value={it.resolution} errors={errors} rows={3} />
                  <div class="quorum-votes">
                    <Text id={`${p}-for`} label="Votes for" value={it.votesFor} errors={errors} width="govuk-input--width-3" />
                    <Text id={`${p}-against`} label="Votes against" value={it.votesAgainst} errors={errors} width="govuk-input--width-3" />
                    <Text id={`${p}-abstain`} label="Abstentions" value={it.votesAbstain} errors={errors} width="govuk-input--width-3" />
                  </div>
                  <Text id={`${p}-names-for`} label="Named votes for (optional)" hint="Names separated by commas" value={it.namesFor} errors={errors} width="govuk-!-width-full" />
                  <Text id={`${p}-names-against`} label="Named votes against (optional)" hint="Names separated by commas" value={it.namesAgainst} errors={errors} width="govuk-!-width-full" />
                  <Text id={`${p}-names-abstain`} label="Named abstentions (optional)" hint="Names separated by commas" value={it.namesAbstain} errors={errors} width="govuk-!-width-full" />
                  <input type="hidden" name={`${p}-decl-count`} value={String(declarations.length)} />
                  {declarations.map((d, j) => (
                    <fieldset class="govuk-fieldset quorum-declaration">
                      <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{d.name ? `Declaration of interest: ${d.name}` : "Declaration of interest (optional)"}</legend>
                      <Text id={`${p}-decl-${j}-name`} label="Who declared" value={d.name} errors={errors} />
                      <Select id={`${p}-decl-${j}-kind`} label="Kind of interest" value={d.kind} options={[["", "Not stated"], ...DECLARATION_KINDS.map((k) => [k, INTEREST_LABELS[k]] as [string, string])]} />
                      <Text id={`${p}-decl-${j}-desc`} label="The interest" value={d.description} errors={errors} width="govuk-!-width-full" />
                    </fieldset>
                  ))}
                </fieldset>
              );
            })}
            <div class="govuk-button-group">
              <button type="submit" class="govuk-button" name="action" value="save" data-module="govuk-button">
                Save
              </button>
              <button type="submit" class="govuk-button govuk-button--secondary" name="action" value="add-item" data-module="govuk-button">
                Save and add an item
              </button>
              <button type="submit" class="govuk-button govuk-button--warning" name="action" value="draft" data-module="govuk-button">
                Save as draft minutes
              </button>
            </div>
          </form>
        </div>
      </div>
      <script type="module" src="/assets/take-minutes.js"></script>
    </Layout>
  );
}
