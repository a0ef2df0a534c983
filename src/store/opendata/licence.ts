// The licence a council's data is published under. Each council has one (migration
// 029_opendata_licence: the Open Government Licence v3.0 unless its folder settings name another);
// every export, the OParl `license` and /data show it.
import type { Db } from "../db.ts";
import { authoritySlug } from "../rules/slugs.ts";
import { opendataDb } from "./schema.ts";

export interface Licence {
  name: string;
  url: string;
}

export const OGL_V3: Licence = Object.freeze({ name: "Open Government Licence v3.0", url: "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/" });

/** Licences a quorum.json may name by identifier (SPDX where it has one). */
export const KNOWN_LICENCES: Record<string, Licence> = {
  "OGL-UK-3.0": OGL_V3,
  "CC-BY-4.0": { name: "Creative Commons Attribution 4.0 International", url: "https://creativecommons.org/licenses/by/4.0/" },
  "CC0-1.0": { name: "CC0 1.0 Universal (public domain dedication)", url: "https://creativecommons.org/publicdomain/zero/1.0/" },
  "ODbL-1.0": { name: "Open Data Commons Open Database License v1.0", url: "https://opendatacommons.org/licenses/odbl/1-0/" },
};

export interface AuthorityLicence extends Licence {
  slug: string;
  authority: string;
}

/** Every council's licence, by council name. */
export async function authorityLicences(db: Db): Promise<AuthorityLicence[]> {
  const rows = await opendataDb(db).selectFrom("authorities").select(["slug", "name", "licence_name", "licence_url"]).orderBy("name").execute();
  return rows.map((r) => ({ slug: r.slug, authority: r.name, name: r.licence_name, url: r.licence_url }));
}

/** Sets the licence of the council with this name (as a quorum.json names it); false when no such council is stored. */
export async function setAuthorityLicence(db: Db, authorityName: string, licence: Licence): Promise<boolean> {
  const r = await opendataDb(db)
    .updateTable("authorities")
    .set({ licence_name: licence.name, licence_url: licence.url })
    .where("slug", "=", authoritySlug(authorityName.replace(/\s+/g, " ").trim()))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}
