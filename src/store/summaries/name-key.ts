// The key a name as written is kept under in person_names: a digest of fixed length, since a name
// read from minutes has no bound on its length and PostgreSQL's B-tree keys do. Stored keys depend
// on it: never change it.
import { createHash } from "node:crypto";

export function nameKey(rawName: string): string {
  return createHash("sha256").update(rawName, "utf8").digest("base64url").slice(0, 22);
}
