// /admin/imports/{id}: the source text beside the parsed record. Warnings and low-confidence values
// come first; every value links to the span it came from (`?field=PATH#Lline`: the page marks that
// span, the fragment scrolls to it, no script needed) and to its correction form. Exempt business
// is shown, marked exempt: this is the staff workspace.
import { Layout } from "../components/layout.tsx";
import { formatDate } from "../format.ts";
import { exemptNotice } from "../../store/visibility.ts";
import type { ImportReviewDetail } from "../../store/imports/read.ts";
import { fieldLabel, fieldSections, lowConfidence, type FieldRow, type FieldSection } from "./fields.ts";
import { StateTag } from "./queue-page.tsx";

export interface ReviewPageProps {
  review: ImportReviewDetail;
  field?: string;
  done?: "published" | "rejected";
  error?: string;
  csrf: string;
  canDecide: boolean;
}

const rowId = (path: string) => `f-${path.replace(/\//g, "-")}`;
const sourceHref = (path: string, line: number) => `?field=${encodeURIComponent(path)}#L${line}`;
const correctHref = (slug: string, path: string) => `/admin/meetings/${encodeURIComponent(slug)}/correct?field=${encodeURIComponent(path)}`;

function ExemptTag() {
  return <strong class="govuk-tag govuk-tag--red qm-exempt-tag">Exempt</strong>;
}

function FieldList({ section, all, slug, selected }: { section: FieldSection; all: FieldSection[]; slug: string; selected?: string }) {
  if (!section.rows.length) return <p class="govuk-body">None found.</p>;
  return (
    <dl class="govuk-summary-list">
      {section.rows.map((r) => {
        const label = fieldLabel(all, r);
        return (
          <div class={`govuk-summary-list__row${r.path === selected ? " qm-selected" : ""}`} id={rowId(r.path)}>
            <dt class="govuk-summary-list__key">{r.label}</dt>
            <dd class="govuk-summary-list__value">
              {r.exempt && (
                <>
                  <ExemptTag />{" "}
                </>
              )}
              {r.span?.implied && (
                <>
                  <strong class="govuk-tag govuk-tag--orange">Inferred</strong>{" "}
                </>
              )}
              {r.value.split("\n").map((line, i) => (i === 0 ? <span>{line}</span> : <span class="qm-line">{line}</span>))}
            </dd>
            <dd class="govuk-summary-list__actions">
              <ul class="govuk-summary-list__actions-list">
                <li class="govuk-summary-list__actions-list-item">
                  {r.span ? (
                    <a class="govuk-link" href={sourceHref(r.path, r.span.line)}>
                      Line {r.span.line}
                      <span class="govuk-visually-hidden"> of the source, for {label}</span>
                    </a>
                  ) : (
                    <span>No source</span>
                  )}
                </li>
                <li class="govuk-summary-list__actions-list-item">
                  <a class="govuk-link" href={correctHref(slug, r.path)}>
                    Correct<span class="govuk-visually-hidden"> {label}</span>
                  </a>
                </li>
              </ul>
            </dd>
          </div>
        );
      })}
    </dl>
  );
}

/** One line of the source, with the selected span marked and exempt text flagged. */
function SourceLine({ no, text, offset, mark, exempt, exemptStart }: { no: number; text: string; offset: number; mark: [number, number] | null; exempt: boolean; exemptStart: boolean }) {
  let body: unknown = text || " ";
  if (mark) {
    const s = Math.max(0, mark[0] - offset);
    const e = Math.min(text.length, mark[1] - offset);
    if (e > s) body = [text.slice(0, s), <mark class="qm-mark">{text.slice(s, e)}</mark>, text.slice(e)];
  }
  const cls = [exempt ? "qm-exempt" : "", mark ? "qm-hl" : ""].filter(Boolean).join(" ") || undefined;
  return (
    <li id={`L${no}`} class={cls}>
      <a class="qm-ln" href={`#L${no}`} aria-label={`Line ${no}`}>
        {no}
      </a>
      <span>
        {exemptStart && (
          <>
            <ExemptTag />{" "}
          </>
        )}
        {body as string}
      </span>
    </li>
  );
}

