// Table types for who may read a committee's exempt business (migration 010_visibility_exempt_access);
// `exemptDb` widens a store handle to see them.
import type { Generated, Kysely } from "kysely";
import { accountsDb, type AccountTables, type AnyDb } from "../accounts/schema.ts";
import type { Database } from "../schema.ts";

export interface CommitteeAccessTable {
  id: Generated<number>;
  user_id: number;
  body_id: number;
  granted_at: string;
}

export type ExemptTables = AccountTables & { committee_access: CommitteeAccessTable };

export function exemptDb(db: AnyDb): Kysely<Database & ExemptTables> {
  return accountsDb(db).withTables<{ committee_access: CommitteeAccessTable }>();
}
