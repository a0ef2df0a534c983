import type { Child } from "hono/jsx";
import type { AttendeeView, MeetingDetail } from "../../store/read/types.ts";
import { NotForPublication } from "../components/exempt.tsx";
import { VotesRecord } from "../components/votes.tsx";
import { Layout } from "../components/layout.tsx";
import { SourceLink, type SourceLines } from "../components/source.tsx";
import { MinutesDownloads } from "../minute-taking/downloads.tsx";
import { OriginalLink } from "../originals/routes.tsx";
import type { OriginalView } from "../../store/read/originals.ts";
import { MinutesStandingRow } from "../components/minutes-standing.tsx";
import { formatDate, formatLongDate, formatTime, monthName } from "../format.ts";
import { urls } from "../urls.ts";
import { trackerUrls } from "../tracker/urls.ts";
import { NoMinutesRow } from "../schedule/public.tsx";
import { AddToCalendar } from "../follow/add-to-calendar.tsx";

const STATUS_TAG: Record<string, { text: string; colour: string }> = {
  scheduled: { text: "Scheduled", colour: "govuk-tag--blue" },
  held: { text: "Held", colour: "govuk-tag--green" },
  cancelled: { text: "Cancelled", colour: "govuk-tag--red" },
  postponed: { text: "Postponed", colour: "govuk-tag--orange" },
};

const RESPONSE_TAG: Record<string, { text: string; colour: string }> = {
  yes: { text: "Accepted", colour: "govuk-tag--green" },
  partially: { text: "Partially accepted", colour: "govuk-tag--yellow" },
  no: { text: "Not accepted", colour: "govuk-tag--red" },
};

/** "2018-04" → "April 2018"; full dates as usual. */
function formatMonthOrDate(v: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(v);
  return m ? `${monthName(Number(m[2]))} ${m[1]}` : formatDate(v);
}

export function timeRange(start: string | null, end: string | null): string {
  if (start && end) return `${formatTime(start)} to ${formatTime(end)}`;
  if (start) return formatTime(start);
  return "";
}

const KIND_NAMES: Record<string, string> = {
  disclosable_pecuniary: "Disclosable pecuniary",
  other_registrable: "Other registrable",
  non_registrable: "Non-registrable",
  prejudicial: "Prejudicial",
  pecuniary: "Pecuniary",
  non_pecuniary: "Non-pecuniary",
  personal: "Personal",
};

/** The kind of interest as a tag, so that a list of declarations can be read at a glance. */
function KindTag({ kind }: { kind: string }) {
  return (
    <>
      {" "}
      <strong class="govuk-tag govuk-tag--grey qm-declaration-kind">{KIND_NAMES[kind] ?? kind}</strong>
    </>
  );
}

function isChair(a: AttendeeView): boolean {
  return !!a.role && /\bchair|cathaoirleach|mayor|convenor|presiding\b/i.test(a.role) && !/\bvice|deputy|leas\b/i.test(a.role);
}

function Name({ a }: { a: AttendeeView }) {
  return a.person ? (
    <a class="govuk-link" href={urls.person(a.person.slug)}>
      {a.rawName}
    </a>
  ) : (
    <>{a.rawName}</>
  );
}

function PersonLine({ a, showRole = true }: { a: AttendeeView; showRole?: boolean }) {
  const chair = isChair(a);
  return (
    <li>
      <Name a={a} />
      {chair && (
        <>
          {" "}
          <strong class="govuk-tag govuk-tag--grey">{a.role}</strong>
        </>
      )}
      {!chair && showRole && a.role && <span class="qm-count"> – {a.role}</span>}
    </li>
  );
}

export interface AttendanceGroups {
  members: AttendeeView[];
  substitutes: AttendeeView[];
  apologies: AttendeeView[];
  absent: AttendeeView[];
  officers: AttendeeView[];
  others: AttendeeView[];
}