function SourceText({ text, mark, exemptRanges }: { text: string; mark: [number, number] | null; exemptRanges: [number, number][] }) {
  let offset = 0;
  const lines = text.split("\n").map((line, i) => {
    const start = offset;
    offset += line.length + 1;
    const end = start + line.length;
    const inExempt = exemptRanges.find(([s, e]) => s < Math.max(end, start + 1) && e > start);
    const exemptStart = Boolean(inExempt && inExempt[0] >= start && inExempt[0] <= end);
    const marked = mark && mark[0] <= end && mark[1] >= start && mark[1] > mark[0] ? mark : null;
    return <SourceLine no={i + 1} text={line} offset={start} mark={marked} exempt={Boolean(inExempt)} exemptStart={exemptStart} />;
  });
  return (
    <div class="qm-text qm-review-source" role="region" aria-label="Source text with line numbers" tabindex={0}>
      <ol>{lines}</ol>
    </div>
  );
}

export function ReviewPage({ review, field, done, error, csrf, canDecide }: ReviewPageProps) {
  const r = review;
  const title = `${r.committee}, ${formatDate(r.meetingDate)}`;
  const text = r.sourceText ?? "";
  const sections = fieldSections(r.record, text.length, r.exemptRanges);
  const rows = sections.flatMap((s) => s.rows);
  const selected: FieldRow | undefined = field ? rows.find((x) => x.path === field) : undefined;
  const doubtful = lowConfidence(sections);
  return (
    <Layout title={`${error ? "Error: " : ""}Review import: ${title}`} breadcrumbs={[{ href: "/admin", text: "Clerk's workspace" }, { href: "/admin/imports", text: "Imports to review" }]}>
      {error && (
        <div class="govuk-error-summary" data-module="govuk-error-summary">
          <div role="alert">
            <h2 class="govuk-error-summary__title">There is a problem</h2>
            <div class="govuk-error-summary__body">
              <ul class="govuk-list govuk-error-summary__list">
                <li>
                  <a href="#decision">{error.charAt(0).toUpperCase() + error.slice(1)}</a>
                </li>
              </ul>
            </div>
          </div>
        </div>
      )}
      {done && (
        <div class="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="done-title" data-module="govuk-notification-banner">
          <div class="govuk-notification-banner__header">
            <h2 class="govuk-notification-banner__title" id="done-title">
              Success
            </h2>
          </div>
          <div class="govuk-notification-banner__content">
            <p class="govuk-notification-banner__heading">
              {done === "published" ? (
                <>
                  Published.{" "}
                  <a class="govuk-notification-banner__link" href={`/meetings/${encodeURIComponent(r.meetingSlug)}`}>
                    View the public meeting page
                  </a>
                </>
              ) : (
                "Rejected: nothing from this import is stored."
              )}
            </p>
          </div>
        </div>
      )}
      <span class="govuk-caption-l">Import review</span>
      <h1 class="govuk-heading-l">{title}</h1>
      <dl class="govuk-summary-list govuk-summary-list--no-border">
        <div class="govuk-summary-list__row">
          <dt class="govuk-summary-list__key">State</dt>
          <dd class="govuk-summary-list__value">
            <StateTag state={r.state} />
            {r.decidedBy && ` by ${r.decidedBy} at ${r.decidedAt!.slice(0, 16).replace("T", " ")} UTC`}
          </dd>
        </div>
        <div class="govuk-summary-list__row">
          <dt class="govuk-summary-list__key">Council</dt>
          <dd class="govuk-summary-list__value">{r.council}</dd>
        </div>
        <div class="govuk-summary-list__row">
          <dt class="govuk-summary-list__key">File</dt>
          <dd class="govuk-summary-list__value qm-break">
            {r.fileName}
            {r.format ? ` (${r.format.toUpperCase()})` : ""}
          </dd>
        </div>
        <div class="govuk-summary-list__row">
          <dt class="govuk-summary-list__key">Imported</dt>
          <dd class="govuk-summary-list__value">
            {r.queuedAt.slice(0, 16).replace("T", " ")} UTC by {r.queuedBy}
          </dd>
        </div>
      </dl>

      {r.state === "pending" && r.replaces && (
        <div class="govuk-warning-text">
          <span class="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong class="govuk-warning-text__text">
            <span class="govuk-visually-hidden">Warning</span>
            Publishing replaces the published version of these minutes. Until then the public see the version published before.
          </strong>
        </div>
      )}

      <h2 class="govuk-heading-m" id="check-first">
        Check these first
      </h2>
      {r.warningList.length === 0 && doubtful.length === 0 ? (
        <p class="govuk-body">The parser gave no warnings, and read every value it found from the text.</p>
      ) : (
        <ul class="govuk-list govuk-list--bullet">
          {r.warningList.map((w) => (
            <li>
              <strong>Warning:</strong> {w}
            </li>
          ))}
          {doubtful.map(({ row, why }) => (
            <li>
              <a class="govuk-link" href={row.span ? sourceHref(row.path, row.span.line) : `#${rowId(row.path)}`}>
                {fieldLabel(sections, row)}
              </a>
              : {why}
            </li>
          ))}
        </ul>
      )}

      {r.state === "pending" && canDecide && (
        <div class="govuk-button-group" id="decision">
          <form method="post" action={`/admin/imports/${r.id}/publish`}>
            <input type="hidden" name="csrf" value={csrf} />
            <button type="submit" class="govuk-button" data-module="govuk-button">
              Publish{r.replaces ? " and replace the published version" : ""}
            </button>
          </form>
          <form method="post" action={`/admin/imports/${r.id}/reject`}>
            <input type="hidden" name="csrf" value={csrf} />
            <button type="submit" class="govuk-button govuk-button--warning" data-module="govuk-button">
              Reject
            </button>
          </form>
        </div>
      )}

      <div class="govuk-grid-row qm-review-grid">
        <div class="govuk-grid-column-one-half">
          <h2 class="govuk-heading-m">Parsed record</h2>
          {sections.map((s) => (
            <section aria-labelledby={`h-${s.id}`}>
              <h3 class="govuk-heading-s" id={`h-${s.id}`}>
                {s.exempt && (
                  <>
                    <ExemptTag />{" "}
                  </>
                )}
                {s.heading}
              </h3>
              {s.exempt && <p class="govuk-body-s">{exemptNotice(r.record.items[Number(s.id.slice(5))]?.exemptParagraphs ?? null)} Not shown to the public.</p>}
              <FieldList section={s} all={sections} slug={r.meetingSlug} selected={field} />
            </section>
          ))}
        </div>
        <div class="govuk-grid-column-one-half">
          <h2 class="govuk-heading-m">Source text</h2>
          {selected && (
            <p class="govuk-body" role="status">
              Marked: the source of {fieldLabel(sections, selected)}
              {selected.span ? `, line ${selected.span.line}${selected.span.endLine && selected.span.endLine !== selected.span.line ? ` to ${selected.span.endLine}` : ""}` : " (no source found)"}.{" "}
              <a class="govuk-link" href={`#${rowId(selected.path)}`}>
                Back to the value
              </a>
            </p>
          )}
          {r.sourceText === null ? (
            <p class="govuk-body">The document was removed when this import was rejected.</p>
          ) : (
            <SourceText text={text} mark={selected?.span ? [selected.span.start, selected.span.end] : null} exemptRanges={r.exemptRanges} />
          )}
        </div>
      </div>
    </Layout>
  );
}
