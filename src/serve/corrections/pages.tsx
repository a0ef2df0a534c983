// The correction pages: the overview of a meeting's fields (conflicts first) and one form per part
// of the record, with the GOV.UK error summary and, when someone else saved first, their change.
import { Layout } from "../components/layout.tsx";
import { ErrorSummary, type FieldError } from "../auth/forms.tsx";
import { Select, TextArea, TextField } from "../components/fields.tsx";
import type { AuditEntry } from "../../store/audit.ts";
import type { CorrectionRecord } from "../../store/corrections/corrections.ts";
import type { MeetingToCorrect, MeetingToList } from "../../store/corrections/meeting.ts";
import { Pagination } from "../components/pagination.tsx";
import type { FieldSpec, FormKind } from "./fields.ts";
import { correctUrl } from "./urls.ts";

const titled = (title: string, errors: FieldError[]) => (errors.length ? `Error: ${title}` : title);

/** A value as a person reads it. */
export function shown(v: unknown): string {
  if (v === null || v === undefined || v === "") return "(none)";
  if (typeof v === "boolean") return v ? "yes" : "no";
  if (typeof v === "object") {
    const o = v as Record<string, unknown>;
    if ("for" in o || "against" in o) return `for ${shown(o.for)}, against ${shown(o.against)}, abstain ${shown(o.abstain)}`;
    return JSON.stringify(v);
  }
  return String(v);
}

/** A correction's path in words: "Attendance 3: role". */
export function describePath(path: string): string {
  const p = path.split("/");
  if (p.length === 1) return `Meeting: ${p[0]}`;
  if (p.length === 5) return `Item ${Number(p[1]) + 1}, decision ${Number(p[3]) + 1}: ${p[4]}`;
  const kind = { attendance: "Attendee", items: "Item", declarations: "Declaration", recommendations: "Recommendation" }[p[0]] ?? p[0];
  return `${kind} ${Number(p[1]) + 1}: ${p[2]}`;
}

function meetingTitle(m: MeetingToCorrect) {
  return `${m.bodyName}, ${m.date}`;
}

function Crumbs(m: MeetingToCorrect) {
  return [
    { href: "/admin", text: "Workspace" },
    { href: correctUrl(m.slug), text: `Correct ${meetingTitle(m)}` },
  ];
}

function Changes({ changes }: { changes: AuditEntry[] }) {
  if (!changes.length) return <p class="govuk-body">The meeting was stored again since you opened this form (for example, its document was imported again).</p>;
  return (
    <ul class="govuk-list govuk-list--bullet">
      {changes.map((e) => {
        const before = ((e.before as { fields?: Record<string, unknown> } | null)?.fields ?? {}) as Record<string, unknown>;
        const after = ((e.after as { fields?: Record<string, unknown>; path?: string; value?: unknown } | null) ?? {}) as { fields?: Record<string, unknown>; path?: string; value?: unknown };
        const fields = after.fields ?? (after.path ? { [after.path]: after.value } : {});
        return (
          <li>
            {e.actorLabel} at {e.at.slice(0, 16).replace("T", " ")} UTC changed{" "}
            {Object.entries(fields).map(([path, v], i) => (
              <>
                {i > 0 && "; "}
                <strong>{describePath(path)}</strong> from “{shown(before[path])}” to “{shown(v)}”
              </>
            ))}
          </li>
        );
      })}
    </ul>
  );
}

export function StaleNotice({ changes }: { changes: AuditEntry[] }) {
  return (
    <div class="govuk-notification-banner" role="region" aria-labelledby="stale-title" data-module="govuk-notification-banner">
      <div class="govuk-notification-banner__header">
        <h2 class="govuk-notification-banner__title" id="stale-title">
          Not saved
        </h2>
      </div>
      <div class="govuk-notification-banner__content">
        <p class="govuk-notification-banner__heading">Someone else changed this meeting after you opened this form. Your change was not saved.</p>
        <Changes changes={changes} />
        <p class="govuk-body">The form below now shows the meeting as it is. Check it, make your change again if it is still needed, and save.</p>
      </div>
    </div>
  );
}

