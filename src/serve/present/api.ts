// What the JSON API shows of each record. Fields are listed one by one: a column added to the
// store never reaches the public until someone adds it here on purpose.
import { NOT_FOR_PUBLICATION } from "../../store/visibility.ts";
import type { MinutesStanding } from "../../store/lifecycle/standing.ts";
import type {
  AttendanceRecordRow,
  MotionRecordRow,
  VoteRecordRow,
  AttendeeView,
  AuthorityRef,
  AuthoritySummary,
  BodyDetail,
  BodyRef,
  BodySummary,
  DecisionSummary,
  DeclarationView,
  QuestionView,
  ItemView,
  MeetingDetail,
  MeetingSummary,
  MemberView,
  PersonDetail,
  PersonRef,
  PersonSummary,
  ResolutionView,
  SearchHit,
  Votes,
  VoterView,
} from "../../store/read/types.ts";
import { urls } from "../urls.ts";

export const authorityRef = (a: AuthorityRef) => ({ id: a.slug, name: a.name });
export const bodyRef = (b: BodyRef) => ({ id: b.slug, name: b.name, url: urls.committee(b.slug) });
export const personRef = (p: PersonRef | null) => (p ? { id: p.slug, name: p.name, url: urls.person(p.slug) } : null);
const voters = (list: VoterView[]) => list.map((x) => ({ name: x.name, person: personRef(x.person) }));
const votes = (v: Votes | null) =>
  v
    ? {
        for: v.for,
        against: v.against,
        abstain: v.abstain,
        unanimous: v.unanimous === true,
        recorded: v.recorded
          ? { for: voters(v.recorded.for), against: voters(v.recorded.against), abstain: voters(v.recorded.abstain), absent: voters(v.recorded.absent), recused: voters(v.recorded.recused) }
          : null,
      }
    : null;

export function presentAuthority(a: AuthoritySummary) {
  return { id: a.slug, name: a.name, timeZone: a.timeZone, bodyCount: a.bodyCount, meetingCount: a.meetingCount };
}

export function presentMeetingSummary(m: MeetingSummary) {
  return {
    id: m.slug,
    date: m.date,
    startTime: m.startTime,
    endTime: m.endTime,
    timeZone: m.authority.timeZone,
    body: bodyRef(m.body),
    authority: authorityRef(m.authority),
    venue: m.venue,
    status: m.status,
    hasMinutes: m.hasMinutes,
    ...presentMinutesStanding(m),
    itemCount: m.itemCount,
    decisionCount: m.decisionCount,
    url: urls.meeting(m.slug),
    apiUrl: urls.api.meeting(m.slug),
  };
}

/** Where the minutes stand: a published draft, the council's final record, approved, corrected after approval. */
function presentMinutesStanding(m: MinutesStanding) {
  return { minutesStatus: m.minutesStatus, minutesDraft: m.minutesDraft, minutesApprovedOn: m.minutesApprovedOn, minutesCorrectedOn: m.minutesCorrectedOn };
}

function presentAttendee(a: AttendeeView, status: string) {
  return {
    name: a.rawName,
    person: personRef(a.person),
    status,
    kind: a.kind,
    role: a.role,
    substituteFor: a.substituteFor,
    substituteForPerson: personRef(a.substituteForPerson),
  };
}

function presentResolution(meetingSlug: string, r: ResolutionView) {
  return { id: r.slug, text: r.text, outcome: r.outcome, votes: votes(r.votes), url: urls.decision(meetingSlug, r.slug) };
}

function presentItem(meetingSlug: string, i: ItemView) {
  return {
    id: i.slug,
    number: i.number,
    title: i.title,
    exempt: i.exempt,
    exemptParagraphs: i.exemptParagraphs,
    exemptNotice: i.exemptNotice,
    // already withheld for an exempt item by the visibility rule (publicItem) the read applied
    text: i.text,
    resolutions: i.resolutions.map((r) => presentResolution(meetingSlug, r)),
    url: urls.item(meetingSlug, i.slug),
    // only where they apply, so the public's answers keep their shape
    ...(i.notForPublication ? { notForPublication: true, marking: NOT_FOR_PUBLICATION } : {}),
    ...(i.releasedOn ? { releasedOn: i.releasedOn } : {}),
  };
}

/** `exempt: true` and the marking on sealed business shown to an entitled viewer; nothing otherwise. */
function sealedMark(notForPublication: boolean | undefined, notice?: string | null) {
  return notForPublication ? { exempt: true, notForPublication: true, marking: NOT_FOR_PUBLICATION, ...(notice ? { exemptNotice: notice } : {}) } : {};
}

