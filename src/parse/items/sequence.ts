// Picks, among the numbered lines, the run that forms the agenda: numbers of one family that
// follow one another in document order. Lists inside items ("1. That the Council …"), page numbers,
// addresses and sub-paragraphs ("8.1") lose because they form shorter or weaker runs.
import type { Candidate } from "./headings.ts";
import { step } from "./numbering.ts";

const FAMILY_FACTOR = (family: string): number => (family === "sub" ? 0.5 : 1);

export function bestSequence(cands: Candidate[]): Candidate[] {
  const n = cands.length;
  if (!n) return [];
  const score = cands.map((c) => c.weight * FAMILY_FACTOR(c.num.family));
  const prev = new Array<number>(n).fill(-1);
  for (let i = 0; i < n; i++) {
    const ci = cands[i];
    const wi = ci.weight * FAMILY_FACTOR(ci.num.family);
    for (let j = 0; j < i; j++) {
      const cj = cands[j];
      if (cj.line === ci.line) continue;
      const gap = step(cj.num, ci.num);
      if (gap === null) continue;
      const styleCost = cj.num.style === ci.num.style ? 0 : 0.4;
      const s = score[j] + wi - 0.35 * gap - styleCost;
      if (s > score[i]) {
        score[i] = s;
        prev[i] = j;
      }
    }
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
  const max = Math.max(...used);
  const extra = cands.filter(
    (c) =>
      c.num.family === family &&
      styles.has(c.num.style) &&
      c.weight >= 0.85 &&
      !lines.has(c.line) &&
      c.num.key >= 1 &&
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