/** Regroups the store's status lists into the groups a reader of minutes expects. */
export function groupAttendance(m: MeetingDetail): AttendanceGroups {
  const attending = [...m.attendance.present, ...m.attendance.inAttendance];
  const present = new Set(m.attendance.present);
  const members = attending.filter((a) => a.kind === "member" && !a.substituteFor && present.has(a));
  members.sort((a, b) => Number(isChair(b)) - Number(isChair(a)));
  return {
    members,
    substitutes: attending.filter((a) => a.substituteFor),
    apologies: m.attendance.apologies,
    absent: m.attendance.absent,
    officers: attending.filter((a) => a.kind === "officer" && !a.substituteFor),
    others: attending.filter((a) => !a.substituteFor && (a.kind === "other" || (a.kind === "member" && !present.has(a)))),
  };
}

function Group({ title, people, children }: { title: string; people: AttendeeView[]; children?: unknown }) {
  if (!people.length) return null;
  return (
    <div class="govuk-grid-column-one-half">
      <h3 class="govuk-heading-s govuk-!-margin-bottom-2">
        {title} <span class="qm-count">({people.length})</span>
      </h3>
      <ul class="govuk-list govuk-!-margin-bottom-6">{children ?? people.map((a) => <PersonLine a={a} />)}</ul>
    </div>
  );
}

/** Paragraphs as in the minutes; runs of "- " lines (lists as the reader rendered them) become lists. */
export function MinutesText({ text }: { text: string }) {
  const blocks: { list: boolean; lines: string[] }[] = [];
  for (const para of text.split(/\n{2,}/)) {
    for (const line of para.split("\n")) {
      const t = line.trim();
      if (!t) continue;
      const list = /^[-•*]\s/.test(t);
      const last = blocks[blocks.length - 1];
      if (last && last.list === list && (list || last.lines.length)) last.lines.push(list ? t.replace(/^[-•*]\s+/, "") : t);
      else blocks.push({ list, lines: [list ? t.replace(/^[-•*]\s+/, "") : t] });
    }
    blocks.push({ list: false, lines: [] });
  }
  return (
    <div class="qm-minutes">
      {blocks
        .filter((b) => b.lines.length)
        .map((b) =>
          b.list ? (
            <ul class="govuk-list qm-minutes__list">
              {b.lines.map((l) => (
                <li>{l}</li>
              ))}
            </ul>
          ) : (
            <p class="govuk-body">{b.lines.join("\n")}</p>
          ),
        )}
    </div>
  );
}

