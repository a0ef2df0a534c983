// Numbered migrations per dialect. Each file is frozen once released; the migrator records what ran.
import { Migrator, type Kysely, type Migration, type MigrationResult } from "kysely";
import { QuorumError } from "../domain/errors.ts";
import * as sqlite001 from "./migrations/sqlite/001_initial.ts";
import * as postgres001 from "./migrations/postgres/001_initial.ts";
import * as sqlite003 from "./migrations/sqlite/003_provenance_by_document.ts";
import * as postgres003 from "./migrations/postgres/003_provenance_by_document.ts";
import * as sqlite004 from "./migrations/sqlite/004_resolution_movers.ts";
import * as postgres004 from "./migrations/postgres/004_resolution_movers.ts";
import * as sqlite005 from "./migrations/sqlite/005_seal_exempt_derived.ts";
import * as postgres005 from "./migrations/postgres/005_seal_exempt_derived.ts";
import * as sqlite006 from "./migrations/sqlite/006_accounts.ts";
import * as postgres006 from "./migrations/postgres/006_accounts.ts";
import * as sqlite007review from "./migrations/sqlite/007_review_import_reviews.ts";
import * as postgres007review from "./migrations/postgres/007_review_import_reviews.ts";
import * as sqlite008 from "./migrations/sqlite/008_corrections.ts";
import * as postgres008 from "./migrations/postgres/008_corrections.ts";
import * as sqlite009 from "./migrations/sqlite/009_people_decisions.ts";
import * as postgres009 from "./migrations/postgres/009_people_decisions.ts";
import * as sqlite010 from "./migrations/sqlite/010_visibility_exempt_access.ts";
import * as postgres010 from "./migrations/postgres/010_visibility_exempt_access.ts";
import * as sqlite011 from "./migrations/sqlite/011_owners_tracker_updates.ts";
import * as postgres011 from "./migrations/postgres/011_owners_tracker_updates.ts";
import * as sqlite012 from "./migrations/sqlite/012_lifecycle_minutes.ts";
import * as postgres012 from "./migrations/postgres/012_lifecycle_minutes.ts";
import * as sqlite013 from "./migrations/sqlite/013_votes_decision_votes.ts";
import * as postgres013 from "./migrations/postgres/013_votes_decision_votes.ts";
import * as sqlite014 from "./migrations/sqlite/014_questions_time.ts";
import * as postgres014 from "./migrations/postgres/014_questions_time.ts";
import * as sqlite015pages from "./migrations/sqlite/015_pages_summaries.ts";
import * as postgres015pages from "./migrations/postgres/015_pages_summaries.ts";
import * as sqlite016search from "./migrations/sqlite/016_search_tags.ts";
import * as postgres016search from "./migrations/postgres/016_search_seal.ts";
import * as sqlite017size from "./migrations/sqlite/017_size_packed_text.ts";
import * as postgres017size from "./migrations/postgres/017_size_packed_text.ts";
import * as sqlite020pages2 from "./migrations/sqlite/020_pages2_recent_roles.ts";
import * as postgres020pages2 from "./migrations/postgres/020_pages2_recent_roles.ts";
import * as sqlite023fwdplan from "./migrations/sqlite/023_fwdplan_key_decisions.ts";
import * as postgres023fwdplan from "./migrations/postgres/023_fwdplan_key_decisions.ts";
import * as sqlite021schedule from "./migrations/sqlite/021_schedule_meeting_events.ts";
import * as postgres021schedule from "./migrations/postgres/021_schedule_meeting_events.ts";
import * as sqlite022agenda from "./migrations/sqlite/022_agenda_items_papers.ts";
import * as postgres022agenda from "./migrations/postgres/022_agenda_items_papers.ts";
import * as sqlite024minutesout from "./migrations/sqlite/024_minutesout_minute_taking.ts";
import * as postgres024minutesout from "./migrations/postgres/024_minutesout_minute_taking.ts";
import * as sqlite025visible from "./migrations/sqlite/025_visible_announced_meetings.ts";
import * as postgres025visible from "./migrations/postgres/025_visible_announced_meetings.ts";
import * as sqlite028originals from "./migrations/sqlite/028_originals_minutes_documents.ts";
import * as postgres028originals from "./migrations/postgres/028_originals_minutes_documents.ts";
import * as sqlite018pgpath from "./migrations/sqlite/018_pgpath_search_order.ts";
import * as postgres018pgpath from "./migrations/postgres/018_pgpath_search_order.ts";
import * as sqlite019memsize from "./migrations/sqlite/019_memsize_search_cuts.ts";
import * as postgres019memsize from "./migrations/postgres/019_memsize_search_cuts.ts";
import * as sqlite026agenda2 from "./migrations/sqlite/026_agenda2_agenda_search.ts";
import * as postgres026agenda2 from "./migrations/postgres/026_agenda2_agenda_search.ts";
import * as sqlite027agenda2changes from "./migrations/sqlite/027_agenda2_item_changes.ts";
import * as postgres027agenda2changes from "./migrations/postgres/027_agenda2_item_changes.ts";
import * as sqlite029opendata from "./migrations/sqlite/029_opendata_licence.ts";
import * as postgres029opendata from "./migrations/postgres/029_opendata_licence.ts";
import * as sqlite030mail from "./migrations/sqlite/030_mail_outbox.ts";
import * as postgres030mail from "./migrations/postgres/030_mail_outbox.ts";
import * as sqlite031mail2 from "./migrations/sqlite/031_mail2_saved_searches.ts";
import * as postgres031mail2 from "./migrations/postgres/031_mail2_saved_searches.ts";
import * as sqlite032opendata2 from "./migrations/sqlite/032_opendata2_membership_stamps.ts";
import * as postgres032opendata2 from "./migrations/postgres/032_opendata2_membership_stamps.ts";
import * as sqlite033oparl3 from "./migrations/sqlite/033_oparl3_changes.ts";
import * as postgres033oparl3 from "./migrations/postgres/033_oparl3_changes.ts";
import * as sqlite034wards from "./migrations/sqlite/034_wards_follow.ts";
import * as postgres034wards from "./migrations/postgres/034_wards_follow.ts";
import * as sqlite035pg100k from "./migrations/sqlite/035_pg100k_redundant_indexes.ts";
import * as postgres035pg100k from "./migrations/postgres/035_pg100k_redundant_indexes.ts";
import * as sqlite036pg100kstats from "./migrations/sqlite/036_pg100k_search_stats.ts";
import * as postgres036pg100kstats from "./migrations/postgres/036_pg100k_search_stats.ts";
import * as sqlite037recfollow from "./migrations/sqlite/037_recfollow_tracker_follows.ts";
import * as postgres037recfollow from "./migrations/postgres/037_recfollow_tracker_follows.ts";
import * as sqlite038people from "./migrations/sqlite/038_people_summaries.ts";
import * as postgres038people from "./migrations/postgres/038_people_summaries.ts";
import * as sqlite039dates from "./migrations/sqlite/039_people_attendance_dates.ts";
import * as postgres039dates from "./migrations/postgres/039_people_attendance_dates.ts";
import * as sqlite040names from "./migrations/sqlite/040_people_names.ts";
import * as postgres040names from "./migrations/postgres/040_people_names.ts";
import * as sqlite041prov from "./migrations/sqlite/041_packed_provenance.ts";
import * as postgres041prov from "./migrations/postgres/041_packed_provenance.ts";
import { TRACKER_MIGRATIONS } from "./scrutiny/migrations.ts";
import { dialectOf } from "./db.ts";

