// The meeting page's links to its minutes as a document (Word and HTML), laid out in the usual
// council shape from the public record: exempt items by title and ground only.
export const minutesDocumentUrls = {
  docx: (slug: string) => `/meetings/${encodeURIComponent(slug)}/minutes.docx`,
  html: (slug: string) => `/meetings/${encodeURIComponent(slug)}/minutes.html`,
};

export function MinutesDownloads({ slug, title }: { slug: string; title: string }) {
  return (
    <section aria-labelledby="minutes-document">
      <h2 class="govuk-heading-m" id="minutes-document">
        The minutes as a document
      </h2>
      <ul class="govuk-list">
        <li>
          <a class="govuk-link" href={minutesDocumentUrls.docx(slug)} download>
            Download the minutes<span class="govuk-visually-hidden"> of {title}</span>
          </a>{" "}
          <span class="qm-count">(Word)</span>
        </li>
        <li>
          <a class="govuk-link" href={minutesDocumentUrls.html(slug)}>
            The minutes to print<span class="govuk-visually-hidden"> of {title}</span>
          </a>{" "}
          <span class="qm-count">(HTML)</span>
        </li>
      </ul>
    </section>
  );
}
