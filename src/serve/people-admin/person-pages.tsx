// The workspace pages for people: the list, a person's details and memberships, merging, splitting
// and changing a membership. Every form carries the version it was read at.
import { Layout } from "../components/layout.tsx";
import { ErrorSummary, type FieldError } from "../auth/forms.tsx";
import type { AuditEntry } from "../../store/audit.ts";
import type { PersonForEdit } from "../../store/people/admin-read.ts";
import type { PersonFields } from "../../store/people/decisions.ts";
import { MEMBERSHIP_ROLES } from "../../store/people/memberships.ts";
import { PERSON_KINDS } from "../../store/schema.ts";
import { Banner } from "../components/banner.tsx";
import { Checkboxes, Radios, Select, TextField } from "../components/fields.tsx";

export const titled = (title: string, errors: FieldError[]) => (errors.length ? `Error: ${title}` : title);
const crumbs = [
  { href: "/admin", text: "Clerk's workspace" },
  { href: "/admin/people", text: "People" },
];
const KIND_TEXT: Record<string, string> = { member: "Member (councillor)", officer: "Officer", other: "Other" };
const ROLE_OPTIONS = MEMBERSHIP_ROLES.map((r) => ({ value: r, text: r.charAt(0).toUpperCase() + r.slice(1) }));
export const personUrl = (slug: string) => `/admin/people/${encodeURIComponent(slug)}`;

/** What someone else changed, from the audit log, shown when a save was refused as stale. */
export function ConflictPanel({ entry }: { entry: AuditEntry | null }) {
  return (
    <div class="govuk-inset-text" id="conflict">
      <h2 class="govuk-heading-s">The change saved since you opened this form</h2>
      {entry ? (
        <dl class="govuk-summary-list">
          <div class="govuk-summary-list__row">
            <dt class="govuk-summary-list__key">Who</dt>
            <dd class="govuk-summary-list__value">{entry.actorLabel}</dd>
          </div>
          <div class="govuk-summary-list__row">
            <dt class="govuk-summary-list__key">When (UTC)</dt>
            <dd class="govuk-summary-list__value">{entry.at.slice(0, 16).replace("T", " ")}</dd>
          </div>
          <div class="govuk-summary-list__row">
            <dt class="govuk-summary-list__key">What</dt>
            <dd class="govuk-summary-list__value">{entry.action}</dd>
          </div>
          <div class="govuk-summary-list__row">
            <dt class="govuk-summary-list__key">Before</dt>
            <dd class="govuk-summary-list__value qm-break">
              <code>{JSON.stringify(entry.before)}</code>
            </dd>
          </div>
          <div class="govuk-summary-list__row">
            <dt class="govuk-summary-list__key">After</dt>
            <dd class="govuk-summary-list__value qm-break">
              <code>{JSON.stringify(entry.after)}</code>
            </dd>
          </div>
        </dl>
      ) : (
        <p class="govuk-body">The record was changed, but the change is not in the audit log.</p>
      )}
      <p class="govuk-body">Your values are still in the form below. Check them against this change, then save again.</p>
    </div>
  );
}

export function PeopleListPage({ q, rows, total }: { q?: string; rows: { slug: string; name: string; kind: string; party: string | null; authority: string }[]; total: number }) {
  return (
    <Layout title="People" breadcrumbs={[crumbs[0]]}>
      <h1 class="govuk-heading-l">People</h1>
      <form method="get" action="/admin/people">
        <TextField id="q" label="Name contains" value={q} errors={[]} width="one-third" />
        <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">
          Find people
        </button>
      </form>
      <p class="govuk-body" role="status">
        {total === 1 ? "1 person" : `${total} people`}
        {total > rows.length ? `, the first ${rows.length} shown` : ""}
      </p>
      <ul class="govuk-list">
        {rows.map((r) => (
          <li>
            <a class="govuk-link" href={personUrl(r.slug)}>
              {r.name}
            </a>{" "}
            ({KIND_TEXT[r.kind] ?? r.kind}
            {r.party ? `, ${r.party}` : ""}, {r.authority})
          </li>
        ))}
      </ul>
    </Layout>
  );
}

export interface PersonPageProps {
  csrf: string;
  data: PersonForEdit;
  /** the form's values: as stored, or as sent when the form is shown again */
  values: PersonFields;
  version: number;
  errors: FieldError[];
  conflict?: AuditEntry | null;
  done?: string;
  membership?: { body?: string; role?: string; from?: string; to?: string };
}

