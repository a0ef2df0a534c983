import type { AuthoritySummary, DecisionSummary, MeetingSummary } from "../../store/read/types.ts";
import { Layout } from "../components/layout.tsx";
import { SearchBox } from "../components/search-box.tsx";
import { MeetingList, DecisionList } from "../components/lists.tsx";
import { plural } from "../format.ts";
import { urls } from "../urls.ts";

export interface HomeData {
  authorities: AuthoritySummary[];
  upcoming: MeetingSummary[];
  recent: MeetingSummary[];
  decisions: DecisionSummary[];
  decisionTotal: number;
}

export function HomePage({ d }: { d: HomeData }) {
  const meetings = d.authorities.reduce((n, a) => n + a.meetingCount, 0);
  const bodies = d.authorities.reduce((n, a) => n + a.bodyCount, 0);
  const who = d.authorities.length === 1 ? d.authorities[0].name : d.authorities.length ? `${plural(d.authorities.length, "council")}` : "";
  return (
    <Layout section="home">
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <h1 class="govuk-heading-xl">Committees, meetings and decisions</h1>
          <p class="govuk-body-l">
            Find out what was decided, by whom and when{who ? ` at ${who}` : ""}: the minutes of {plural(bodies, "committee")}, {plural(meetings, "meeting")} and{" "}
            {plural(d.decisionTotal, "decision")}, each linked to the text it came from.
          </p>
          <SearchBox big label="Search the minutes" hint="For example, a place, a planning application or a councillor's name" />
        </div>
      </div>

      <div class="govuk-grid-row">
        <div class="govuk-grid-column-one-half">
          <h2 class="govuk-heading-l">Upcoming meetings</h2>
          {d.upcoming.length ? (
            <MeetingList meetings={d.upcoming} headingLevel={3} />
          ) : (
            <p class="govuk-body">
              No upcoming meetings have been published. See the <a class="govuk-link" href={urls.calendar()}>meetings calendar</a>.
            </p>
          )}
          <h2 class="govuk-heading-l govuk-!-margin-top-6">Recent meetings</h2>
          {d.recent.length ? <MeetingList meetings={d.recent} headingLevel={3} /> : <p class="govuk-body">No meetings have been published yet.</p>}
          <p class="govuk-body govuk-!-margin-top-4">
            <a class="govuk-link" href={urls.committees()}>
              Browse all committees
            </a>
          </p>
        </div>
        <div class="govuk-grid-column-one-half">
          <h2 class="govuk-heading-l">Recent decisions</h2>
          {d.decisions.length ? <DecisionList decisions={d.decisions} headingLevel={3} /> : <p class="govuk-body">No decisions have been published yet.</p>}
          <p class="govuk-body govuk-!-margin-top-4">
            <a class="govuk-link" href={urls.decisions()}>
              See the decisions register
            </a>
          </p>
        </div>
      </div>
    </Layout>
  );
}
