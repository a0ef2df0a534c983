// One fuzz case through the real import path (read, parse in a worker, store), judged: a record, or
// a one-line error naming the file that left the store exactly as it was. Anything else is a crash.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { QuorumError } from "../../src/domain/errors.ts";
import { importDocument } from "../../src/cli/import-document.ts";
import type { ParsePool } from "../../src/cli/parse-pool.ts";
import type { Db } from "../../src/store/db.ts";
import { storeDigest } from "../../src/store/digest.ts";
import type { FuzzCase } from "./cases.ts";

export type Outcome =
  | { kind: "record" }
  | { kind: "error" | "timeout"; message: string }
  | { kind: "crash"; message: string }
  | { kind: "store-changed"; message: string };

/** Writes the case to `dir` as case-<n>.<format> and imports it into `db`. */
export async function runCase(pool: ParsePool, db: Db, dir: string, n: number, c: FuzzCase): Promise<Outcome> {
  const file = join(dir, `case-${n}.${c.format}`);
  writeFileSync(file, c.bytes);
  const before = await storeDigest(db);
  try {
    await importDocument(db, file, { pool, authority: "Fuzz County Council" });
    return { kind: "record" };
  } catch (err) {
    return judgeError(err, file, before, await storeDigest(db));
  }
}

export function judgeError(err: unknown, file: string, before: string, after: string): Outcome {
  const message = err instanceof Error ? err.message : String(err);
  if (!(err instanceof QuorumError)) return { kind: "crash", message: `not a QuorumError: ${err instanceof Error ? err.stack : message}` };
  if (message.includes("\n") || !message.startsWith(`${file}: `)) return { kind: "crash", message: `not one line naming the file: ${message}` };
  if (before !== after) return { kind: "store-changed", message };
  return { kind: /QUORUM_TIMEOUT_SECONDS/.test(message) ? "timeout" : "error", message };
}
