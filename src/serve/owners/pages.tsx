// Pages for owners keeping the tracker current: the owner's dashboard and update form, and the
// parts the clerk's pages (clerk-pages.tsx) share with them.
import { Layout } from "../components/layout.tsx";
import { formatDate } from "../format.ts";
import { ErrorSummary, type FieldError } from "../auth/forms.tsx";
import { STATUS_LABELS, type RecommendationStatus } from "../../domain/scrutiny.ts";
import { formatLong, isCalendarDate, isCalendarMonth } from "../../domain/calendar.ts";
import type { User } from "../../store/accounts/users.ts";
import type { TrackedItem } from "../../store/owners/items.ts";
import type { OwnerUpdateView } from "../../store/owners/updates.ts";
import { UPDATE_STATUSES } from "../../store/owners/updates.ts";
import { SuccessBanner } from "./forms.tsx";
import { Radios, TextArea, TextField } from "../components/fields.tsx";
import { ownerUrls } from "./urls.ts";

export const titled = (title: string, errors: FieldError[], conflict?: unknown) => (errors.length || conflict ? `Error: ${title}` : title);

export const UPDATE_STATUS_LABELS: Record<string, string> = {
  on_track: STATUS_LABELS.on_track,
  at_risk: STATUS_LABELS.at_risk,
  off_track: STATUS_LABELS.off_track,
  open: "In progress",
  done: "Done",
  dropped: "Dropped",
  implemented: STATUS_LABELS.implemented,
  not_implemented: STATUS_LABELS.not_implemented,
  superseded: STATUS_LABELS.superseded,
};

const STATE_TAG = { pending: ["govuk-tag--yellow", "Waiting for the clerk"], accepted: ["govuk-tag--green", "Accepted"], rejected: ["govuk-tag--red", "Rejected"] } as const;

function deadlineText(d: string | null): string {
  if (!d) return "Not stated";
  return isCalendarDate(d) || isCalendarMonth(d) ? formatLong(d) : d;
}

export function Row({ k, children }: { k: string; children: unknown }) {
  return (
    <div class="govuk-summary-list__row">
      <dt class="govuk-summary-list__key">{k}</dt>
      <dd class="govuk-summary-list__value">{children}</dd>
    </div>
  );
}

/** One owned item as its owner sees it on the dashboard. */
export interface OwnedItemView {
  item: TrackedItem;
  status: string;
  nextUpdateDue: string | null;
  deadline: string | null;
  overdue: string[];
}

export function ItemSummary({ item }: { item: TrackedItem }) {
  return (
    <dl class="govuk-summary-list">
      <Row k="What">{item.text}</Row>
      <Row k="Named in the minutes">{item.parsedOwner ?? "Not stated"}</Row>
      <Row k="Owner">{item.owner ? `${item.owner.name} (${item.owner.email})` : "No owner yet"}</Row>
      <Row k="Deadline">{deadlineText(item.deadline)}</Row>
      {item.extensions.map((e) => (
        <Row k="Deadline extended">{`To ${formatDate(e.due)} on ${formatDate(e.on)}: ${e.reason}`}</Row>
      ))}
      <Row k="Closed">{item.closed ? `${UPDATE_STATUS_LABELS[item.closed.outcome]}${item.closed.date ? ` on ${formatDate(item.closed.date)}` : ""}${item.closed.note ? `: ${item.closed.note}` : ""}` : "No, still open"}</Row>
      <Row k="On the public tracker">{item.isPublic ? "Yes" : "No: not public business"}</Row>
    </dl>
  );
}

