// The clerk's agenda page (/admin/meetings/{slug}/agenda): items, papers, publications, and the
// forms that add to them and publish them.
import { Layout } from "../components/layout.tsx";
import { ErrorSummary, Input, type FieldError } from "../auth/forms.tsx";
import { FileField, Select, TextArea } from "../components/fields.tsx";
import { formatDate, formatLongDate } from "../format.ts";
import { urls } from "../urls.ts";
import { SCHEDULE_12A } from "../../domain/schedule-12a.ts";
import type { NoticeCheck } from "../../domain/working-days.ts";
import type { AgendaView } from "../../store/agenda/read.ts";
import { MAX_PAPER_BYTES } from "../../store/agenda/items.ts";
import { agendaUrls } from "./urls.ts";
import { takeMinutesUrls } from "../minute-taking/sheet-form.ts";
import { fileSize, publishedAt } from "./section.tsx";

export interface AgendaPageProps {
  csrf: string;
  agenda: AgendaView;
  notice: NoticeCheck;
  errors: FieldError[];
  values?: Record<string, string>;
}

/** "Public" or one of Schedule 12A's paragraphs: whether, and why, an item or paper is exempt. */
export function ExemptSelect({ id, label, value, errors }: { id: string; label: string; value?: string; errors: FieldError[] }) {
  const options = [{ value: "", text: "Public" }, ...Object.entries(SCHEDULE_12A).map(([n, text]) => ({ value: n, text: `Exempt: paragraph ${n}, ${text.toLowerCase()}` }))];
  return <Select id={id} label={label} hint="Exempt business is named on the agenda with its ground, and nothing more of it is published." options={options} value={value} errors={errors} />;
}

