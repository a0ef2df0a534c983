// What the rest of the code uses from the store: open it, import into it, read from it.
export { openStore, parseDatabaseUrl, dialectOf, DEFAULT_DATABASE, type Db, type DialectName } from "./db.ts";
export { migrateToLatest } from "./migrate.ts";
export { importMinutes, isUnchanged, unstorableReason, type ImportInput, type ImportResult, type ImportStatus } from "./import.ts";
export * from "./read/index.ts";
export { SEARCH_TYPES, type SearchOptions } from "./search.ts";
export { isMeetingListed, areMinutesPublic, publicItem, exemptNotice, publicSourceText } from "./visibility.ts";
export { storeCounts, storeDigest, type StoreCounts } from "./digest.ts";
export { BODY_KINDS, MEETING_STATUSES, MINUTES_STATUSES, OUTCOMES, PERSON_KINDS, type BodyKind, type MeetingStatus, type MinutesStatus, type Outcome, type PersonKind } from "./schema.ts";
