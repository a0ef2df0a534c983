// PostgreSQL parses, analyses and plans every statement Kysely sends. For a read whose best plan
// does not depend on its values (a meeting's items, by the meeting's id) that is wasted work on
// every request: such reads are built through `planOnce(db)`, which marks their SQL, and on
// PostgreSQL a marked text is sent as a named statement, which each connection prepares once and
// may then run with a plan made once for any values. Only marked reads: a plan made for any values
// is wrong where the cost depends on them (a person's record walked for a prolific councillor
// costs 5× under PostgreSQL's one-for-all plan, measured), so unmarked SQL goes unnamed as before.
// On SQLite the mark is a comment; statements there are kept by their text already
// (sqlite-statements.ts).
import { QueryNode, RawNode, SelectModifierNode, SelectQueryNode, type KyselyPlugin } from "kysely";
import type pg from "pg";
import type { Db } from "./db.ts";

/** The comment that ends a marked read's SQL. */
export const PLAN_ONCE = "/* plan once */";

/** Most named statements one connection keeps; SQL past the bound goes unnamed. */
export const NAMED_PER_CONNECTION = 400;

const marking: KyselyPlugin = {
  transformQuery: ({ node }) =>
    SelectQueryNode.is(node) ? QueryNode.cloneWithEndModifier(node, SelectModifierNode.createWithExpression(RawNode.createWithSql(PLAN_ONCE))) : node,
  transformResult: async ({ result }) => result,
};

const marked = new WeakMap<Db, Db>();
const markedOnes = new WeakSet<Db>();

/** `db`, building every select it runs as a marked read. */
export function planOnce(db: Db): Db {
  if (markedOnes.has(db)) return db;
  let m = marked.get(db);
  if (!m) {
    marked.set(db, (m = db.withPlugin(marking)));
    markedOnes.add(m);
  }
  return m;
}

/** The server's refusal to run a kept statement whose result columns a migration changed. */
function isStalePlan(err: unknown): boolean {
  return (err as { code?: string })?.code === "0A000" && /cached plan must not change result type/.test((err as Error).message ?? "");
}

/** Sends the marked reads `client` runs as named statements (see above). */
export function namingMarkedReads(client: pg.ClientBase, max = NAMED_PER_CONNECTION): void {
  const names = new Map<string, string>();
  const stale = new Set<string>();
  const query = client.query.bind(client) as (...args: unknown[]) => Promise<unknown>;
  (client as { query: unknown }).query = (text: unknown, values?: unknown, callback?: unknown) => {
    if (typeof text !== "string" || typeof callback === "function" || !text.endsWith(PLAN_ONCE) || stale.has(text)) return query(text, values, callback);
    let name = names.get(text);
    if (!name) {
      if (names.size >= max) return query(text, values);
      name = `quorum_${names.size + 1}`;
      names.set(text, name);
    }
    return query({ name, text, values }).catch(async (err: unknown) => {
      if (!isStalePlan(err)) throw err;
      // A migration changed a table under a kept `select *`: this text goes unnamed from now on.
      // (Inside a transaction the error has ended it, and the caller sees it; outside, it runs again.)
      stale.add(text);
      return query(text, values);
    });
  };
}
