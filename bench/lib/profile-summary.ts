// Reads a V8 CPU profile (`node --cpu-prof`) and says where a served page's time went: each sample
// inside a time window is put in one category by what is on its stack, so that "database" covers the
// statement and everything the driver does for it, wherever the leaf happens to be.

export interface CpuProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber?: number };
  children?: number[];
}

export interface CpuProfile {
  nodes: CpuProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export const CATEGORIES = [
  "database statements",
  "query building (Kysely)",
  "HTML rendering (JSX)",
  "Hono (routing, middleware, writing the response)",
  "reading and parsing minutes",
  "Quorum's own code",
  "Node (HTTP, streams, buffers)",
  "garbage collection",
  "V8 and native, unattributed",
  "other",
] as const;
export type Category = (typeof CATEGORIES)[number];

export interface ProfileSummary {
  /** µs of samples in the window that were not idle, per category */
  busyUs: Record<Category, number>;
  idleUs: number;
  windowUs: number;
  /** the functions with most self time in the window (not idle), µs */
  top: { name: string; where: string; selfUs: number; category: Category }[];
}

const DATABASE = (f: CpuProfileNode["callFrame"]) =>
  /better-sqlite3|node_modules\/pg\/|pg-protocol|pg-pool/.test(f.url) || (f.functionName === "executeQuery" && /kysely/.test(f.url));
const KYSELY = (f: CpuProfileNode["callFrame"]) => /node_modules\/kysely\//.test(f.url);
const JSX = (f: CpuProfileNode["callFrame"]) => /node_modules\/hono\/dist\/.*jsx/.test(f.url) || (/\/src\//.test(f.url) && /\.tsx$/.test(f.url));
const HONO = (f: CpuProfileNode["callFrame"]) => /node_modules\/(hono|@hono)\//.test(f.url);
const PARSE = (f: CpuProfileNode["callFrame"]) => /\/src\/(parse|ingest)\//.test(f.url) || /node_modules\/(chrono-node|unpdf|node-html-parser)\//.test(f.url);
const OWN = (f: CpuProfileNode["callFrame"]) => /\/src\//.test(f.url) && !/node_modules/.test(f.url);
const NODE = (f: CpuProfileNode["callFrame"]) => f.url.startsWith("node:");

/** The category of a sample whose stack, leaf first, is `stack`. */
/** Microseconds busy over every category. */
export function busyTotalUs(busyUs: Record<string, number>): number {
  return Object.values(busyUs).reduce((a, x) => a + x, 0);
}

export function categorise(stack: CpuProfileNode["callFrame"][]): Category | "idle" {
  const leaf = stack[0];
  if (leaf.functionName === "(idle)") return "idle";
  if (leaf.functionName === "(garbage collector)") return "garbage collection";
  if (leaf.functionName === "(program)") return "V8 and native, unattributed";
  // a statement claims everything under it; otherwise the frame nearest the leaf that is in one of
  // the packages or in Quorum's code decides (Node's own frames only when nothing else is there)
  if (stack.some(DATABASE)) return "database statements";
  for (const f of stack) {
    if (KYSELY(f)) return "query building (Kysely)";
    if (JSX(f)) return "HTML rendering (JSX)";
    if (HONO(f)) return "Hono (routing, middleware, writing the response)";
    if (PARSE(f)) return "reading and parsing minutes";
    if (OWN(f)) return "Quorum's own code";
  }
  if (stack.some(NODE)) return "Node (HTTP, streams, buffers)";
  return "other";
}

/**
 * Sums the profile's samples between `fromUs` and `toUs` (the profile's own clock: on Linux both it
 * and `process.hrtime` read CLOCK_MONOTONIC, so another process can name the window).
 */
export function summarise(profile: CpuProfile, fromUs = -Infinity, toUs = Infinity, topN = 15): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const categoryOf = new Map<number, Category | "idle">();
  const category = (id: number) => {
    let c = categoryOf.get(id);
    if (c === undefined) {
      const stack: CpuProfileNode["callFrame"][] = [];
      for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) stack.push(byId.get(at)!.callFrame);
      c = categorise(stack);
      categoryOf.set(id, c);
    }
    return c;
  };
  const busyUs = Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>;
  const self = new Map<number, number>();
  let idleUs = 0;
  let t = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i];
    if (t < fromUs || t > toUs) continue;
    // a sample stands for the time until the next one
    const dt = i + 1 < profile.timeDeltas.length ? profile.timeDeltas[i + 1] : 0;
    const id = profile.samples[i];
    const c = category(id);
    if (c === "idle") {
      idleUs += dt;
      continue;
    }
    busyUs[c] += dt;
    self.set(id, (self.get(id) ?? 0) + dt);
  }
  const merged = new Map<string, { name: string; where: string; selfUs: number; category: Category }>();
  for (const [id, us] of self) {
    const f = byId.get(id)!.callFrame;
    const where = f.url ? `${f.url.replace(/^.*\/(node_modules|src)\//, "$1/")}:${(f.lineNumber ?? 0) + 1}` : "";
    const key = `${f.functionName}\0${where}`;
    const e = merged.get(key) ?? { name: f.functionName || "(anonymous)", where, selfUs: 0, category: category(id) as Category };
    e.selfUs += us;
    merged.set(key, e);
  }
  const top = [...merged.values()].sort((a, b) => b.selfUs - a.selfUs).slice(0, topN);
  const windowUs = Math.min(toUs, profile.endTime) - Math.max(fromUs, profile.startTime);
  return { busyUs, idleUs, windowUs, top };
}
