// Wards, read from what clerks write (nothing in the archive lists a council's wards): the ward of
// each public councillor, the wards affected of each published agenda item the public may read in
// full, and the wards of each key decision still in the forward plan. An exempt agenda item's
// wards are withheld from the public (agendaAccess), so they neither add a ward to the list nor
// put the item under a ward for the public; a viewer entitled to the committee sees it there,
// marked. Key decisions are read through `listKeyDecisions`, sealed by `publicKeyDecision`.
import { preferredSpelling, wardKey, wardKeySlug, wardName, wardsIn } from "../../domain/wards.ts";
import type { Db } from "../db.ts";
import { agendaDb } from "../agenda/schema.ts";
import { planDb } from "../forward-plan/schema.ts";
import { listKeyDecisions, type KeyDecisionView } from "../forward-plan/read.ts";
import { agendaAccess, listedMeetingsOnly, PUBLIC_VIEWER, publicPeopleOnly, type Viewer } from "../visibility.ts";

export interface WardAuthority {
  id: number;
  slug: string;
  name: string;
}

export interface WardSummary {
  /** the ward's address: its council's slug, then its own */
  slug: string;
  /** what every spelling of it shares (domain/wards.ts) */
  key: string;
  name: string;
  authority: WardAuthority;
}

export interface WardAgendaItem {
  id: number;
  number: string;
  title: string;
  exempt: boolean;
  /** exempt, shown to an entitled viewer */
  notForPublication: boolean;
  meeting: { slug: string; date: string; startTime: string | null; status: string };
  body: { slug: string; name: string };
  /** when the item was published, ISO */
  publishedAt: string;
}

export interface WardBusiness {
  councillors: { slug: string; name: string; party: string | null }[];
  /** agenda items of meetings today or later, soonest first */
  upcoming: WardAgendaItem[];
  /** agenda items of earlier meetings, latest first */
  recent: WardAgendaItem[];
  keyDecisions: KeyDecisionView[];
}

/** Earlier meetings' items shown on a ward's page and in its feed. */
export const WARD_RECENT = 30;

const flag = (v: number | boolean) => v === true || v === 1;

/** Public councillors with a ward, in these councils. */
async function councillorRows(db: Db, authorityIds?: number[]) {
  let q = db
    .selectFrom("people")
    .where("people.ward", "is not", null)
    .where(publicPeopleOnly)
    .select(["people.id", "people.slug", "people.display_name", "people.party", "people.ward", "people.authority_id"]);
  if (authorityIds) q = q.where("people.authority_id", "in", authorityIds.length ? authorityIds : [-1]);
  return q.orderBy("people.display_name").execute();
}

/** Published agenda items naming wards, of listed meetings, with what the viewer may read of each. */
async function agendaRows(db: Db, authorityIds?: number[]) {
  let q = agendaDb(db)
    .selectFrom("agenda_items")
    .innerJoin("meetings", "meetings.id", "agenda_items.meeting_id")
    .innerJoin("bodies", "bodies.id", "meetings.body_id")
    .innerJoin("agenda_publications", "agenda_publications.id", "agenda_items.publication_id")
    .where("agenda_items.wards", "is not", null)
    .where((eb) => listedMeetingsOnly(eb as never))
    .select([
      "agenda_items.id",
      "agenda_items.number",
      "agenda_items.title",
      "agenda_items.wards",
      "agenda_items.exempt",
      "agenda_items.position",
      "meetings.slug as meeting_slug",
      "meetings.date",
      "meetings.start_time",
      "meetings.status",
      "meetings.body_id",
      "bodies.slug as body_slug",
      "bodies.name as body_name",
      "bodies.authority_id",
      "agenda_publications.published_at",
    ]);
  if (authorityIds) q = q.where("bodies.authority_id", "in", authorityIds.length ? authorityIds : [-1]);
  return q.orderBy("meetings.date").orderBy("meetings.id").orderBy("agenda_items.position").execute();
}

/** Key decisions' wards, of decisions still in the plan (wards are public even for a private decision). */
async function planRows(db: Db, authorityIds?: number[]) {
  let q = planDb(db).selectFrom("forward_plan_entries").where("withdrawn_on", "is", null).where("wards_json", "!=", "[]").select(["authority_id", "wards_json"]);
  if (authorityIds) q = q.where("authority_id", "in", authorityIds.length ? authorityIds : [-1]);
  return q.execute();
}

const parseWards = (json: string): string[] => {
  try {
    const v = JSON.parse(json);
    return Array.isArray(v) ? v.filter((s): s is string => typeof s === "string") : [];
  } catch {
    return [];
  }
};

