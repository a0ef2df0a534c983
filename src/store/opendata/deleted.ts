// OParl asks that a main object (Person, Meeting, …) which goes away is not simply removed but
// answers as a deleted object, so clients keeping a copy in step learn of it. A row is recorded here
// as it is deleted, and only when the public could see it: a meeting when it is listed (the
// visibility rule, read before the row goes), a person when public search held them (person entries
// are written only for people named in public minutes). A person named only in draft minutes, or a
// meeting known only from them, goes without a trace, as it was never public.
import { sql, type Transaction } from "kysely";
import { QuorumError } from "../../domain/errors.ts";
import type { Db } from "../db.ts";
import type { Database } from "../schema.ts";
import { inWindow, type OpenPage, type Paging, type Since } from "./read.ts";
import { listedMeetingsOnly } from "../visibility.ts";
import { opendataDb, type DeletedKind } from "./schema.ts";

type Tx = Transaction<Database>;
type Row = { kind: DeletedKind; slug: string; authority_id: number; body_id: number | null; created_at: string; deleted_at: string };

async function record(trx: Tx, rows: Row[]): Promise<void> {
  if (!rows.length) return;
  await opendataDb(trx)
    .insertInto("oparl_deleted")
    .values(rows)
    .onConflict((oc) =>
      oc.columns(["kind", "slug"]).doUpdateSet({
        authority_id: (eb) => eb.ref("excluded.authority_id"),
        body_id: (eb) => eb.ref("excluded.body_id"),
        created_at: (eb) => eb.ref("excluded.created_at"),
        deleted_at: (eb) => eb.ref("excluded.deleted_at"),
      }),
    )
    .execute();
}

/** Records the people about to be deleted who were public. Call before deleting their rows and search entries. */
export async function recordDeletedPeople(trx: Tx, ids: number[], at: Date = new Date()): Promise<void> {
  if (!ids.length) return;
  const people = await trx
    .selectFrom("people")
    .where("people.id", "in", ids)
    .where((eb) => eb.exists(eb.selectFrom("search_entries").where("search_entries.kind", "=", "person").whereRef("search_entries.entity_id", "=", "people.id").select(sql`1`.as("one"))))
    .select(["slug", "authority_id", "created_at"])
    .execute();
  await record(trx, people.map((p) => ({ kind: "person", slug: p.slug, authority_id: p.authority_id, body_id: null, created_at: p.created_at, deleted_at: at.toISOString() })));
}

/** Records the meetings about to be deleted that were listed. Call before deleting their rows. */
export async function recordDeletedMeetings(trx: Tx, ids: number[], at: Date = new Date()): Promise<void> {
  if (!ids.length) return;
  const meetings = await trx
    .selectFrom("meetings")
    .innerJoin("bodies", "bodies.id", "meetings.body_id")
    .where("meetings.id", "in", ids)
    .where(listedMeetingsOnly)
    .select(["meetings.slug", "bodies.authority_id", "meetings.body_id", "meetings.created_at"])
    .execute();
  await record(trx, meetings.map((m) => ({ kind: "meeting", slug: m.slug, authority_id: m.authority_id, body_id: m.body_id, created_at: m.created_at, deleted_at: at.toISOString() })));
}

export interface OpenDeleted {
  deleted: true;
  kind: DeletedKind;
  slug: string;
  createdAt: string;
  /** when it went: OParl's `modified` of a deleted object */
  updatedAt: string;
}

const toDeleted = (r: { kind: DeletedKind; slug: string; created_at: string; deleted_at: string }): OpenDeleted => ({ deleted: true, kind: r.kind, slug: r.slug, createdAt: r.created_at, updatedAt: r.deleted_at });

function deletedQuery(db: Db, kind: DeletedKind) {
  const q = opendataDb(db).selectFrom("oparl_deleted").where("oparl_deleted.kind", "=", kind);
  // a slug in use again is the live record's, public or not
  return kind === "person"
    ? q.where((eb) => eb.not(eb.exists(eb.selectFrom("people").whereRef("people.slug", "=", "oparl_deleted.slug").select(sql`1`.as("one")))))
    : q.where((eb) => eb.not(eb.exists(eb.selectFrom("meetings").whereRef("meetings.slug", "=", "oparl_deleted.slug").select(sql`1`.as("one")))));
}

/** The deleted person or meeting at this slug, if one was public and the slug is not in use again. */
export async function openDeleted(db: Db, kind: DeletedKind, slug: string): Promise<OpenDeleted | null> {
  const r = await deletedQuery(db, kind).where("oparl_deleted.slug", "=", slug).select(["oparl_deleted.kind", "oparl_deleted.slug", "oparl_deleted.created_at", "oparl_deleted.deleted_at"]).executeTakeFirst();
  return r ? toDeleted(r) : null;
}

/** A cursor into the deleted objects that follow a list's live ones; a live cursor never starts so. */
const GONE = "gone-";

/**
 * A list of live objects followed by its deleted ones (as OParl's clients keeping in step expect
 * to meet them), a page at a time: the live list by its own cursor, then the deleted objects in
 * the order they were recorded, a page filled from both where the live list ends.
 */
export async function withDeleted<T>(
  db: Db,
  kind: DeletedKind,
  scope: Since & { authority?: string; body?: string },
  opts: Paging,
  live: (opts: Paging) => Promise<OpenPage<T>>,
): Promise<OpenPage<T | OpenDeleted>> {
  const gone = async (after: number, limit: number) => {
    let q = deletedQuery(db, kind).innerJoin("authorities", "authorities.id", "oparl_deleted.authority_id").where("oparl_deleted.id", ">", after);
    if (scope.authority) q = q.where("authorities.slug", "=", scope.authority);
    if (scope.body) q = q.where("oparl_deleted.body_id", "in", (eb) => eb.selectFrom("bodies").where("bodies.slug", "=", scope.body!).select("bodies.id"));
    q = inWindow(q, "oparl_deleted.created_at", "oparl_deleted.deleted_at", scope);
    const rows = await q.select(["oparl_deleted.id", "oparl_deleted.kind", "oparl_deleted.slug", "oparl_deleted.created_at", "oparl_deleted.deleted_at"]).orderBy("oparl_deleted.id").limit(limit + 1).execute();
    return { data: rows.slice(0, limit).map(toDeleted), next: rows.length <= limit ? null : `${GONE}${limit ? rows[limit - 1].id : after}` };
  };
  if (opts.cursor?.startsWith(GONE)) {
    const after = Number(opts.cursor.slice(GONE.length));
    if (!Number.isSafeInteger(after) || after < 0) throw new QuorumError("invalid", "cursor is not valid: use the next link of a page");
    return gone(after, opts.limit);
  }
  const page = await live(opts);
  if (page.next) return page;
  const room = opts.limit - page.data.length;
  if (room === 0) {
    const more = await gone(0, 0);
    return { data: page.data, next: more.next };
  }
  const rest = await gone(0, room);
  return { data: [...page.data, ...rest.data], next: rest.next };
}
