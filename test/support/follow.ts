// A store to follow: the Staffordshire committee's minutes (item 35 exempt) and the Buckinghamshire
// Cabinet's, meetings scheduled ahead for both (one in GMT, one in BST), and a meeting known only
// from draft minutes waiting in the review queue.
import { join } from "node:path";
import { GOLDEN_DEV, parsedDb, type Dialect, type TestDb } from "./portal-db.ts";
import { parsedInput, STAFFS_V2 } from "./imports.ts";
import { importMinutes } from "../../src/store/import.ts";
import { scheduleMeeting } from "../../src/store/schedule/meetings.ts";

export const BUCKS = join(GOLDEN_DEV, "bucks-cabinet-2018-04-23.txt");
export const NOW = new Date("2026-12-05T12:00:00Z");
export const BASE = "https://minutes.example.org";
export const CLERK = { userId: null, label: "clerk@council.gov.uk" };

export interface FollowFixture extends TestDb {
  staffs: string;
  bucks: string;
  /** 14:00 on 12 January 2027, GMT */
  gmt: string;
  /** 10:00 on 6 July 2027, BST */
  bst: string;
  /** the Bucks Cabinet, 10:30 on 1 March 2027 */
  bucksPlanned: string;
  /** known only from draft minutes in the review queue, dated 15 February 2027 */
  draft: string;
}

export async function followFixture(dialect: Dialect = "sqlite"): Promise<FollowFixture> {
  const t = await parsedDb([STAFFS_V2, BUCKS], dialect);
  const slugOf = async (like: string) => (await t.db.selectFrom("bodies").select("slug").where("slug", "like", like).executeTakeFirstOrThrow()).slug;
  const staffs = await slugOf("%safe-and-strong%");
  const bucks = await slugOf("%cabinet%");
  const gmt = (await scheduleMeeting(t.db, { body: staffs, date: "2027-01-12", startTime: "14:00", venue: "Council Chamber, County Buildings" }, CLERK, NOW)).slug;
  const bst = (await scheduleMeeting(t.db, { body: staffs, date: "2027-07-06", startTime: "10:00", venue: "Oak Room" }, CLERK, NOW)).slug;
  const bucksPlanned = (await scheduleMeeting(t.db, { body: bucks, date: "2027-03-01", startTime: "10:30" }, CLERK, NOW)).slug;
  const input = await parsedInput(BUCKS, { review: true });
  input.record = { ...input.record, date: "2027-02-15" };
  input.source = { ...input.source, contentHash: input.source.contentHash.replace(/.$/, (c) => (c === "0" ? "1" : "0")) };
  const queued = await importMinutes(t.db, input);
  const draft = (await t.db.selectFrom("meetings").select(["slug", "minutes_status"]).where("id", "=", queued.meetingId).executeTakeFirstOrThrow());
  if (draft.minutes_status !== "draft") throw new Error("the review import was published");
  return { ...t, staffs, bucks, gmt, bst, bucksPlanned, draft: draft.slug };
}

/** The meeting's version, for a change through the schedule store. */
export async function versionOf(t: TestDb, slug: string): Promise<number> {
  return (await t.db.selectFrom("meetings").select("version").where("slug", "=", slug).executeTakeFirstOrThrow()).version;
}
