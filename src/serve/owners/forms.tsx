// What the tracker's forms show beyond their fields (src/serve/components/fields.tsx): the panel
// that shows someone else's change after a conflict, and the banner that says what was done.
import { Banner } from "../components/banner.tsx";

/** What another person changed while this page was open, newest last. */
export interface OtherChange {
  at: string;
  who: string;
  what: string;
}

export function ConflictPanel({ changes }: { changes: OtherChange[] }) {
  return (
    <div class="govuk-error-summary" data-module="govuk-error-summary">
      <div role="alert">
        <h2 class="govuk-error-summary__title">Someone else changed this item while you had it open</h2>
        <div class="govuk-error-summary__body">
          <p class="govuk-body">Nothing you sent was saved. This page now shows the item as it is; check their change and try again if you still need to.</p>
          <ul class="govuk-list govuk-error-summary__list" id="other-change">
            {changes.map((ch) => (
              <li>
                {ch.at.slice(0, 16).replace("T", " ")} UTC, {ch.who}: {ch.what}
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}

/** The result of a form just sent, at the top of the page it led to. */
/** What was done, in the tracker's words. */
export function SuccessBanner({ text }: { text: string | undefined }) {
  return <Banner text={text} title="Done" />;
}