function presentDeclaration(d: DeclarationView) {
  return { name: d.rawName, person: personRef(d.person), item: d.item ? { id: d.item.slug, number: d.item.number } : null, interest: d.interest, kind: d.kind, description: d.description, ...sealedMark(d.notForPublication) };
}

function presentQuestion(q: QuestionView) {
  return { item: q.item ? { id: q.item.slug, number: q.item.number } : null, askedBy: q.askedBy, askedTo: q.askedTo, question: q.question, answer: q.answer, ...sealedMark(q.notForPublication) };
}

export function presentMeetingDetail(m: MeetingDetail) {
  return {
    ...presentMeetingSummary(m),
    attendance: [
      ...m.attendance.present.map((a) => presentAttendee(a, "present")),
      ...m.attendance.inAttendance.map((a) => presentAttendee(a, "in_attendance")),
      ...m.attendance.apologies.map((a) => presentAttendee(a, "apologies")),
      ...m.attendance.absent.map((a) => presentAttendee(a, "absent")),
    ],
    declarations: m.declarations.map(presentDeclaration),
    questions: m.questions.map(presentQuestion),
    minutesStated: m.minutesStated ? { status: m.minutesStated.status, text: m.minutesStated.text } : null,
    items: m.items.map((i) => presentItem(m.slug, i)),
    recommendations: m.recommendations.map((r) => ({
      number: r.number,
      text: r.text,
      response: r.response,
      responseText: r.responseText,
      responsibleMember: r.responsibleMember,
      responsibleOfficer: r.responsibleOfficer,
      actionBy: r.actionBy,
      ...sealedMark(r.notForPublication),
    })),
    nextMeeting: m.nextMeetingStated ? { date: m.nextMeetingStated.date, time: m.nextMeetingStated.time, venue: m.nextMeetingStated.venue } : null,
    source: m.source ? { fileName: m.source.fileName, format: m.source.format, url: urls.minutes(m.slug), text: urls.minutesText(m.slug) } : null,
    minutesApproval: m.minutesApproval
      ? {
          approvedOn: m.minutesApproval.approvedOn,
          meeting: m.minutesApproval.meeting ? { id: m.minutesApproval.meeting.slug, date: m.minutesApproval.meeting.date, url: urls.meeting(m.minutesApproval.meeting.slug) } : null,
          item: m.minutesApproval.item,
          approvedVersionUrl: urls.approvedMinutes(m.slug),
        }
      : null,
    minutesCorrections: m.minutesCorrections.map((c) => ({ date: c.correctedOn, reason: c.reason })),
  };
}

export function presentMember(mv: MemberView) {
  return { person: personRef(mv.person), kind: mv.kind, role: mv.role, from: mv.from, to: mv.to };
}

export function presentBodySummary(b: BodySummary) {
  return {
    id: b.slug,
    name: b.name,
    kind: b.kind,
    authority: authorityRef(b.authority),
    meetingCount: b.meetingCount,
    firstMeeting: b.firstMeeting,
    lastMeeting: b.lastMeeting,
    url: urls.committee(b.slug),
    apiUrl: urls.api.body(b.slug),
  };
}

export function presentBodyDetail(b: BodyDetail) {
  return {
    ...presentBodySummary(b),
    members: b.members.map(presentMember),
    meetings: b.meetingsByYear.flatMap((y) => y.meetings.map(presentMeetingSummary)),
    recentDecisions: b.decisions.map(presentDecision),
    older: {
      meetings: b.older.meetings ? `${urls.api.meetings()}?body=${encodeURIComponent(b.slug)}&cursor=${encodeURIComponent(b.older.meetings)}` : null,
      members: b.older.members ? `${urls.api.body(b.slug)}/members?cursor=${encodeURIComponent(b.older.members)}` : null,
    },
  };
}

export function presentDecision(d: DecisionSummary) {
  return {
    id: d.slug,
    text: d.text,
    outcome: d.outcome,
    votes: votes(d.votes),
    item: { id: d.item.slug, number: d.item.number, title: d.item.title },
    meeting: { id: d.meeting.slug, date: d.meeting.date, body: d.body.slug },
    body: bodyRef(d.body),
    authority: authorityRef(d.authority),
    url: urls.decision(d.meeting.slug, d.slug),
    ...sealedMark(!!d.exemptNotice, d.exemptNotice),
  };
}

