// The votes recorded on a decision, under it on the meeting page: the tally in one line, then who
// voted how where the minutes name them ("For (3): Cllr A, Cllr B, Cllr C"), names linked to people.
import type { Votes, VoterView } from "../../store/read/types.ts";
import { urls } from "../urls.ts";

const LABELS = [
  ["for", "For"],
  ["against", "Against"],
  ["abstain", "Abstained"],
  ["absent", "Absent"],
  ["recused", "Took no part"],
] as const;

export function VotesRecord({ votes, what }: { votes: Votes | null; what: string }) {
  if (!votes) return null;
  const counted = votes.for !== null || votes.against !== null || votes.abstain !== null;
  const named = votes.recorded ? LABELS.filter(([k]) => votes.recorded![k].length > 0) : [];
  if (!counted && !votes.unanimous && !named.length) return null;
  return (
    <div class="qm-votes">
      {(counted || votes.unanimous) && (
        <p class="govuk-body-s govuk-!-margin-bottom-1">{tallyLine(votes, counted)}</p>
      )}
      {named.length > 0 && (
        <ul class="govuk-list govuk-body-s govuk-!-margin-bottom-1" aria-label={`How members voted on ${what}`}>
          {named.map(([k, label]) => (
            <li>
              <strong>
                {label} ({votes.recorded![k].length}):
              </strong>{" "}
              <Names list={votes.recorded![k]} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function tallyLine(votes: Votes, counted: boolean): string {
  const tally = `${votes.for ?? "–"}, against ${votes.against ?? "–"}, abstaining ${votes.abstain ?? "–"}`;
  if (!votes.unanimous) return `For ${tally}`;
  return counted ? `Unanimous: for ${tally}` : "Unanimous";
}

function Names({ list }: { list: VoterView[] }) {
  return (
    <>
      {list.map((v, i) => (
        <>
          {i > 0 && ", "}
          {v.person ? (
            <a class="govuk-link" href={urls.person(v.person.slug)}>
              {v.name}
            </a>
          ) : (
            v.name
          )}
        </>
      ))}
    </>
  );
}
