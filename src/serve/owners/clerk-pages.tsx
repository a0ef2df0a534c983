// The clerk's tracker pages: every tracked item with its owner, one item's owner/extend/close
// forms, and the queue of owners' updates to accept or reject.
import { Layout } from "../components/layout.tsx";
import { formatDate } from "../format.ts";
import { ErrorSummary, type FieldError } from "../auth/forms.tsx";
import { CLOSURE_OUTCOMES } from "../../domain/scrutiny.ts";
import type { User } from "../../store/accounts/users.ts";
import type { TrackedItem } from "../../store/owners/items.ts";
import { ACTION_CLOSURES, type OwnerUpdateView } from "../../store/owners/updates.ts";
import { ConflictPanel, SuccessBanner, type OtherChange } from "./forms.tsx";
import { Radios, Select, TextArea, TextField } from "../components/fields.tsx";
import { ItemSummary, Row, titled, UPDATE_STATUS_LABELS } from "./pages.tsx";
import { ownerUrls } from "./urls.ts";

export function TrackerItemsPage({ items }: { items: { ref: { kind: string; id: number }; heading: string; text: string; owner: string | null; parsedOwner: string | null }[] }) {
  return (
    <Layout title="Tracker owners" breadcrumbs={[{ href: "/admin", text: "Clerk's workspace" }]}>
      <h1 class="govuk-heading-l">Tracker owners</h1>
      <p class="govuk-body">
        <a class="govuk-link" href={ownerUrls.queue()}>
          Updates waiting for review
        </a>
      </p>
      <table class="govuk-table">
        <caption class="govuk-table__caption govuk-table__caption--m govuk-visually-hidden">Tracked recommendations and actions</caption>
        <thead class="govuk-table__head">
          <tr class="govuk-table__row">
            <th scope="col" class="govuk-table__header">Item</th>
            <th scope="col" class="govuk-table__header">Named in the minutes</th>
            <th scope="col" class="govuk-table__header">Owner</th>
          </tr>
        </thead>
        <tbody class="govuk-table__body">
          {items.map((i) => (
            <tr class="govuk-table__row">
              <td class="govuk-table__cell">
                <a class="govuk-link" href={ownerUrls.item(i.ref)}>
                  {i.heading}
                </a>
                <br />
                {i.text}
              </td>
              <td class="govuk-table__cell">{i.parsedOwner ?? "Not stated"}</td>
              <td class="govuk-table__cell">{i.owner ?? "No owner"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Layout>
  );
}

export interface ItemFormValues {
  owner?: string;
  due?: string;
  reason?: string;
  outcome?: string;
  date?: string;
  note?: string;
}

export function ItemPage({ item, csrf, people, values, errors, conflict, notice }: { item: TrackedItem; csrf: string; people: User[]; values: ItemFormValues; errors: FieldError[]; conflict?: OtherChange[]; notice?: string }) {
  const outcomes = (item.kind === "recommendation" ? CLOSURE_OUTCOMES : ACTION_CLOSURES).map((o) => ({ value: o, text: UPDATE_STATUS_LABELS[o] }));
  return (
    <Layout title={titled(item.heading, errors, conflict)} breadcrumbs={[{ href: "/admin", text: "Clerk's workspace" }, { href: ownerUrls.items(), text: "Tracker owners" }]}>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <SuccessBanner text={notice} />
          {conflict && <ConflictPanel changes={conflict} />}
          <ErrorSummary errors={errors} />
          <h1 class="govuk-heading-l">{item.heading}</h1>
          <ItemSummary item={item} />

          <h2 class="govuk-heading-m">Owner</h2>
          <form method="post" action={ownerUrls.assign(item)} novalidate>
            <input type="hidden" name="csrf" value={csrf} />
            <input type="hidden" name="version" value={String(item.version)} />
            <Select
              id="owner"
              label="Who keeps this item up to date"
              options={[{ value: "", text: "No owner" }, ...people.map((p) => ({ value: String(p.id), text: `${p.displayName} (${p.role})` }))]}
              value={values.owner ?? (item.owner ? String(item.owner.id) : "")}
              errors={errors}
            />
            <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">
              Save owner
            </button>
          </form>

          {!item.closed && (
            <>
              <h2 class="govuk-heading-m">Extend the deadline</h2>
              <form method="post" action={ownerUrls.extend(item)} novalidate>
                <input type="hidden" name="csrf" value={csrf} />
                <input type="hidden" name="version" value={String(item.version)} />
                <TextField id="due" label="New deadline" type="date" widthClass="govuk-input--width-10" value={values.due} errors={errors} />
                <TextArea id="reason" label="Reason" hint="Shown on the public tracker beside the new deadline." rows={3} value={values.reason} errors={errors} />
                <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">
                  Extend the deadline
                </button>
              </form>

              <h2 class="govuk-heading-m">Close the item</h2>
              <form method="post" action={ownerUrls.close(item)} novalidate>
                <input type="hidden" name="csrf" value={csrf} />
                <input type="hidden" name="version" value={String(item.version)} />
                <Radios id="outcome" legend="How did it close?" options={outcomes} value={values.outcome} errors={errors} />
                <TextField id="date" label="Date it closed" type="date" widthClass="govuk-input--width-10" value={values.date} errors={errors} />
                <TextArea id="note" label="Note (optional)" rows={3} value={values.note} errors={errors} />
                <button type="submit" class="govuk-button govuk-button--warning" data-module="govuk-button">
                  Close the item
                </button>
              </form>
            </>
          )}
        </div>
      </div>
    </Layout>
  );
}

export function QueuePage({ updates, csrf, errors, values, conflict, notice }: { updates: OwnerUpdateView[]; csrf: string; errors: FieldError[]; values: Record<string, string>; conflict?: OtherChange[]; notice?: string }) {
  return (
    <Layout title={titled("Updates waiting for review", errors, conflict)} breadcrumbs={[{ href: "/admin", text: "Clerk's workspace" }, { href: ownerUrls.items(), text: "Tracker owners" }]}>
      <SuccessBanner text={notice} />
      {conflict && <ConflictPanel changes={conflict} />}
      <ErrorSummary errors={errors} />
      <h1 class="govuk-heading-l" id="queue" tabindex={-1}>
        Updates waiting for review
      </h1>
      <p class="govuk-body" role="status">
        {updates.length === 1 ? "1 update is waiting." : `${updates.length} updates are waiting.`}
      </p>
      {updates.map((u) => (
        <section class="qm-item" id={`update-${u.id}`} aria-labelledby={`update-${u.id}-heading`}>
          <h2 class="govuk-heading-m" id={`update-${u.id}-heading`}>
            {u.item.heading}
          </h2>
          <dl class="govuk-summary-list">
            <Row k="Item">
              <a class="govuk-link" href={ownerUrls.item(u.ref)}>
                {u.item.text}
              </a>
            </Row>
            <Row k="From">{`${u.author.name} (${u.author.email})`}</Row>
            <Row k="Date">{formatDate(u.date)}</Row>
            <Row k="Status">{UPDATE_STATUS_LABELS[u.status]}</Row>
            <Row k="Update">{u.text}</Row>
            <Row k="Evidence">
              {u.evidenceUrl ? (
                <a class="govuk-link" href={u.evidenceUrl} rel="nofollow noopener">
                  {u.evidenceUrl}
                </a>
              ) : (
                "None given"
              )}
            </Row>
            <Row k="On the public tracker">{u.item.isPublic ? "Yes, once accepted" : "No: not public business"}</Row>
          </dl>
          <form method="post" action={ownerUrls.accept(u.id)} novalidate class="govuk-!-display-inline-block">
            <input type="hidden" name="csrf" value={csrf} />
            <input type="hidden" name="version" value={String(u.item.version)} />
            <button type="submit" class="govuk-button" data-module="govuk-button">
              Accept<span class="govuk-visually-hidden"> the update on {u.item.heading}</span>
            </button>
          </form>
          <form method="post" action={ownerUrls.reject(u.id)} novalidate>
            <input type="hidden" name="csrf" value={csrf} />
            <TextArea id={`reason-${u.id}`} label="Reason for rejecting (sent to the owner)" rows={2} value={values[`reason-${u.id}`]} errors={errors} />
            <button type="submit" class="govuk-button govuk-button--warning" data-module="govuk-button">
              Reject<span class="govuk-visually-hidden"> the update on {u.item.heading}</span>
            </button>
          </form>
        </section>
      ))}
    </Layout>
  );
}
