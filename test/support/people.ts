// The people fixtures (two real minutes where the naming rules join an officer to a councillor)
// imported the way `quorum import` does: each document stored, then people settled.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { readDocument } from "../../src/ingest/read.ts";
import { parseMinutes } from "../../src/parse/minutes.ts";
import { importMinutes } from "../../src/store/import.ts";
import { settleAllPeople } from "../../src/store/people-settle.ts";
import type { Db } from "../../src/store/db.ts";

export const PEOPLE_FIXTURES = join(import.meta.dirname, "..", "fixtures", "people");
export const AUTHORITY = "Limerick City and County Council";
export const MARCH = "limerick-city-and-county-council-municipal-district-of-cappamore-kilmallock-2018-03-29-1530";
export const APRIL = "limerick-city-and-county-council-municipal-district-of-cappamore-kilmallock-2018-04-19-1530";
export const COMMITTEE = "limerick-city-and-county-council-municipal-district-of-cappamore-kilmallock";
export const CLLR_SHEEHY = "councillor-sheehy-limerick-city-and-county-council";
export const C_SHEEHY = "c-sheehy-limerick-city-and-county-council";

/** Imports the fixtures; a new `parserVersion` stores every document again, with new row ids. */
export async function importPeopleFixtures(db: Db, parserVersion = "fixture-1"): Promise<void> {
  for (const f of readdirSync(PEOPLE_FIXTURES).filter((n) => n.endsWith(".md") && n !== "SOURCE.md").sort()) {
    const source = await readDocument(join(PEOPLE_FIXTURES, f));
    await importMinutes(db, { source, record: parseMinutes(source), authorityOverride: AUTHORITY, timeZone: "Europe/Dublin", parserVersion });
  }
  await settleAllPeople(db);
}

/** Who each name was matched to, as "meeting#position name → person slug". */
export async function whoIsWho(db: Db, like: string): Promise<string[]> {
  const rows = await db
    .selectFrom("attendance")
    .innerJoin("meetings", "meetings.id", "attendance.meeting_id")
    .leftJoin("people", "people.id", "attendance.person_id")
    .where("attendance.raw_name", "like", like)
    .select(["meetings.slug as meeting", "attendance.position", "attendance.raw_name", "people.slug as person"])
    .orderBy("meetings.slug")
    .orderBy("attendance.position")
    .execute();
  return rows.map((r) => `${r.meeting === MARCH ? "march" : r.meeting === APRIL ? "april" : r.meeting}#${r.position} ${r.raw_name} → ${r.person}`);
}

/** One account of each role (and a second clerk), all with the test password. */
export async function addStaff(db: Db): Promise<Record<"admin" | "clerk" | "clerk2" | "officer" | "member", string>> {
  const { addUser, setPasswordHash } = await import("../../src/store/accounts/users.ts");
  const { hashPassword } = await import("../../src/serve/auth/password.ts");
  const { PASSWORD } = await import("./accounts.ts");
  const at = new Date("2026-03-02T09:00:00Z");
  const hash = await hashPassword(PASSWORD);
  const emails = { admin: "admin@council.gov.uk", clerk: "clerk@council.gov.uk", clerk2: "second.clerk@council.gov.uk", officer: "officer@council.gov.uk", member: "member@council.gov.uk" };
  for (const [role, email] of Object.entries(emails)) {
    const u = await addUser(db, { email, role: role === "clerk2" ? "clerk" : role, displayName: role }, at);
    await setPasswordHash(db, u.id, hash, at);
  }
  return emails;
}
