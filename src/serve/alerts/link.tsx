// The "Get email alerts" link a page shows for what it is about.
import { alertUrls } from "./urls.ts";
import { searchParams } from "../../domain/alerts.ts";
import { checkSearch } from "../../store/mail/searches.ts";

export function AlertsLink({ committee }: { committee: { slug: string; name: string } }) {
  return (
    <p class="govuk-body">
      <a class="govuk-link" href={alertUrls.subscribe(committee.slug)}>
        Get email alerts<span class="govuk-visually-hidden"> for the {committee.name}</span>
      </a>
    </p>
  );
}

/** The link on search results: alerts for the same words and filters; nothing without words. */
export function SearchAlertsLink({ q, filters }: { q: string; filters: { type?: string; body?: string; authority?: string; year?: string | number } }) {
  let params: string;
  try {
    params = searchParams(checkSearch({ q, ...filters }));
  } catch {
    return null;
  }
  return (
    <p class="govuk-body">
      <a class="govuk-link" href={`${alertUrls.searchSubscribe()}?${params}`}>
        Get email alerts for this search
      </a>
    </p>
  );
}

/** The link on a person's page. */
export function PersonAlertsLink({ person }: { person: { slug: string; name: string } }) {
  return (
    <p class="govuk-body">
      <a class="govuk-link" href={alertUrls.personSubscribe(person.slug)}>
        Get email alerts<span class="govuk-visually-hidden"> about {person.name}</span>
      </a>
    </p>
  );
}

/** The link on a ward's page. */
export function WardAlertsLink({ ward }: { ward: { slug: string; name: string } }) {
  return (
    <p class="govuk-body">
      <a class="govuk-link" href={alertUrls.wardSubscribe(ward.slug)}>
        Get email alerts<span class="govuk-visually-hidden"> for {ward.name} ward</span>
      </a>
    </p>
  );
}

/** The link on a scrutiny inquiry's page (no number) or beside one of its recommendations. */
export function TrackerAlertsLink({ inquiry, number }: { inquiry: { slug: string; title: string }; number?: string }) {
  return (
    <p class="govuk-body">
      <a class="govuk-link" href={number === undefined ? alertUrls.inquirySubscribe(inquiry.slug) : alertUrls.recommendationSubscribe(inquiry.slug, number)}>
        Get email alerts<span class="govuk-visually-hidden"> about {number === undefined ? `the inquiry ${inquiry.title}` : `recommendation ${number}`}</span>
      </a>
    </p>
  );
}
