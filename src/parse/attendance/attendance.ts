import type { Attendee } from "../../domain/minutes.ts";
import type { ItemBlock, Located, ParseContext } from "../context.ts";

/** Everyone listed as present, in attendance, sending apologies or absent. */
export function parseAttendance(_ctx: ParseContext, _frontEnd: number, _items: ItemBlock[]): Located<Attendee>[] {
  return [];
}
