// OParl 1.1 objects (https://oparl.org/spezifikation/): a council is a Body, its committees are
// Organizations, a meeting's minutes items (or, before the meeting, its published agenda) are
// AgendaItems, agenda papers are Papers, and papers and the public minutes text are Files. Every
// id is the object's own absolute URL under /oparl/v1, and `license` is the council's licence.
// Fields are listed one by one from the public reads: a column reaches OParl only when added here.
import { localInstant } from "../../domain/meeting-series.ts";
import type { OpenMeeting, OpenMembership, OpenOrganization, OpenPaper, OpenPerson } from "../../store/opendata/read.ts";
import type { OpenDeleted } from "../../store/opendata/deleted.ts";
import type { ItemView } from "../../store/read/types.ts";
import type { Licence } from "../../store/opendata/licence.ts";
import { urls } from "../urls.ts";
import { agendaUrls } from "../agenda/urls.ts";

export const OPARL_PREFIX = "/oparl/v1";
const T = (kind: string) => `https://schema.oparl.org/1.1/${kind}`;
const e = encodeURIComponent;

/** Every OParl URL, absolute from the site's address. */
export function oparlUrls(base: string) {
  const root = `${base}${OPARL_PREFIX}`;
  return {
    system: () => root,
    bodies: () => `${root}/bodies`,
    body: (a: string) => `${root}/bodies/${e(a)}`,
    bodyList: (a: string, list: "organizations" | "people" | "meetings" | "papers" | "memberships") => `${root}/bodies/${e(a)}/${list}`,
    organization: (slug: string) => `${root}/organizations/${e(slug)}`,
    organizationMeetings: (slug: string) => `${root}/organizations/${e(slug)}/meetings`,
    person: (slug: string) => `${root}/people/${e(slug)}`,
    membership: (id: number) => `${root}/memberships/${id}`,
    meeting: (slug: string) => `${root}/meetings/${e(slug)}`,
    location: (slug: string) => `${root}/meetings/${e(slug)}/location`,
    agendaItem: (meetingSlug: string, key: string) => `${root}/meetings/${e(meetingSlug)}/agenda-items/${e(key)}`,
    paper: (id: number) => `${root}/papers/${id}`,
    file: (key: string) => `${root}/files/${e(key)}`,
    web: (path: string) => `${base}${path}`,
  };
}
export type OparlUrls = ReturnType<typeof oparlUrls>;

export interface OparlContext {
  u: OparlUrls;
  /** each council's licence, by slug */
  licenceOf: (authoritySlug: string) => Licence;
}

