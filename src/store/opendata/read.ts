// What the open data exports (OParl, Open Civic Data, CSV) read: every list paged by keyset along
// its primary key, so a page costs the same at the 100,000th meeting as at the first and rows added
// while a client pages on are neither repeated nor skipped. Only public records: meetings through
// listedMeetingsOnly, a meeting's content through getMeeting (the portal's own read, which applies
// publicView to items, decisions, votes and declarations), people through publicPeopleOnly, agenda
// papers through isAgendaContentShown. Nothing here decides for itself what is public.
import { sql, type SelectQueryBuilder } from "kysely";
import type { Db } from "../db.ts";
import { isAgendaContentShown, listedMeetingsOnly, publicPeopleOnly, PUBLIC_VIEWER, type Viewer } from "../visibility.ts";
import { keysetPage, type KeyPart } from "../read/keyset.ts";
import { getMeeting } from "../read/meeting.ts";
import type { MeetingDetail } from "../read/types.ts";
import { readAgenda, type AgendaView } from "../agenda/read.ts";
import { agendaDb } from "../agenda/schema.ts";
import { opendataDb } from "./schema.ts";
import type { Licence } from "./licence.ts";

export interface OpenPage<T> {
  data: T[];
  /** the cursor of the next page; null on the last */
  next: string | null;
}

export interface Paging {
  limit: number;
  cursor?: string;
}

/**
 * Who reads: always the public, but with the date that decides releases (an exempt item is public
 * from its release date, as on the pages); PUBLIC_VIEWER, which releases nothing, when not given.
 */
export interface Reading {
  viewer?: Viewer;
}

/**
 * Only records created (and changed) within these instants (ISO 8601, UTC, both ends included), as
 * OParl's filters `created_since`, `created_until`, `modified_since` and `modified_until` ask.
 */
export interface Since {
  createdSince?: string;
  createdUntil?: string;
  modifiedSince?: string;
  modifiedUntil?: string;
}

/** The query with the window's bounds on its created and modified columns. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function inWindow<Q extends SelectQueryBuilder<any, any, any>>(q: Q, created: string, modified: string, w: Since): Q {
  const bound = (col: string, op: ">=" | "<=", v: string | undefined) => {
    if (v !== undefined) q = q.where(sql.ref(col), op, v) as Q;
  };
  bound(created, ">=", w.createdSince);
  bound(created, "<=", w.createdUntil);
  bound(modified, ">=", w.modifiedSince);
  bound(modified, "<=", w.modifiedUntil);
  return q;
}

/** Whether stamps fall within the window (for the few councils, read whole). */
export function isInWindow(createdAt: string, updatedAt: string, w: Since): boolean {
  return (
    (!w.createdSince || createdAt >= w.createdSince) && (!w.createdUntil || createdAt <= w.createdUntil) && (!w.modifiedSince || updatedAt >= w.modifiedSince) && (!w.modifiedUntil || updatedAt <= w.modifiedUntil)
  );
}

const byId = (ref: string): KeyPart[] => [{ ref: sql.ref(ref), desc: false }];

export interface OpenAuthority {
  id: number;
  slug: string;
  name: string;
  timeZone: string;
  licence: Licence;
  createdAt: string;
  updatedAt: string;
}

/** Every council, with its licence; councils are few, so they come in one list. */
export async function openAuthorities(db: Db, slug?: string): Promise<OpenAuthority[]> {
  let q = opendataDb(db).selectFrom("authorities").select(["id", "slug", "name", "time_zone", "licence_name", "licence_url", "created_at", "updated_at"]).orderBy("id");
  if (slug !== undefined) q = q.where("slug", "=", slug);
  const rows = await q.execute();
  return rows.map((r) => ({ id: r.id, slug: r.slug, name: r.name, timeZone: r.time_zone, licence: { name: r.licence_name, url: r.licence_url }, createdAt: r.created_at, updatedAt: r.updated_at }));
}

export interface OpenMeetingKey {
  id: number;
  slug: string;
  authoritySlug: string;
  createdAt: string;
  updatedAt: string;
}

