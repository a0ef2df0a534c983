import type { SourceDocumentView } from "../../store/read/types.ts";
import { Layout } from "../components/layout.tsx";
import { formatDate } from "../format.ts";
import { urls } from "../urls.ts";

export function DocumentPage({ doc, meetingTitle }: { doc: SourceDocumentView; meetingTitle: string | null }) {
  const lines = doc.text.split("\n");
  const crumbs = [{ href: urls.home(), text: "Home" }];
  if (meetingTitle) crumbs.push({ href: urls.meeting(doc.meeting.slug), text: meetingTitle });
  return (
    <Layout title={`Minutes text: ${doc.fileName}`} breadcrumbs={crumbs}>
      <span class="govuk-caption-l">Source document</span>
      <h1 class="govuk-heading-l">{meetingTitle ? `Minutes of ${meetingTitle}` : doc.fileName}</h1>
      <dl class="govuk-summary-list">
        <div class="govuk-summary-list__row">
          <dt class="govuk-summary-list__key">File</dt>
          <dd class="govuk-summary-list__value">
            {doc.fileName} ({doc.format.toUpperCase()}, {Math.max(1, Math.round(doc.byteLength / 1024))} KB)
          </dd>
        </div>
        <div class="govuk-summary-list__row">
          <dt class="govuk-summary-list__key">Imported</dt>
          <dd class="govuk-summary-list__value">{formatDate(doc.importedAt.slice(0, 10))}</dd>
        </div>
      </dl>
      <p class="govuk-body">
        This is the text read from the published minutes, with line numbers. Each value on the meeting page links to the line it came from. Text of items considered in private
        (exempt information) is withheld.
      </p>
      {doc.exemptShown && (
        <div class="govuk-warning-text">
          <span class="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong class="govuk-warning-text__text">
            <span class="govuk-visually-hidden">Warning: </span>
            Exempt — not for publication. You are signed in and entitled to this committee’s exempt business, so its text is shown here between “[Exempt — not for publication: …]” and
            “[end of exempt information]”.
          </strong>
        </div>
      )}
      <p class="govuk-body qm-noprint">
        <a class="govuk-link" href={urls.minutesText(doc.meeting.slug)} download>
          Download this text
        </a>
        {" · "}
        <a class="govuk-link" href={urls.meeting(doc.meeting.slug)}>
          Back to the meeting
        </a>
      </p>
      <div class="qm-text" role="region" aria-label="Minutes text with line numbers" tabindex={0}>
        <ol>
          {lines.map((text, i) => (
            <li id={`L${i + 1}`}>
              <a class="qm-ln" href={`#L${i + 1}`} aria-label={`Line ${i + 1}`}>
                {i + 1}
              </a>
              <span>{text || " "}</span>
            </li>
          ))}
        </ol>
      </div>
    </Layout>
  );
}
