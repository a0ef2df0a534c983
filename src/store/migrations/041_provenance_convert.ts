// The data conversion of migration 041 (packed provenance), shared by both dialects: each
// document's provenance rows packed into source_documents.packed_provenance (version 1 of
// provenance-pack.ts's format), and back for `down`. Packs with node:zlib itself rather than
// provenance-pack.ts: a migration is frozen, and the stored format with it. Runs a batch of
// documents at a time, so an archive of any size converts without holding it in memory.
import { deflateSync, inflateSync } from "node:zlib";
import type { Kysely } from "kysely";

const BATCH = 500;

interface Row {
  entity: string;
  entity_id: number;
  field: string;
  line: number;
  end_line: number | null;
  start: number;
  end: number;
  implied: boolean | number;
}

function pack(rows: Row[]): Buffer {
  const p = { v: 1, entity: [] as string[], id: [] as number[], field: [] as string[], line: [] as number[], endLine: [] as (number | null)[], step: [] as number[], length: [] as number[], implied: [] as number[] };
  let at = 0;
  for (const r of rows) {
    const start = Number(r.start);
    p.entity.push(r.entity);
    p.id.push(Number(r.entity_id));
    p.field.push(r.field);
    p.line.push(Number(r.line));
    p.endLine.push(r.end_line === null ? null : Number(r.end_line));
    p.step.push(start - at);
    p.length.push(Number(r.end) - start);
    p.implied.push(r.implied === true || Number(r.implied) === 1 ? 1 : 0);
    at = start;
  }
  return deflateSync(Buffer.from(JSON.stringify(p), "utf8"));
}

/** Fills packed_provenance from the provenance rows, each document's in order of start and id. */
export async function packProvenance(db: Kysely<any>): Promise<void> {
  for (let after = 0; ; ) {
    const ids = (await db.selectFrom("source_documents").where("id", ">", after).select("id").orderBy("id").limit(BATCH).execute()).map((d) => Number(d.id));
    if (!ids.length) break;
    after = ids[ids.length - 1];
    const rows = await db
      .selectFrom("provenance")
      .where("source_document_id", "in", ids)
      .select(["source_document_id", "entity", "entity_id", "field", "line", "end_line", "start", "end", "implied"])
      .orderBy("source_document_id")
      .orderBy("start")
      .orderBy("id")
      .execute();
    const byDoc = new Map<number, Row[]>();
    for (const r of rows) {
      const d = Number(r.source_document_id);
      if (!byDoc.has(d)) byDoc.set(d, []);
      byDoc.get(d)!.push(r as Row);
    }
    for (const [id, spans] of byDoc) await db.updateTable("source_documents").set({ packed_provenance: pack(spans) }).where("id", "=", id).execute();
  }
}

/** Writes each document's packed spans back as provenance rows, in the order they were packed. */
export async function unpackProvenance(db: Kysely<any>, flag: (b: boolean) => boolean | number): Promise<void> {
  for (let after = 0; ; ) {
    const docs = await db.selectFrom("source_documents").where("id", ">", after).where("packed_provenance", "is not", null).select(["id", "packed_provenance"]).orderBy("id").limit(BATCH).execute();
    if (!docs.length) break;
    after = Number(docs[docs.length - 1].id);
    for (const d of docs) {
      const p = JSON.parse(inflateSync(d.packed_provenance as Uint8Array).toString("utf8"));
      const rows = [];
      let at = 0;
      for (let k = 0; k < p.entity.length; k++) {
        at += p.step[k];
        rows.push({ entity: p.entity[k], entity_id: p.id[k], field: p.field[k], source_document_id: Number(d.id), line: p.line[k], end_line: p.endLine[k], start: at, end: at + p.length[k], implied: flag(p.implied[k] === 1) });
      }
      for (let i = 0; i < rows.length; i += 200) await db.insertInto("provenance").values(rows.slice(i, i + 200)).execute();
    }
  }
}
