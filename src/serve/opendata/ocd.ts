// Open Civic Data-shaped JSON (the Event, VoteEvent, Person, Organization and Membership objects of
// https://docs.opencivicdata.org, as the opencivicdata/pupa scrape schemas name their fields). OCD
// ids are "ocd-<type>/<uuid>"; the uuid is made from the record's stable slug (a name-based UUID,
// RFC 9562 version 5), so an id never changes between exports. What is particular to English
// councils (Schedule 12A paragraphs, substitutes, exempt items) goes in `extras`.
import { createHash } from "node:crypto";
import { localInstant } from "../../domain/meeting-series.ts";
import type { OpenMeeting, OpenMembership, OpenOrganization, OpenPerson } from "../../store/opendata/read.ts";
import type { Licence } from "../../store/opendata/licence.ts";
import type { ResolutionView } from "../../store/read/types.ts";
import { urls } from "../urls.ts";
import { agendaUrls } from "../agenda/urls.ts";

/** The namespace of Quorum's name-based UUIDs (itself a version 5 UUID of "quorum.opendata"). */
const NAMESPACE = "quorum.opendata/1";

export function ocdId(type: "event" | "vote" | "person" | "organization" | "membership", key: string): string {
  const h = createHash("sha1").update(`${NAMESPACE}:${type}:${key}`).digest();
  h[6] = (h[6] & 0x0f) | 0x50;
  h[8] = (h[8] & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString("hex");
  return `ocd-${type}/${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}

export interface OcdContext {
  /** the site's address ("" for site paths) */
  base: string;
  licenceOf: (authoritySlug: string) => Licence;
}

const STATUS: Record<string, string> = { scheduled: "confirmed", held: "passed", cancelled: "cancelled", postponed: "tentative" };

function when(date: string, time: string | null, zone: string): string {
  if (!time) return date;
  try {
    return localInstant(date, time, zone).utc;
  } catch {
    return date;
  }
}

const VOTE_OPTION = { for: "yes", against: "no", abstain: "abstain", absent: "absent", recused: "not voting" } as const;
const PASSED = new Set(["agreed", "approved", "approved with amendments", "carried"]);
const FAILED = new Set(["refused", "lost"]);

function result(r: ResolutionView): "pass" | "fail" | undefined {
  if (r.outcome && PASSED.has(r.outcome)) return "pass";
  if (r.outcome && FAILED.has(r.outcome)) return "fail";
  if (r.votes?.for !== null && r.votes?.for !== undefined && r.votes.against !== null) return r.votes.for > r.votes.against ? "pass" : "fail";
  return undefined;
}

/** Whether a decision was voted on as the minutes record it (a tally or who voted how). */
export function hasVotes(r: ResolutionView): boolean {
  const v = r.votes;
  if (!v) return false;
  return v.for !== null || v.against !== null || v.abstain !== null || !!v.unanimous || (!!v.recorded && Object.values(v.recorded).some((l) => l.length > 0));
}

export function ocdEvent(c: OcdContext, om: OpenMeeting) {
  const m = om.meeting;
  const zone = m.authority.timeZone;
  const web = c.base + urls.meeting(m.slug);
  const attendees = [...m.attendance.present, ...m.attendance.inAttendance];
  const papers = (om.agenda?.items ?? []).flatMap((a) => a.papers.filter((p) => p.downloadable).map((p) => ({ item: a.number, paper: p })));
  return {
    id: ocdId("event", m.slug),
    name: `${m.body.name}, ${m.date}`,
    all_day: false,
    start_date: when(m.date, m.startTime, zone),
    ...(m.endTime ? { end_date: when(m.date, m.endTime, zone) } : {}),
    status: STATUS[m.status] ?? "confirmed",
    classification: "committee-meeting",
    description: `Meeting of ${m.body.name} (${m.authority.name})`,
    location: { name: m.venue ?? "", note: "", url: null, coordinates: null },
    media: [],
    documents: [
      ...(m.hasMinutes ? [{ note: "Minutes (text; exempt information withheld)", url: c.base + urls.minutesText(m.slug), media_type: "text/plain", date: m.date }] : []),
      ...papers.map(({ item, paper }) => ({ note: `Item ${item}: ${paper.title}`, url: c.base + agendaUrls.paper(m.slug, paper.id), media_type: paper.format === "pdf" ? "application/pdf" : "application/vnd.openxmlformats-officedocument.wordprocessingml.document", date: m.date })),
    ],
    links: [{ note: "Meeting page", url: web }],
    participants: [
      { name: m.body.name, type: "organization", note: "host", id: ocdId("organization", m.body.slug) },
      // a matched attendee carries the id their Person has in the export (attendance is shown only from public minutes, and a person named there is public)
      ...attendees.map((a) => ({ name: a.person?.name ?? a.rawName, type: "person", note: a.role ?? a.kind, ...(a.person ? { id: ocdId("person", a.person.slug) } : {}) })),
    ],
    agenda: m.items.map((i) => ({
      description: i.title,
      classification: i.exempt ? ["exempt"] : [],
      order: i.number,
      subjects: [],
      media: [],
      notes: i.resolutions.map((r) => r.text),
      related_entities: i.resolutions.filter(hasVotes).map((r) => ({ entity_type: "vote_event", name: ocdId("vote", `${m.slug}/${r.slug}`), note: r.outcome })),
    })),
    sources: [{ url: web, note: "Quorum" }],
    extras: {
      quorum_id: m.slug,
      council: m.authority.name,
      licence: c.licenceOf(m.authority.slug),
      minutes_status: m.minutesStatus,
      exempt_items: m.items.filter((i) => i.exempt).map((i) => ({ order: i.number, title: i.title, schedule_12a_paragraph: i.exemptParagraphs, ground: i.exemptNotice })),
      substitutes: attendees.filter((a) => a.substituteFor).map((a) => ({ name: a.person?.name ?? a.rawName, substitute_for: a.substituteForPerson?.name ?? a.substituteFor })),
      apologies: m.attendance.apologies.map((a) => a.person?.name ?? a.rawName),
      absent: m.attendance.absent.map((a) => a.person?.name ?? a.rawName),
    },
  };
}

/** A VoteEvent for each decision the minutes record a vote on, with each member's vote where they name them. */
export function ocdVoteEvents(c: OcdContext, om: OpenMeeting) {
  const m = om.meeting;
  const zone = m.authority.timeZone;
  return m.items.flatMap((i) =>
    i.resolutions.filter(hasVotes).map((r) => {
      const v = r.votes!;
      const counts = (["for", "against", "abstain"] as const).filter((k) => v[k] !== null).map((k) => ({ option: VOTE_OPTION[k], value: v[k]! }));
      const votes = v.recorded
        ? (Object.keys(VOTE_OPTION) as (keyof typeof VOTE_OPTION)[]).flatMap((k) =>
            v.recorded![k].map((voter) => ({ option: VOTE_OPTION[k], voter_name: voter.person?.name ?? voter.name, ...(voter.person ? { voter_id: ocdId("person", voter.person.slug) } : {}), note: k === "recused" ? "recused" : "" })),
          )
        : [];
      const outcome = result(r);
      return {
        id: ocdId("vote", `${m.slug}/${r.slug}`),
        identifier: `${m.slug}/${r.slug}`,
        motion_text: r.text,
        motion_classification: [],
        start_date: when(m.date, m.startTime, zone),
        ...(outcome ? { result: outcome } : {}),
        organization: ocdId("organization", m.body.slug),
        bill: null,
        votes,
        counts,
        sources: [{ url: c.base + urls.decision(m.slug, r.slug), note: "Quorum" }],
        extras: {
          event_id: ocdId("event", m.slug),
          agenda_item: i.number,
          outcome: r.outcome,
          unanimous: v.unanimous ?? false,
          licence: c.licenceOf(m.authority.slug),
        },
      };
    }),
  );
}

export function ocdPerson(c: OcdContext, p: OpenPerson) {
  const web = c.base + urls.person(p.slug);
  return {
    id: ocdId("person", p.slug),
    name: p.name,
    other_names: [],
    identifiers: [{ scheme: "quorum", identifier: p.slug }],
    sort_name: p.forenames ? `${p.surname}, ${p.forenames}` : p.surname,
    family_name: p.surname,
    ...(p.forenames ? { given_name: p.forenames } : {}),
    links: [{ note: "Person page", url: web }],
    sources: [{ url: web, note: "Quorum" }],
    extras: { honorific: p.honorific, kind: p.kind, party: p.party, ward: p.ward, licence: c.licenceOf(p.authoritySlug) },
  };
}

const CLASSIFICATION: Record<string, string> = { cabinet: "executive", "full council": "legislature", "parish council": "legislature", "town council": "legislature" };

export function ocdOrganization(c: OcdContext, o: OpenOrganization) {
  const web = c.base + urls.committee(o.slug);
  return {
    id: ocdId("organization", o.slug),
    name: o.name,
    other_names: [],
    identifiers: [{ scheme: "quorum", identifier: o.slug }],
    classification: CLASSIFICATION[o.kind] ?? "committee",
    parent_id: null,
    links: [{ note: "Committee page", url: web }],
    sources: [{ url: web, note: "Quorum" }],
    extras: { kind: o.kind, council: o.authoritySlug, licence: c.licenceOf(o.authoritySlug) },
  };
}

export function ocdMembership(c: OcdContext, m: OpenMembership) {
  return {
    id: ocdId("membership", String(m.id)),
    label: m.role ?? m.kind,
    role: m.role ?? m.kind,
    person_id: ocdId("person", m.personSlug),
    person_name: m.personName,
    organization_id: ocdId("organization", m.bodySlug),
    ...(m.from ? { start_date: m.from } : {}),
    ...(m.to ? { end_date: m.to } : {}),
    extras: { kind: m.kind, licence: c.licenceOf(m.authoritySlug) },
  };
}
