// Editing a committee by hand: its name and kind. The slug stays: meeting slugs and the import's
// matching of minutes to meetings are built from it, and so are the committee's public URLs. The
// name the minutes write (`name_key`) stays too, so later minutes still find the committee.
import { QuorumError } from "../../domain/errors.ts";
import type { Db } from "../db.ts";
import { BODY_KINDS } from "../schema.ts";
import { appendAudit } from "../audit.ts";
import { writeTransaction } from "../write.ts";
import { reindexMeeting } from "../search.ts";
import { changed, checkVersion, type Actor } from "./edit.ts";

export async function bodyRow(db: Db, slug: string) {
  const row = await db.selectFrom("bodies").innerJoin("authorities", "authorities.id", "bodies.authority_id").where("bodies.slug", "=", slug).select(["bodies.id", "bodies.slug", "bodies.name", "bodies.kind", "bodies.version", "authorities.name as authority"]).executeTakeFirst();
  if (!row) throw new QuorumError("not_found", "Committee not found");
  return row;
}

export async function editBody(db: Db, input: { slug: string; version: number; name: string; kind: string; actor: Actor; now: Date }): Promise<{ changed: boolean }> {
  if (!(BODY_KINDS as readonly string[]).includes(input.kind)) throw new QuorumError("invalid", "Choose a kind of committee");
  return writeTransaction(db, async (trx) => {
    const b = await trx.selectFrom("bodies").where("slug", "=", input.slug).select(["id", "name", "kind", "version"]).executeTakeFirst();
    if (!b) throw new QuorumError("not_found", "Committee not found");
    checkVersion("body", b.id, b.version, input.version);
    const diff = changed({ name: b.name, kind: b.kind }, { name: input.name, kind: input.kind });
    if (Object.keys(diff.after).length === 0) return { changed: false };
    await trx.updateTable("bodies").set({ name: input.name, kind: input.kind, version: b.version + 1 }).where("id", "=", b.id).execute();
    // search results name the committee of each meeting
    if (diff.after.name !== undefined) for (const m of await trx.selectFrom("meetings").where("body_id", "=", b.id).select("id").execute()) await reindexMeeting(trx, m.id);
    await appendAudit(trx, { actorUserId: input.actor.userId, actorLabel: input.actor.label, action: "body.edit", recordKind: "body", recordId: String(b.id), before: diff.before, after: diff.after }, input.now);
    return { changed: true };
  });
}
