// Where a stored meeting belongs: its council and committee, found by natural key or added (a row
// another writer has just added is taken, not duplicated), and the row of the document it was read from.
import type { Transaction } from "kysely";
import type { Database } from "./schema.ts";
import { pack, packRecord } from "./packed.ts";
import { bodyKind } from "./rules/body-kinds.ts";
import { bodySlug, nameKey } from "./rules/slugs.ts";
import type { ImportInput } from "./import.ts";

type Tx = Transaction<Database>;

/** The council by slug, added when new; a folder's time zone (`timeZoneOverride`) is applied to it. */
export async function authorityFor(trx: Tx, aSlug: string, authorityName: string, timeZone?: string, timeZoneOverride?: string): Promise<{ id: number; name: string }> {
  let authority = await trx.selectFrom("authorities").where("slug", "=", aSlug).select(["id", "name"]).executeTakeFirst();
  const zone = timeZoneOverride ?? timeZone;
  if (authority && timeZoneOverride) {
    await trx.updateTable("authorities").set({ time_zone: timeZoneOverride }).where("id", "=", authority.id).execute();
  }
  if (!authority) {
    authority =
      (await trx
        .insertInto("authorities")
        .values({ slug: aSlug, name: authorityName, ...(zone ? { time_zone: zone } : {}) })
        .onConflict((oc) => oc.doNothing())
        .returning(["id", "name"])
        .executeTakeFirst()) ??
      (await trx.selectFrom("authorities").where((eb) => eb.or([eb("slug", "=", aSlug), eb("name", "=", authorityName)])).select(["id", "name"]).executeTakeFirstOrThrow());
  }
  return authority;
}

/** The council's committee by its name, added when new. */
export async function bodyFor(trx: Tx, authority: { id: number; name: string }, bodyName: string): Promise<{ id: number; slug: string; name: string }> {
  const bKey = nameKey(bodyName);
  const findBody = () => trx.selectFrom("bodies").where("authority_id", "=", authority.id).where("name_key", "=", bKey).select(["id", "slug", "name"]).executeTakeFirst();
  let body = await findBody();
  // Long names can meet in a truncated slug; the later body takes a suffix.
  for (let n = 1; !body; n++) {
    const slug = n === 1 ? bodySlug(authority.name, bodyName) : `${bodySlug(authority.name, bodyName)}-${n}`;
    body =
      (await trx
        .insertInto("bodies")
        .values({ authority_id: authority.id, slug, name: bodyName, name_key: bKey, kind: bodyKind(bodyName) })
        .onConflict((oc) => oc.doNothing())
        .returning(["id", "slug", "name"])
        .executeTakeFirst()) ?? (await findBody());
  }
  return body;
}

/**
 * The source document's row: a new row per distinct content; a re-parse of the same content updates
 * its row. `prior` is the row as it was, when there was one.
 */
export async function storeSourceDocument(trx: Tx, input: ImportInput, parserVersion: string, now: string): Promise<{ docId: number; prior: { id: number; meeting_id: number | null } | undefined }> {
  const { source, record: parsed } = input;
  // A document holding several meetings has a row per meeting, the later ones keyed "<hash>#2"…
  // (cli/import-document.ts), each with the whole text and that meeting's record.
  const docValues = {
    file_name: source.file.split(/[\\/]/).pop() ?? source.file,
    format: source.format,
    byte_length: source.byteLength,
    packed_text: pack(source.text),
    parser_version: parserVersion,
    warnings: JSON.stringify(parsed.warnings ?? []),
    packed_record: packRecord(parsed, source.text),
    ...(input.original ? { document_key: input.original.key, media_type: input.original.mediaType, original_name: input.original.name } : {}),
  };
  const prior = await trx.selectFrom("source_documents").where("content_hash", "=", source.contentHash).select(["id", "meeting_id"]).executeTakeFirst();
  const docId = prior
    ? (await trx.updateTable("source_documents").set({ ...docValues, imported_at: now }).where("id", "=", prior.id).returning("id").executeTakeFirstOrThrow()).id
    : (
        await trx
          .insertInto("source_documents")
          .values({ ...docValues, content_hash: source.contentHash })
          .onConflict((oc) => oc.column("content_hash").doUpdateSet({ ...docValues, imported_at: now }))
          .returning("id")
          .executeTakeFirstOrThrow()
      ).id;
  return { docId, prior };
}
