// What clerks decided about people, read back for the settle step. A decision names attendance
// rows by anchor (meeting slug, position, name as written), which an import of the same document
// recreates with new ids but the same anchors; a row that moved within its meeting is still found
// by its name when that is unambiguous.
import type { Transaction } from "kysely";
import type { Database } from "../schema.ts";
import { decisionsDb } from "./schema.ts";

export interface Anchor {
  meeting: string;
  position: number;
  name: string;
}

/** What a clerk may fix about a person; every field is kept as given, null clears it. */
export interface PersonFields {
  displayName: string;
  honorific: string | null;
  forenames: string | null;
  initials: string | null;
  surname: string;
  kind: string;
  party: string | null;
  ward: string | null;
}

export interface Decision {
  id: number;
  kind: "merge" | "split" | "details";
  anchors: Anchor[];
  target: Anchor[];
  slug: string | null;
  fields: PersonFields | null;
}

export async function loadDecisions(trx: Transaction<Database>, authorityId: number): Promise<Decision[]> {
  const rows = await decisionsDb(trx).selectFrom("person_decisions").where("authority_id", "=", authorityId).selectAll().orderBy("id").execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    anchors: JSON.parse(r.anchors) as Anchor[],
    target: r.target ? (JSON.parse(r.target) as Anchor[]) : [],
    slug: r.slug,
    fields: r.fields ? (JSON.parse(r.fields) as PersonFields) : null,
  }));
}

export interface AnchoredRow {
  id: number;
  meeting: string;
  position: number;
  name: string;
}

/** Finds the row an anchor names: the same place and name, else the only row of that name in the meeting. */
export function anchorResolver(rows: AnchoredRow[]): (a: Anchor) => number | null {
  const exact = new Map<string, number>();
  const byName = new Map<string, number[]>();
  for (const r of rows) {
    exact.set(`${r.meeting}\u0000${r.position}\u0000${r.name}`, r.id);
    const k = `${r.meeting}\u0000${r.name}`;
    byName.set(k, [...(byName.get(k) ?? []), r.id]);
  }
  return (a) => {
    const hit = exact.get(`${a.meeting}\u0000${a.position}\u0000${a.name}`);
    if (hit !== undefined) return hit;
    const named = byName.get(`${a.meeting}\u0000${a.name}`);
    return named && named.length === 1 ? named[0] : null;
  };
}
