import type { Outcome } from "../schema.ts";
import type { Votes } from "./types.ts";

export const MAX_LIMIT = 500;

export function pageArgs(opts: { limit?: number; offset?: number }, fallback = 50): { limit: number; offset: number } {
  const limit = Math.max(1, Math.min(MAX_LIMIT, Math.floor(Number(opts.limit ?? fallback)) || fallback));
  const offset = Math.max(0, Math.floor(Number(opts.offset ?? 0)) || 0);
  return { limit, offset };
}

export function bool(v: unknown): boolean {
  return v === true || v === 1 || v === "1" || v === "t";
}

export function num(v: unknown): number {
  return typeof v === "number" ? v : Number(v ?? 0);
}

export function votes(r: { votes_for: number | null; votes_against: number | null; votes_abstain: number | null; votes_unanimous?: unknown }): Votes | null {
  const unanimous = bool(r.votes_unanimous);
  if (r.votes_for === null && r.votes_against === null && r.votes_abstain === null && !unanimous) return null;
  return { for: r.votes_for, against: r.votes_against, abstain: r.votes_abstain, ...(unanimous ? { unanimous: true } : {}) };
}

export function outcome(v: string | null): Outcome | null {
  return (v as Outcome | null) ?? null;
}

export function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}
