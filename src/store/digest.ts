// Counts and a content digest of a store: what two imports must agree on (SQLite vs PostgreSQL,
// an interrupted-and-resumed run vs a clean one). Ids and timestamps are left out; slugs are natural keys.
import { createHash } from "node:crypto";
import type { Db } from "./db.ts";
import { bool } from "./read/util.ts";
import { itemTextsOf } from "./item-body.ts";
import { unpack, unpackRecord } from "./packed.ts";
import { unpackSpans, type StoredSpan } from "./provenance-pack.ts";

export interface StoreCounts {
  authorities: number;
  bodies: number;
  meetings: number;
  items: number;
  decisions: number;
  people: number;
  attendance: number;
  recommendations: number;
  sourceDocuments: number;
  provenance: number;
  searchEntries: number;
}

/** Every span of every document's packed provenance, with the document's content hash. */
async function documentSpans(db: Db): Promise<{ content_hash: string; span: StoredSpan }[]> {
  const docs = await db.selectFrom("source_documents").where("packed_provenance", "is not", null).select(["content_hash", "packed_provenance"]).execute();
  return docs.flatMap((d) => unpackSpans(d.packed_provenance).map((span) => ({ content_hash: d.content_hash, span })));
}

export async function storeCounts(db: Db): Promise<StoreCounts> {
  const n = async (table: "authorities" | "bodies" | "meetings" | "items" | "resolutions" | "people" | "attendance" | "recommendations" | "source_documents" | "search_entries") =>
    Number((await db.selectFrom(table).select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow()).n);
  return {
    authorities: await n("authorities"),
    bodies: await n("bodies"),
    meetings: await n("meetings"),
    items: await n("items"),
    decisions: await n("resolutions"),
    people: await n("people"),
    attendance: await n("attendance"),
    recommendations: await n("recommendations"),
    sourceDocuments: await n("source_documents"),
    provenance: (await documentSpans(db)).length,
    searchEntries: await n("search_entries"),
  };
}

export async function storeDigest(db: Db): Promise<string> {
  const hash = createHash("sha256");
  const add = (label: string, rows: unknown[]) => {
    // Sorted here, not in SQL, so the digest does not depend on a database's collation.
    hash.update(label);
    for (const line of rows.map((r) => JSON.stringify(r)).sort()) hash.update(line + "\n");
  };
  add("authorities", await db.selectFrom("authorities").select(["slug", "name", "time_zone"]).orderBy("slug").execute());
  add("bodies", await db.selectFrom("bodies").innerJoin("authorities as a", "a.id", "bodies.authority_id").select(["bodies.slug", "bodies.name", "bodies.kind", "a.slug as a"]).orderBy("bodies.slug").execute());
  add("people", await db.selectFrom("people").select(["slug", "display_name", "honorific", "forenames", "initials", "surname", "kind"]).orderBy("slug").execute());
  add(
    "meetings",
    await db
      .selectFrom("meetings")
      .leftJoin("source_documents as d", "d.id", "meetings.source_document_id")
      .select(["meetings.slug", "date", "start_time", "end_time", "venue", "status", "minutes_status", "next_meeting_date", "next_meeting_time", "next_meeting_venue", "d.content_hash"])
      .orderBy("meetings.slug")
      .execute(),
  );
  add(
    "attendance",
    await db
      .selectFrom("attendance")
      .innerJoin("meetings as m", "m.id", "attendance.meeting_id")
      .leftJoin("people as p", "p.id", "attendance.person_id")
      .select(["m.slug", "position", "raw_name", "p.slug as person", "attendance.status", "attendance.kind", "role", "substitute_for"])
      .orderBy("m.slug")
      .orderBy("position")
      .execute(),
  );
  add(
    "items",
    (
      await itemTextsOf(
        db,
        await db
          .selectFrom("items")
          .innerJoin("meetings as m", "m.id", "items.meeting_id")
          .select(["m.slug as m", "items.meeting_id", "position", "number", "items.slug", "title", "exempt", "exempt_paragraphs", "text_start", "text_end", "text_uncut"])
          .orderBy("m.slug")
          .orderBy("position")
          .execute(),
      )
    ).map(({ meeting_id: _id, ...r }) => ({ ...r, exempt: bool(r.exempt) })),
  );
  add("resolutions", await db.selectFrom("resolutions").select(["slug", "text", "outcome", "votes_for", "votes_against", "votes_abstain"]).orderBy("slug").execute());
  add(
    "recommendations",
    await db
      .selectFrom("recommendations")
      .innerJoin("meetings as m", "m.id", "recommendations.meeting_id")
      .select(["m.slug", "position", "number", "text", "response", "responsible_member", "responsible_officer", "action_by"])
      .orderBy("m.slug")
      .orderBy("position")
      .execute(),
  );
  add("memberships", await db.selectFrom("memberships").innerJoin("people as p", "p.id", "memberships.person_id").innerJoin("bodies as b", "b.id", "memberships.body_id").select(["p.slug as p", "b.slug as b", "role", "memberships.kind", "from_date", "to_date"]).orderBy("p.slug").orderBy("b.slug").orderBy("role").orderBy("memberships.kind").execute());
  add(
    "sources",
    (
      await db
        .selectFrom("source_documents")
        .leftJoin("meetings as m", "m.id", "source_documents.meeting_id")
        .select(["content_hash", "file_name", "format", "parser_version", "warnings", "exempt_ranges", "m.slug", "packed_text", "packed_record"])
        .orderBy("content_hash")
        .execute()
    ).map(({ packed_text, packed_record, ...r }) => {
      const text = unpack(packed_text);
      return { ...r, text: sha256(text), record: packed_record === null ? null : sha256(JSON.stringify(unpackRecord(packed_record, text))) };
    }),
  );
  add(
    "provenance",
    (await documentSpans(db)).map(({ content_hash, span: s }) => ({ content_hash, entity: s.entity, field: s.field, line: s.line, end_line: s.end_line, start: s.start, end: s.end, implied: s.implied })),
  );
  add("search", await db.selectFrom("search_entries").select(["kind", "year", "title", "text"]).orderBy("kind").orderBy("title").orderBy("text").execute());
  return hash.digest("hex");
}

function sha256(s: string): string {
  return createHash("sha256").update(s).digest("hex");
}
