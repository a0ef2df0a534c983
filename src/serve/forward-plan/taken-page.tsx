// Choosing where a key decision was taken: meetings of its committee near the expected date, or one
// found by its address, then the resolution (or the meeting alone).
import { Layout } from "../components/layout.tsx";
import { ErrorSummary, type FieldError } from "../auth/forms.tsx";
import type { KeyDecisionView } from "../../store/forward-plan/read.ts";
import type { MeetingChoice } from "../../store/forward-plan/taken.ts";
import { Radios, TextField } from "../components/fields.tsx";
import { titled } from "../people-admin/person-pages.tsx";
import { formatDate } from "../format.ts";
import { PLAN, WORKSPACE } from "./admin-pages.tsx";
import { when } from "./describe.ts";
import { planUrls } from "./urls.ts";

export function TakenPage({ d, csrf, suggestions, chosen, meeting, errors }: { d: KeyDecisionView; csrf: string; suggestions: MeetingChoice[]; chosen: MeetingChoice | null; meeting?: string; errors: FieldError[] }) {
  const options: { value: string; text: string }[] = [];
  for (const i of chosen?.items ?? []) {
    for (const r of i.resolutions) options.push({ value: `${i.number}|${r.position}`, text: `Item ${i.number} ${i.title}${i.resolutions.length > 1 ? `, decision ${r.position}` : ""}: ${r.text.slice(0, 160)}${r.text.length > 160 ? "…" : ""}` });
    if (!i.resolutions.length) options.push({ value: `${i.number}|`, text: `Item ${i.number} ${i.title} (no decision recorded)` });
  }
  options.push({ value: "|", text: "The meeting, without choosing an item" });
  return (
    <Layout title={titled("Where was it taken?", errors)} breadcrumbs={[WORKSPACE, PLAN, { href: planUrls.admin.edit(d.slug), text: d.reference ?? "Key decision" }]}>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <ErrorSummary errors={errors} />
          <span class="govuk-caption-l">{d.reference ? `${d.reference}: ` : ""}{d.decision}</span>
          <h1 class="govuk-heading-l">Where was it taken?</h1>
          {d.body ? (
            suggestions.length ? (
              <>
                <h2 class="govuk-heading-m">Meetings of {d.body.name} near {when(d.plannedDate)}</h2>
                <ul class="govuk-list">
                  {suggestions.map((m) => (
                    <li>
                      <a class="govuk-link" href={planUrls.admin.taken(d.slug, m.slug)}>
                        {m.body}, {formatDate(m.date)}
                      </a>
                      {chosen?.slug === m.slug && <strong> (chosen)</strong>}
                    </li>
                  ))}
                </ul>
              </>
            ) : (
              <p class="govuk-body">No meeting of {d.body.name} is recorded near {when(d.plannedDate)}.</p>
            )
          ) : (
            <p class="govuk-body">{d.decisionMaker} is not a committee, so no meeting is suggested.</p>
          )}
          <form method="get" action={planUrls.admin.taken(d.slug)} novalidate>
            <TextField id="meeting" label="Or give the meeting's address" hint="The last part of the meeting's page address, after /meetings/" value={meeting} errors={chosen || !meeting ? errors.filter((e) => e.field !== "meeting") : errors} />
            <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">
              Find the meeting
            </button>
          </form>
          {chosen && (
            <form method="post" action={planUrls.admin.taken(d.slug)} novalidate>
              <input type="hidden" name="csrf" value={csrf} />
              <input type="hidden" name="version" value={String(d.version)} />
              <input type="hidden" name="meeting" value={chosen.slug} />
              <h2 class="govuk-heading-m">
                {chosen.body}, {formatDate(chosen.date)}
              </h2>
              <Radios id="resolution" legend="The resolution that took the decision" value={null} options={options} errors={errors} />
              <button type="submit" class="govuk-button" data-module="govuk-button">
                Link the decision to this meeting
              </button>
            </form>
          )}
        </div>
      </div>
    </Layout>
  );
}
