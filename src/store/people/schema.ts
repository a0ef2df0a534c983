// Table types for what clerks decide about people (migration 009_people_decisions);
// `decisionsDb` widens a store handle to see them.
import type { Generated, Kysely, Transaction } from "kysely";
import type { Database } from "../schema.ts";

export interface PersonDecisionsTable {
  id: Generated<number>;
  authority_id: number;
  /** merge: anchors' person into target's; split: anchors become a person of their own; details: name, kind, party, ward */
  kind: "merge" | "split" | "details";
  /** JSON Anchor[]: the attendance rows the decision is about */
  anchors: string;
  /** JSON Anchor[]: for a merge, rows of the person kept */
  target: string | null;
  /** the slug the resulting person keeps */
  slug: string | null;
  /** JSON PersonFields, for details */
  fields: string | null;
  created_at: string;
}

export interface PersonRedirectsTable {
  from_slug: string;
  to_slug: string;
  created_at: string;
}

export type DecisionTables = { person_decisions: PersonDecisionsTable; person_redirects: PersonRedirectsTable };
export type DecisionsDb = Kysely<Database & DecisionTables>;
type AnyDb = Kysely<Database> | Transaction<Database>;

export function decisionsDb(db: AnyDb): DecisionsDb {
  return (db as Kysely<Database>).withTables<DecisionTables>();
}
