// The clerk's forward plan: the list, the key decision form (add and edit, with withdrawal and the
// link to where it was taken), and choosing the meeting and resolution where it was taken.
import { Layout } from "../components/layout.tsx";
import { ErrorSummary, type FieldError } from "../auth/forms.tsx";
import type { AuditEntry } from "../../store/audit.ts";
import type { KeyDecisionView } from "../../store/forward-plan/read.ts";
import { Banner } from "../components/banner.tsx";
import { Checkboxes, Radios, Select, TextArea, TextField } from "../components/fields.tsx";
import { ConflictPanel, titled } from "../people-admin/person-pages.tsx";
import { formatDate } from "../format.ts";
import { urls } from "../urls.ts";
import { exceptionText, NOTICE, noticeDetail, when } from "./describe.ts";
import type { FormValues } from "./form.ts";
import { statusOf } from "./present.ts";
import { planUrls } from "./urls.ts";

export const WORKSPACE = { href: "/admin", text: "Clerk's workspace" };
export const PLAN = { href: planUrls.admin.list(), text: "Forward plan" };
const STATUS_TEXT = { planned: "Planned", taken: "Taken", withdrawn: "Withdrawn" } as const;

export function AdminPlanPage({ list, done }: { list: KeyDecisionView[]; done?: string }) {
  return (
    <Layout title="Forward plan" breadcrumbs={[WORKSPACE]}>
      {done && <Banner text={done} />}
      <h1 class="govuk-heading-l">Forward plan of key decisions</h1>
      <p class="govuk-body">
        Notice of a key decision is due 28 clear days before it is taken (regulations 5 and 9 of the 2012 Regulations). The check runs as you save.{" "}
        <a class="govuk-link" href={planUrls.list()}>
          View the public forward plan
        </a>
      </p>
      <a class="govuk-button" data-module="govuk-button" href={planUrls.admin.add()}>
        Add a key decision
      </a>
      {list.length === 0 ? (
        <p class="govuk-body">No key decisions yet.</p>
      ) : (
        <table class="govuk-table">
          <caption class="govuk-table__caption govuk-visually-hidden">Key decisions</caption>
          <thead class="govuk-table__head">
            <tr class="govuk-table__row">
              <th scope="col" class="govuk-table__header">
                Decision
              </th>
              <th scope="col" class="govuk-table__header">
                Decision maker
              </th>
              <th scope="col" class="govuk-table__header">
                Expected
              </th>
              <th scope="col" class="govuk-table__header">
                Status
              </th>
            </tr>
          </thead>
          <tbody class="govuk-table__body">
            {list.map((d) => (
              <tr class="govuk-table__row">
                <td class="govuk-table__cell">
                  <a class="govuk-link" href={planUrls.admin.edit(d.slug)}>
                    {d.reference ? `${d.reference}: ` : ""}
                    {d.decision}
                  </a>
                  {d.exempt && <span class="govuk-body-s"> (private, paragraph {d.exempt.paragraphs})</span>}
                </td>
                <td class="govuk-table__cell">{d.decisionMaker}</td>
                <td class="govuk-table__cell">{when(d.plannedDate)}</td>
                <td class="govuk-table__cell">
                  {STATUS_TEXT[statusOf(d)]}
                  {!d.withdrawn && (
                    <>
                      {" "}
                      <strong class={`govuk-tag ${NOTICE[d.notice.status][1]}`}>{NOTICE[d.notice.status][0]}</strong>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Layout>
  );
}

export interface FormPageProps {
  csrf: string;
  values: FormValues;
  errors: FieldError[];
  bodies: { slug: string; name: string }[];
  authorities: { slug: string; name: string }[];
  /** the stored decision, when editing */
  existing?: KeyDecisionView;
  conflict?: AuditEntry | null;
  done?: string;
  withdrawErrors?: FieldError[];
  withdrawReason?: string;
}

function DecisionFields({ values, errors, bodies, authorities }: Pick<FormPageProps, "values" | "errors" | "bodies" | "authorities">) {
  return (
    <>
      <h2 class="govuk-heading-m">The decision</h2>
      <TextField id="reference" label="Reference (optional)" hint="The forward plan's reference, for example KD-2026-14" value={values.reference} errors={errors} width="one-third" />
      <TextField id="decision" label="Decision to be taken" hint="As the public forward plan will show it, even when the decision is taken in private" value={values.decision} errors={errors} />
      <TextArea id="details" label="Details (optional)" hint="What the decision is about. Withheld from the public when it is taken in private." value={values.details} errors={errors} />
      <h2 class="govuk-heading-m">Who decides, and when</h2>
      <Select id="body" label="Decision maker" hint="A committee or the cabinet, or an officer or member named below" value={values.body} options={[{ value: "", text: "An officer or member (name below)" }, ...bodies.map((b) => ({ value: b.slug, text: b.name }))]} errors={errors} />
      <TextField id="decisionMaker" label="Officer or member who decides" hint="Only when no committee decides, for example Cabinet Member for Transport" value={values.decisionMaker} errors={errors} />
      {authorities.length > 1 && <Select id="authority" label="Council" hint="For a decision an officer or member takes" value={values.authority} options={[{ value: "", text: "Choose the council" }, ...authorities.map((a) => ({ value: a.slug, text: a.name }))]} errors={errors} />}
      <TextField id="plannedDate" label="Expected date" hint="A date, for example 2026-04-23, or only its month, for example 2026-04" value={values.plannedDate} errors={errors} width="one-third" />
      <h2 class="govuk-heading-m">Who it affects</h2>
      <TextArea id="wards" label="Wards affected (optional)" hint="One ward a line; leave empty for all wards" value={values.wards} errors={errors} />
      <TextArea id="consultees" label="Consultees (optional)" hint="Who is consulted, and how" value={values.consultees} errors={errors} />
      <TextArea id="documents" label="Documents (optional)" hint="One a line: the title, then the link, for example Cabinet report https://example.gov.uk/report.pdf. Withheld from the public when the decision is taken in private." value={values.documents} errors={errors} />
      <h2 class="govuk-heading-m">Taken in private</h2>
      <Checkboxes id="exempt" legend="Exempt information" options={[{ value: "yes", text: "The decision is to be taken in private" }]} checked={values.exempt === "yes" ? ["yes"] : []} errors={errors} />
      <TextField id="exemptParagraphs" label="Schedule 12A paragraph" hint="From 1 to 7, for example 3, or 1, 3" value={values.exemptParagraphs} errors={errors} width="one-third" />
      <TextArea id="exemptReason" label="Why it is to be taken in private" hint="Published, as regulation 5 requires" value={values.exemptReason} errors={errors} />
      <h2 class="govuk-heading-m">If notice is short</h2>
      <p class="govuk-body">Without 28 clear days' notice before the expected date, record the general exception or special urgency. What you record here is published.</p>
      <Radios
        id="exception"
        legend="Exception"
        value={values.exception || "none"}
        options={[
          { value: "none", text: "Neither: 28 clear days' notice is given" },
          { value: "general_exception", text: "General exception (regulation 10): the chair of the relevant overview and scrutiny committee has been informed, and the decision waits 5 clear days after notice" },
          { value: "special_urgency", text: "Special urgency (regulation 11): the chair has agreed that the decision is urgent and cannot reasonably be deferred" },
        ]}
        errors={errors}
      />
      <TextField id="exceptionChair" label="Chair informed, or who agreed" hint="For example Cllr Ann Smith, Chair of Overview and Scrutiny Committee" value={values.exceptionChair} errors={errors} />
      <TextField id="exceptionOn" label="Date the chair was informed or agreed" hint="For example 2026-03-02" value={values.exceptionOn} errors={errors} width="one-third" />
      <TextArea id="exceptionReason" label="Why notice was impracticable, or why it is urgent" value={values.exceptionReason} errors={errors} />
    </>
  );
}

export function KeyDecisionFormPage(p: FormPageProps) {
  const d = p.existing;
  const errors = [...p.errors, ...(p.withdrawErrors ?? [])];
  const title = d ? `Edit ${d.reference ?? "key decision"}` : "Add a key decision";
  return (
    <Layout title={titled(title, errors)} breadcrumbs={[WORKSPACE, PLAN]}>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          {p.done && <Banner text={p.done} />}
          <ErrorSummary errors={errors} />
          {d && <span class="govuk-caption-l">{d.reference ?? "Key decision"}</span>}
          <h1 class="govuk-heading-l">{d ? d.decision : title}</h1>
          {d && (
            <>
              <p class="govuk-body">
                <strong class={`govuk-tag ${NOTICE[d.notice.status][1]}`}>{NOTICE[d.notice.status][0]}</strong> {noticeDetail(d)}
              </p>
              {exceptionText(d) && <p class="govuk-body">{exceptionText(d)}</p>}
              <p class="govuk-body">
                <a class="govuk-link" href={planUrls.decision(d.slug)}>
                  View the public page
                </a>
              </p>
            </>
          )}
          {p.conflict !== undefined && <ConflictPanel entry={p.conflict} />}
          {d?.withdrawn ? (
            <div class="govuk-inset-text">
              Withdrawn on {formatDate(d.withdrawn.on)}. Why: {d.withdrawn.reason}
            </div>
          ) : (
            <form method="post" action={d ? planUrls.admin.edit(d.slug) : planUrls.admin.create()} novalidate>
              <input type="hidden" name="csrf" value={p.csrf} />
              {d && <input type="hidden" name="version" value={String(d.version)} />}
              <DecisionFields values={p.values} errors={p.errors} bodies={p.bodies} authorities={p.authorities} />
              <button type="submit" class="govuk-button" data-module="govuk-button">
                {d ? "Save changes" : "Add to the forward plan"}
              </button>
            </form>
          )}
          {d && !d.withdrawn && <TakenPanel d={d} csrf={p.csrf} />}
          {d && !d.withdrawn && !d.taken && (
            <section aria-labelledby="withdraw-heading">
              <h2 class="govuk-heading-m" id="withdraw-heading">
                Withdraw
              </h2>
              <form method="post" action={planUrls.admin.withdraw(d.slug)} novalidate>
                <input type="hidden" name="csrf" value={p.csrf} />
                <input type="hidden" name="version" value={String(d.version)} />
                <TextArea id="withdrawReason" label="Why it is withdrawn" hint="Published with the withdrawal" value={p.withdrawReason} errors={p.withdrawErrors ?? []} />
                <button type="submit" class="govuk-button govuk-button--warning" data-module="govuk-button">
                  Withdraw from the forward plan
                </button>
              </form>
            </section>
          )}
        </div>
      </div>
    </Layout>
  );
}

function TakenPanel({ d, csrf }: { d: KeyDecisionView; csrf: string }) {
  return (
    <section aria-labelledby="taken-heading">
      <h2 class="govuk-heading-m" id="taken-heading">
        Where it was taken
      </h2>
      {d.taken ? (
        <>
          <p class="govuk-body">
            <a class="govuk-link" href={urls.meeting(d.taken.meeting.slug)}>
              {d.taken.meeting.bodyName}, {formatDate(d.taken.meeting.date)}
            </a>
            {d.taken.item && <>, item {d.taken.item.number} {d.taken.item.title}</>}
            {d.taken.resolution && <>: {d.taken.resolution.text}</>}
          </p>
          <form method="post" action={planUrls.admin.untake(d.slug)} novalidate>
            <input type="hidden" name="csrf" value={csrf} />
            <input type="hidden" name="version" value={String(d.version)} />
            <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">
              Remove the link to this meeting
            </button>
          </form>
        </>
      ) : (
        <p class="govuk-body">
          <a class="govuk-link" href={planUrls.admin.taken(d.slug)}>
            Record the meeting where it was taken
          </a>
        </p>
      )}
    </section>
  );
}
