// The tables of a person's record (roles, meetings, motions, votes), shared by their page, which
// shows the most recent rows of each, and the pages that go on to older ones a page at a time.
import type { AttendanceRecordRow, MotionRecordRow, PersonDetail, VoteRecordRow } from "../../store/read/types.ts";
import type { Slice } from "../../store/read/keyset.ts";
import { NotForPublication } from "../components/exempt.tsx";
import { CursorPagination } from "../components/cursor-pagination.tsx";
import { Layout } from "../components/layout.tsx";
import { formatDate, formatLongDate } from "../format.ts";
import { urls } from "../urls.ts";

export const KIND: Record<string, string> = { member: "Councillor or member", officer: "Officer", other: "Other attendee" };

const STATUS: Record<string, { text: string; colour: string }> = {
  present: { text: "Present", colour: "govuk-tag--green" },
  in_attendance: { text: "In attendance", colour: "govuk-tag--blue" },
  apologies: { text: "Apologies", colour: "govuk-tag--yellow" },
  absent: { text: "Absent", colour: "govuk-tag--red" },
};

const VOTE_LABEL = { for: "For", against: "Against", abstain: "Abstained", absent: "Absent", recused: "Took no part" } as const;

export type PersonList = "meetings" | "motions" | "votes" | "roles";

export const PERSON_LISTS: Record<PersonList, { title: string; older: string }> = {
  meetings: { title: "Meetings", older: "Older meetings" },
  motions: { title: "Motions moved and seconded", older: "Older motions" },
  votes: { title: "How they voted", older: "Older votes" },
  roles: { title: "Committees and roles", older: "Earlier roles" },
};

export const personListUrl = (slug: string, list: PersonList, cursor?: string | null) => `${urls.person(slug)}/${list}${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ""}`;

/** A link to the rest of a list, when the page shows only its most recent rows. */
export function OlderLink({ slug, list, cursor }: { slug: string; list: PersonList; cursor: string | null }) {
  if (!cursor) return null;
  return (
    <p class="govuk-body qm-noprint">
      <a class="govuk-link" href={personListUrl(slug, list, cursor)}>
        {PERSON_LISTS[list].older}
      </a>
    </p>
  );
}

