// The agenda on a meeting's public page: when it was published (and why late, if it was), the
// reports packs, each item with its papers. Exempt business shows its title and ground only and
// its papers cannot be fetched, unless the viewer is entitled (the store decided: AgendaView).
import { localDateAndTime } from "../../domain/zone-format.ts";
import { NOT_FOR_PUBLICATION } from "../../store/visibility.ts";
import type { AgendaView } from "../../store/agenda/read.ts";
import { exemptGround } from "../../store/agenda/pack.ts";
import { formatLongDate } from "../format.ts";
import { agendaUrls } from "./urls.ts";
import { urls } from "../urls.ts";
import { namesAWard, wardSlug } from "../../domain/wards.ts";

export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** "10 March 2026 at 15:00", in the council's zone. */
export function publishedAt(iso: string, timeZone: string): string {
  const at = new Date(iso);
  let date: string;
  let time: string;
  try {
    ({ date, time } = localDateAndTime(at, timeZone));
  } catch {
    date = iso.slice(0, 10);
    time = iso.slice(11, 16);
  }
  return `${formatLongDate(date)} at ${time}`;
}

/** "Abbey; Castle" with each ward linked to its page; a part that names no ward ("All wards") stays as written. */
function WardLinks({ wards, council }: { wards: string; council: string }) {
  const parts = wards.split(/[;,\n]+/).map((p) => p.trim()).filter(Boolean);
  return (
    <>
      {parts.map((part, i) => (
        <>
          {i > 0 && "; "}
          {namesAWard(part) ? (
            <a class="govuk-link" href={urls.ward(wardSlug(council, part))}>
              {part}
            </a>
          ) : (
            part
          )}
        </>
      ))}
    </>
  );
}

/** `manage`: the workspace page, for a viewer who may build the agenda. */
export function AgendaSection({ agenda, manage = null }: { agenda: AgendaView | null; manage?: string | null }) {
  if (!agenda || (agenda.publications.length === 0 && !manage)) return null;
  const { meeting } = agenda;
  return (
    <section id="agenda" aria-labelledby="agenda-heading">
      <h2 class="govuk-heading-l" id="agenda-heading">
        Agenda
      </h2>
      {manage && (
        <p class="govuk-body qm-noprint">
          {agenda.publications.length === 0 && "Not published yet. "}
          <a class="govuk-link" href={manage}>
            Build and publish the agenda
          </a>
        </p>
      )}
      <ul class="govuk-list" id="agenda-publications">
        {agenda.publications.map((p) => (
          <li>
            {p.sequence === 0 ? "Agenda" : `Supplement ${p.sequence}`} published {publishedAt(p.publishedAt, meeting.timeZone)}, {p.clearDays} clear working {p.clearDays === 1 ? "day" : "days"} before the meeting.
            {p.late && (
              <div class="govuk-inset-text govuk-!-margin-top-2 govuk-!-margin-bottom-2">
                Published with less than {p.requiredDays} clear working days' notice. The reason: {p.lateReason}
              </div>
            )}{" "}
            <a class="govuk-link" href={agendaUrls.pack(meeting.slug, p.sequence)} download>
              {p.sequence === 0 ? "Agenda reports pack" : `Supplementary agenda reports pack ${p.sequence}`} (PDF, {p.packPages} pages, {fileSize(p.packBytes)})
            </a>
          </li>
        ))}
      </ul>
      <ol class="govuk-list" id="agenda-items">
        {agenda.items.map((item) => (
          <li class="govuk-!-margin-bottom-4" id={`agenda-item-${item.id}`}>
            <h3 class="govuk-heading-s govuk-!-margin-bottom-1">
              {item.number}. {item.title}
              {item.publicationSequence !== null && item.publicationSequence > 0 && (
                <>
                  {" "}
                  <strong class="govuk-tag govuk-tag--blue">Supplement {item.publicationSequence}</strong>
                </>
              )}
            </h3>
            {item.changes.map((ch) => (
              <p class="govuk-body-s govuk-!-margin-bottom-1">
                Changed on {formatLongDate(ch.changedOn)}: {ch.reason}
              </p>
            ))}
            {item.exempt && <p class="govuk-body-s govuk-!-margin-bottom-1">{exemptGround(item.exemptParagraph)}.{item.notForPublication && <strong class="govuk-tag govuk-tag--red govuk-!-margin-left-1">{NOT_FOR_PUBLICATION}</strong>}</p>}
            {!item.withheld && (item.reportAuthor || item.wards || item.decisionMaker) && (
              <dl class="govuk-summary-list govuk-summary-list--no-border govuk-!-margin-bottom-1">
                {item.reportAuthor && (
                  <div class="govuk-summary-list__row">
                    <dt class="govuk-summary-list__key">Report author</dt>
                    <dd class="govuk-summary-list__value">{item.reportAuthor}</dd>
                  </div>
                )}
                {item.wards && (
                  <div class="govuk-summary-list__row">
                    <dt class="govuk-summary-list__key">Wards affected</dt>
                    <dd class="govuk-summary-list__value">
                      <WardLinks wards={item.wards} council={meeting.councilSlug} />
                    </dd>
                  </div>
                )}
                {item.decisionMaker && (
                  <div class="govuk-summary-list__row">
                    <dt class="govuk-summary-list__key">Decision maker</dt>
                    <dd class="govuk-summary-list__value">{item.decisionMaker}</dd>
                  </div>
                )}
              </dl>
            )}
            {item.papers.length > 0 && (
              <ul class="govuk-list govuk-list--bullet">
                {item.papers.map((p) =>
                  p.downloadable ? (
                    <li>
                      <a class="govuk-link" href={agendaUrls.paper(meeting.slug, p.id)} download>
                        {p.title}
                      </a>{" "}
                      ({p.format === "pdf" ? "PDF" : "Word document"}, {fileSize(p.byteLength)})
                      {p.notForPublication && <strong class="govuk-tag govuk-tag--red govuk-!-margin-left-1">{NOT_FOR_PUBLICATION}</strong>}
                    </li>
                  ) : (
                    <li>
                      {p.title}: not available. {exemptGround(p.exemptParagraph)}.
                    </li>
                  ),
                )}
              </ul>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
