// Archive sizes on the command line: "1k,10k,100k" ↔ 1000, 10000, 100000.

const UNITS: Record<string, number> = { "": 1, k: 1_000, m: 1_000_000 };

export function parseSize(s: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([kKmM]?)\s*$/.exec(s);
  const n = m ? Math.round(Number(m[1]) * UNITS[m[2].toLowerCase()]) : NaN;
  if (!Number.isSafeInteger(n) || n < 1) throw new Error(`not a number of meetings: "${s}" (say 1000, 1k, 10k or 1m)`);
  return n;
}

/** "1k,10k" → [1000, 10000], ascending, without repeats. */
export function parseSizes(list: string): number[] {
  const parts = list.split(",").map((s) => s.trim()).filter(Boolean);
  if (!parts.length) throw new Error("no sizes given (say --sizes 1k,10k)");
  return [...new Set(parts.map(parseSize))].sort((a, b) => a - b);
}

/** 1000 → "1k", 1500 → "1.5k", 2000000 → "2m", 999 → "999". */
export function sizeLabel(n: number): string {
  if (n >= 1_000_000 && n % 10_000 === 0) return `${n / 1_000_000}m`;
  if (n >= 1_000 && n % 100 === 0) return `${n / 1_000}k`;
  return String(n);
}

export type GivenArchives = Map<string, string>;

/**
 * "--db-for 10k=PATH" (repeatable) for both databases, or "--db-for postgres:10k=DIR" /
 * "--db-for sqlite:10k=FILE" for one; read back with `givenFor`.
 */
export function parseDbFor(values: readonly string[]): GivenArchives {
  const out: GivenArchives = new Map();
  for (const v of values) {
    const m = /^(?:(sqlite|postgres):)?([^=]+)=(.+)$/.exec(v);
    if (!m) throw new Error(`--db-for wants [sqlite:|postgres:]SIZE=PATH, not "${v}"`);
    out.set(`${m[1] ?? "*"}:${parseSize(m[2])}`, m[3]);
  }
  return out;
}

/** The archive given for this size and database: one named for the database first, then one for both. */
export function givenFor(given: GivenArchives, size: number, db: "sqlite" | "postgres"): string | undefined {
  return given.get(`${db}:${size}`) ?? given.get(`*:${size}`);
}

/** The PostgreSQL URL a `--db-for postgres:SIZE=` names, measured in place (never copied or dropped), or null. */
export function databaseInPlace(given: string | undefined): string | null {
  return given && /^postgres(?:ql)?:\/\//.test(given) ? given : null;
}
