// The tracker's numbered migrations, per dialect, for the store's migrator to include.
import type { Migration } from "kysely";
import * as sqlite002 from "../migrations/sqlite/002_tracker.ts";
import * as postgres002 from "../migrations/postgres/002_tracker.ts";

export const TRACKER_MIGRATIONS: Record<"sqlite" | "postgres", Record<string, Migration>> = {
  sqlite: { "002_tracker": sqlite002 },
  postgres: { "002_tracker": postgres002 },
};
