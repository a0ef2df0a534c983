// How a person voted, on their page: one row per public decision where the minutes name their vote.
import type { PersonDetail } from "../../store/read/types.ts";
import { NotForPublication } from "../components/exempt.tsx";
import { formatLongDate } from "../format.ts";
import { urls } from "../urls.ts";

const VOTE_LABEL = { for: "For", against: "Against", abstain: "Abstained", absent: "Absent", recused: "Took no part" } as const;

export function PersonVotes({ p }: { p: PersonDetail }) {
  return (
    <section aria-labelledby="votes">
      <h2 class="govuk-heading-l" id="votes">
        How they voted
      </h2>
      <table class="govuk-table qm-stack">
        <caption class="govuk-table__caption govuk-visually-hidden">Votes the minutes record {p.name} casting, newest first</caption>
        <thead class="govuk-table__head">
          <tr class="govuk-table__row">
            <th scope="col" class="govuk-table__header">
              Meeting
            </th>
            <th scope="col" class="govuk-table__header">
              Decision
            </th>
            <th scope="col" class="govuk-table__header">
              Vote
            </th>
          </tr>
        </thead>
        <tbody class="govuk-table__body">
          {p.votes.map((v) => (
            <tr class="govuk-table__row">
              <td class="govuk-table__cell" data-label="Meeting">
                <a class="govuk-link" href={urls.meeting(v.meeting.slug)}>
                  {formatLongDate(v.meeting.date)}
                </a>
                <span class="qm-count"> {v.meeting.body.name}</span>
              </td>
              <td class="govuk-table__cell" data-label="Decision">
                {v.exemptNotice && (
                  <span class="qm-block">
                    <NotForPublication notice={v.exemptNotice} />
                  </span>
                )}
                <a class="govuk-link" href={urls.decision(v.meeting.slug, v.decision.slug)}>
                  {v.decision.text}
                </a>
                <span class="qm-count">
                  {" "}
                  (item {v.item.number}. {v.item.title})
                </span>
              </td>
              <td class="govuk-table__cell" data-label="Vote">
                {VOTE_LABEL[v.vote]}
                {v.nameAsWritten && <span class="qm-count"> as “{v.nameAsWritten}”</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