export function RolesTable({ rows, caption }: { rows: PersonDetail["memberships"]; caption: string }) {
  return (
    <table class="govuk-table qm-stack">
      <caption class="govuk-table__caption govuk-visually-hidden">{caption}</caption>
      <thead class="govuk-table__head">
        <tr class="govuk-table__row">
          <th scope="col" class="govuk-table__header">Committee</th>
          <th scope="col" class="govuk-table__header">Role</th>
          <th scope="col" class="govuk-table__header">From</th>
          <th scope="col" class="govuk-table__header">To</th>
        </tr>
      </thead>
      <tbody class="govuk-table__body">
        {rows.map((m) => (
          <tr class="govuk-table__row">
            <td class="govuk-table__cell" data-label="Committee">
              <a class="govuk-link" href={urls.committee(m.body.slug)}>
                {m.body.name}
              </a>
            </td>
            <td class="govuk-table__cell" data-label="Role">{m.role ?? (m.kind === "member" ? "Member" : KIND[m.kind] ?? m.kind)}</td>
            <td class="govuk-table__cell" data-label="From">{m.from ? formatDate(m.from) : "–"}</td>
            <td class="govuk-table__cell" data-label="To">{m.to ? formatDate(m.to) : "–"}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function AttendanceTable({ rows, caption }: { rows: AttendanceRecordRow[]; caption: string }) {
  return (
    <table class="govuk-table qm-stack">
      <caption class="govuk-table__caption govuk-table__caption--m">{caption}</caption>
      <thead class="govuk-table__head">
        <tr class="govuk-table__row">
          <th scope="col" class="govuk-table__header">Date</th>
          <th scope="col" class="govuk-table__header">Committee</th>
          <th scope="col" class="govuk-table__header">Recorded as</th>
        </tr>
      </thead>
      <tbody class="govuk-table__body">
        {rows.map((r) => {
          const s = STATUS[r.status];
          return (
            <tr class="govuk-table__row">
              <td class="govuk-table__cell" data-label="Date">
                <a class="govuk-link" href={urls.meeting(r.meeting.slug)}>
                  {formatLongDate(r.meeting.date)}
                </a>
              </td>
              <td class="govuk-table__cell" data-label="Committee">{r.meeting.body.name}</td>
              <td class="govuk-table__cell" data-label="Recorded as">
                {s ? <strong class={`govuk-tag ${s.colour}`}>{s.text}</strong> : r.status}
                {r.role && <span class="qm-count"> {r.role}</span>}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** A row of a decision the person had a part in: where it was decided, what, and their part (moved, voted for…). */
interface DecisionPart {
  meeting: MotionRecordRow["meeting"];
  item: MotionRecordRow["item"];
  decision: MotionRecordRow["decision"];
  exemptNotice?: string | null;
  part: string;
  nameAsWritten: string;
}

export const motionParts = (rows: MotionRecordRow[]): DecisionPart[] => rows.map((m) => ({ ...m, part: m.role === "moved" ? "Moved" : "Seconded" }));
export const voteParts = (rows: VoteRecordRow[]): DecisionPart[] => rows.map((v) => ({ ...v, part: VOTE_LABEL[v.vote] }));

/** Decisions the person moved or seconded, or voted on: one table for both. */
export function DecisionPartsTable({ rows, caption, partHeader }: { rows: DecisionPart[]; caption: string; partHeader: string }) {
  return (
    <table class="govuk-table qm-stack">
      <caption class="govuk-table__caption govuk-visually-hidden">{caption}</caption>
      <thead class="govuk-table__head">
        <tr class="govuk-table__row">
          <th scope="col" class="govuk-table__header">Meeting</th>
          <th scope="col" class="govuk-table__header">Item</th>
          <th scope="col" class="govuk-table__header">Decision</th>
          <th scope="col" class="govuk-table__header">{partHeader}</th>
        </tr>
      </thead>
      <tbody class="govuk-table__body">
        {rows.map((r) => (
          <tr class="govuk-table__row">
            <td class="govuk-table__cell" data-label="Meeting">
              <a class="govuk-link" href={urls.meeting(r.meeting.slug)}>
                {formatLongDate(r.meeting.date)}
              </a>
              <span class="qm-count"> {r.meeting.body.name}</span>
            </td>
            <td class="govuk-table__cell" data-label="Item">
              <a class="govuk-link" href={urls.item(r.meeting.slug, r.item.slug)}>
                {r.item.number}. {r.item.title}
              </a>
            </td>
            <td class="govuk-table__cell" data-label="Decision">
              {r.exemptNotice && (
                <span class="qm-block">
                  <NotForPublication notice={r.exemptNotice} />
                </span>
              )}
              <a class="govuk-link" href={urls.decision(r.meeting.slug, r.decision.slug)}>
                {r.decision.text}
              </a>
            </td>
            <td class="govuk-table__cell" data-label={partHeader}>
              {r.part}
              {r.nameAsWritten && <span class="qm-count"> as “{r.nameAsWritten}”</span>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export type PersonListRows =
  | { list: "meetings"; page: Slice<AttendanceRecordRow> }
  | { list: "motions"; page: Slice<MotionRecordRow> }
  | { list: "votes"; page: Slice<VoteRecordRow> }
  | { list: "roles"; page: Slice<PersonDetail["memberships"][number]> };

/** One of a person's lists in full, a page at a time, newest first. */
export function PersonListPage({ person, rows, base }: { person: { slug: string; name: string }; rows: PersonListRows; base: URL }) {
  const { title } = PERSON_LISTS[rows.list];
  const { page } = rows;
  return (
    <Layout
      title={`${person.name}: ${title.toLowerCase()}`}
      section="people"
      breadcrumbs={[
        { href: urls.home(), text: "Home" },
        { href: urls.people(), text: "People" },
        { href: urls.person(person.slug), text: person.name },
      ]}
    >
      <span class="govuk-caption-l">{person.name}</span>
      <h1 class="govuk-heading-xl">{title}</h1>
      {page.data.length === 0 ? (
        <p class="govuk-body">Nothing is recorded.</p>
      ) : rows.list === "meetings" ? (
        <AttendanceTable rows={rows.page.data} caption="Meetings, newest first" />
      ) : rows.list === "motions" ? (
        <DecisionPartsTable rows={motionParts(rows.page.data)} caption={`Decisions ${person.name} moved or seconded, newest first`} partHeader="Role" />
      ) : rows.list === "votes" ? (
        <DecisionPartsTable rows={voteParts(rows.page.data)} caption={`Votes the minutes record ${person.name} casting, newest first`} partHeader="Vote" />
      ) : (
        <RolesTable rows={rows.page.data} caption="Committees and roles, the most recently recorded first" />
      )}
      <CursorPagination base={base} newer={page.previous} older={page.next} label={title} newerText={rows.list === "roles" ? "Later" : "Newer"} olderText={rows.list === "roles" ? "Earlier" : "Older"} />
    </Layout>
  );
}
