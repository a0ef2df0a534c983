// Migration 041 (packed provenance): down writes every packed span back as a provenance row, and up
// packs them again to the same bytes, so the store's digest (which reads every span) is unchanged
// across both. On both databases.
import { it } from "node:test";
import assert from "node:assert/strict";
import { sql } from "kysely";
import { eachStore } from "../scrutiny/test-stores.ts";
import { migrateToLatest, migrationNames, migrator } from "../migrate.ts";
import { dialectOf } from "../db.ts";
import { storeCounts, storeDigest } from "../digest.ts";
import { unpackSpans } from "../provenance-pack.ts";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { GOLDEN_DEV, importInto } from "../../../test/support/portal-db.ts";

const NAME = "041_packed_provenance";

eachStore("migration 041 (packed provenance)", (store) => {
  it("down writes the spans back as rows, and up packs them to the same bytes", async () => {
    const db = await store.open();
    // real minutes, parsed, so every value carries its span
    await importInto(db, readdirSync(GOLDEN_DEV).filter((f) => /\.(txt|md)$/.test(f)).map((f) => join(GOLDEN_DEV, f)));
    const packed = await db.selectFrom("source_documents").select(["id", "packed_provenance"]).orderBy("id").execute();
    const spans = packed.reduce((n, d) => n + unpackSpans(d.packed_provenance).length, 0);
    assert.ok(spans > 50, `the archive has spans (${spans})`);
    const digest = await storeDigest(db);
    assert.equal((await storeCounts(db)).provenance, spans);

    const names = migrationNames(dialectOf(db));
    const { error } = await migrator(db).migrateTo(names[names.indexOf(NAME) - 1]);
    assert.equal(error, undefined);
    const rows = await sql<{ n: number | string }>`SELECT count(*) AS n FROM provenance`.execute(db);
    assert.equal(Number(rows.rows[0].n), spans);
    const one = await sql<{ start: number; end: number; entity: string }>`SELECT entity, start, "end" FROM provenance WHERE source_document_id = ${packed[0].id} ORDER BY start, id`.execute(db);
    assert.deepEqual(one.rows.map((r) => [r.entity, Number(r.start), Number(r.end)]), unpackSpans(packed[0].packed_provenance).map((s) => [s.entity, s.start, s.end]));

    assert.deepEqual(await migrateToLatest(db), names.slice(names.indexOf(NAME)));
    const again = await db.selectFrom("source_documents").select(["id", "packed_provenance"]).orderBy("id").execute();
    assert.deepEqual(again.map((d) => [d.id, d.packed_provenance === null ? null : Buffer.from(d.packed_provenance).toString("hex")]), packed.map((d) => [d.id, d.packed_provenance === null ? null : Buffer.from(d.packed_provenance).toString("hex")]));
    assert.equal(await storeDigest(db), digest);
  });
});
