import type { NextMeeting } from "../../domain/minutes.ts";
import type { ItemBlock, Located, ParseContext } from "../context.ts";

/** Date, time and venue of the next meeting, when the minutes state them. */
export function parseNextMeeting(_ctx: ParseContext, _items: ItemBlock[]): Located<NextMeeting> | null {
  return null;
}
