import type { Db } from "../store/db.ts";

export interface AppDeps {
  db: Db;
  /** The present moment, for "upcoming" and the default calendar month; injectable for tests. */
  now?: () => Date;
}