/** The public meetings, oldest stored first, a page at a time. */
export async function publicMeetingKeys(db: Db, opts: Paging & Since & { authority?: string; body?: string }): Promise<OpenPage<OpenMeetingKey>> {
  let q = db
    .selectFrom("meetings")
    .innerJoin("bodies", "bodies.id", "meetings.body_id")
    .innerJoin("authorities", "authorities.id", "bodies.authority_id")
    .where(listedMeetingsOnly)
    .select(["meetings.id", "meetings.slug", "authorities.slug as authority_slug", "meetings.created_at", "meetings.updated_at"]);
  if (opts.authority) q = q.where("authorities.slug", "=", opts.authority);
  if (opts.body) q = q.where("bodies.slug", "=", opts.body);
  q = inWindow(q, "meetings.created_at", "meetings.updated_at", opts);
  const page = await keysetPage(q, byId("meetings.id"), (r) => [r.id], ["n"], opts);
  return { data: page.rows.map((r) => ({ id: r.id, slug: r.slug, authoritySlug: r.authority_slug, createdAt: r.created_at, updatedAt: r.updated_at })), next: page.next };
}

export interface OpenMeeting {
  meeting: MeetingDetail;
  /** the published agenda as the public sees it; null when there is none */
  agenda: AgendaView | null;
  createdAt: string;
  updatedAt: string;
}

/** One public meeting with everything the public may see of it; null when it is not public. */
export async function openMeeting(db: Db, key: Pick<OpenMeetingKey, "slug"> & Partial<OpenMeetingKey>, viewer: Viewer = PUBLIC_VIEWER): Promise<OpenMeeting | null> {
  const meeting = await getMeeting(db, key.slug, viewer);
  if (!meeting) return null;
  let createdAt = key.createdAt;
  let updatedAt = key.updatedAt;
  if (createdAt === undefined || updatedAt === undefined) {
    const row = await db.selectFrom("meetings").where("slug", "=", key.slug).select(["created_at", "updated_at"]).executeTakeFirstOrThrow();
    createdAt = row.created_at;
    updatedAt = row.updated_at;
  }
  const agenda = await readAgenda(db, key.slug, viewer);
  return { meeting, agenda: agenda && agenda.items.length ? agenda : null, createdAt, updatedAt };
}

/** A page of public meetings, each read whole. */
export async function openMeetingsPage(db: Db, opts: Paging & Since & Reading & { authority?: string; body?: string }): Promise<OpenPage<OpenMeeting>> {
  const keys = await publicMeetingKeys(db, opts);
  const data: OpenMeeting[] = [];
  for (const k of keys.data) {
    const m = await openMeeting(db, k, opts.viewer);
    if (m) data.push(m);
  }
  return { data, next: keys.next };
}

export interface OpenPerson {
  id: number;
  slug: string;
  name: string;
  honorific: string | null;
  forenames: string | null;
  surname: string;
  kind: string;
  party: string | null;
  ward: string | null;
  authoritySlug: string;
  createdAt: string;
  updatedAt: string;
  /** the committees they sat on (OParl embeds these in the Person) */
  memberships: OpenMembership[];
}

function peopleQuery(db: Db) {
  return opendataDb(db)
    .selectFrom("people")
    .innerJoin("authorities", "authorities.id", "people.authority_id")
    .where(publicPeopleOnly)
    .select(["people.id", "people.slug", "people.display_name", "people.honorific", "people.forenames", "people.surname", "people.kind", "people.party", "people.ward", "authorities.slug as authority_slug", "people.created_at", "people.updated_at"]);
}

type PersonRow = Awaited<ReturnType<ReturnType<typeof peopleQuery>["execute"]>>[number];
const toPerson = (r: PersonRow, memberships: OpenMembership[]): OpenPerson => ({
  id: r.id,
  slug: r.slug,
  name: r.display_name,
  honorific: r.honorific,
  forenames: r.forenames,
  surname: r.surname,
  kind: r.kind,
  party: r.party,
  ward: r.ward,
  authoritySlug: r.authority_slug,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  memberships,
});

/** People read with their memberships: one more statement a page, through the person index. */
async function withMemberships(db: Db, rows: PersonRow[]): Promise<OpenPerson[]> {
  if (!rows.length) return [];
  const ms = (await membershipsQuery(db).where("memberships.person_id", "in", rows.map((r) => r.id)).orderBy("memberships.id").execute()).map(toMembership);
  return rows.map((r) => toPerson(r, ms.filter((m) => m.personId === r.id)));
}

