// The authorities' licence columns (migration 029_opendata_licence); `opendataDb` widens a store
// handle to see them.
import type { Kysely, Transaction } from "kysely";
import type { AuthoritiesTable, Database } from "../schema.ts";

export interface LicencedAuthoritiesTable extends AuthoritiesTable {
  licence_name: string;
  licence_url: string;
}

export type OpendataDatabase = Omit<Database, "authorities"> & { authorities: LicencedAuthoritiesTable };

export function opendataDb(db: Kysely<Database> | Transaction<Database>): Kysely<OpendataDatabase> {
  return db as unknown as Kysely<OpendataDatabase>;
}
