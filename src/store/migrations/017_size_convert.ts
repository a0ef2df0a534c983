// The data conversion of migration 017 (size), shared by both dialects: a document's source text
// and parsed record deflated into packed_text / packed_record, and an item's text replaced by where
// it lies in its meeting's source text wherever a cut of it gives the text once runs of blank
// lines are joined into one (text_uncut keeps the rest). `down` puts every value back as it was. Runs in batches so that an archive of any size
// converts without holding it in memory. Uses node:zlib itself rather than packed.ts: a migration
// is frozen, and the stored format with it.
import { deflateSync, inflateSync } from "node:zlib";
import type { Kysely } from "kysely";

const BATCH = 200;

const pack = (s: string) => deflateSync(Buffer.from(s, "utf8"));
const joinBlankLines = (cut: string) => cut.replace(/\n{3,}/g, "\n\n");

/** Where in `source` a cut lies that gives `text` once its runs of blank lines are joined into one. */
function findCut(source: string, text: string, from: number): [number, number] | null {
  for (const start of [from, 0]) {
    const at = source.indexOf(text, start);
    if (at >= 0) return [at, at + text.length];
  }
  if (!text.includes("\n\n")) return null;
  const pattern = new RegExp(text.split("\n\n").map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("\n{2,}"), "g");
  for (const start of [from, 0]) {
    pattern.lastIndex = start;
    const m = pattern.exec(source);
    if (m && joinBlankLines(m[0]) === text) return [m.index, m.index + m[0].length];
  }
  return null;
}
const unpack = (b: Uint8Array) => inflateSync(b).toString("utf8");
// a record is deflated with the start of its document's text as the preset dictionary
const dictionary = (text: string) => Buffer.from(text, "utf8").subarray(0, 32768);
const packRecord = (json: string, text: string) => deflateSync(Buffer.from(json, "utf8"), { dictionary: dictionary(text) });
const unpackRecord = (b: Uint8Array, text: string) => inflateSync(b, { dictionary: dictionary(text) }).toString("utf8");

/** Fills packed_text and packed_record from text and record_json; cuts item text to offsets. */
export async function packDocuments(db: Kysely<any>): Promise<void> {
  for (let after = 0; ; ) {
    const docs = await db.selectFrom("source_documents").where("id", ">", after).select(["id", "text", "record_json"]).orderBy("id").limit(BATCH).execute();
    if (!docs.length) break;
    for (const d of docs) {
      await db
        .updateTable("source_documents")
        .set({ packed_text: pack(d.text), packed_record: d.record_json === null ? null : packRecord(d.record_json, d.text) })
        .where("id", "=", d.id)
        .execute();
    }
    after = docs[docs.length - 1].id;
  }
  for (let after = 0; ; ) {
    const meetings = await db
      .selectFrom("meetings")
      .innerJoin("source_documents as d", "d.id", "meetings.source_document_id")
      .where("meetings.id", ">", after)
      .select(["meetings.id", "d.text"])
      .orderBy("meetings.id")
      .limit(BATCH)
      .execute();
    if (!meetings.length) break;
    for (const m of meetings) {
      const items = await db.selectFrom("items").where("meeting_id", "=", m.id).where("text_uncut", "is not", null).select(["id", "text_uncut"]).orderBy("position").execute();
      let cursor = 0;
      for (const item of items) {
        const cut = findCut(m.text, item.text_uncut as string, cursor);
        if (!cut) continue;
        cursor = cut[1];
        await db.updateTable("items").set({ text_start: cut[0], text_end: cut[1], text_uncut: null }).where("id", "=", item.id).execute();
      }
    }
    after = meetings[meetings.length - 1].id;
  }
}

/** The inverse: text and record_json from the packed columns, every item's text whole again. */
export async function unpackDocuments(db: Kysely<any>): Promise<void> {
  for (let after = 0; ; ) {
    const docs = await db.selectFrom("source_documents").where("id", ">", after).select(["id", "packed_text", "packed_record"]).orderBy("id").limit(BATCH).execute();
    if (!docs.length) break;
    for (const d of docs) {
      const text = unpack(d.packed_text);
      await db
        .updateTable("source_documents")
        .set({ text, record_json: d.packed_record === null ? null : unpackRecord(d.packed_record, text) })
        .where("id", "=", d.id)
        .execute();
      const items = await db
        .selectFrom("items")
        .innerJoin("meetings as m", "m.id", "items.meeting_id")
        .where("m.source_document_id", "=", d.id)
        .where("items.text_start", "is not", null)
        .select(["items.id", "items.text_start", "items.text_end"])
        .execute();
      for (const i of items) await db.updateTable("items").set({ text_uncut: joinBlankLines(text.slice(i.text_start, i.text_end)) }).where("id", "=", i.id).execute();
    }
    after = docs[docs.length - 1].id;
  }
}
