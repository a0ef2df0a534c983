// The pages of email alerts: asking for them, "check your email", confirming, unsubscribing and
// managing one's alerts. No account: each page after the first is reached from a link in an email.
import { Layout } from "../components/layout.tsx";
import { ErrorSummary, Input, type FieldError } from "../auth/forms.tsx";
import { urls } from "../urls.ts";
import type { Followed, Managed } from "../../store/mail/subscriptions.ts";
import { alertUrls } from "./urls.ts";
import { searchLabel, searchParams, trackerLabel, type AlertSearch } from "../../domain/alerts.ts";
import type { TrackerTarget } from "../../store/mail/tracker.ts";
import { trackerUrls } from "../tracker/urls.ts";

const titled = (title: string, errors: FieldError[]) => (errors.length ? `Error: ${title}` : title);

function Narrow({ children }: { children: unknown }) {
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">{children}</div>
    </div>
  );
}

function FrequencyRadios({ name, value, legend, idPrefix }: { name: string; value: "immediate" | "daily"; legend: string; idPrefix: string }) {
  return (
    <div class="govuk-form-group">
      <fieldset class="govuk-fieldset">
        <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{legend}</legend>
        <div class="govuk-radios" data-module="govuk-radios">
          <div class="govuk-radios__item">
            <input class="govuk-radios__input" id={`${idPrefix}-immediate`} name={name} type="radio" value="immediate" checked={value === "immediate"} />
            <label class="govuk-label govuk-radios__label" for={`${idPrefix}-immediate`}>
              As it happens
            </label>
          </div>
          <div class="govuk-radios__item">
            <input class="govuk-radios__input" id={`${idPrefix}-daily`} name={name} type="radio" value="daily" checked={value === "daily"} />
            <label class="govuk-label govuk-radios__label" for={`${idPrefix}-daily`}>
              Once a day, in one email
            </label>
          </div>
        </div>
      </fieldset>
    </div>
  );
}

interface SubscribeFormProps {
  csrf: string;
  email?: string;
  frequency: "immediate" | "daily";
  errors: FieldError[];
}

/** The one subscribe page: what is followed and what will be sent, then the address and how often. */
function SubscribeForm({ title, heading, what, action, back, csrf, email, frequency, errors }: SubscribeFormProps & { title: string; heading: string; what: string; action: string; back: { href: string; text: string } }) {
  return (
    <Layout title={titled(title, errors)}>
      <Narrow>
        <ErrorSummary errors={errors} />
        <h1 class="govuk-heading-l">{heading}</h1>
        <p class="govuk-body">{what} You do not need an account.</p>
        <form method="post" action={action} novalidate>
          <input type="hidden" name="csrf" value={csrf} />
          <Input id="email" label="Email address" type="email" autocomplete="email" value={email} hint="We will send a link to confirm it. Nothing else is sent until you use it." errors={errors} />
          <FrequencyRadios name="frequency" value={frequency} legend="How often" idPrefix="frequency" />
          <button type="submit" class="govuk-button" data-module="govuk-button">
            Send confirmation email
          </button>
        </form>
        <p class="govuk-body">
          <a class="govuk-link" href={back.href}>
            {back.text}
          </a>
        </p>
      </Narrow>
    </Layout>
  );
}

export function SubscribePage({ committee, ...form }: SubscribeFormProps & { committee: { slug: string; name: string } }) {
  return (
    <SubscribeForm
      {...form}
      title={`Get email alerts: ${committee.name}`}
      heading={`Get email alerts for the ${committee.name}`}
      what="We will email you when a meeting is arranged or changed, when its agenda is published, and when its minutes are published."
      action={alertUrls.subscribe(committee.slug)}
      back={{ href: urls.committee(committee.slug), text: `Back to the ${committee.name}` }}
    />
  );
}

/** Alerts for a saved search: the same form, posted with the search's words and filters. */
export function SearchSubscribePage({ search, ...form }: SubscribeFormProps & { search: AlertSearch }) {
  const name = searchLabel(search);
  const params = searchParams(search);
  return (
    <SubscribeForm
      {...form}
      title={`Get email alerts: ${name.replace(/^the search/, "search")}`}
      heading={`Get email alerts for ${name}`}
      what="We will email you when a newly published agenda or set of minutes has something this search finds, with links to each match."
      action={`${alertUrls.searchSubscribe()}?${params}`}
      back={{ href: `${urls.search()}?${params}`, text: "Back to the search results" }}
    />
  );
}

