// /healthz for load balancers and monitors: 200 {"status":"ok"} when the database answers a
// trivial query, 503 with a short reason when it does not. Never cached.
import type { Hono } from "hono";
import { sql } from "kysely";
import type { Db } from "../store/db.ts";
import { logError } from "./request-log.ts";

/** A monitor should hear back before its own timeout even when the database hangs. */
const DATABASE_TIMEOUT_MS = 5000;

export function registerHealth(app: Hono, db: Db): void {
  app.get("/healthz", async (c) => {
    c.header("cache-control", "no-store");
    // which process answered, for telling apart the workers of `quorum serve --workers N`
    c.header("x-quorum-process", String(process.pid));
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        sql`select 1`.execute(db),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error(`the database did not answer within ${DATABASE_TIMEOUT_MS / 1000} s`)), DATABASE_TIMEOUT_MS);
        }),
      ]);
    } catch (err) {
      logError(c, err instanceof Error ? err : new Error(String(err)));
      return c.json({ status: "unavailable", reason: "the database is unreachable" }, 503);
    } finally {
      clearTimeout(timer);
    }
    return c.json({ status: "ok" });
  });
}
