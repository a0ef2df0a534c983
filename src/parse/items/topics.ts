import type { ItemBlock, ParseContext } from "../context.ts";
export function topicItems(_ctx: ParseContext): ItemBlock[] | null {
  return null;
}
