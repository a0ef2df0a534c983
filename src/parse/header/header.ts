import type { Located, ParseContext } from "../context.ts";

export interface Header {
  authority: Located<string> | null;
  body: Located<string> | null;
  date: Located<string> | null;
  startTime: Located<string> | null;
  venue: Located<string> | null;
}

/** Authority, body, date, start time and venue from the lines before the first item. */
export function parseHeader(_ctx: ParseContext, _frontEnd: number): Header {
  return { authority: null, body: null, date: null, startTime: null, venue: null };
}