function Field({ f, value, errors }: { f: FieldSpec; value: string; errors: FieldError[] }) {
  if (f.input === "select") return <Select id={f.name} label={f.label} hint={f.hint} options={f.options!} value={value} errors={errors} />;
  if (f.input === "textarea") return <TextArea id={f.name} label={f.label} hint={f.hint} value={value} errors={errors} rows={5} />;
  const number = f.input === "number";
  return <TextField id={f.name} label={f.label} hint={f.hint} value={value} errors={errors} width="full" widthClass={number ? "govuk-input--width-4" : undefined} inputmode={number ? "numeric" : undefined} spellcheck={true} />;
}

export interface FormPageProps {
  m: MeetingToCorrect;
  kind: FormKind;
  heading: string;
  action: string;
  fields: FieldSpec[];
  values: Record<string, string>;
  /** the parsed values, shown beside each field that was corrected */
  parsed: Record<string, string>;
  reason: string;
  errors: FieldError[];
  csrf: string;
  version: number;
  stale?: AuditEntry[];
}

export function CorrectFormPage(p: FormPageProps) {
  const approved = p.m.minutesStatus === "approved";
  const title = p.stale ? `Error: ${p.heading}` : titled(p.heading, p.errors);
  return (
    <Layout title={title} breadcrumbs={Crumbs(p.m)}>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          {p.stale && <StaleNotice changes={p.stale} />}
          <ErrorSummary errors={p.errors} />
          <span class="govuk-caption-l">{meetingTitle(p.m)}</span>
          <h1 class="govuk-heading-l">{p.heading}</h1>
          {approved && <p class="govuk-inset-text">These minutes have been approved as a correct record. A change now is a correction, shown publicly with its reason.</p>}
          <form method="post" action={p.action} novalidate>
            <input type="hidden" name="csrf" value={p.csrf} />
            <input type="hidden" name="version" value={String(p.version)} />
            {p.fields.map((f) => (
              <>
                <Field f={f} value={p.values[f.name] ?? ""} errors={p.errors} />
                {p.parsed[f.name] !== undefined && p.parsed[f.name] !== p.values[f.name] && <p class="govuk-body-s qm-parsed">Read from the minutes as: “{p.parsed[f.name] || "(none)"}”</p>}
              </>
            ))}
            <TextArea id="reason" label={approved ? "Reason for the correction" : "Reason for the correction (optional)"} hint={approved ? "Shown publicly beside the corrected minutes" : "Kept with the correction and in the audit log"} value={p.reason} errors={p.errors} rows={2} />
            <div class="govuk-button-group">
              <button type="submit" class="govuk-button" data-module="govuk-button">
                Save correction
              </button>
              <a class="govuk-link" href={correctUrl(p.m.slug)}>
                Cancel
              </a>
            </div>
          </form>
        </div>
      </div>
    </Layout>
  );
}

function Row({ label, value, href, action }: { label: string; value: string; href: string; action: string }) {
  return (
    <div class="govuk-summary-list__row">
      <dt class="govuk-summary-list__key">{label}</dt>
      <dd class="govuk-summary-list__value">{value}</dd>
      <dd class="govuk-summary-list__actions">
        <a class="govuk-link" href={href}>
          Change<span class="govuk-visually-hidden"> {action}</span>
        </a>
      </dd>
    </div>
  );
}

export interface OverviewProps {
  m: MeetingToCorrect;
  corrections: CorrectionRecord[];
  csrf: string;
  saved: boolean;
  errors: FieldError[];
  stale?: AuditEntry[];
}