export function PersonEditPage({ csrf, data, values, version, errors, conflict, done, membership = {} }: PersonPageProps) {
  const p = data.person;
  const url = personUrl(p.slug);
  return (
    <Layout title={titled(`Edit ${p.display_name}`, errors)} breadcrumbs={crumbs}>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          {done && <Banner text={done} />}
          <ErrorSummary errors={errors} />
          <span class="govuk-caption-l">{p.authority}</span>
          <h1 class="govuk-heading-l">{p.display_name}</h1>
          <p class="govuk-body">
            <a class="govuk-link" href={`/people/${encodeURIComponent(p.slug)}`}>
              View the public page
            </a>
          </p>
          {conflict !== undefined && <ConflictPanel entry={conflict} />}
          <form method="post" action={url} novalidate>
            <input type="hidden" name="csrf" value={csrf} />
            <input type="hidden" name="version" value={String(version)} />
            <h2 class="govuk-heading-m">Name and details</h2>
            <TextField id="displayName" label="Name as shown" hint="How the site names this person everywhere, for example Cllr Jane Smith" value={values.displayName} errors={errors} />
            <TextField id="honorific" label="Title (optional)" value={values.honorific} errors={errors} width="one-third" />
            <TextField id="forenames" label="Forenames (optional)" value={values.forenames} errors={errors} />
            <TextField id="initials" label="Initials (optional)" value={values.initials} errors={errors} width="one-third" />
            <TextField id="surname" label="Surname" value={values.surname} errors={errors} />
            <Radios id="kind" legend="Recorded as" value={values.kind} options={PERSON_KINDS.map((k) => ({ value: k, text: KIND_TEXT[k] }))} errors={errors} />
            <TextField id="party" label="Party (optional)" value={values.party} errors={errors} />
            <TextField id="ward" label="Ward (optional)" value={values.ward} errors={errors} />
            <button type="submit" class="govuk-button" data-module="govuk-button">
              Save details
            </button>
          </form>

          <h2 class="govuk-heading-m">Committee memberships</h2>
          {data.memberships.length ? (
            <table class="govuk-table">
              <caption class="govuk-table__caption govuk-visually-hidden">Committee memberships</caption>
              <thead class="govuk-table__head">
                <tr class="govuk-table__row">
                  <th scope="col" class="govuk-table__header">Committee</th>
                  <th scope="col" class="govuk-table__header">Role</th>
                  <th scope="col" class="govuk-table__header">From</th>
                  <th scope="col" class="govuk-table__header">To</th>
                  <th scope="col" class="govuk-table__header">Recorded</th>
                </tr>
              </thead>
              <tbody class="govuk-table__body">
                {data.memberships.map((m) => (
                  <tr class="govuk-table__row">
                    <td class="govuk-table__cell">{m.bodyName}</td>
                    <td class="govuk-table__cell">{m.role ?? "–"}</td>
                    <td class="govuk-table__cell">{m.from ?? "–"}</td>
                    <td class="govuk-table__cell">{m.to ?? "–"}</td>
                    <td class="govuk-table__cell">
                      {m.source === "attendance" ? (
                        "From the minutes"
                      ) : (
                        <a class="govuk-link" href={`${url}/memberships/${m.id}`}>
                          Change or end<span class="govuk-visually-hidden"> membership of {m.bodyName}</span>
                        </a>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p class="govuk-body">No memberships recorded.</p>
          )}
          <form method="post" action={`${url}/memberships`} novalidate>
            <input type="hidden" name="csrf" value={csrf} />
            <input type="hidden" name="version" value={String(version)} />
            <h3 class="govuk-heading-s">Add a membership</h3>
            <Select id="body" label="Committee" value={membership.body} options={[{ value: "", text: "Choose a committee" }, ...data.bodies.map((b) => ({ value: b.slug, text: b.name }))]} errors={errors} />
            <Select id="role" label="Role" value={membership.role ?? "member"} options={ROLE_OPTIONS} errors={errors} />
            <TextField id="from" label="From (optional)" hint="For example 2024-05-21" value={membership.from} errors={errors} width="one-third" />
            <TextField id="to" label="To (optional)" hint="Leave empty while the membership lasts" value={membership.to} errors={errors} width="one-third" />
            <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">
              Add membership
            </button>
          </form>

          <h2 class="govuk-heading-m">Merge or split</h2>
          <ul class="govuk-list">
            <li>
              <a class="govuk-link" href={`${url}/merge`}>
                Merge {p.display_name} into another person
              </a>
            </li>
            {data.attendance.length > 1 && (
              <li>
                <a class="govuk-link" href={`${url}/split`}>
                  Split {p.display_name} into two people
                </a>
              </li>
            )}
          </ul>
        </div>
      </div>
    </Layout>
  );
}

export function MergePage({ csrf, data, candidates, version, into, errors, conflict }: { csrf: string; data: PersonForEdit; candidates: { slug: string; name: string }[]; version: number; into?: string; errors: FieldError[]; conflict?: AuditEntry | null }) {
  const p = data.person;
  return (
    <Layout title={titled(`Merge ${p.display_name}`, errors)} breadcrumbs={[...crumbs, { href: personUrl(p.slug), text: p.display_name }]}>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <ErrorSummary errors={errors} />
          <h1 class="govuk-heading-l">Merge {p.display_name} into another person</h1>
          {conflict !== undefined && <ConflictPanel entry={conflict} />}
          <p class="govuk-body">
            Everything recorded for {p.display_name} ({data.attendance.length === 1 ? "1 meeting" : `${data.attendance.length} meetings`}, declarations, motions and memberships) moves to the person you choose. {p.display_name}'s page will then lead to theirs. Later imports keep the merge.
          </p>
          <form method="post" action={`${personUrl(p.slug)}/merge`} novalidate>
            <input type="hidden" name="csrf" value={csrf} />
            <input type="hidden" name="version" value={String(version)} />
            <Select id="into" label="Person to keep" value={into} options={[{ value: "", text: "Choose a person" }, ...candidates.map((c) => ({ value: c.slug, text: `${c.name} (${c.slug})` }))]} errors={errors} />
            <button type="submit" class="govuk-button govuk-button--warning" data-module="govuk-button">
              Merge
            </button>
          </form>
        </div>
      </div>
    </Layout>
  );
}

export function SplitPage({ csrf, data, version, chosen, errors, conflict }: { csrf: string; data: PersonForEdit; version: number; chosen: string[]; errors: FieldError[]; conflict?: AuditEntry | null }) {
  const p = data.person;
  return (
    <Layout title={titled(`Split ${p.display_name}`, errors)} breadcrumbs={[...crumbs, { href: personUrl(p.slug), text: p.display_name }]}>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <ErrorSummary errors={errors} />
          <h1 class="govuk-heading-l">Split {p.display_name} into two people</h1>
          {conflict !== undefined && <ConflictPanel entry={conflict} />}
          <form method="post" action={`${personUrl(p.slug)}/split`} novalidate>
            <input type="hidden" name="csrf" value={csrf} />
            <input type="hidden" name="version" value={String(version)} />
            <Checkboxes
              id="rows"
              legend="Which of these belong to someone else?"
              hint="They become a new person. Later imports keep the split."
              checked={chosen}
              options={data.attendance.map((a) => ({ value: String(a.id), text: `${a.date}, ${a.body}: written as “${a.name}”` }))}
              errors={errors}
            />
            <button type="submit" class="govuk-button govuk-button--warning" data-module="govuk-button">
              Split
            </button>
          </form>
        </div>
      </div>
    </Layout>
  );
}

export function MembershipPage({ csrf, data, id, version, values, errors, conflict }: { csrf: string; data: PersonForEdit; id: number; version: number; values: { role?: string | null; from?: string | null; to?: string | null; on?: string }; errors: FieldError[]; conflict?: AuditEntry | null }) {
  const p = data.person;
  const m = data.memberships.find((x) => x.id === id)!;
  const url = `${personUrl(p.slug)}/memberships/${id}`;
  return (
    <Layout title={titled(`Membership of ${m.bodyName}`, errors)} breadcrumbs={[...crumbs, { href: personUrl(p.slug), text: p.display_name }]}>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <ErrorSummary errors={errors} />
          <span class="govuk-caption-l">{p.display_name}</span>
          <h1 class="govuk-heading-l">Membership of {m.bodyName}</h1>
          {conflict !== undefined && <ConflictPanel entry={conflict} />}
          <form method="post" action={url} novalidate>
            <input type="hidden" name="csrf" value={csrf} />
            <input type="hidden" name="version" value={String(version)} />
            <Select id="role" label="Role" value={values.role ?? "member"} options={ROLE_OPTIONS} errors={errors} />
            <TextField id="from" label="From (optional)" hint="For example 2024-05-21" value={values.from} errors={errors} width="one-third" />
            <TextField id="to" label="To (optional)" hint="Leave empty while the membership lasts" value={values.to} errors={errors} width="one-third" />
            <button type="submit" class="govuk-button" data-module="govuk-button">
              Save membership
            </button>
          </form>
          <form method="post" action={`${url}/end`} novalidate>
            <input type="hidden" name="csrf" value={csrf} />
            <input type="hidden" name="version" value={String(version)} />
            <h2 class="govuk-heading-m">End this membership</h2>
            <TextField id="on" label="Last day" hint="For example 2024-05-21" value={values.on} errors={errors} width="one-third" />
            <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">
              End membership
            </button>
          </form>
        </div>
      </div>
    </Layout>
  );
}
