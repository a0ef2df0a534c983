// A committee to schedule meetings for: the Safe and Strong Communities Select Committee, made by
// importing its minutes of 12 December 2016 dated a month earlier, so that the real minutes of 12
// December can be imported later and meet a scheduled meeting.
import type { Db } from "../../src/store/db.ts";
import { importMinutes } from "../../src/store/import.ts";
import { parsedInput, STAFFS_V1 } from "./imports.ts";

/** The minutes of 12 December 2016 (no start time written), as `quorum import` reads them. */
export const MINUTES_DATE = "2016-12-12";

export async function committeeWithMinutes(db: Db, file = STAFFS_V1): Promise<{ body: string; heldSlug: string }> {
  const input = await parsedInput(file);
  input.record = { ...input.record, date: "2016-11-14" };
  input.source = { ...input.source, contentHash: input.source.contentHash.replace(/.$/, (c) => (c === "0" ? "1" : "0")) };
  const r = await importMinutes(db, input);
  const m = await db.selectFrom("meetings").innerJoin("bodies", "bodies.id", "meetings.body_id").where("meetings.id", "=", r.meetingId).select(["bodies.slug", "meetings.slug as meeting"]).executeTakeFirstOrThrow();
  return { body: m.slug, heldSlug: m.meeting };
}

/** The real minutes of 12 December 2016. */
export async function importDecemberMinutes(db: Db, file = STAFFS_V1) {
  return importMinutes(db, await parsedInput(file));
}
