import type { ItemBlock, ParseContext } from "../context.ts";
export function flattenedItems(_ctx: ParseContext): ItemBlock[] | null {
  return null;
}