/** The public people (named in public minutes), a page at a time. */
export async function openPeoplePage(db: Db, opts: Paging & Since & { authority?: string }): Promise<OpenPage<OpenPerson>> {
  let q = peopleQuery(db);
  if (opts.authority) q = q.where("authorities.slug", "=", opts.authority);
  q = inWindow(q, "people.created_at", "people.updated_at", opts);
  const page = await keysetPage(q, byId("people.id"), (r) => [r.id], ["n"], opts);
  return { data: await withMemberships(db, page.rows), next: page.next };
}

export async function openPerson(db: Db, slug: string): Promise<OpenPerson | null> {
  const r = await peopleQuery(db).where("people.slug", "=", slug).executeTakeFirst();
  return r ? (await withMemberships(db, [r]))[0] : null;
}

export interface OpenOrganization {
  id: number;
  slug: string;
  name: string;
  kind: string;
  authoritySlug: string;
  createdAt: string;
  updatedAt: string;
  /** the ids of its public Memberships (OParl's Organization.membership) */
  membershipIds: number[];
}

function bodiesQuery(db: Db) {
  return opendataDb(db)
    .selectFrom("bodies")
    .innerJoin("authorities", "authorities.id", "bodies.authority_id")
    .select(["bodies.id", "bodies.slug", "bodies.name", "bodies.kind", "authorities.slug as authority_slug", "bodies.created_at", "bodies.updated_at"]);
}
type BodyRow = Awaited<ReturnType<ReturnType<typeof bodiesQuery>["execute"]>>[number];

/** Bodies read with their memberships' ids: one more statement a page, through the body index. */
async function toOrganizations(db: Db, rows: BodyRow[]): Promise<OpenOrganization[]> {
  if (!rows.length) return [];
  const ms = await membershipsQuery(db).where("memberships.body_id", "in", rows.map((r) => r.id)).select("memberships.body_id").orderBy("memberships.id").execute();
  return rows.map((r) => ({
    id: r.id,
    slug: r.slug,
    name: r.name,
    kind: r.kind,
    authoritySlug: r.authority_slug,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    membershipIds: ms.filter((m) => m.body_id === r.id).map((m) => m.id),
  }));
}

/** Committees and other bodies (public, as on /committees), a page at a time. */
export async function openOrganizationsPage(db: Db, opts: Paging & Since & { authority?: string }): Promise<OpenPage<OpenOrganization>> {
  let q = bodiesQuery(db);
  if (opts.authority) q = q.where("authorities.slug", "=", opts.authority);
  q = inWindow(q, "bodies.created_at", "bodies.updated_at", opts);
  const page = await keysetPage(q, byId("bodies.id"), (r) => [r.id], ["n"], opts);
  return { data: await toOrganizations(db, page.rows), next: page.next };
}

export async function openOrganization(db: Db, slug: string): Promise<OpenOrganization | null> {
  const r = await bodiesQuery(db).where("bodies.slug", "=", slug).executeTakeFirst();
  return r ? (await toOrganizations(db, [r]))[0] : null;
}

export interface OpenMembership {
  id: number;
  personId: number;
  personSlug: string;
  personName: string;
  bodySlug: string;
  authoritySlug: string;
  role: string | null;
  kind: string;
  from: string | null;
  to: string | null;
  createdAt: string;
  updatedAt: string;
}

