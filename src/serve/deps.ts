import type { Db } from "../store/db.ts";
import type { Site } from "./site/settings.ts";
import type { Reparse } from "../store/corrections/meeting.ts";
import type { DocumentStore } from "../store/documents/store.ts";
import type { PaperTextReader } from "../store/agenda/search.ts";
import type { ResponseCacheSettings } from "./response-cache.ts";

/** Receives one finished log line (JSON, no newline). */
export type LogWriter = (line: string) => void;

export interface AppDeps {
  db: Db;
  /** The present moment, for "upcoming" and the default calendar month; injectable for tests. */
  now?: () => Date;
  /** The council's name, logo, colours and so on (site/settings.ts); the default site without. */
  site?: Site;
  /** Where request and error log lines go; none (no logging) unless given, as in tests. */
  log?: LogWriter;
  /** the site's public address (https://…, no trailing slash) for absolute links; relative links when absent */
  publicUrl?: string;
  /** parses a stored document's text again, for meetings stored before parsed records were kept (corrections) */
  reparse?: Reparse;
  /** where agenda papers and reports packs are kept (a folder by default: store/documents/folder.ts) */
  documents?: DocumentStore;
  /** reads a published paper's text for search (ingest/paper-text.ts); papers are found by title only without */
  paperText?: PaperTextReader;
  /** signed-out responses kept by the archive's version (response-cache.ts); none without */
  responseCache?: ResponseCacheSettings;
}

declare module "hono" {
  interface ContextVariableMap {
    site: Site;
    requestId: string;
    log: LogWriter | undefined;
  }
}
