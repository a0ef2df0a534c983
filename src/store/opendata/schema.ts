// The authorities' licence columns (migration 029_opendata_licence) and the memberships' stamps
// (migration 032_opendata2_membership_stamps, kept by the database itself); `opendataDb` widens a
// store handle to see them.
import type { Kysely, Transaction } from "kysely";
import type { ColumnType } from "kysely";
import type { AuthoritiesTable, Database, MembershipsTable } from "../schema.ts";

export interface LicencedAuthoritiesTable extends AuthoritiesTable {
  licence_name: string;
  licence_url: string;
}

export interface StampedMembershipsTable extends MembershipsTable {
  created_at: ColumnType<string, string | undefined, string>;
  updated_at: ColumnType<string, string | undefined, string>;
}

export type OpendataDatabase = Omit<Database, "authorities" | "memberships"> & { authorities: LicencedAuthoritiesTable; memberships: StampedMembershipsTable };

export function opendataDb(db: Kysely<Database> | Transaction<Database>): Kysely<OpendataDatabase> {
  return db as unknown as Kysely<OpendataDatabase>;
}
