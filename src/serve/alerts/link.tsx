// The "Get email alerts" link a page shows for what it is about.
import { alertUrls } from "./urls.ts";

export function AlertsLink({ committee }: { committee: { slug: string; name: string } }) {
  return (
    <p class="govuk-body">
      <a class="govuk-link" href={alertUrls.subscribe(committee.slug)}>
        Get email alerts<span class="govuk-visually-hidden"> for the {committee.name}</span>
      </a>
    </p>
  );
}
