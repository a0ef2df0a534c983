// Request validation: every route reads its query and path through a zod schema first, so a
// bad value becomes one "invalid" error before any work is done.
import { QuorumError } from "../domain/errors.ts";
import { OUTCOMES } from "../store/schema.ts";
import { SEARCH_TYPES } from "../store/search.ts";
import type { SearchType } from "../store/read/types.ts";
import type { Context } from "hono";
import { z } from "zod";

// No one types a control character into a search box; a NUL reaching PostgreSQL is an error there
// (and nothing in SQLite), so every query value is refused alike before it reaches a store.
const CONTROL = /[\u0000-\u001f\u007f]/;

/** Query string values, with empty fields treated as absent (forms submit empty inputs). */
export function readQuery<S extends z.ZodType>(c: Context, schema: S): z.infer<S> {
  const raw: Record<string, string> = {};
  for (const [k, v] of Object.entries(c.req.query())) {
    if (CONTROL.test(k) || CONTROL.test(v)) throw new QuorumError("invalid", `${k.replace(/[\u0000-\u001f\u007f]/g, "")}: contains a control character`);
    if (v !== "") raw[k] = v;
  }
  return schema.parse(raw);
}

export function readParams<S extends z.ZodType>(c: Context, schema: S): z.infer<S> {
  return schema.parse(c.req.param());
}

/** Whether YYYY-MM-DD names a day on the calendar (Date.parse rolls 2016-02-30 over to 1 March). */
function isCalendarDay(s: string): boolean {
  const [y, m, d] = s.split("-").map(Number);
  const day = new Date(Date.UTC(y, m - 1, d));
  return day.getUTCFullYear() === y && day.getUTCMonth() === m - 1 && day.getUTCDate() === d;
}

export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "use a date like 2024-04-02").refine(isCalendarDay, "not a day on the calendar");
export const slug = z.string().min(1).max(200).regex(/^[A-Za-z0-9][A-Za-z0-9._~-]*$/, "not a valid identifier");
export const page = z.coerce.number().int().min(1).max(10_000).default(1);
export const limit = (max: number, dflt: number) => z.coerce.number().int().min(1).max(max).default(dflt);
export const offset = z.coerce.number().int().min(0).max(1_000_000).default(0);
/** A list's page cursor, as the store wrote it (URL-safe base64). */
export const cursor = z.string().max(400).regex(/^[A-Za-z0-9_-]+$/, "cursor is not valid: use the Older or Newer link of a page").optional();

/** Filters of the decisions register, the same for its page and its API route. */
export const decisionFilters = {
  authority: slug.optional(),
  body: slug.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  outcome: z.enum(OUTCOMES).optional(),
  q: z.string().max(200).optional(),
};

/** The filters of a search, as the search page, its feed and its alerts read them. */
export const searchFilters = {
  q: z.string().max(300).optional(),
  type: z.enum(SEARCH_TYPES as [SearchType, ...SearchType[]]).optional(),
  body: slug.optional(),
  year: z.coerce.number().int().min(1900).max(2200).optional(),
  authority: slug.optional(),
};
