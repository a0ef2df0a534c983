// Kysely builds and compiles a statement's tree afresh each time it runs: about 30 µs a statement,
// a sixth of a meeting page's CPU over its two dozen reads (profiled). A read whose SQL is the same
// for every value it is given is built here once, with stand-ins for its values, and each later call
// binds its own values to the kept SQL. The builder is the read's only definition, so the kept SQL
// is what it would build; where the SQL depends on more than the values (who is looking, a flag),
// the caller names that shape, and a shape it cannot name (null) builds afresh as before.
import { createQueryId, type Compilable, type CompiledQuery, type RootOperationNode } from "kysely";
import type { Db } from "./db.ts";
import { planOnce } from "./pg-statements.ts";
import { viewerShape, type Viewer } from "./visibility.ts";

export type Param = string | number;

/** A read's result rows, as its builder's `execute()` would give them. */
type Rows<Q> = Q extends Compilable<infer O> ? O[] : never;

interface Template {
  sql: string;
  query: RootOperationNode;
  /** each parameter: the name of a value the caller gives, or a value fixed by the builder */
  slots: ({ name: string } | { fixed: unknown })[];
}

// U+0001 cannot reach a stand-in from real data: a value holding it is refused below.
const STAND_IN = "\u0001quorum-prepared:";

/**
 * When set (the test runner sets it), every prepared read is also built with its real values and
 * must give the same SQL and parameters as the kept one: a builder whose SQL depends on a value
 * without naming the shape fails every test that reaches it.
 */
const CHECKING = process.env.QUORUM_CHECK_PREPARED === "1";

function makeTemplate(query: CompiledQuery, names: string[]): Template {
  if (query.sql.includes(STAND_IN)) throw new Error("a prepared read put one of its values into its SQL text (sql.lit or sql.raw): it cannot be kept");
  const byStandIn = new Map(names.map((n) => [STAND_IN + n, n]));
  const slots = query.parameters.map((value) => {
    const name = typeof value === "string" ? byStandIn.get(value) : undefined;
    if (name !== undefined) return { name };
    if (typeof value === "string" && value.includes(STAND_IN)) throw new Error("a prepared read changed one of its values before binding it: it cannot be kept");
    return { fixed: value };
  });
  return { sql: query.sql, query: query.query, slots };
}

/**
 * A read built once per database handle and shape. `build` must pass each value of `p` to the query
 * as it is (compared, inserted as a parameter), never branch on it or transform it; anything else
 * the SQL depends on goes in `s`, and `shape(s)` names it (null: not kept, built afresh).
 * `once(s)`: the shape's plan suits any values, so PostgreSQL may plan it once (pg-statements.ts);
 * test/store/generic-plans.test.ts holds each such shape to a plan made for any values.
 */
export function preparedRead<P extends Record<string, Param>, S, Q extends Compilable<unknown>>(
  build: (db: Db, p: P, s: S) => Q,
  shape: (s: S) => string | null = () => "",
  once: (s: S) => boolean = () => false,
): (db: Db, p: P, s: S) => Promise<Rows<Q>> {
  const kept = new WeakMap<Db, Map<string, Template>>();
  return async (store, p, s) => {
    const key = Object.values(p).some((v) => typeof v === "string" && v.includes("\u0001")) ? null : shape(s);
    if (key === null) return (await store.executeQuery(build(store, p, s))).rows as Rows<Q>;
    const db = once(s) ? planOnce(store) : store;
    let shapes = kept.get(db);
    if (!shapes) kept.set(db, (shapes = new Map()));
    let template = shapes.get(key);
    if (!template) {
      const names = Object.keys(p);
      const standIns = Object.fromEntries(names.map((n) => [n, STAND_IN + n])) as unknown as P;
      template = makeTemplate(build(db, standIns, s).compile(), names);
      shapes.set(key, template);
    }
    const parameters = template.slots.map((slot) => ("name" in slot ? p[slot.name] : slot.fixed));
    if (CHECKING) {
      const fresh = build(db, p, s).compile();
      if (fresh.sql !== template.sql || JSON.stringify(fresh.parameters) !== JSON.stringify(parameters)) {
        throw new Error(`a prepared read's kept SQL differs from what it builds for these values (shape "${key}"):\n  kept:  ${template.sql} ${JSON.stringify(parameters)}\n  built: ${fresh.sql} ${JSON.stringify(fresh.parameters)}`);
      }
    }
    // The store's plugins see every run, as they would a built query's (a statement counter in the
    // tests relies on it); what they return is not used, the kept SQL having been made through them.
    const queryId = createQueryId();
    db.getExecutor().transformQuery(template.query, queryId);
    const compiled: CompiledQuery = { query: template.query, queryId, sql: template.sql, parameters };
    return (await db.executeQuery(compiled)).rows as Rows<Q>;
  };
}

/** A list's shape: which of its options are set, the viewer's (null: built afresh, see viewerShape), and its page size. */
export function shapeOf(options: unknown[], viewer: Viewer, take = 0): string | null {
  const v = viewerShape(viewer);
  return v === null ? null : options.map((o) => (o ? 1 : 0)).join("") + v + (take ? `|${take}` : "");
}
