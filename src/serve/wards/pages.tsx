// The public pages of wards: each council's wards, and a ward's page with its councillors, the
// agenda items coming up and lately considered that affect it, and the key decisions that do,
// each as the visibility rule gives them to the viewer (store/wards/read.ts).
import { Layout, type Crumb } from "../components/layout.tsx";
import { AuthorityFilter } from "../components/filters.tsx";
import { NotForPublication } from "../components/exempt.tsx";
import { formatLongDate, formatTime, plural } from "../format.ts";
import { urls } from "../urls.ts";
import { planUrls } from "../forward-plan/urls.ts";
import { when } from "../forward-plan/describe.ts";
import { WardAlertsLink } from "../alerts/link.tsx";
import type { AuthoritySummary } from "../../store/read/types.ts";
import type { WardAgendaItem, WardBusiness, WardSummary } from "../../store/wards/read.ts";

const HOME: Crumb = { href: urls.home(), text: "Home" };

export function WardsPage({ wards, authorities, authority }: { wards: WardSummary[]; authorities: AuthoritySummary[]; authority?: string }) {
  const councils = [...new Map(wards.map((w) => [w.authority.slug, w.authority])).values()];
  const many = authorities.length > 1;
  return (
    <Layout title="Wards" breadcrumbs={[HOME]}>
      <h1 class="govuk-heading-xl">Wards</h1>
      <p class="govuk-body-l">Follow the business of the place where you live: its councillors, the agenda items that affect it and the key decisions planned for it.</p>
      <p class="govuk-body">Wards are listed here once a councillor, an agenda item or a key decision names them. Business for all wards is not listed under each ward.</p>
      <AuthorityFilter authorities={authorities} selected={authority} action={urls.wards()} />
      {wards.length === 0 ? (
        <p class="govuk-body">No wards have been named yet.</p>
      ) : (
        councils.map((a) => {
          const own = wards.filter((w) => w.authority.slug === a.slug);
          return (
            <>
              {many && <h2 class="govuk-heading-m">{a.name}</h2>}
              <p class="govuk-body qm-count">{plural(own.length, "ward")}</p>
              <ul class="govuk-list">
                {own.map((w) => (
                  <li>
                    <a class="govuk-link" href={urls.ward(w.slug)}>
                      {w.name}
                    </a>
                  </li>
                ))}
              </ul>
            </>
          );
        })
      )}
    </Layout>
  );
}

function Items({ items, caption, empty }: { items: WardAgendaItem[]; caption: string; empty: string }) {
  if (!items.length) return <p class="govuk-body">{empty}</p>;
  return (
    <table class="govuk-table qm-stack">
      <caption class="govuk-table__caption govuk-visually-hidden">{caption}</caption>
      <thead class="govuk-table__head">
        <tr class="govuk-table__row">
          <th scope="col" class="govuk-table__header">
            Meeting
          </th>
          <th scope="col" class="govuk-table__header">
            Agenda item
          </th>
        </tr>
      </thead>
      <tbody class="govuk-table__body">
        {items.map((i) => (
          <tr class="govuk-table__row">
            <td class="govuk-table__cell">
              <a class="govuk-link" href={urls.meeting(i.meeting.slug)}>
                {i.body.name}, {formatLongDate(i.meeting.date)}
                {i.meeting.startTime ? ` at ${formatTime(i.meeting.startTime)}` : ""}
              </a>
              {i.meeting.status === "cancelled" || i.meeting.status === "postponed" ? ` (${i.meeting.status})` : ""}
            </td>
            <td class="govuk-table__cell">
              <a class="govuk-link" href={`${urls.meeting(i.meeting.slug)}#agenda-item-${i.id}`}>
                {i.number ? `${i.number}. ` : ""}
                {i.title}
              </a>
              {i.notForPublication && (
                <>
                  {" "}
                  <NotForPublication />
                </>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function WardPage({ ward, business, many }: { ward: WardSummary; business: WardBusiness; many: boolean }) {
  const b = business;
  return (
    <Layout title={`${ward.name} ward`} breadcrumbs={[HOME, { href: urls.wards(many ? ward.authority.slug : undefined), text: "Wards" }]}>
      <span class="govuk-caption-l">{ward.authority.name}</span>
      <h1 class="govuk-heading-xl">{ward.name} ward</h1>
      <WardAlertsLink ward={ward} />

      <h2 class="govuk-heading-m">Councillors</h2>
      {b.councillors.length ? (
        <ul class="govuk-list">
          {b.councillors.map((p) => (
            <li>
              <a class="govuk-link" href={urls.person(p.slug)}>
                {p.name}
              </a>
              {p.party ? ` (${p.party})` : ""}
            </li>
          ))}
        </ul>
      ) : (
        <p class="govuk-body">No councillor is recorded for this ward.</p>
      )}

      <h2 class="govuk-heading-m">Coming up</h2>
      <Items items={b.upcoming} caption={`Agenda items affecting ${ward.name} at meetings to come`} empty="No published agenda for a meeting to come has an item affecting this ward." />

      <h2 class="govuk-heading-m">Recently considered</h2>
      <Items items={b.recent} caption={`Agenda items affecting ${ward.name} at past meetings`} empty="No published agenda of a past meeting has an item affecting this ward." />

      <h2 class="govuk-heading-m">Key decisions</h2>
      {b.keyDecisions.length ? (
        <ul class="govuk-list">
          {b.keyDecisions.map((d) => (
            <li class="govuk-!-margin-bottom-3">
              <a class="govuk-link" href={planUrls.decision(d.slug)}>
                {d.reference ? `${d.reference}: ` : ""}
                {d.decision}
              </a>
              <br />
              <span class="govuk-body-s">
                {d.decisionMaker}, expected {when(d.plannedDate)}
                {d.exempt ? `. To be taken in private${d.exempt.paragraphs ? ` (Schedule 12A paragraph ${d.exempt.paragraphs})` : ""}` : ""}
                {d.taken ? ". Taken" : ""}
              </span>
              {d.notForPublication && (
                <>
                  {" "}
                  <NotForPublication />
                </>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p class="govuk-body">No key decision in the forward plan names this ward.</p>
      )}
      <p class="govuk-body-s">Business for all wards is not listed here: see the <a class="govuk-link" href={planUrls.list()}>forward plan</a> and each committee's meetings.</p>
    </Layout>
  );
}
