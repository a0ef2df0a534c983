// Where a merged person's old slug leads: the person they were merged into (following later
// merges), or nothing when that person is gone too.
import type { Db } from "../db.ts";
import { decisionsDb } from "./schema.ts";

export async function personRedirect(db: Db, slug: string): Promise<string | null> {
  const d = decisionsDb(db);
  const seen = new Set([slug]);
  let at = slug;
  for (;;) {
    const r = await d.selectFrom("person_redirects").where("from_slug", "=", at).select("to_slug").executeTakeFirst();
    if (!r || seen.has(r.to_slug)) return null;
    const person = await db.selectFrom("people").where("slug", "=", r.to_slug).select("id").executeTakeFirst();
    if (person) return r.to_slug;
    seen.add(r.to_slug);
    at = r.to_slug;
  }
}
