// The authorities' licence columns (migration 029_opendata_licence), the memberships' stamps
// (migration 032_opendata2_membership_stamps), the councils', committees' and people's `updated_at`
// and the record of public people and meetings that went away (migration 033_oparl3_changes), all
// kept by the database itself; `opendataDb` widens a store handle to see them.
import type { Generated, Kysely, Transaction } from "kysely";
import type { ColumnType } from "kysely";
import type { AuthoritiesTable, BodiesTable, Database, MembershipsTable, PeopleTable } from "../schema.ts";

type Stamp = ColumnType<string, string | undefined, string>;

export interface LicencedAuthoritiesTable extends AuthoritiesTable {
  licence_name: string;
  licence_url: string;
  updated_at: Stamp;
}

export interface StampedMembershipsTable extends MembershipsTable {
  created_at: Stamp;
  updated_at: Stamp;
}

export interface StampedBodiesTable extends BodiesTable {
  updated_at: Stamp;
}

export interface StampedPeopleTable extends PeopleTable {
  updated_at: Stamp;
}

export type DeletedKind = "person" | "meeting";

/** A public person or meeting that went away: OParl answers it as a deleted object. */
export interface OparlDeletedTable {
  id: Generated<number>;
  kind: DeletedKind;
  slug: string;
  authority_id: number;
  /** the meeting's committee (null for a person) */
  body_id: number | null;
  created_at: string;
  deleted_at: string;
}

export type OpendataDatabase = Omit<Database, "authorities" | "memberships" | "bodies" | "people"> & {
  authorities: LicencedAuthoritiesTable;
  memberships: StampedMembershipsTable;
  bodies: StampedBodiesTable;
  people: StampedPeopleTable;
  oparl_deleted: OparlDeletedTable;
};

export function opendataDb(db: Kysely<Database> | Transaction<Database>): Kysely<OpendataDatabase> {
  return db as unknown as Kysely<OpendataDatabase>;
}