export function presentPersonSummary(p: PersonSummary) {
  return { id: p.slug, name: p.name, kind: p.kind, authority: authorityRef(p.authority), meetingCount: p.meetingCount, url: urls.person(p.slug), apiUrl: urls.api.person(p.slug) };
}

export const presentRole = (m: PersonDetail["memberships"][number]) => ({ body: bodyRef(m.body), role: m.role, kind: m.kind, from: m.from, to: m.to });

export const presentAttendanceRecord = (r: AttendanceRecordRow) => ({
  meeting: { id: r.meeting.slug, date: r.meeting.date, body: r.meeting.body.slug, url: urls.meeting(r.meeting.slug) },
  status: r.status,
  expected: r.expected,
  role: r.role,
  nameAsWritten: r.rawName,
});

export const presentMotion = (m: MotionRecordRow) => ({
  role: m.role,
  nameAsWritten: m.nameAsWritten,
  decision: { id: m.decision.slug, text: m.decision.text, url: urls.decision(m.meeting.slug, m.decision.slug) },
  item: { id: m.item.slug, number: m.item.number, title: m.item.title, url: urls.item(m.meeting.slug, m.item.slug) },
  meeting: { id: m.meeting.slug, date: m.meeting.date, body: m.meeting.body.slug, url: urls.meeting(m.meeting.slug) },
  ...sealedMark(!!m.exemptNotice, m.exemptNotice),
});

export const presentVote = (v: VoteRecordRow) => ({
  vote: v.vote,
  nameAsWritten: v.nameAsWritten,
  decision: { id: v.decision.slug, text: v.decision.text, url: urls.decision(v.meeting.slug, v.decision.slug) },
  item: { id: v.item.slug, number: v.item.number, title: v.item.title, url: urls.item(v.meeting.slug, v.item.slug) },
  meeting: { id: v.meeting.slug, date: v.meeting.date, body: v.meeting.body.slug, url: urls.meeting(v.meeting.slug) },
  ...sealedMark(!!v.exemptNotice, v.exemptNotice),
});

/** The API address of a page of one of a person's lists, or null when there is none. */
export const personListApiUrl = (slug: string, list: "meetings" | "motions" | "votes" | "roles", cursor: string | null) =>
  cursor ? `${urls.api.person(slug)}/${list}?cursor=${encodeURIComponent(cursor)}` : null;

export function presentPersonDetail(p: PersonDetail) {
  return {
    ...presentPersonSummary(p),
    party: p.party,
    ward: p.ward,
    memberships: p.memberships.map(presentRole),
    attendance: {
      expected: p.attendance.expected,
      present: p.attendance.present,
      apologies: p.attendance.apologies,
      absent: p.attendance.absent,
      inAttendance: p.attendance.inAttendance,
      meetings: p.attendance.meetings.map(presentAttendanceRecord),
    },
    motions: p.motions.map(presentMotion),
    votes: p.votes.map(presentVote),
    older: {
      meetings: personListApiUrl(p.slug, "meetings", p.older.meetings),
      motions: personListApiUrl(p.slug, "motions", p.older.motions),
      votes: personListApiUrl(p.slug, "votes", p.older.votes),
      roles: personListApiUrl(p.slug, "roles", p.older.roles),
    },
  };
}

export function hitUrl(h: SearchHit): string {
  if (h.type === "person") return urls.person(h.slug);
  if (h.type === "decision" && h.decisionSlug) return urls.decision(h.slug, h.decisionSlug);
  if (h.type === "item" && h.itemSlug) return urls.item(h.slug, h.itemSlug);
  // an agenda item or paper: its place in the agenda section of the meeting's page
  if ((h.type === "agenda" || h.type === "paper") && h.agendaItemId !== null) return `${urls.meeting(h.slug)}#agenda-item-${h.agendaItemId}`;
  return urls.meeting(h.slug);
}

export function presentSearchHit(h: SearchHit) {
  return {
    type: h.type,
    // decisions keep the id they have in /api/v1/decisions; items are numbered within their meeting
    id: h.type === "decision" && h.decisionSlug ? h.decisionSlug : h.type === "item" && h.itemSlug ? `${h.slug}/${h.itemSlug}` : h.slug,
    title: h.title,
    snippet: h.snippet,
    url: hitUrl(h),
    meeting: h.meeting ? { id: h.meeting.slug, date: h.meeting.date, body: h.body?.slug ?? null, ...presentMinutesStanding(h.meeting) } : null,
  };
}
