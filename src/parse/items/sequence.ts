// Picks, among the numbered lines, the run that forms the agenda: numbers of one family that
// follow one another in document order. Lists inside items ("1. That the Council …"), page numbers,
// addresses and sub-paragraphs ("8.1") lose because they form shorter or weaker runs.
import type { Candidate } from "./headings.ts";
import { step } from "./numbering.ts";

const FAMILY_FACTOR = (family: string): number => (family === "sub" ? 0.5 : 1);

export function bestSequence(cands: Candidate[]): Candidate[] {
  const n = cands.length;
  if (!n) return [];
  const nested = nestedLists(cands);
  const weightOf = (i: number) => cands[i].weight * FAMILY_FACTOR(cands[i].num.family) * (nested.has(i) ? NESTED_FACTOR : 1);
  const score = cands.map((_, i) => weightOf(i));
  const prev = new Array<number>(n).fill(-1);
  // A number can only follow one a few steps before it in its own family (see `step`), so each
  // candidate looks its predecessors up by number instead of trying every earlier line: with tens
  // of thousands of numbered lines, comparing all pairs took minutes. Within one bucket (family,
  // number, style) the gap and style cost are the same, so only its best-scoring earlier
  // candidate matters (the earliest on ties, as a scan in document order would pick).
  const bestIn = new Map<string, number>();
  const styles = new Map<string, Set<string>>();
  for (let i = 0; i < n; i++) {
    const ci = cands[i];
    const wi = weightOf(i);
    let bestJ = -1;
    let bestS = score[i];
    for (const bucket of predecessorBuckets(ci)) {
      for (const style of styles.get(ci.num.family) ?? []) {
        const j = bestIn.get(`${bucket}\u0000${style}`);
        if (j === undefined || cands[j].line === ci.line) continue;
        const gap = step(cands[j].num, ci.num);
        if (gap === null) continue;
        const styleCost = cands[j].num.style === ci.num.style ? 0 : 0.4;
        const s = score[j] + wi - 0.35 * gap - styleCost;
        if (s > bestS || (s === bestS && bestJ >= 0 && j < bestJ)) {
          bestS = s;
          bestJ = j;
        }
      }
    }
    if (bestJ >= 0) {
      score[i] = bestS;
      prev[i] = bestJ;
    }
    for (const bucket of ownBuckets(ci)) {
      const k = `${bucket}\u0000${ci.num.style}`;
      const j = bestIn.get(k);
      if (j === undefined || score[i] > score[j]) bestIn.set(k, i);
    }
    if (!styles.has(ci.num.family)) styles.set(ci.num.family, new Set());
    styles.get(ci.num.family)!.add(ci.num.style);
  }
  let best = -1;
  for (let i = 0; i < n; i++) if (best < 0 || score[i] > score[best]) best = i;
  const chain: Candidate[] = [];
  for (let i = best; i >= 0; i = prev[i]) chain.unshift(cands[i]);
  // a run made only of weak lines (table rows, garbled text) is not an agenda
  if (chain.reduce((sum, c) => sum + c.weight, 0) / chain.length < 0.5) return [];
  if (chain.length === 1) {
    const c = chain[0];
    // a lone numbered line is an item only when it says so or starts an agenda
    if (!(c.num.style.startsWith("item") || (c.num.key <= 1 && c.weight >= 0.85))) return [];
  }
  return chain;
}

/** How much a line of a list nested inside an item counts towards a run. */
const NESTED_FACTOR = 0.3;

/**
 * Lists nested inside an item: a run that restarts at 1 after the numbering has reached 2 or more,
 * counts on by one, and after which the outer numbering resumes where it left off (6, then a list
 * 1.–11., then 7). Its lines are indices into `cands`. An agenda printed before minutes numbered
 * from 1 again is not nested: nothing resumes after it.
 */
export function nestedLists(cands: Candidate[]): Set<number> {
  const out = new Set<number>();
  // where each whole number last appears: looked up, not searched for
  const lastAt = new Map<number, number>();
  cands.forEach((c, i) => c.num.family === "whole" && lastAt.set(c.num.key, i));
  let outer = 0;
  for (let i = 0; i < cands.length; i++) {
    const c = cands[i];
    if (c.num.family !== "whole") continue;
    if (c.num.key === 1 && outer >= 2) {
      const run = [i];
      for (let j = i + 1; j < cands.length; j++) {
        const d = cands[j];
        if (d.num.family !== "whole") continue;
        if (d.num.key !== cands[run[run.length - 1]].num.key + 1 || d.num.style !== c.num.style) break;
        run.push(j);
      }
      const end = run[run.length - 1];
      if (run.length >= 2 && (lastAt.get(outer + 1) ?? -1) > end) {
        for (const j of run) out.add(j);
        i = end;
        continue;
      }
    }
    outer = c.num.key;
  }
  return out;
}

/**
 * Items taken out of agenda order ("it was agreed to proceed to Item No. 4") break the run. Numbers of
 * the same family and style as the run that it does not hold yet, and that read as headings, are added.
 */
export function withOutOfOrder(chain: Candidate[], cands: Candidate[]): Candidate[] {
  if (chain.length < 2) return chain;
  const family = chain[0].num.family;
  if (family === "sub") return chain;
  const styles = new Set(chain.map((c) => c.num.style));
  const used = new Set(chain.map((c) => c.num.key));
  const lines = new Set(chain.map((c) => c.line));
  let max = -Infinity;
  let min = Infinity;
  for (const k of used) {
    if (k > max) max = k;
    if (k < min) min = k;
  }
  const nested = nestedLists(cands);
  const extra = cands.filter(
    (c, i) =>
      !nested.has(i) &&
      c.num.family === family &&
      styles.has(c.num.style) &&
      c.weight >= 0.85 &&
      !lines.has(c.line) &&
      // minutes numbered on from earlier meetings (76, 77, …): the "1." paragraphs inside are not
      // items; an item taken early ("1" among 4, 5, 6; 70/17 before 74/17) is near the run
      c.num.key >= Math.max(1, min - 10) &&
      c.num.key <= max + 2,
  );
  const out = [...chain];
  for (const c of extra) {
    if (used.has(c.num.key)) continue;
    used.add(c.num.key);
    out.push(c);
  }
  return out.sort((a, b) => a.line - b.line);
}

/** The buckets a candidate is filed under: its number, and for "3.2" also "any 3.x". */
function ownBuckets(c: Candidate): string[] {
  const own = `${c.num.family}\u0000${c.num.key}`;
  return c.num.family === "sub" ? [own, `sub-major\u0000${Math.floor(c.num.key / 1000)}`] : [own];
}

/** The buckets holding the numbers `step` allows right before this candidate's. */
function predecessorBuckets(c: Candidate): string[] {
  const { family, key } = c.num;
  if (family !== "sub") return [1, 2, 3, 4, 5].map((d) => `${family}\u0000${key - d}`);
  const major = Math.floor(key / 1000);
  const minor = key % 1000;
  const out: string[] = [];
  for (let d = 1; d <= 4 && minor - d >= 0; d++) out.push(`sub\u0000${key - d}`);
  // "3.1" can follow any "2.x"
  if (minor <= 1) out.push(`sub-major\u0000${major - 1}`);
  return out;
}