function membershipsQuery(db: Db) {
  return opendataDb(db)
    .selectFrom("memberships")
    .innerJoin("people", "people.id", "memberships.person_id")
    .innerJoin("bodies", "bodies.id", "memberships.body_id")
    .innerJoin("authorities", "authorities.id", "bodies.authority_id")
    .where(publicPeopleOnly)
    .select(["memberships.id", "memberships.person_id", "people.slug as person_slug", "people.display_name as person_name", "bodies.slug as body_slug", "authorities.slug as authority_slug", "memberships.role", "memberships.kind", "memberships.from_date", "memberships.to_date", "memberships.created_at", "memberships.updated_at"]);
}
type MembershipRow = Awaited<ReturnType<ReturnType<typeof membershipsQuery>["execute"]>>[number];
const toMembership = (r: MembershipRow): OpenMembership => ({
  id: r.id,
  personId: r.person_id,
  personSlug: r.person_slug,
  personName: r.person_name,
  bodySlug: r.body_slug,
  authoritySlug: r.authority_slug,
  role: r.role,
  kind: r.kind,
  from: r.from_date,
  to: r.to_date,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** Who sat on which committee, and as what (only public people's), a page at a time. */
export async function openMembershipsPage(db: Db, opts: Paging & Since & { authority?: string; person?: string; body?: string }): Promise<OpenPage<OpenMembership>> {
  let q = membershipsQuery(db);
  q = inWindow(q, "memberships.created_at", "memberships.updated_at", opts);
  if (opts.authority) q = q.where("authorities.slug", "=", opts.authority);
  if (opts.person) q = q.where("people.slug", "=", opts.person);
  if (opts.body) q = q.where("bodies.slug", "=", opts.body);
  const page = await keysetPage(q, byId("memberships.id"), (r) => [r.id], ["n"], opts);
  return { data: page.rows.map(toMembership), next: page.next };
}

export async function openMembership(db: Db, id: number): Promise<OpenMembership | null> {
  const r = await membershipsQuery(db).where("memberships.id", "=", id).executeTakeFirst();
  return r ? toMembership(r) : null;
}

export interface OpenPaper {
  id: number;
  title: string;
  format: "pdf" | "docx";
  fileName: string;
  byteLength: number;
  publishedOn: string | null;
  meetingSlug: string;
  meetingDate: string;
  itemId: number;
  itemNumber: string;
  authoritySlug: string;
  bodySlug: string;
  /** when it was uploaded, and when last published */
  createdAt: string;
  updatedAt: string;
}

/** Agenda papers the public may download, a page at a time; an exempt paper, or one of an exempt item, is left out. */
export async function openPapersPage(db: Db, opts: Paging & Since & Reading & { authority?: string; id?: number }): Promise<OpenPage<OpenPaper>> {
  let q = agendaDb(db)
    .selectFrom("agenda_papers")
    .innerJoin("agenda_items", "agenda_items.id", "agenda_papers.item_id")
    .innerJoin("meetings", "meetings.id", "agenda_papers.meeting_id")
    .innerJoin("bodies", "bodies.id", "meetings.body_id")
    .innerJoin("authorities", "authorities.id", "bodies.authority_id")
    .leftJoin("agenda_publications", "agenda_publications.id", "agenda_papers.publication_id")
    .where("agenda_papers.publication_id", "is not", null)
    .where("agenda_items.publication_id", "is not", null)
    .select([
      "agenda_papers.id",
      "agenda_papers.title",
      "agenda_papers.format",
      "agenda_papers.file_name",
      "agenda_papers.byte_length",
      "agenda_papers.exempt",
      "agenda_items.exempt as item_exempt",
      "agenda_items.id as item_id",
      "agenda_items.number as item_number",
      "agenda_publications.published_on",
      "agenda_publications.published_at",
      "agenda_papers.uploaded_at",
      "meetings.slug as meeting_slug",
      "meetings.date as meeting_date",
      "meetings.body_id",
      "bodies.slug as body_slug",
      "authorities.slug as authority_slug",
    ]);
  if (opts.authority) q = q.where("authorities.slug", "=", opts.authority);
  if (opts.id !== undefined) q = q.where("agenda_papers.id", "=", opts.id);
  q = inWindow(q, "agenda_papers.uploaded_at", "agenda_publications.published_at", opts);
  const page = await keysetPage(q, byId("agenda_papers.id"), (r) => [r.id], ["n"], opts);
  const flag = (v: number | boolean) => v === true || v === 1;
  const shown = page.rows.filter((r) => isAgendaContentShown({ published: true, exempt: flag(r.exempt) || flag(r.item_exempt), bodyId: r.body_id }, opts.viewer ?? PUBLIC_VIEWER));
  return {
    data: shown.map((r) => ({
      id: r.id,
      title: r.title,
      format: r.format,
      fileName: r.file_name,
      byteLength: r.byte_length,
      publishedOn: r.published_on,
      meetingSlug: r.meeting_slug,
      meetingDate: r.meeting_date,
      itemId: r.item_id,
      itemNumber: r.item_number,
      authoritySlug: r.authority_slug,
      bodySlug: r.body_slug,
      createdAt: r.uploaded_at,
      updatedAt: r.published_at ?? r.uploaded_at,
    })),
    next: page.next,
  };
}
