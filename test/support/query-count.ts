// Counts the statements a handle on the store runs, and how many of them had to wait for an earlier
// one to finish: a "round" starts whenever a statement begins while none is in flight, so reads run
// together with Promise.all share a round and reads run one after another each add one.
import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from "kysely";
import type { Db } from "../../src/store/db.ts";

export interface QueryCount {
  /** statements run since the last reset */
  queries: number;
  /** runs of statements with none in flight between them */
  rounds: number;
}

export interface CountingDb {
  db: Db;
  /** what ran since the last reset */
  count(): QueryCount;
  reset(): void;
}

/** A second handle on `db` that counts what it runs. */
export function countingDb(db: Db): CountingDb {
  // A subquery is transformed when it is built and never finishes on its own, so only statements
  // whose result came back are counted, each from the last time it was transformed (at execution).
  let events: { kind: "start" | "end"; id: object }[] = [];
  const plugin: KyselyPlugin = {
    transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
      events.push({ kind: "start", id: args.queryId });
      return args.node;
    },
    async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
      events.push({ kind: "end", id: args.queryId });
      return args.result;
    },
  };
  return {
    db: db.withPlugin(plugin),
    reset() {
      events = [];
    },
    count() {
      const ended = new Set(events.filter((e) => e.kind === "end").map((e) => e.id));
      const lastStart = new Map<object, number>();
      events.forEach((e, i) => {
        if (e.kind === "start" && ended.has(e.id)) lastStart.set(e.id, i);
      });
      const starts = new Set(lastStart.values());
      let inFlight = 0;
      let rounds = 0;
      events.forEach((e, i) => {
        if (e.kind === "start" && starts.has(i)) {
          if (inFlight === 0) rounds++;
          inFlight++;
        } else if (e.kind === "end") inFlight--;
      });
      return { queries: ended.size, rounds };
    },
  };
}
