import type { ItemBlock, Located, ParseContext } from "../context.ts";

/** When the meeting closed ("The meeting closed at 9.15 pm"), as "HH:MM". */
export function parseEndTime(_ctx: ParseContext, _items: ItemBlock[]): Located<string> | null {
  return null;
}