/** Alerts for a person: minutes of meetings that name them. */
export function PersonSubscribePage({ person, ...form }: SubscribeFormProps & { person: { slug: string; name: string } }) {
  return (
    <SubscribeForm
      {...form}
      title={`Get email alerts: ${person.name}`}
      heading={`Get email alerts about ${person.name}`}
      what={`We will email you when minutes are published of a meeting that ${person.name} attended, or at which they moved or seconded a decision.`}
      action={alertUrls.personSubscribe(person.slug)}
      back={{ href: urls.person(person.slug), text: `Back to ${person.name}` }}
    />
  );
}

/** Alerts for a ward: agenda items and key decisions that name it. */
export function WardSubscribePage({ ward, ...form }: SubscribeFormProps & { ward: { slug: string; name: string; council: string } }) {
  return (
    <SubscribeForm
      {...form}
      title={`Get email alerts: ${ward.name} ward`}
      heading={`Get email alerts for ${ward.name} ward`}
      what={`We will email you when an agenda is published with an item affecting ${ward.name} ward (${ward.council}), and when a key decision affecting it is added to the forward plan.`}
      action={alertUrls.wardSubscribe(ward.slug)}
      back={{ href: urls.ward(ward.slug), text: `Back to ${ward.name} ward` }}
    />
  );
}

/** Alerts for a scrutiny inquiry (number null) or one of its recommendations. */
export function TrackerSubscribePage({ target, ...form }: SubscribeFormProps & { target: TrackerTarget }) {
  const name = trackerLabel(target.inquiry, target.number);
  const whole = target.number === null;
  return (
    <SubscribeForm
      {...form}
      title={`Get email alerts: ${name}`}
      heading={`Get email alerts for ${name}`}
      what={`We will email you when the executive's response is recorded, when a monitoring update is recorded, and when a response or an update is overdue${whole ? ", for any of its recommendations" : ""}.`}
      action={whole ? alertUrls.inquirySubscribe(target.inquiry.slug) : alertUrls.recommendationSubscribe(target.inquiry.slug, target.number!)}
      back={{ href: whole ? trackerUrls.inquiry(target.inquiry.slug) : trackerUrls.recommendation(target.inquiry.slug, target.number!), text: `Back to ${whole ? "the inquiry" : `recommendation ${target.number}`}` }}
    />
  );
}

export function CheckEmailPage({ target }: { target: Pick<Followed, "name" | "href"> }) {
  return (
    <Layout title="Check your email">
      <Narrow>
        <h1 class="govuk-heading-l">Check your email</h1>
        <p class="govuk-body">If the address can receive alerts for {target.name}, we have sent it a link to confirm them. The link works for 48 hours.</p>
        <p class="govuk-body">If you already get these alerts, nothing changes and no email is sent.</p>
        <p class="govuk-body">
          <a class="govuk-link" href={target.href}>
            Back to {target.name}
          </a>
        </p>
      </Narrow>
    </Layout>
  );
}

export function ConfirmPage({ token, csrf, email, target }: { token: string; csrf: string; email: string; target: Followed }) {
  return (
    <Layout title="Confirm your email alerts">
      <Narrow>
        <h1 class="govuk-heading-l">Confirm your email alerts</h1>
        <p class="govuk-body">
          Send alerts about {target.name} to <strong>{email}</strong>.
        </p>
        <form method="post" action={alertUrls.confirm(token)} novalidate>
          <input type="hidden" name="csrf" value={csrf} />
          <button type="submit" class="govuk-button" data-module="govuk-button">
            Confirm email alerts
          </button>
        </form>
      </Narrow>
    </Layout>
  );
}

export function ConfirmedPage({ target }: { target: Followed }) {
  return (
    <Layout title="Email alerts confirmed">
      <Narrow>
        <div class="govuk-panel govuk-panel--confirmation">
          <h1 class="govuk-panel__title">Email alerts confirmed</h1>
          <div class="govuk-panel__body">You will get alerts about {target.name}</div>
        </div>
        <p class="govuk-body">Every alert has a link to unsubscribe and a link to manage your alerts.</p>
        <p class="govuk-body">
          <a class="govuk-link" href={target.href}>
            Back to {target.name}
          </a>
        </p>
      </Narrow>
    </Layout>
  );
}

