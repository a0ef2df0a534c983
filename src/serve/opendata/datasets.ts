// Every open dataset, once: its format, its name and how to read it a page at a time. The export
// endpoints (/api/v1/export/…), `quorum export` and the /data page all read this list, so a
// dataset added here is exported, served and listed alike. Pages come from keyset reads
// (store/opendata/read.ts), so a whole export is held in memory a page at a time.
import type { Db } from "../../store/db.ts";
import { publicViewer, type Viewer } from "../../store/visibility.ts";
import { openAuthorities, openMeetingsPage, openMembershipsPage, openOrganizationsPage, openPapersPage, openPeoplePage, type OpenPage, type Paging } from "../../store/opendata/read.ts";
import { OGL_V3, type Licence } from "../../store/opendata/licence.ts";
import { ocdEvent, ocdMembership, ocdOrganization, ocdPerson, ocdVoteEvents, type OcdContext } from "./ocd.ts";
import { oparlBody, oparlMeeting, oparlMembership, oparlOrganization, oparlPaper, oparlPerson, oparlUrls, type OparlContext } from "./oparl.ts";
import { CSV_NAMES, csvLine, csvRows, type CsvFile } from "./csv.ts";

export type ExportFormat = "ocd" | "oparl" | "csv";
export const EXPORT_FORMATS: ExportFormat[] = ["ocd", "oparl", "csv"];

export interface ExportContext {
  db: Db;
  /** the site's address, for links and OParl ids */
  base: string;
  licenceOf: (authoritySlug: string) => Licence;
  /** the public, on the council's date: an exempt item released by then is exported, as the pages show it */
  viewer: Viewer;
}

/** `today`: the council's date (the request's viewer's, or councilToday's); null releases nothing. */
export async function exportContext(db: Db, base: string, today: string | null): Promise<ExportContext> {
  const licences = new Map((await openAuthorities(db)).map((a) => [a.slug, a.licence]));
  return { db, base, licenceOf: (a) => licences.get(a) ?? OGL_V3, viewer: publicViewer(today) };
}

export interface JsonDataset {
  kind: "json";
  format: "ocd" | "oparl";
  name: string;
  what: string;
  /** how many records a page holds by default, and at most (a meeting is read whole) */
  limits: { dflt: number; max: number };
  page(x: ExportContext, p: Paging): Promise<OpenPage<unknown>>;
}

export interface CsvDataset {
  kind: "csv";
  format: "csv";
  name: CsvFile;
  what: string;
  limits: { dflt: number; max: number };
  /** CSV lines (no header) of a page of meetings */
  page(x: ExportContext, p: Paging): Promise<OpenPage<string>>;
}

export type Dataset = JsonDataset | CsvDataset;

const MEETINGS = { dflt: 20, max: 100 };
const ROWS = { dflt: 100, max: 500 };
const ocd = (x: ExportContext): OcdContext => ({ base: x.base, licenceOf: x.licenceOf });
const oparl = (x: ExportContext): OparlContext => ({ u: oparlUrls(x.base), licenceOf: x.licenceOf });
const mapPage = async <T, U>(page: Promise<OpenPage<T>>, f: (t: T) => U[]): Promise<OpenPage<U>> => {
  const p = await page;
  return { data: p.data.flatMap(f), next: p.next };
};

const CSV_WHAT: Record<CsvFile, string> = {
  meetings: "One row per public meeting: council, committee, date, times, venue, status, minutes status, counts of items and decisions.",
  attendance: "One row per person recorded at a public meeting: present, in attendance, apologies or absent, with role and whom they substituted for.",
  decisions: "One row per public decision: the item, the resolution, its outcome and the votes counted.",
  votes: "One row per member's recorded vote on a public decision.",
};