export function CorrectOverviewPage({ m, corrections, csrf, saved, errors, stale }: OverviewProps) {
  const r = m.corrected;
  const base = correctUrl(m.slug);
  const conflicts = corrections.filter((c) => c.state === "conflict");
  const heading = `Correct ${meetingTitle(m)}`;
  return (
    <Layout title={stale ? `Error: ${heading}` : titled(heading, errors)} breadcrumbs={[{ href: "/admin", text: "Workspace" }]}>
      {stale && <StaleNotice changes={stale} />}
      <ErrorSummary errors={errors} />
      {saved && !stale && (
        <div class="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="saved-title" data-module="govuk-notification-banner">
          <div class="govuk-notification-banner__header">
            <h2 class="govuk-notification-banner__title" id="saved-title">
              Success
            </h2>
          </div>
          <div class="govuk-notification-banner__content">
            <p class="govuk-notification-banner__heading">Your correction was saved.</p>
          </div>
        </div>
      )}
      <h1 class="govuk-heading-l">{heading}</h1>
      <p class="govuk-body">
        Minutes status: <strong>{m.minutesStatus}</strong>. Version {m.version}.{" "}
        <a class="govuk-link" href={`/meetings/${encodeURIComponent(m.slug)}`}>
          View the meeting
        </a>
      </p>
      {conflicts.length > 0 && (
        <>
          <h2 class="govuk-heading-m" id="conflicts">
            Corrections to check ({conflicts.length})
          </h2>
          <p class="govuk-body">The minutes were read again and these fields now read differently from what was corrected. Each correction still applies until you choose.</p>
          <table class="govuk-table">
            <caption class="govuk-table__caption govuk-visually-hidden">Corrections in conflict with the newly read minutes</caption>
            <thead class="govuk-table__head">
              <tr class="govuk-table__row">
                <th scope="col" class="govuk-table__header">Field</th>
                <th scope="col" class="govuk-table__header">Read before</th>
                <th scope="col" class="govuk-table__header">Read now</th>
                <th scope="col" class="govuk-table__header">Corrected to</th>
                <th scope="col" class="govuk-table__header">Choose</th>
              </tr>
            </thead>
            <tbody class="govuk-table__body">
              {conflicts.map((c) => (
                <tr class="govuk-table__row">
                  <th scope="row" class="govuk-table__header">
                    {describePath(c.path)}
                  </th>
                  <td class="govuk-table__cell">{shown(c.before)}</td>
                  <td class="govuk-table__cell">{shown(c.parsedNow)}</td>
                  <td class="govuk-table__cell">{shown(c.after)}</td>
                  <td class="govuk-table__cell">
                    <form method="post" action={`${base}/conflicts/${c.id}`} class="govuk-button-group">
                      <input type="hidden" name="csrf" value={csrf} />
                      <input type="hidden" name="version" value={String(m.version)} />
                      <button type="submit" name="choice" value="keep" class="govuk-button govuk-!-margin-bottom-1" data-module="govuk-button">
                        Keep the correction<span class="govuk-visually-hidden"> to {describePath(c.path)}</span>
                      </button>
                      <button type="submit" name="choice" value="take" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-1" data-module="govuk-button">
                        Take the new reading<span class="govuk-visually-hidden"> of {describePath(c.path)}</span>
                      </button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <h2 class="govuk-heading-m">Meeting details</h2>
      <dl class="govuk-summary-list">
        <Row label="Date" value={shown(r.date)} href={`${base}/header`} action="date" />
        <Row label="Start time" value={shown(r.startTime)} href={`${base}/header`} action="start time" />
        <Row label="End time" value={shown(r.endTime)} href={`${base}/header`} action="end time" />
        <Row label="Venue" value={shown(r.venue)} href={`${base}/header`} action="venue" />
        <Row label="Meeting status" value={shown(r.status)} href={`${base}/header`} action="meeting status" />
      </dl>
      <h2 class="govuk-heading-m">Attendance</h2>
      <dl class="govuk-summary-list">
        {r.attendance.map((a, i) => (
          <Row label={a.name} value={[a.status.replace(/_/g, " "), a.kind, a.role, a.substituteFor ? `substitute for ${a.substituteFor}` : null, a.person === "" ? "linked to no one" : a.person ? `person: ${a.person}` : null].filter(Boolean).join(", ")} href={`${base}/attendance/${i}`} action={`attendance of ${a.name}`} />
        ))}
      </dl>
      <h2 class="govuk-heading-m">Items and decisions</h2>
      <dl class="govuk-summary-list">
        {r.items.map((it, i) => (
          <>
            <Row label={`Item ${it.number}`} value={`${it.title}${it.exempt ? ` (exempt${it.exemptParagraphs ? `, paragraph ${it.exemptParagraphs}` : ""})` : ""}`} href={`${base}/items/${i}`} action={`item ${it.number}`} />
            {it.resolutions.map((res, j) => (
              <Row label={`Item ${it.number}, decision ${j + 1}`} value={`${shown(res.outcome)}${res.votes ? ` (${shown(res.votes)})` : ""}: ${res.text.length > 160 ? res.text.slice(0, 157) + "…" : res.text}`} href={`${base}/items/${i}/decisions/${j}`} action={`decision ${j + 1} of item ${it.number}`} />
            ))}
          </>
        ))}
      </dl>
      {(r.declarations ?? []).length > 0 && (
        <>
          <h2 class="govuk-heading-m">Declarations of interest</h2>
          <dl class="govuk-summary-list">
            {(r.declarations ?? []).map((d, i) => (
              <Row label={d.name} value={[d.item ? `item ${d.item}` : null, d.interest, d.description].filter(Boolean).join(", ") || "(none)"} href={`${base}/declarations/${i}`} action={`declaration by ${d.name}`} />
            ))}
          </dl>
        </>
      )}
      {r.recommendations.length > 0 && (
        <>
          <h2 class="govuk-heading-m">Recommendations and responses</h2>
          <dl class="govuk-summary-list">
            {r.recommendations.map((rec, i) => (
              <Row label={`Recommendation ${rec.number}`} value={`${rec.text.length > 120 ? rec.text.slice(0, 117) + "…" : rec.text} Response: ${shown(rec.response)}`} href={`${base}/recommendations/${i}`} action={`recommendation ${rec.number}`} />
            ))}
          </dl>
        </>
      )}
      <h2 class="govuk-heading-m">Corrections made</h2>
      {corrections.length === 0 ? (
        <p class="govuk-body">None yet.</p>
      ) : (
        <table class="govuk-table">
          <caption class="govuk-table__caption govuk-visually-hidden">Every correction of this meeting</caption>
          <thead class="govuk-table__head">
            <tr class="govuk-table__row">
              <th scope="col" class="govuk-table__header">Field</th>
              <th scope="col" class="govuk-table__header">Read from the minutes</th>
              <th scope="col" class="govuk-table__header">Corrected to</th>
              <th scope="col" class="govuk-table__header">By, when, why</th>
              <th scope="col" class="govuk-table__header">State</th>
            </tr>
          </thead>
          <tbody class="govuk-table__body">
            {corrections.map((c) => (
              <tr class="govuk-table__row">
                <td class="govuk-table__cell">{describePath(c.path)}</td>
                <td class="govuk-table__cell">{shown(c.before)}</td>
                <td class="govuk-table__cell">{shown(c.after)}</td>
                <td class="govuk-table__cell">
                  {c.author}, {c.at.slice(0, 16).replace("T", " ")} UTC{c.reason ? `: ${c.reason}` : ""}
                </td>
                <td class="govuk-table__cell">{c.state}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Layout>
  );
}

export const MEETINGS_PAGE_SIZE = 50;

export function MeetingsPage({ meetings, total, page, base }: { meetings: MeetingToList[]; total: number; page: number; base: URL }) {
  return (
    <Layout title="Correct a meeting" breadcrumbs={[{ href: "/admin", text: "Workspace" }]}>
      <h1 class="govuk-heading-l">Correct a meeting</h1>
      <p class="govuk-body">Every stored meeting, draft or published, newest first. Corrections are kept apart from what was read from the minutes, so importing the minutes again never undoes them.</p>
      {meetings.length === 0 ? (
        <p class="govuk-body">No meetings have been imported yet.</p>
      ) : (
        <table class="govuk-table">
          <caption class="govuk-table__caption govuk-visually-hidden">Stored meetings</caption>
          <thead class="govuk-table__head">
            <tr class="govuk-table__row">
              <th scope="col" class="govuk-table__header">Meeting</th>
              <th scope="col" class="govuk-table__header">Date</th>
              <th scope="col" class="govuk-table__header">Minutes</th>
              <th scope="col" class="govuk-table__header">Corrections to check</th>
            </tr>
          </thead>
          <tbody class="govuk-table__body">
            {meetings.map((m) => (
              <tr class="govuk-table__row">
                <td class="govuk-table__cell">
                  <a class="govuk-link" href={correctUrl(m.slug)}>
                    {m.bodyName}
                    <span class="govuk-visually-hidden">, {m.date}</span>
                  </a>
                </td>
                <td class="govuk-table__cell">{m.date}</td>
                <td class="govuk-table__cell">{m.minutesStatus}</td>
                <td class="govuk-table__cell">{m.conflicts || "none"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pagination base={base} page={page} pageSize={MEETINGS_PAGE_SIZE} total={total} label="Meetings" />
    </Layout>
  );
}
