import type { ItemBlock, ParseContext } from "../context.ts";
export function resolutionItems(_ctx: ParseContext): ItemBlock[] | null {
  return null;
}
