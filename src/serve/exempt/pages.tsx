// Workspace pages for exempt business: the list of exempt items with their release dates, the form
// setting one item's release date, and the form granting a person committees' exempt business.
import { FieldsetGroup } from "../components/fields.tsx";
import { Layout } from "../components/layout.tsx";
import { ErrorSummary, Input, type FieldError } from "../auth/forms.tsx";
import { CSRF_FIELD } from "../auth/csrf.ts";
import { formatDate } from "../format.ts";
import type { ExemptItem } from "../../store/exempt/release.ts";
import type { CommitteeChoice } from "../../store/exempt/access.ts";
import type { User } from "../../store/accounts/users.ts";
import { exemptNotice } from "../../store/visibility.ts";

const titled = (title: string, errors: FieldError[]) => (errors.length ? `Error: ${title}` : title);

export const releaseUrl = (i: ExemptItem) => `/admin/meetings/${i.meeting.slug}/items/${i.slug}/release`;
export const accessUrl = (userId: number) => `/admin/users/${userId}/committees`;

const crumbs = [
  { href: "/admin", text: "Clerk's workspace" },
  { href: "/admin/exempt", text: "Exempt business" },
];

export function ExemptPage({ items, people, today }: { items: ExemptItem[]; people: User[]; today: string }) {
  return (
    <Layout title="Exempt business" breadcrumbs={crumbs.slice(0, 1)}>
      <h1 class="govuk-heading-l">Exempt business</h1>
      <p class="govuk-body">
        Exempt items are shown only to signed-in staff entitled to their committee, marked “Exempt — not for publication”. From its release date an item, and
        everything read from it, is public. Today is {formatDate(today)}.
      </p>
      <h2 class="govuk-heading-m">Exempt items</h2>
      {items.length === 0 ? (
        <p class="govuk-body">No exempt items have been imported.</p>
      ) : (
        <table class="govuk-table">
          <caption class="govuk-table__caption govuk-visually-hidden">Exempt items and their release dates</caption>
          <thead class="govuk-table__head">
            <tr class="govuk-table__row">
              <th scope="col" class="govuk-table__header">
                Meeting
              </th>
              <th scope="col" class="govuk-table__header">
                Item
              </th>
              <th scope="col" class="govuk-table__header">
                Public from
              </th>
              <th scope="col" class="govuk-table__header">
                <span class="govuk-visually-hidden">Change</span>
              </th>
            </tr>
          </thead>
          <tbody class="govuk-table__body">
            {items.map((i) => (
              <tr class="govuk-table__row" id={`exempt-${i.id}`}>
                <td class="govuk-table__cell">
                  <a class="govuk-link" href={`/meetings/${i.meeting.slug}#item-${i.slug}`}>
                    {i.meeting.bodyName}, {formatDate(i.meeting.date)}
                  </a>
                </td>
                <td class="govuk-table__cell">
                  {i.number}. {i.title}
                </td>
                <td class="govuk-table__cell">{i.releaseOn ? formatDate(i.releaseOn) : "Not released"}</td>
                <td class="govuk-table__cell">
                  <a class="govuk-link" href={releaseUrl(i)}>
                    Set release date<span class="govuk-visually-hidden"> for item {i.number}, {i.meeting.bodyName}, {formatDate(i.meeting.date)}</span>
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2 class="govuk-heading-m">Who may read exempt business</h2>
      <p class="govuk-body">Clerks and administrators may read every committee’s. Officers and members read the committees granted to them.</p>
      {people.length === 0 ? (
        <p class="govuk-body">There are no officer or member accounts.</p>
      ) : (
        <ul class="govuk-list">
          {people.map((u) => (
            <li>
              <a class="govuk-link" href={accessUrl(u.id)}>
                {u.displayName}
              </a>{" "}
              ({u.role}, {u.email})
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}

export function ReleaseForm({ item, csrf, value, errors }: { item: ExemptItem; csrf: string; value: string; errors: FieldError[] }) {
  return (
    <Layout title={titled(`Release date: item ${item.number}`, errors)} breadcrumbs={crumbs}>
      <ErrorSummary errors={errors} />
      <span class="govuk-caption-l">
        {item.meeting.bodyName}, {formatDate(item.meeting.date)}
      </span>
      <h1 class="govuk-heading-l">
        Release item {item.number}: {item.title}
      </h1>
      <p class="govuk-body">{exemptNotice(item.exemptParagraphs)}</p>
      <form method="post" action={releaseUrl(item)} novalidate>
        <input type="hidden" name={CSRF_FIELD} value={csrf} />
        <Input
          id="releaseOn"
          label="Public from"
          type="text"
          autocomplete="off"
          value={value}
          hint="The date from which the item and everything read from it is public, for example 2027-03-31. Leave it empty to keep the item exempt."
          errors={errors}
        />
        <button type="submit" class="govuk-button" data-module="govuk-button">
          Save release date
        </button>
      </form>
    </Layout>
  );
}

export function AccessForm({ user, committees, csrf, errors }: { user: User; committees: CommitteeChoice[]; csrf: string; errors: FieldError[] }) {
  const error = errors[0];
  return (
    <Layout title={titled(`Exempt business: ${user.displayName}`, errors)} breadcrumbs={crumbs}>
      <ErrorSummary errors={errors} />
      <h1 class="govuk-heading-l">Exempt business {user.displayName} may read</h1>
      <form method="post" action={accessUrl(user.id)} novalidate>
        <input type="hidden" name={CSRF_FIELD} value={csrf} />
        <FieldsetGroup
          id="committees"
          groupId="committees"
          legend="Committees"
          legendClass="govuk-fieldset__legend govuk-fieldset__legend--m"
          hint={`${user.displayName} will see these committees’ exempt items, marked “Exempt — not for publication”, when signed in.`}
          error={error}
        >
            {committees.length === 0 ? (
              <p class="govuk-body">No committees have been imported.</p>
            ) : (
              <div class="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
                {committees.map((b) => (
                  <div class="govuk-checkboxes__item">
                    <input class="govuk-checkboxes__input" id={`committee-${b.id}`} name={`committee-${b.id}`} type="checkbox" value="yes" checked={b.granted} />
                    <label class="govuk-label govuk-checkboxes__label" for={`committee-${b.id}`}>
                      {b.name} <span class="govuk-visually-hidden">({b.authority})</span>
                    </label>
                  </div>
                ))}
              </div>
            )}
        </FieldsetGroup>
        <button type="submit" class="govuk-button" data-module="govuk-button">
          Save committees
        </button>
      </form>
      <p class="govuk-body">
        <a class="govuk-link" href="/admin/exempt">
          Back to exempt business
        </a>
      </p>
    </Layout>
  );
}