/** `keyDecisions`: the forward plan's key decisions taken at this meeting, shown after the items; `schedule`: the meeting's state and its changes; `agenda`: its agenda and papers. */
export function MeetingPage({ m, lines, keyDecisions, schedule, agenda, original, today = "", structured }: { m: MeetingDetail; lines: SourceLines; keyDecisions?: Child; schedule?: Child; agenda?: Child; original?: OriginalView | null; today?: string; structured?: Child }) {
  const g = groupAttendance(m);
  const status = STATUS_TAG[m.status];
  const title = `${m.body.name}, ${formatDate(m.date)}`;
  const time = timeRange(m.startTime, m.endTime);
  const anyAttendance = Object.values(g).some((x) => x.length);
  const next = m.nextMeetingStated;
  return (
    <Layout
      title={title}
      section="committees"
      head={
        <>
          <link rel="alternate" type="application/json" href={urls.api.meeting(m.slug)} />
          {structured}
        </>
      }
      breadcrumbs={[
        { href: urls.home(), text: "Home" },
        { href: urls.committees(), text: "Committees" },
        { href: urls.committee(m.body.slug), text: m.body.name },
      ]}
    >
      <span class="govuk-caption-l">{m.body.name}</span>
      <h1 class="govuk-heading-xl">{formatLongDate(m.date)}</h1>
      {schedule}

      <dl class="govuk-summary-list">
        <div class="govuk-summary-list__row">
          <dt class="govuk-summary-list__key">Date</dt>
          <dd class="govuk-summary-list__value">
            {formatLongDate(m.date)} <SourceLink at={lines.meeting("date")} what="date" />
          </dd>
        </div>
        {time && (
          <div class="govuk-summary-list__row">
            <dt class="govuk-summary-list__key">Time</dt>
            <dd class="govuk-summary-list__value">
              {time} <SourceLink at={lines.meeting("startTime")} what="time" />
            </dd>
          </div>
        )}
        {m.venue && (
          <div class="govuk-summary-list__row">
            <dt class="govuk-summary-list__key">Venue</dt>
            <dd class="govuk-summary-list__value">
              {m.venue} <SourceLink at={lines.meeting("venue")} what="venue" />
            </dd>
          </div>
        )}
        <div class="govuk-summary-list__row">
          <dt class="govuk-summary-list__key">Status</dt>
          <dd class="govuk-summary-list__value">
            {status ? <strong class={`govuk-tag ${status.colour}`}>{status.text}</strong> : m.status}
          </dd>
        </div>
        {m.hasMinutes ? <MinutesStandingRow slug={m.slug} m={m} approval={m.minutesApproval} corrections={m.minutesCorrections} stated={m.minutesStated} /> : <NoMinutesRow date={m.date} today={today} draft={m.minutesStatus === "draft"} />}
        {m.authority && m.authority.name !== m.body.name && (
          <div class="govuk-summary-list__row">
            <dt class="govuk-summary-list__key">Council</dt>
            <dd class="govuk-summary-list__value">{m.authority.name}</dd>
          </div>
        )}
      </dl>
      <AddToCalendar slug={m.slug} date={m.date} status={m.status} today={today} />

      <nav class="qm-noprint govuk-!-margin-bottom-6" aria-label="On this page">
        <h2 class="govuk-heading-s govuk-!-margin-bottom-2">On this page</h2>
        <ul class="govuk-list">
          {anyAttendance && (
            <li>
              <a class="govuk-link" href="#attendance">
                Attendance
              </a>
            </li>
          )}
          {m.declarations.length > 0 && (
            <li>
              <a class="govuk-link" href="#declarations">
                Declarations of interest
              </a>
            </li>
          )}
          {m.questions.length > 0 && (
            <li>
              <a class="govuk-link" href="#questions">
                Questions ({m.questions.length})
              </a>
            </li>
          )}
          <li>
            <a class="govuk-link" href="#items">
              Items and decisions ({m.items.length})
            </a>
          </li>
          {m.recommendations.length > 0 && (
            <li>
              <a class="govuk-link" href="#recommendations">
                Recommendations and responses ({m.recommendations.length})
              </a>
            </li>
          )}
          {m.source && (
            <li>
              <a class="govuk-link" href="#source">
                Source document
              </a>
            </li>
          )}
          <li>
            <a class="govuk-link" href={trackerUrls.meetingActions(m.slug)}>
              Actions raised or answered at this meeting
            </a>
          </li>
        </ul>
      </nav>

      {agenda}

      {anyAttendance && (
        <section aria-labelledby="attendance">
          <h2 class="govuk-heading-l" id="attendance">
            Attendance
          </h2>
          <SourceLink at={lines.attendance()} what="attendance list" block />
          <div class="govuk-grid-row">
            <Group title="Members present" people={g.members} />
            <Group title="Substitutes" people={g.substitutes}>
              {g.substitutes.map((a) => (
                <li>
                  <Name a={a} /> <span class="qm-count">for</span>{" "}
                  {a.substituteForPerson ? (
                    <a class="govuk-link" href={urls.person(a.substituteForPerson.slug)}>
                      {a.substituteFor}
                    </a>
                  ) : (
                    a.substituteFor
                  )}
                </li>
              ))}
            </Group>
          </div>
          <div class="govuk-grid-row">
            <Group title="Apologies" people={g.apologies} />
            <Group title="Absent" people={g.absent} />
          </div>
          <div class="govuk-grid-row">
            <Group title="Officers" people={g.officers} />
            <Group title="Also in attendance" people={g.others} />
          </div>
        </section>
      )}

      {m.declarations.length > 0 && (
        <section aria-labelledby="declarations">
          <h2 class="govuk-heading-l" id="declarations">
            Declarations of interest
          </h2>
          <ul class="govuk-list govuk-list--bullet">
            {m.declarations.map((d) => (
              <li>
                {d.person ? (
                  <a class="govuk-link" href={urls.person(d.person.slug)}>
                    {d.rawName}
                  </a>
                ) : (
                  d.rawName
                )}
                {d.interest && <> – {d.interest}</>}
                {d.kind && <KindTag kind={d.kind} />}
                {d.item && (
                  <>
                    {" "}
                    (
                    <a class="govuk-link" href={`#item-${d.item.slug}`}>
                      item {d.item.number}
                    </a>
                    )
                  </>
                )}
                {d.description && <>: {d.description}</>}
                {d.notForPublication && (
                  <>
                    {" "}
                    <NotForPublication />
                  </>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}

      {m.questions.length > 0 && (
        <section aria-labelledby="questions">
          <h2 class="govuk-heading-l" id="questions">
            Questions
          </h2>
          {m.questions.map((q) => (
            <div class="qm-question govuk-!-margin-bottom-6">
              <h3 class="govuk-heading-s govuk-!-margin-bottom-2">
                {q.askedBy ? `Asked by ${q.askedBy}` : "Question"}
                {q.askedTo && <> to {q.askedTo}</>}
                {q.item && (
                  <>
                    {" "}
                    (
                    <a class="govuk-link" href={`#item-${q.item.slug}`}>
                      item {q.item.number}
                    </a>
                    )
                  </>
                )}
                {q.notForPublication && (
                  <>
                    {" "}
                    <NotForPublication />
                  </>
                )}
              </h3>
              <p class="govuk-body">{q.question}</p>
              {q.answer ? (
                <div class="govuk-inset-text govuk-!-margin-top-2">
                  <span class="govuk-visually-hidden">Answer: </span>
                  {q.answer}
                </div>
              ) : (
                <p class="govuk-body govuk-hint">No answer is recorded.</p>
              )}
            </div>
          ))}
        </section>
      )}

      <section aria-labelledby="items">
        <h2 class="govuk-heading-l" id="items">
          Items and decisions
        </h2>
        {m.items.length === 0 && <p class="govuk-body">{m.hasMinutes ? "No items were recorded for this meeting." : "Nothing has been published about this meeting's business yet."}</p>}
        {m.items.map((i) => (
          <article class={`qm-item${i.exempt ? " qm-item--exempt" : ""}`} id={`item-${i.slug}`} aria-labelledby={`item-${i.slug}-title`}>
            <h3 class="govuk-heading-m" id={`item-${i.slug}-title`}>
              <span class="qm-item__number">{i.number}</span> {i.title}
            </h3>
            <SourceLink at={lines.item(i.id)} what={`item ${i.number}`} block />
            {i.withheld ? (
              <div class="govuk-inset-text govuk-!-margin-top-0">
                <strong class="govuk-tag govuk-tag--grey govuk-!-margin-bottom-2">Exempt</strong>
                <p class="govuk-body govuk-!-margin-bottom-0">{i.exemptNotice}</p>
              </div>
            ) : (
              <>
                {i.notForPublication && (
                  <div class="govuk-warning-text qm-exempt">
                    <span class="govuk-warning-text__icon" aria-hidden="true">
                      !
                    </span>
                    <strong class="govuk-warning-text__text">
                      <span class="govuk-visually-hidden">Warning: </span>
                      Exempt — not for publication. {i.exemptNotice} You see it because you are signed in and entitled to this committee’s exempt business.
                    </strong>
                  </div>
                )}
                {i.releasedOn && <p class="govuk-inset-text govuk-!-margin-top-0">{i.exemptNotice}</p>}
                {i.text && <MinutesText text={i.text} />}
                {i.resolutions.map((r, n) => (
                  <div class="qm-decision" id={`decision-${r.slug}`}>
                    <span class="qm-decision__label">
                      {i.resolutions.length > 1 ? `Decision ${n + 1}` : "Decision"}
                      {r.outcome && <span class="qm-count"> – {r.outcome}</span>}
                    </span>
                    <p class="govuk-body govuk-!-margin-bottom-1">{r.text}</p>
                    <VotesRecord votes={r.votes} what={`decision ${n + 1} on item ${i.number}`} />
                    <SourceLink at={lines.resolution(r.id)} what={`decision ${n + 1} on item ${i.number}`} />
                  </div>
                ))}
              </>
            )}
          </article>
        ))}
      </section>

      {keyDecisions}

      {m.recommendations.length > 0 && (
        <section aria-labelledby="recommendations">
          <h2 class="govuk-heading-l" id="recommendations">
            Recommendations and responses
          </h2>
          <table class="govuk-table qm-recommendations qm-stack">
            <caption class="govuk-table__caption govuk-visually-hidden">Recommendations considered at this meeting, with the response to each</caption>
            <thead class="govuk-table__head">
              <tr class="govuk-table__row">
                <th scope="col" class="govuk-table__header">
                  No.
                </th>
                <th scope="col" class="govuk-table__header">
                  Recommendation
                </th>
                <th scope="col" class="govuk-table__header">
                  Response
                </th>
                <th scope="col" class="govuk-table__header">
                  Responsible
                </th>
                <th scope="col" class="govuk-table__header">
                  Action by
                </th>
              </tr>
            </thead>
            <tbody class="govuk-table__body">
              {m.recommendations.map((r) => (
                <tr class="govuk-table__row">
                  <th scope="row" class="govuk-table__header">
                    <span class="qm-stack__label">Recommendation </span>
                    {r.number}
                  </th>
                  <td class="govuk-table__cell" data-label="Recommendation">
                    {r.notForPublication && (
                      <p class="govuk-body-s govuk-!-margin-bottom-1">
                        <NotForPublication />
                      </p>
                    )}
                    {r.text}
                    {r.responseText && <p class="govuk-body-s govuk-!-margin-top-2 govuk-!-margin-bottom-0">{r.responseText}</p>}
                  </td>
                  <td class="govuk-table__cell" data-label="Response">
                    {r.response ? <strong class={`govuk-tag ${RESPONSE_TAG[r.response]?.colour ?? "govuk-tag--grey"}`}>{RESPONSE_TAG[r.response]?.text ?? r.response}</strong> : "–"}
                  </td>
                  <td class="govuk-table__cell" data-label="Responsible">
                    {[r.responsibleMember, r.responsibleOfficer].filter(Boolean).map((who) => (
                      <span class="qm-block">{who}</span>
                    ))}
                    {!r.responsibleMember && !r.responsibleOfficer && "–"}
                  </td>
                  <td class="govuk-table__cell" data-label="Action by">{r.actionBy ? formatMonthOrDate(r.actionBy) : "–"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}

      {(next || m.nextMeeting || m.previousMeeting) && (
        <section aria-labelledby="next-meeting">
          <h2 class="govuk-heading-l" id="next-meeting">
            Next meeting
          </h2>
          {next && (next.date || next.time || next.venue) && (
            <p class="govuk-body">
              The minutes give the next meeting as {[next.date ? formatLongDate(next.date) : null, next.time ? `at ${formatTime(next.time)}` : null, next.venue ? `in ${next.venue}` : null].filter(Boolean).join(" ")}.{" "}
              <SourceLink at={lines.meeting("nextMeeting")} what="next meeting" />
            </p>
          )}
          <ul class="govuk-list">
            {m.previousMeeting && (
              <li>
                Previous meeting:{" "}
                <a class="govuk-link" href={urls.meeting(m.previousMeeting.slug)}>
                  {formatLongDate(m.previousMeeting.date)}
                </a>
              </li>
            )}
            {m.nextMeeting && (
              <li>
                Following meeting:{" "}
                <a class="govuk-link" href={urls.meeting(m.nextMeeting.slug)}>
                  {formatLongDate(m.nextMeeting.date)}
                </a>
              </li>
            )}
          </ul>
        </section>
      )}

      {m.source && (
        <section aria-labelledby="source">
          <h2 class="govuk-heading-l" id="source">
            Source document
          </h2>
          <p class="govuk-body">These records were read from the published minutes. You can check any value against the text it came from.</p>
          <ul class="govuk-list">
            {original && <OriginalLink slug={m.slug} title={title} original={original} />}
            <li>
              <a class="govuk-link" href={urls.minutes(m.slug)}>
                Read the minutes text<span class="govuk-visually-hidden"> of {title}</span>
              </a>{" "}
              <span class="qm-count">({m.source.fileName})</span>
            </li>
            <li>
              <a class="govuk-link" href={urls.minutesText(m.slug)} download>
                Download the minutes text<span class="govuk-visually-hidden"> of {title}</span>
              </a>{" "}
              <span class="qm-count">(plain text)</span>
            </li>
            <li>
              <a class="govuk-link" href={urls.api.meeting(m.slug)}>
                This meeting as data<span class="govuk-visually-hidden"> (JSON)</span>
              </a>{" "}
              <span class="qm-count">(JSON)</span>
            </li>
          </ul>
        </section>
      )}
      {m.source && <MinutesDownloads slug={m.slug} title={title} />}
    </Layout>
  );
}
