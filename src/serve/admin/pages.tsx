// The workspace pages: the dashboard and the audit log.
import type { Child } from "hono/jsx";
import { Layout } from "../components/layout.tsx";
import { can } from "../auth/policy.ts";
import { Pagination } from "../components/pagination.tsx";
import type { User } from "../../store/accounts/users.ts";
import type { AuditEntry } from "../../store/audit.ts";

const ROLE_NAMES: Record<User["role"], string> = { admin: "Administrator", clerk: "Clerk", officer: "Officer", member: "Member" };

export function DashboardPage({ user, canReadAudit, canManageExempt = false, canManageTracker = false, children }: { user: User; canReadAudit: boolean; canManageExempt?: boolean; canManageTracker?: boolean; children?: Child }) {
  return (
    <Layout title="Clerk's workspace">
      <h1 class="govuk-heading-l">Clerk's workspace</h1>
      <dl class="govuk-summary-list">
        <div class="govuk-summary-list__row">
          <dt class="govuk-summary-list__key">Signed in as</dt>
          <dd class="govuk-summary-list__value">
            {user.displayName} ({user.email})
          </dd>
        </div>
        <div class="govuk-summary-list__row">
          <dt class="govuk-summary-list__key">Role</dt>
          <dd class="govuk-summary-list__value">{ROLE_NAMES[user.role]}</dd>
        </div>
      </dl>
      {can(user, "imports.review", { kind: "import_review" }) && (
        <p class="govuk-body">
          <a class="govuk-link" href="/admin/imports">
            Imports to review
          </a>
          : minutes waiting to be checked and published
        </p>
      )}
      {can(user, "people.edit", { kind: "person" }) && (
        <>
          <h2 class="govuk-heading-m">People and committees</h2>
          <ul class="govuk-list">
            <li>
              <a class="govuk-link" href="/admin/people">
                People
              </a>
              : names, party, ward, memberships; merge and split
            </li>
            <li>
              <a class="govuk-link" href="/admin/committees">
                Committees
              </a>
              : names and kinds, and each committee's schedule of meetings
            </li>
            <li>
              <a class="govuk-link" href="/admin/forward-plan">
                Forward plan
              </a>
              : key decisions, their notice, and where each was taken
            </li>
          </ul>
        </>
      )}
      {canManageExempt && (
        <p class="govuk-body">
          <a class="govuk-link" href="/admin/exempt">
            Exempt business
          </a>
          : release dates, and who may read each committee’s exempt items
        </p>
      )}
      <h2 class="govuk-heading-m">Recommendations tracker</h2>
      <ul class="govuk-list">
        <li>
          <a class="govuk-link" href="/account/dashboard">
            Your tracker items
          </a>
        </li>
        {canManageTracker && (
          <>
            <li>
              <a class="govuk-link" href="/admin/tracker/updates">
                Updates waiting for review
              </a>
            </li>
            <li>
              <a class="govuk-link" href="/admin/tracker">
                Tracker owners
              </a>
              : who keeps each recommendation and action up to date
            </li>
          </>
        )}
      </ul>
      {children}
      {canReadAudit && (
        <>
          <h2 class="govuk-heading-m">Administration</h2>
          <ul class="govuk-list">
            <li>
              <a class="govuk-link" href="/admin/audit">
                Audit log
              </a>
              : who changed what, and when
            </li>
          </ul>
        </>
      )}
    </Layout>
  );
}

export interface AuditQuery {
  kind?: string;
  record?: string;
  actor?: string;
  from?: string;
  to?: string;
  page: number;
}

export const AUDIT_PAGE_SIZE = 50;

function FilterInput({ id, label, value, type = "text", hint }: { id: string; label: string; value?: string; type?: "text" | "date"; hint?: string }) {
  return (
    <div class="govuk-form-group">
      <label class="govuk-label govuk-label--s" for={id}>
        {label}
      </label>
      {hint && (
        <div class="govuk-hint" id={`${id}-hint`}>
          {hint}
        </div>
      )}
      <input class="govuk-input govuk-!-width-two-thirds" id={id} name={id} type={type} value={value} aria-describedby={hint ? `${id}-hint` : undefined} />
    </div>
  );
}

export function AuditPage({ query, entries, total, base }: { query: AuditQuery; entries: AuditEntry[]; total: number; base: URL }) {
  return (
    <Layout title="Audit log" breadcrumbs={[{ href: "/admin", text: "Clerk's workspace" }]}>
      <h1 class="govuk-heading-l">Audit log</h1>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-one-third">
          <form method="get" action="/admin/audit">
            <h2 class="govuk-heading-m">Filter</h2>
            <FilterInput id="kind" label="Kind of record" value={query.kind} hint="For example user or meeting" />
            <FilterInput id="record" label="Record" value={query.record} hint="Its email or identifier" />
            <FilterInput id="actor" label="Person" value={query.actor} hint="An email address, or cli" />
            <FilterInput id="from" label="From" type="date" value={query.from} />
            <FilterInput id="to" label="To" type="date" value={query.to} />
            <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">
              Apply filters
            </button>
          </form>
        </div>
        <div class="govuk-grid-column-two-thirds">
          <p class="govuk-body" role="status">
            {total === 1 ? "1 entry" : `${total} entries`}
          </p>
          {entries.length > 0 && (
            <table class="govuk-table">
              <caption class="govuk-table__caption govuk-table__caption--m govuk-visually-hidden">Audit entries, newest first</caption>
              <thead class="govuk-table__head">
                <tr class="govuk-table__row">
                  <th scope="col" class="govuk-table__header">When (UTC)</th>
                  <th scope="col" class="govuk-table__header">Who</th>
                  <th scope="col" class="govuk-table__header">What</th>
                  <th scope="col" class="govuk-table__header">Record</th>
                  <th scope="col" class="govuk-table__header">Change</th>
                </tr>
              </thead>
              <tbody class="govuk-table__body">
                {entries.map((e) => (
                  <tr class="govuk-table__row">
                    <td class="govuk-table__cell">{e.at.slice(0, 16).replace("T", " ")}</td>
                    <td class="govuk-table__cell">{e.actorLabel}</td>
                    <td class="govuk-table__cell">{e.action}</td>
                    <td class="govuk-table__cell">
                      {e.recordKind}
                      {e.recordId ? `: ${e.recordId}` : ""}
                    </td>
                    <td class="govuk-table__cell qm-break">
                      {e.before !== null && <div>Before: <code>{JSON.stringify(e.before)}</code></div>}
                      {e.after !== null && <div>After: <code>{JSON.stringify(e.after)}</code></div>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <Pagination base={base} page={query.page} pageSize={AUDIT_PAGE_SIZE} total={total} label="Audit log" />
        </div>
      </div>
    </Layout>
  );
}