export function UnsubscribePage({ token, managed }: { token: string; managed: Managed }) {
  const what = managed.unsubscribes === "all" ? "all your email alerts" : "the alerts this email was about";
  return (
    <Layout title="Unsubscribe from email alerts">
      <Narrow>
        <h1 class="govuk-heading-l">Unsubscribe from email alerts</h1>
        <p class="govuk-body">
          Stop {what} to <strong>{managed.email}</strong>.
        </p>
        <form method="post" action={alertUrls.unsubscribe(token)} novalidate>
          <button type="submit" class="govuk-button govuk-button--warning" data-module="govuk-button">
            Unsubscribe
          </button>
        </form>
        <p class="govuk-body">
          <a class="govuk-link" href={alertUrls.manage(token)}>
            Manage your alerts instead
          </a>
        </p>
      </Narrow>
    </Layout>
  );
}

export function UnsubscribedPage({ token, email }: { token: string; email: string }) {
  return (
    <Layout title="You have unsubscribed">
      <Narrow>
        <div class="govuk-panel govuk-panel--confirmation">
          <h1 class="govuk-panel__title">You have unsubscribed</h1>
          <div class="govuk-panel__body">No more of these alerts will be sent to {email}</div>
        </div>
        <p class="govuk-body">
          <a class="govuk-link" href={alertUrls.manage(token)}>
            Manage your other alerts
          </a>
        </p>
      </Narrow>
    </Layout>
  );
}

export function ManagePage({ token, csrf, managed, notice, errors }: { token: string; csrf: string; managed: Managed; notice?: string; errors: FieldError[] }) {
  return (
    <Layout title={titled("Manage your email alerts", errors)}>
      <Narrow>
        <ErrorSummary errors={errors} />
        {notice && (
          <div class="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="notice-title" data-module="govuk-notification-banner">
            <div class="govuk-notification-banner__header">
              <h2 class="govuk-notification-banner__title" id="notice-title">
                Success
              </h2>
            </div>
            <div class="govuk-notification-banner__content">
              <p class="govuk-notification-banner__heading">{notice}</p>
            </div>
          </div>
        )}
        <h1 class="govuk-heading-l">Manage your email alerts</h1>
        <p class="govuk-body">
          Alerts sent to <strong>{managed.email}</strong>.
        </p>
        {managed.subscriptions.length === 0 && <p class="govuk-body">You have no email alerts.</p>}
        {managed.subscriptions.map((s) => (
          <div class="govuk-summary-card">
            <div class="govuk-summary-card__title-wrapper">
              <h2 class="govuk-summary-card__title">
                <a class="govuk-link" href={s.target.href}>
                  {s.target.title}
                </a>
              </h2>
            </div>
            <div class="govuk-summary-card__content">
              {s.status === "pending" ? (
                <p class="govuk-body">Waiting for you to confirm it from the email we sent.</p>
              ) : (
                <form method="post" action={alertUrls.manage(token)} novalidate>
                  <input type="hidden" name="csrf" value={csrf} />
                  <input type="hidden" name="subscription" value={String(s.id)} />
                  <FrequencyRadios name="frequency" value={s.frequency} legend={`How often, for ${s.target.name}`} idPrefix={`frequency-${s.id}`} />
                  <div class="govuk-button-group">
                    <button type="submit" name="action" value="frequency" class="govuk-button govuk-button--secondary" data-module="govuk-button">
                      Save how often
                    </button>
                    <button type="submit" name="action" value="remove" class="govuk-button govuk-button--warning" data-module="govuk-button">
                      Remove this alert
                    </button>
                  </div>
                </form>
              )}
            </div>
          </div>
        ))}
      </Narrow>
    </Layout>
  );
}

export function AlertLinkUnusablePage() {
  return (
    <Layout title="This link cannot be used">
      <Narrow>
        <h1 class="govuk-heading-l">This link cannot be used</h1>
        <p class="govuk-body">The link has expired, has already been used, or is not complete. A confirmation link works once, for 48 hours.</p>
        <p class="govuk-body">You can ask for email alerts again from any committee's page.</p>
        <p class="govuk-body">
          <a class="govuk-link" href={urls.committees()}>
            Committees
          </a>
        </p>
      </Narrow>
    </Layout>
  );
}