/** Every ward of these councils (all when not given), as the public may learn of it. */
async function wardsOf(db: Db, authorities: WardAuthority[]): Promise<WardSummary[]> {
  if (!authorities.length) return [];
  const ids = authorities.map((a) => a.id);
  const [people, items, plans] = await Promise.all([councillorRows(db, ids), agendaRows(db, ids), planRows(db, ids)]);
  const found = new Map<string, { authorityId: number; key: string; spellings: Map<string, number> }>();
  const add = (authorityId: number, written: string) => {
    for (const w of wardsIn(written)) {
      const k = `${authorityId} ${w.key}`;
      let f = found.get(k);
      if (!f) found.set(k, (f = { authorityId, key: w.key, spellings: new Map() }));
      f.spellings.set(w.name, (f.spellings.get(w.name) ?? 0) + 1);
    }
  };
  // a councillor's ward is one ward, whatever punctuation its name has
  for (const p of people) if (p.ward && wardKey(p.ward)) add(p.authority_id, wardName(p.ward).replace(/[;,\n]+/g, " "));
  for (const i of items) if (agendaAccess({ published: true, exempt: i.exempt, bodyId: i.body_id }, PUBLIC_VIEWER) === "public") add(i.authority_id, i.wards!);
  for (const d of plans) for (const w of parseWards(d.wards_json)) add(d.authority_id, w.replace(/[;,\n]+/g, " "));
  const byId = new Map(authorities.map((a) => [a.id, a]));
  return [...found.values()]
    .map((f) => {
      const authority = byId.get(f.authorityId)!;
      return { slug: `${authority.slug}-${wardKeySlug(f.key)}`, key: f.key, name: preferredSpelling(f.spellings), authority };
    })
    .sort((a, b) => a.authority.name.localeCompare(b.authority.name) || a.name.localeCompare(b.name) || (a.slug < b.slug ? -1 : 1));
}

async function authoritiesOf(db: Db, slug?: string): Promise<WardAuthority[]> {
  let q = db.selectFrom("authorities").select(["id", "slug", "name"]).orderBy("name");
  if (slug) q = q.where("slug", "=", slug);
  return q.execute();
}

/** The wards of a council, or of every council, in name order. */
export async function listWards(db: Db, opts: { authority?: string } = {}): Promise<WardSummary[]> {
  return wardsOf(db, await authoritiesOf(db, opts.authority));
}

/** A ward by its address; null when no public record names it. */
export async function getWard(db: Db, slug: string): Promise<WardSummary | null> {
  // the council is the one whose slug begins the address (the longest, should one council's slug begin another's)
  const authorities = (await authoritiesOf(db)).filter((a) => slug.startsWith(`${a.slug}-`)).sort((a, b) => b.slug.length - a.slug.length);
  for (const a of authorities) {
    const w = (await wardsOf(db, [a])).find((x) => x.slug === slug);
    if (w) return w;
  }
  return null;
}

/** Whether a wards-affected text names this ward. */
const names = (text: string | null | undefined, key: string) => wardsIn(text).some((w) => w.key === key);

/** A ward's councillors, agenda items and key decisions, as `viewer` may see them. */
export async function wardBusiness(db: Db, ward: WardSummary, viewer: Viewer, today: string): Promise<WardBusiness> {
  const ids = [ward.authority.id];
  const [people, items, decisions] = await Promise.all([councillorRows(db, ids), agendaRows(db, ids), listKeyDecisions(db, { authority: ward.authority.slug }, viewer)]);
  const shown: WardAgendaItem[] = [];
  for (const i of items) {
    if (!names(i.wards, ward.key)) continue;
    const access = agendaAccess({ published: true, exempt: i.exempt, bodyId: i.body_id }, viewer);
    // the wards of an exempt item are withheld from this viewer: it is not theirs to place in a ward
    if (access === "withheld" || access === "unpublished") continue;
    shown.push({
      id: i.id,
      number: i.number,
      title: i.title,
      exempt: flag(i.exempt),
      notForPublication: access === "entitled",
      meeting: { slug: i.meeting_slug, date: i.date, startTime: i.start_time, status: i.status },
      body: { slug: i.body_slug, name: i.body_name },
      publishedAt: i.published_at,
    });
  }
  return {
    councillors: people.filter((p) => wardKey(p.ward ?? "") === ward.key).map((p) => ({ slug: p.slug, name: p.display_name, party: p.party })),
    upcoming: shown.filter((i) => i.meeting.date >= today),
    recent: shown.filter((i) => i.meeting.date < today).reverse().slice(0, WARD_RECENT),
    keyDecisions: decisions.filter((d) => d.wards.some((w) => wardKey(w) === ward.key)),
  };
}