export function OwnerDashboardPage({ user, items, updates, canReview, isStaff, notice }: { user: User; items: OwnedItemView[]; updates: OwnerUpdateView[]; canReview: boolean; isStaff: boolean; notice?: string }) {
  return (
    <Layout title="Your tracker items">
      <SuccessBanner text={notice} />
      <h1 class="govuk-heading-l">Your tracker items</h1>
      <p class="govuk-body">
        Signed in as {user.displayName} ({user.email}). These are the recommendations and actions the clerk has made you the owner of. Post an update on each when it falls due; the clerk
        checks it before it appears on the public tracker.
      </p>
      {(isStaff || canReview) && (
        <ul class="govuk-list">
          {isStaff && (
            <li>
              <a class="govuk-link" href="/admin">
                Clerk's workspace
              </a>
            </li>
          )}
          {canReview && (
            <li>
              <a class="govuk-link" href={ownerUrls.queue()}>
                Updates waiting for review
              </a>
            </li>
          )}
        </ul>
      )}
      {items.length === 0 && <p class="govuk-body">You do not own any tracker items yet.</p>}
      {items.length > 0 && (
        <table class="govuk-table">
          <caption class="govuk-table__caption govuk-table__caption--m">Items you own</caption>
          <thead class="govuk-table__head">
            <tr class="govuk-table__row">
              <th scope="col" class="govuk-table__header">Item</th>
              <th scope="col" class="govuk-table__header">Status</th>
              <th scope="col" class="govuk-table__header">Next update due</th>
              <th scope="col" class="govuk-table__header">Deadline</th>
              <th scope="col" class="govuk-table__header">
                <span class="govuk-visually-hidden">Action</span>
              </th>
            </tr>
          </thead>
          <tbody class="govuk-table__body">
            {items.map((o) => (
              <tr class="govuk-table__row" id={`${o.item.kind}-${o.item.id}`}>
                <td class="govuk-table__cell">
                  <strong>{o.item.heading}</strong>
                  <br />
                  {o.item.text}
                </td>
                <td class="govuk-table__cell">
                  {STATUS_LABELS[o.status as RecommendationStatus] ?? UPDATE_STATUS_LABELS[o.status] ?? o.status}
                  {o.overdue.length > 0 && (
                    <>
                      {" "}
                      <strong class="govuk-tag govuk-tag--red">Overdue: {o.overdue.join(", ")}</strong>
                    </>
                  )}
                </td>
                <td class="govuk-table__cell">{o.nextUpdateDue ? formatDate(o.nextUpdateDue) : "None"}</td>
                <td class="govuk-table__cell">{o.deadline ? formatDate(o.deadline) : "Not stated"}</td>
                <td class="govuk-table__cell">
                  {o.item.closed ? (
                    "Closed"
                  ) : (
                    <a class="govuk-link" href={ownerUrls.postUpdate(o.item)}>
                      Post an update<span class="govuk-visually-hidden"> on {o.item.heading}</span>
                    </a>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2 class="govuk-heading-m">Your updates</h2>
      {updates.length === 0 && <p class="govuk-body">You have not posted any updates.</p>}
      <ul class="govuk-list">
        {[...updates].reverse().map((u) => (
          <li class="qm-card" id={`update-${u.id}`}>
            <p class="govuk-body govuk-!-margin-bottom-1">
              <strong class={`govuk-tag ${STATE_TAG[u.state][0]}`}>{STATE_TAG[u.state][1]}</strong> {u.item.heading}, {formatDate(u.date)}
            </p>
            <p class="govuk-body govuk-!-margin-bottom-1">
              {UPDATE_STATUS_LABELS[u.status]}: {u.text}
            </p>
            {u.rejectReason && <p class="govuk-body">Reason given by the clerk: {u.rejectReason}</p>}
          </li>
        ))}
      </ul>
    </Layout>
  );
}

export interface UpdateValues {
  status?: string;
  text?: string;
  evidence?: string;
}

export function UpdateFormPage({ item, csrf, values, errors }: { item: TrackedItem; csrf: string; values: UpdateValues; errors: FieldError[] }) {
  const options = UPDATE_STATUSES[item.kind].map((s) => ({ value: s, text: UPDATE_STATUS_LABELS[s] }));
  return (
    <Layout title={titled("Post an update", errors)} breadcrumbs={[{ href: ownerUrls.dashboard(), text: "Your tracker items" }]}>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <ErrorSummary errors={errors} />
          <span class="govuk-caption-l">{item.heading}</span>
          <h1 class="govuk-heading-l">Post an update</h1>
          <ItemSummary item={item} />
          <form method="post" action={ownerUrls.postUpdate(item)} novalidate>
            <input type="hidden" name="csrf" value={csrf} />
            <Radios id="status" legend="How is it going?" options={options} value={values.status} errors={errors} />
            <TextArea id="text" rows={5} label="What has happened since the last update" hint="This appears on the public tracker, with your name, once the clerk accepts it." value={values.text} errors={errors} />
            <TextField id="evidence" width="full" label="Link to evidence (optional)" hint="A web address starting https://, for example a published report." type="url" value={values.evidence} errors={errors} />
            <button type="submit" class="govuk-button" data-module="govuk-button">
              Send to the clerk
            </button>
          </form>
        </div>
      </div>
    </Layout>
  );
}