export function AgendaAdminPage({ csrf, agenda, notice, errors, values = {} }: AgendaPageProps) {
  const { meeting } = agenda;
  const title = `Agenda: ${meeting.bodyName}, ${formatDate(meeting.date)}`;
  const unpublished = agenda.items.some((i) => i.publicationSequence === null || i.papers.some((p) => p.publicationSequence === null));
  const nextSequence = agenda.publications.length;
  return (
    <Layout title={errors.length ? `Error: ${title}` : title} breadcrumbs={[{ href: "/admin", text: "Clerk's workspace" }]}>
      <ErrorSummary errors={errors} />
      <span class="govuk-caption-l">{meeting.bodyName}</span>
      <h1 class="govuk-heading-l">Agenda for {formatLongDate(meeting.date)}</h1>
      <dl class="govuk-summary-list">
        <div class="govuk-summary-list__row">
          <dt class="govuk-summary-list__key">Public page</dt>
          <dd class="govuk-summary-list__value">
            <a class="govuk-link" href={urls.meeting(meeting.slug)}>
              {meeting.bodyName}, {formatDate(meeting.date)}
            </a>
          </dd>
        </div>
        <div class="govuk-summary-list__row">
          <dt class="govuk-summary-list__key">Minutes</dt>
          <dd class="govuk-summary-list__value">
            <a class="govuk-link" href={takeMinutesUrls.page(meeting.slug)} id="take-minutes-link">
              Take the minutes from this agenda
            </a>
          </dd>
        </div>
        <div class="govuk-summary-list__row">
          <dt class="govuk-summary-list__key">Notice</dt>
          <dd class="govuk-summary-list__value" id="notice">
            Publishing today gives {notice.clearDays} clear working {notice.clearDays === 1 ? "day" : "days"} before the meeting; {notice.required} are needed, so the agenda is due by {formatLongDate(notice.dueBy)}.
            {notice.late && " Publishing now needs the reason it is late, which is shown with the agenda."}
          </dd>
        </div>
      </dl>

      <h2 class="govuk-heading-m">Published</h2>
      {agenda.publications.length === 0 ? (
        <p class="govuk-body">Nothing yet: the agenda and its papers are not public until they are published.</p>
      ) : (
        <table class="govuk-table">
          <caption class="govuk-table__caption govuk-visually-hidden">Publications of this agenda</caption>
          <thead class="govuk-table__head">
            <tr class="govuk-table__row">
              <th scope="col" class="govuk-table__header">Publication</th>
              <th scope="col" class="govuk-table__header">Published</th>
              <th scope="col" class="govuk-table__header">Clear working days</th>
              <th scope="col" class="govuk-table__header">Reports pack</th>
            </tr>
          </thead>
          <tbody class="govuk-table__body">
            {agenda.publications.map((p) => (
              <tr class="govuk-table__row">
                <td class="govuk-table__cell">{p.sequence === 0 ? "Agenda" : `Supplement ${p.sequence}`}</td>
                <td class="govuk-table__cell">{publishedAt(p.publishedAt, meeting.timeZone)}</td>
                <td class="govuk-table__cell">
                  {p.clearDays}
                  {p.late && <> (late: {p.lateReason})</>}
                </td>
                <td class="govuk-table__cell">
                  <a class="govuk-link" href={agendaUrls.pack(meeting.slug, p.sequence)}>
                    PDF, {p.packPages} pages, {fileSize(p.packBytes)}
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h2 class="govuk-heading-m">Items</h2>
      {agenda.items.length === 0 ? (
        <p class="govuk-body">The agenda has no items yet.</p>
      ) : (
        <ol class="govuk-list" id="agenda-items">
          {agenda.items.map((item, index) => (
            <li class="govuk-!-margin-bottom-6" id={`agenda-item-${item.id}`}>
              <h3 class="govuk-heading-s govuk-!-margin-bottom-1">
                {item.number}. {item.title}{" "}
                <strong class={`govuk-tag ${item.publicationSequence === null ? "govuk-tag--grey" : "govuk-tag--green"}`}>{item.publicationSequence === null ? "Not published" : item.publicationSequence === 0 ? "Published" : `Supplement ${item.publicationSequence}`}</strong>
                {item.exempt && (
                  <>
                    {" "}
                    <strong class="govuk-tag govuk-tag--red">Exempt, paragraph {item.exemptParagraph}</strong>
                  </>
                )}
              </h3>
              <p class="govuk-body-s govuk-!-margin-bottom-1">
                {[item.reportAuthor && `Report author: ${item.reportAuthor}`, item.wards && `Wards: ${item.wards}`, item.decisionMaker && `Decision maker: ${item.decisionMaker}`].filter(Boolean).join(". ")}
              </p>
              {item.changes.map((ch) => (
                <p class="govuk-body-s govuk-!-margin-bottom-1">
                  Changed on {formatLongDate(ch.changedOn)}: {ch.reason}
                </p>
              ))}
              <p class="govuk-body-s govuk-!-margin-bottom-1">
                <a class="govuk-link" href={agendaUrls.editItem(meeting.slug, item.id)}>
                  Change<span class="govuk-visually-hidden"> item {item.number}</span>
                </a>
              </p>
              {item.publicationSequence === null && agenda.items.length > 1 && (
                <div class="govuk-button-group govuk-!-margin-bottom-1">
                  {(["up", "down"] as const)
                    .filter((d) => (d === "up" ? index > 0 : index < agenda.items.length - 1))
                    .map((d) => (
                      <form method="post" action={agendaUrls.moveItem(meeting.slug, item.id)}>
                        <input type="hidden" name="csrf" value={csrf} />
                        <input type="hidden" name="version" value={String(agenda.version)} />
                        <input type="hidden" name="direction" value={d} />
                        <button type="submit" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" data-module="govuk-button">
                          Move {d}
                          <span class="govuk-visually-hidden"> item {item.number}</span>
                        </button>
                      </form>
                    ))}
                </div>
              )}
              {item.papers.length > 0 && (
                <ul class="govuk-list govuk-list--bullet">
                  {item.papers.map((p) => (
                    <li>
                      <a class="govuk-link" href={agendaUrls.paper(meeting.slug, p.id)}>
                        {p.title}
                      </a>{" "}
                      ({p.format === "pdf" ? "PDF" : "Word"}, {fileSize(p.byteLength)}){p.exempt && <> exempt, paragraph {p.exemptParagraph}</>}
                      {p.publicationSequence === null && (
                        <form method="post" action={agendaUrls.removePaper(meeting.slug, p.id)}>
                          <input type="hidden" name="csrf" value={csrf} />
                          <button type="submit" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0 govuk-!-margin-left-2" data-module="govuk-button">
                            Remove<span class="govuk-visually-hidden"> {p.title}</span>
                          </button>
                        </form>
                      )}
                    </li>
                  ))}
                </ul>
              )}
              {item.publicationSequence === null && (
                <form method="post" action={agendaUrls.removeItem(meeting.slug, item.id)}>
                  <input type="hidden" name="csrf" value={csrf} />
                  <button type="submit" class="govuk-button govuk-button--warning govuk-!-margin-bottom-0" data-module="govuk-button">
                    Remove item {item.number}
                  </button>
                </form>
              )}
            </li>
          ))}
        </ol>
      )}

      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <form method="post" action={agendaUrls.addItem(meeting.slug)} novalidate>
            <input type="hidden" name="csrf" value={csrf} />
            <h2 class="govuk-heading-m">Add an item</h2>
            <Input id="item-number" label="Number" type="text" autocomplete="off" value={values["item-number"]} hint="As it will be printed, for example 7 or 7a" errors={errors} />
            <Input id="item-title" label="Title" type="text" autocomplete="off" value={values["item-title"]} errors={errors} />
            <Input id="item-author" label="Report author (optional)" type="text" autocomplete="off" value={values["item-author"]} errors={errors} />
            <Input id="item-wards" label="Wards affected (optional)" type="text" autocomplete="off" value={values["item-wards"]} hint="For example: All wards, or Abbey; Castle" errors={errors} />
            <Input id="item-decision-maker" label="Decision maker (optional)" type="text" autocomplete="off" value={values["item-decision-maker"]} errors={errors} />
            <ExemptSelect id="item-exempt" label="Public or exempt" value={values["item-exempt"]} errors={errors} />
            <button type="submit" class="govuk-button" data-module="govuk-button" id="add-item">
              Add item
            </button>
          </form>

          {agenda.items.length > 0 && (
            <form method="post" action={agendaUrls.addPaper(meeting.slug)} enctype="multipart/form-data" novalidate>
              <input type="hidden" name="csrf" value={csrf} />
              <h2 class="govuk-heading-m">Upload a paper</h2>
              <Select id="paper-item" label="Agenda item" options={agenda.items.map((i) => ({ value: String(i.id), text: `${i.number}. ${i.title}` }))} value={values["paper-item"]} errors={errors} />
              <Input id="paper-title" label="Title of the paper" type="text" autocomplete="off" value={values["paper-title"]} hint="For example: Report of the Head of Planning, or Appendix A: site plan" errors={errors} />
              <FileField id="paper-file" label="File" hint={`A PDF or a Word document (DOCX), smaller than ${MAX_PAPER_BYTES / 1024 / 1024} MB`} accept=".pdf,.docx,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document" errors={errors} />
              <ExemptSelect id="paper-exempt" label="Public or exempt" value={values["paper-exempt"]} errors={errors} />
              <button type="submit" class="govuk-button" data-module="govuk-button" id="upload-paper">
                Upload paper
              </button>
            </form>
          )}

          <form method="post" action={agendaUrls.publish(meeting.slug)} novalidate>
            <input type="hidden" name="csrf" value={csrf} />
            <input type="hidden" name="version" value={String(agenda.version)} />
            <h2 class="govuk-heading-m">{nextSequence === 0 ? "Publish the agenda" : `Publish supplement ${nextSequence}`}</h2>
            {!unpublished ? (
              <p class="govuk-body" id="publish">
                {nextSequence === 0 ? "Add items before publishing the agenda." : "Everything on the agenda has been published. Add an item or a paper to publish a supplement."}
              </p>
            ) : (
              <>
                <p class="govuk-body">Everything not yet published becomes public now, with its reports pack. Published items and papers cannot be removed afterwards.</p>
                <TextArea id="late-reason" label={`Reason it is late${notice.late ? "" : " (only if late)"}`} hint={`Needed with fewer than ${notice.required} clear working days' notice; shown publicly with the agenda.`} value={values["late-reason"]} errors={errors} />
                <button type="submit" class="govuk-button" data-module="govuk-button" id="publish">
                  {nextSequence === 0 ? "Publish agenda" : `Publish supplement ${nextSequence}`}
                </button>
              </>
            )}
          </form>
        </div>
      </div>
    </Layout>
  );
}