const MIGRATIONS: Record<"sqlite" | "postgres", Record<string, Migration>> = {
  sqlite: { "001_initial": sqlite001, ...TRACKER_MIGRATIONS.sqlite, "003_provenance_by_document": sqlite003, "004_resolution_movers": sqlite004, "005_seal_exempt_derived": sqlite005, "006_accounts": sqlite006, "007_review_import_reviews": sqlite007review, "008_corrections": sqlite008, "009_people_decisions": sqlite009, "010_visibility_exempt_access": sqlite010, "011_owners_tracker_updates": sqlite011, "012_lifecycle_minutes": sqlite012, "013_votes_decision_votes": sqlite013, "014_questions_time": sqlite014, "015_pages_summaries": sqlite015pages, "016_search_tags": sqlite016search, "017_size_packed_text": sqlite017size, "020_pages2_recent_roles": sqlite020pages2, "023_fwdplan_key_decisions": sqlite023fwdplan, "021_schedule_meeting_events": sqlite021schedule, "022_agenda_items_papers": sqlite022agenda, "024_minutesout_minute_taking": sqlite024minutesout, "025_visible_announced_meetings": sqlite025visible, "018_pgpath_search_order": sqlite018pgpath, "019_memsize_search_cuts": sqlite019memsize, "026_agenda2_agenda_search": sqlite026agenda2, "027_agenda2_item_changes": sqlite027agenda2changes, "029_opendata_licence": sqlite029opendata, "028_originals_minutes_documents": sqlite028originals, "030_mail_outbox": sqlite030mail, "031_mail2_saved_searches": sqlite031mail2, "032_opendata2_membership_stamps": sqlite032opendata2, "033_oparl3_changes": sqlite033oparl3, "034_wards_follow": sqlite034wards, "035_pg100k_redundant_indexes": sqlite035pg100k, "036_pg100k_search_stats": sqlite036pg100kstats, "037_recfollow_tracker_follows": sqlite037recfollow, "038_people_summaries": sqlite038people, "039_people_attendance_dates": sqlite039dates, "040_people_names": sqlite040names, "041_packed_provenance": sqlite041prov },
  postgres: { "001_initial": postgres001, ...TRACKER_MIGRATIONS.postgres, "003_provenance_by_document": postgres003, "004_resolution_movers": postgres004, "005_seal_exempt_derived": postgres005, "006_accounts": postgres006, "007_review_import_reviews": postgres007review, "008_corrections": postgres008, "009_people_decisions": postgres009, "010_visibility_exempt_access": postgres010, "011_owners_tracker_updates": postgres011, "012_lifecycle_minutes": postgres012, "013_votes_decision_votes": postgres013, "014_questions_time": postgres014, "015_pages_summaries": postgres015pages, "016_search_seal": postgres016search, "017_size_packed_text": postgres017size, "020_pages2_recent_roles": postgres020pages2, "023_fwdplan_key_decisions": postgres023fwdplan, "021_schedule_meeting_events": postgres021schedule, "022_agenda_items_papers": postgres022agenda, "024_minutesout_minute_taking": postgres024minutesout, "025_visible_announced_meetings": postgres025visible, "018_pgpath_search_order": postgres018pgpath, "019_memsize_search_cuts": postgres019memsize, "026_agenda2_agenda_search": postgres026agenda2, "027_agenda2_item_changes": postgres027agenda2changes, "029_opendata_licence": postgres029opendata, "028_originals_minutes_documents": postgres028originals, "030_mail_outbox": postgres030mail, "031_mail2_saved_searches": postgres031mail2, "032_opendata2_membership_stamps": postgres032opendata2, "033_oparl3_changes": postgres033oparl3, "034_wards_follow": postgres034wards, "035_pg100k_redundant_indexes": postgres035pg100k, "036_pg100k_search_stats": postgres036pg100kstats, "037_recfollow_tracker_follows": postgres037recfollow, "038_people_summaries": postgres038people, "039_people_attendance_dates": postgres039dates, "040_people_names": postgres040names, "041_packed_provenance": postgres041prov },
};

/** The migrations a store of this dialect ends up with, in order. */
export function migrationNames(dialect: "sqlite" | "postgres"): string[] {
  return Object.keys(MIGRATIONS[dialect]).sort();
}

export function migrator(db: Kysely<any>): Migrator {
  const migrations = MIGRATIONS[dialectOf(db)];
  return new Migrator({ db, provider: { getMigrations: async () => migrations } });
}

/** Applies pending migrations; returns the names applied now (empty when up to date). */
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  // On SQLite the dialect declares DDL transactional (db.ts), so pending migrations run in one
  // BEGIN IMMEDIATE transaction and processes opening a new database at once do not race.
  const { error, results } = await migrator(db).migrateToLatest();
  if (error) {
    const failed = results?.find((r: MigrationResult) => r.status === "Error");
    throw new QuorumError("internal", `migration ${failed?.migrationName ?? ""} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}
