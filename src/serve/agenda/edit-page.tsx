// The clerk's page for changing one agenda item (/admin/meetings/{slug}/agenda/items/{id}): the
// add form's fields, prefilled, and for a published item the reason for the change, which is shown
// publicly with the agenda.
import { Layout } from "../components/layout.tsx";
import { ErrorSummary, Input, type FieldError } from "../auth/forms.tsx";
import { formatDate } from "../format.ts";
import type { AgendaItemView, AgendaView } from "../../store/agenda/read.ts";
import { agendaUrls } from "./urls.ts";
import { ExemptSelect } from "./pages.tsx";
import { TextArea } from "../components/fields.tsx";

export interface EditItemPageProps {
  csrf: string;
  agenda: AgendaView;
  item: AgendaItemView;
  errors: FieldError[];
  /** the form as sent; the item as stored when absent */
  values?: Record<string, string>;
}

export function itemValues(item: AgendaItemView): Record<string, string> {
  return {
    "item-number": item.number,
    "item-title": item.title,
    "item-author": item.reportAuthor ?? "",
    "item-wards": item.wards ?? "",
    "item-decision-maker": item.decisionMaker ?? "",
    "item-exempt": item.exempt ? (item.exemptParagraph ?? "") : "",
  };
}

export function EditItemPage({ csrf, agenda, item, errors, values }: EditItemPageProps) {
  const { meeting } = agenda;
  const v = values ?? itemValues(item);
  const published = item.publicationSequence !== null;
  const title = `Change item ${item.number}: ${meeting.bodyName}, ${formatDate(meeting.date)}`;
  return (
    <Layout
      title={errors.length ? `Error: ${title}` : title}
      breadcrumbs={[
        { href: "/admin", text: "Clerk's workspace" },
        { href: agendaUrls.admin(meeting.slug), text: `Agenda, ${formatDate(meeting.date)}` },
      ]}
    >
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <ErrorSummary errors={errors} />
          <span class="govuk-caption-l">{meeting.bodyName}</span>
          <h1 class="govuk-heading-l">
            Change item {item.number}: {item.title}
          </h1>
          {published && (
            <div class="govuk-inset-text" id="published-note">
              This item has been published. A change is shown on the agenda with the date and the reason you give.
            </div>
          )}
          <form method="post" action={agendaUrls.editItem(meeting.slug, item.id)} novalidate>
            <input type="hidden" name="csrf" value={csrf} />
            <input type="hidden" name="version" value={String(agenda.version)} />
            <Input id="item-number" label="Number" type="text" autocomplete="off" value={v["item-number"]} hint="As it will be printed, for example 7 or 7a" errors={errors} />
            <Input id="item-title" label="Title" type="text" autocomplete="off" value={v["item-title"]} errors={errors} />
            <Input id="item-author" label="Report author (optional)" type="text" autocomplete="off" value={v["item-author"]} errors={errors} />
            <Input id="item-wards" label="Wards affected (optional)" type="text" autocomplete="off" value={v["item-wards"]} hint="For example: All wards, or Abbey; Castle" errors={errors} />
            <Input id="item-decision-maker" label="Decision maker (optional)" type="text" autocomplete="off" value={v["item-decision-maker"]} errors={errors} />
            <ExemptSelect id="item-exempt" label="Public or exempt" value={v["item-exempt"]} errors={errors} />
            {published && (
              <TextArea id="change-reason" label="Reason for the change" hint="Shown publicly with the agenda, with today's date." value={v["change-reason"]} errors={errors} />
            )}
            <div class="govuk-button-group">
              <button type="submit" class="govuk-button" data-module="govuk-button" id="save-item">
                Save item
              </button>
              <a class="govuk-link" href={agendaUrls.admin(meeting.slug)}>
                Back to the agenda
              </a>
            </div>
          </form>
        </div>
      </div>
    </Layout>
  );
}
