import type { Db } from "../store/db.ts";

export interface AppDeps {
  db: Db;
  /** The present moment, for "upcoming" and the default calendar month; injectable for tests. */
  now?: () => Date;
  /** the site's public address (https://…, no trailing slash) for absolute links; relative links when absent */
  publicUrl?: string;
}