const MIME = { pdf: "application/pdf", docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" } as const;

export function oparlSystem(u: OparlUrls, site: { name: string; licence: Licence }) {
  return {
    id: u.system(),
    type: T("System"),
    oparlVersion: "https://schema.oparl.org/1.1/",
    name: site.name,
    license: site.licence.url,
    body: u.bodies(),
    website: u.web("/"),
    web: u.web("/data"),
  };
}

export function oparlBody(u: OparlUrls, a: { slug: string; name: string; licence: Licence; createdAt: string; updatedAt: string }) {
  return {
    id: u.body(a.slug),
    type: T("Body"),
    system: u.system(),
    name: a.name,
    license: a.licence.url,
    website: u.web("/"),
    organization: u.bodyList(a.slug, "organizations"),
    person: u.bodyList(a.slug, "people"),
    meeting: u.bodyList(a.slug, "meetings"),
    paper: u.bodyList(a.slug, "papers"),
    membership: u.bodyList(a.slug, "memberships"),
    legislativeTerm: [],
    classification: "council",
    created: a.createdAt,
    modified: a.updatedAt,
    web: u.web(urls.committees()),
  };
}

export function oparlOrganization(c: OparlContext, o: OpenOrganization) {
  return {
    id: c.u.organization(o.slug),
    type: T("Organization"),
    body: c.u.body(o.authoritySlug),
    name: o.name,
    membership: o.membershipIds.map((id) => c.u.membership(id)),
    meeting: c.u.organizationMeetings(o.slug),
    organizationType: "committee",
    classification: o.kind,
    license: c.licenceOf(o.authoritySlug).url,
    created: o.createdAt,
    modified: o.updatedAt,
    web: c.u.web(urls.committee(o.slug)),
  };
}

export function oparlPerson(c: OparlContext, p: OpenPerson) {
  return {
    id: c.u.person(p.slug),
    type: T("Person"),
    body: c.u.body(p.authoritySlug),
    name: p.name,
    familyName: p.surname,
    ...(p.forenames ? { givenName: p.forenames } : {}),
    ...(p.honorific ? { formOfAddress: p.honorific } : {}),
    status: [p.kind],
    // OParl gives a Person's Memberships inside it (Person.membership, an internal list)
    membership: p.memberships.map((m) => oparlMembership(c, m)),
    license: c.licenceOf(p.authoritySlug).url,
    created: p.createdAt,
    modified: p.updatedAt,
    web: c.u.web(urls.person(p.slug)),
  };
}

export function oparlMembership(c: OparlContext, m: OpenMembership) {
  return {
    id: c.u.membership(m.id),
    type: T("Membership"),
    person: c.u.person(m.personSlug),
    organization: c.u.organization(m.bodySlug),
    role: m.role ?? m.kind,
    ...(m.from ? { startDate: m.from } : {}),
    ...(m.to ? { endDate: m.to } : {}),
    license: c.licenceOf(m.authoritySlug).url,
    created: m.createdAt,
    modified: m.updatedAt,
  };
}

function instant(date: string, time: string | null, zone: string): string | undefined {
  if (!time) return undefined;
  try {
    return localInstant(date, time, zone).utc;
  } catch {
    return undefined;
  }
}

export function oparlPaperFile(c: OparlContext, p: Pick<OpenPaper, "id" | "title" | "format" | "fileName" | "byteLength" | "publishedOn" | "meetingSlug" | "authoritySlug">) {
  const access = c.u.web(agendaUrls.paper(p.meetingSlug, p.id));
  return {
    id: c.u.file(`paper-${p.id}`),
    type: T("File"),
    name: p.title,
    fileName: p.fileName,
    mimeType: MIME[p.format],
    ...(p.publishedOn ? { date: p.publishedOn } : {}),
    size: p.byteLength,
    accessUrl: access,
    downloadUrl: access,
    meeting: [c.u.meeting(p.meetingSlug)],
    paper: [c.u.paper(p.id)],
    fileLicense: c.licenceOf(p.authoritySlug).url,
    license: c.licenceOf(p.authoritySlug).url,
  };
}

export function oparlPaper(c: OparlContext, p: OpenPaper) {
  return {
    id: c.u.paper(p.id),
    type: T("Paper"),
    body: c.u.body(p.authoritySlug),
    name: p.title,
    reference: `${p.meetingSlug}/${p.itemNumber}/${p.id}`,
    ...(p.publishedOn ? { date: p.publishedOn } : {}),
    paperType: "agenda paper",
    mainFile: oparlPaperFile(c, p),
    underDirectionOf: [c.u.organization(p.bodySlug)],
    license: c.licenceOf(p.authoritySlug).url,
    created: p.createdAt,
    modified: p.updatedAt,
    web: c.u.web(urls.meeting(p.meetingSlug)),
  };
}

/** The public minutes text (exempt text withheld) of a meeting that has minutes. */
export function oparlMinutesFile(c: OparlContext, m: OpenMeeting["meeting"]) {
  const access = c.u.web(urls.minutesText(m.slug));
  return {
    id: c.u.file(`minutes-${m.slug}`),
    type: T("File"),
    name: `Minutes: ${m.body.name}, ${m.date}`,
    fileName: `${m.slug}-minutes.txt`,
    mimeType: "text/plain",
    date: m.date,
    accessUrl: access,
    downloadUrl: access,
    meeting: [c.u.meeting(m.slug)],
    fileLicense: c.licenceOf(m.authority.slug).url,
    license: c.licenceOf(m.authority.slug).url,
  };
}

/** An item as OParl gives it: of an exempt item only its number, title and that it was not public. */
function minutesAgendaItem(c: OparlContext, om: OpenMeeting, item: ItemView) {
  const m = om.meeting;
  const outcomes = item.resolutions.map((r) => r.outcome).filter((o): o is NonNullable<typeof o> => o !== null);
  const papers = om.agenda?.items.find((a) => a.number === item.number)?.papers.filter((p) => p.downloadable) ?? [];
  return {
    id: c.u.agendaItem(m.slug, item.slug),
    type: T("AgendaItem"),
    meeting: c.u.meeting(m.slug),
    number: item.number,
    order: item.position,
    name: item.title,
    public: !item.exempt,
    ...(outcomes.length ? { result: [...new Set(outcomes)].join("; ") } : {}),
    ...(item.resolutions.length ? { resolutionText: item.resolutions.map((r) => r.text).join("\n\n") } : {}),
    ...(papers.length ? { auxiliaryFile: papers.map((p) => oparlPaperFile(c, { ...p, publishedOn: null, meetingSlug: m.slug, authoritySlug: m.authority.slug })) } : {}),
    ...(item.exempt ? { keyword: ["exempt"] } : {}),
    license: c.licenceOf(m.authority.slug).url,
    web: c.u.web(urls.item(m.slug, item.slug)),
  };
}

/** Before the minutes: the published agenda's items. */
function publishedAgendaItems(c: OparlContext, om: OpenMeeting) {
  const m = om.meeting;
  return (om.agenda?.items ?? []).map((a, k) => {
    const papers = a.papers.filter((p) => p.downloadable);
    return {
      id: c.u.agendaItem(m.slug, `agenda-${a.id}`),
      type: T("AgendaItem"),
      meeting: c.u.meeting(m.slug),
      number: a.number,
      order: k + 1,
      name: a.title,
      public: !a.exempt,
      ...(papers.length ? { auxiliaryFile: papers.map((p) => oparlPaperFile(c, { ...p, publishedOn: null, meetingSlug: m.slug, authoritySlug: m.authority.slug })) } : {}),
      ...(a.exempt ? { keyword: ["exempt"] } : {}),
      license: c.licenceOf(m.authority.slug).url,
      web: c.u.web(urls.meeting(m.slug)),
    };
  });
}

export function oparlAgendaItems(c: OparlContext, om: OpenMeeting) {
  return om.meeting.items.length ? om.meeting.items.map((i) => minutesAgendaItem(c, om, i)) : publishedAgendaItems(c, om);
}

export function oparlLocation(c: OparlContext, m: OpenMeeting["meeting"]) {
  if (!m.venue) return null;
  return { id: c.u.location(m.slug), type: T("Location"), description: m.venue, meetings: [c.u.meeting(m.slug)], license: c.licenceOf(m.authority.slug).url };
}

export function oparlMeeting(c: OparlContext, om: OpenMeeting) {
  const m = om.meeting;
  const zone = m.authority.timeZone;
  const start = instant(m.date, m.startTime, zone);
  const end = instant(m.date, m.endTime, zone);
  const location = oparlLocation(c, m);
  const participants = [...m.attendance.present, ...m.attendance.inAttendance].flatMap((a) => (a.person ? [c.u.person(a.person.slug)] : []));
  return {
    id: c.u.meeting(m.slug),
    type: T("Meeting"),
    name: `${m.body.name}, ${m.date}`,
    meetingState: m.status,
    cancelled: m.status === "cancelled",
    ...(start ? { start } : {}),
    ...(end ? { end } : {}),
    ...(location ? { location } : {}),
    organization: [c.u.organization(m.body.slug)],
    participant: [...new Set(participants)],
    ...(m.hasMinutes ? { resultsProtocol: oparlMinutesFile(c, m) } : {}),
    agendaItem: oparlAgendaItems(c, om),
    keyword: [m.date],
    license: c.licenceOf(m.authority.slug).url,
    created: om.createdAt,
    modified: om.updatedAt,
    web: c.u.web(urls.meeting(m.slug)),
  };
}

/**
 * A person or meeting that went away, as OParl asks: its id, type and created kept, `modified`
 * when it went, `deleted: true`, and nothing else.
 */
export function oparlDeleted(c: OparlContext, d: OpenDeleted) {
  return d.kind === "person"
    ? { id: c.u.person(d.slug), type: T("Person"), created: d.createdAt, modified: d.updatedAt, deleted: true }
    : { id: c.u.meeting(d.slug), type: T("Meeting"), created: d.createdAt, modified: d.updatedAt, deleted: true };
}

/** An OParl list page: `links.next` the absolute URL of the following page, absent on the last. */
export function oparlList<T>(data: T[], limit: number, self: string, next: string | null) {
  return { data, pagination: { elementsPerPage: limit }, links: { self, ...(next ? { next } : {}) } };
}