export const DATASETS: Dataset[] = [
  { kind: "json", format: "ocd", name: "events", what: "Open Civic Data Events: meetings with participants, agenda and documents.", limits: MEETINGS, page: (x, p) => mapPage(openMeetingsPage(x.db, { ...p, viewer: x.viewer }), (m) => [ocdEvent(ocd(x), m)]) },
  { kind: "json", format: "ocd", name: "vote-events", what: "Open Civic Data VoteEvents: decisions voted on, with counts and each member's vote where recorded.", limits: MEETINGS, page: (x, p) => mapPage(openMeetingsPage(x.db, { ...p, viewer: x.viewer }), (m) => ocdVoteEvents(ocd(x), m)) },
  { kind: "json", format: "ocd", name: "people", what: "Open Civic Data People: members and officers named in public minutes.", limits: ROWS, page: (x, p) => mapPage(openPeoplePage(x.db, p), (r) => [ocdPerson(ocd(x), r)]) },
  { kind: "json", format: "ocd", name: "organizations", what: "Open Civic Data Organizations: committees and other bodies.", limits: ROWS, page: (x, p) => mapPage(openOrganizationsPage(x.db, p), (r) => [ocdOrganization(ocd(x), r)]) },
  { kind: "json", format: "ocd", name: "memberships", what: "Open Civic Data Memberships: who sat on which committee, and as what.", limits: ROWS, page: (x, p) => mapPage(openMembershipsPage(x.db, p), (r) => [ocdMembership(ocd(x), r)]) },
  {
    kind: "json",
    format: "oparl",
    name: "bodies",
    what: "OParl Bodies: the councils.",
    limits: ROWS,
    page: async (x) => ({ data: (await openAuthorities(x.db)).map((a) => oparlBody(oparlUrls(x.base), a)), next: null }),
  },
  { kind: "json", format: "oparl", name: "organizations", what: "OParl Organizations: committees.", limits: ROWS, page: (x, p) => mapPage(openOrganizationsPage(x.db, p), (r) => [oparlOrganization(oparl(x), r)]) },
  { kind: "json", format: "oparl", name: "people", what: "OParl Persons.", limits: ROWS, page: (x, p) => mapPage(openPeoplePage(x.db, p), (r) => [oparlPerson(oparl(x), r)]) },
  { kind: "json", format: "oparl", name: "memberships", what: "OParl Memberships.", limits: ROWS, page: (x, p) => mapPage(openMembershipsPage(x.db, p), (r) => [oparlMembership(oparl(x), r)]) },
  { kind: "json", format: "oparl", name: "meetings", what: "OParl Meetings with their AgendaItems and Files.", limits: MEETINGS, page: (x, p) => mapPage(openMeetingsPage(x.db, { ...p, viewer: x.viewer }), (m) => [oparlMeeting(oparl(x), m)]) },
  { kind: "json", format: "oparl", name: "papers", what: "OParl Papers: public agenda papers.", limits: ROWS, page: (x, p) => mapPage(openPapersPage(x.db, { ...p, viewer: x.viewer }), (r) => [oparlPaper(oparl(x), r)]) },
  ...CSV_NAMES.map(
    (name): CsvDataset => ({
      kind: "csv",
      format: "csv",
      name,
      what: CSV_WHAT[name],
      limits: MEETINGS,
      page: (x, p) => mapPage(openMeetingsPage(x.db, { ...p, viewer: x.viewer }), (m) => csvRows(name, m, x.base, x.licenceOf(m.meeting.authority.slug)).map(csvLine)),
    }),
  ),
];

export function datasetsOf(format: ExportFormat): Dataset[] {
  return DATASETS.filter((d) => d.format === format);
}

export function findDataset(format: string, name: string): Dataset | undefined {
  return DATASETS.find((d) => d.format === format && d.name === name);
}

/** The file a dataset is written to by `quorum export`. */
export function fileOf(d: Dataset): string {
  return d.kind === "csv" ? `${d.name}.csv` : `${d.name}.jsonl`;
}

/** Every page of a dataset in turn, each read after the previous one is used. */
export async function* pages<T>(read: (p: Paging) => Promise<OpenPage<T>>, limit: number): AsyncGenerator<T[]> {
  let cursor: string | undefined;
  for (;;) {
    const page = await read({ limit, ...(cursor ? { cursor } : {}) });
    yield page.data;
    if (!page.next) return;
    cursor = page.next;
  }
}
