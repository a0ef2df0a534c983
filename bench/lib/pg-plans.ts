// The plans PostgreSQL took for its slow statements during a run, read from its log. The bench's
// cluster preloads auto_explain (AUTO_EXPLAIN), which logs the plan of every statement slower than
// its threshold; the cluster is removed at the end of the run, so what a page run's plans were is
// kept here or lost.

/** Server settings that log the plan of each statement slower than `ms`. */
export function autoExplainSettings(ms: number): Record<string, string> {
  return {
    shared_preload_libraries: "auto_explain",
    "auto_explain.log_min_duration": `${ms}ms`,
    "auto_explain.log_nested_statements": "off",
    // as JSON: in text, a statement written over several lines cannot be told from its plan
    "auto_explain.log_format": "json",
  };
}

export interface SlowStatement {
  /** the statement's text, as sent */
  query: string;
  /** how many times it ran past the threshold */
  count: number;
  totalMs: number;
  maxMs: number;
  /** the plan of its slowest run, as EXPLAIN's JSON */
  plan: unknown;
}

const HEAD = /\bLOG:\s+duration: ([\d.]+) ms\s+plan:\s*$/;

/** The statements auto_explain logged in `log`, the most time first, at most `top` of them. */
export function slowStatements(log: string, top: number): SlowStatement[] {
  const byQuery = new Map<string, SlowStatement>();
  const lines = log.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const head = HEAD.exec(lines[i]);
    if (!head) continue;
    const ms = Number(head[1]);
    // the entry goes on in lines indented with a tab
    const body: string[] = [];
    while (i + 1 < lines.length && lines[i + 1].startsWith("\t")) body.push(lines[++i].slice(1));
    let entry: { "Query Text"?: unknown; Plan?: unknown };
    try {
      entry = JSON.parse(body.join("\n"));
    } catch {
      continue;
    }
    if (typeof entry["Query Text"] !== "string") continue;
    const query = entry["Query Text"].trim();
    const plan = entry.Plan;
    const seen = byQuery.get(query);
    if (!seen) byQuery.set(query, { query, count: 1, totalMs: ms, maxMs: ms, plan });
    else {
      seen.count++;
      seen.totalMs += ms;
      if (ms > seen.maxMs) [seen.maxMs, seen.plan] = [ms, plan];
    }
  }
  return [...byQuery.values()].sort((a, b) => b.totalMs - a.totalMs).slice(0, top);
}
