// The workspace pages for committees: the list and one committee's name and kind.
import { Layout } from "../components/layout.tsx";
import { ErrorSummary, type FieldError } from "../auth/forms.tsx";
import type { AuditEntry } from "../../store/audit.ts";
import { BODY_KINDS } from "../../store/schema.ts";
import { Banner } from "../components/banner.tsx";
import { Select, TextField } from "../components/fields.tsx";
import { ConflictPanel, titled } from "./person-pages.tsx";

const crumbs = [
  { href: "/admin", text: "Clerk's workspace" },
  { href: "/admin/committees", text: "Committees" },
];
export const committeeUrl = (slug: string) => `/admin/committees/${encodeURIComponent(slug)}`;

export function CommitteesListPage({ rows }: { rows: { slug: string; name: string; kind: string; authority: string }[] }) {
  return (
    <Layout title="Committees" breadcrumbs={[crumbs[0]]}>
      <h1 class="govuk-heading-l">Committees</h1>
      <ul class="govuk-list">
        {rows.map((r) => (
          <li>
            <a class="govuk-link" href={committeeUrl(r.slug)}>
              {r.name}
            </a>{" "}
            ({r.kind}, {r.authority})
          </li>
        ))}
      </ul>
    </Layout>
  );
}

export function CommitteeEditPage({ csrf, slug, authority, name, values, version, errors, conflict, done }: { csrf: string; slug: string; authority: string; name: string; values: { name: string; kind: string }; version: number; errors: FieldError[]; conflict?: AuditEntry | null; done?: string }) {
  return (
    <Layout title={titled(`Edit ${name}`, errors)} breadcrumbs={crumbs}>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          {done && <Banner text={done} />}
          <ErrorSummary errors={errors} />
          <span class="govuk-caption-l">{authority}</span>
          <h1 class="govuk-heading-l">{name}</h1>
          <p class="govuk-body">
            <a class="govuk-link" href={`/committees/${encodeURIComponent(slug)}`}>
              View the public page
            </a>
          </p>
          <p class="govuk-body">
            <a class="govuk-link" href={`${committeeUrl(slug)}/schedule`}>
              Schedule of meetings
            </a>
          </p>
          {conflict !== undefined && <ConflictPanel entry={conflict} />}
          <form method="post" action={committeeUrl(slug)} novalidate>
            <input type="hidden" name="csrf" value={csrf} />
            <input type="hidden" name="version" value={String(version)} />
            <TextField id="name" label="Name" hint="The committee's address on this site stays the same, and later minutes that use the old name still find it." value={values.name} errors={errors} />
            <Select id="kind" label="Kind" value={values.kind} options={BODY_KINDS.map((k) => ({ value: k, text: k.charAt(0).toUpperCase() + k.slice(1) }))} errors={errors} />
            <button type="submit" class="govuk-button" data-module="govuk-button">
              Save
            </button>
          </form>
        </div>
      </div>
    </Layout>
  );
}
