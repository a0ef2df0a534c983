// Unnumbered sections of a numbered agenda ("Open Forum.", "Closure.", "Public Participation") are not
// items: the item before them ends there, so what is said in them is not taken as that item's business.
// Principal councils head their public and private business "UNRESTRICTED ITEMS" and "EXEMPT ITEMS".
import type { ItemBlock, ParseContext } from "../context.ts";
import { plain } from "./markup.ts";

const SECTION =
  /^(open forum|public forum|public participation|public session|public question time|questions from the public|closure|close of meeting|closing|(?:un)?restricted items|exempt items|confidential items|open items)\s*(?:[.:–-]|$)/i;

export function closeAtSections(ctx: ParseContext, items: ItemBlock[]): void {
  for (let k = 0; k < items.length; k++) {
    const item = items[k];
    for (let i = item.bodyStart; i < item.end; i++) {
      const m = SECTION.exec(plain(ctx.lines[i].text).text);
      if (!m) continue;
      ctx.warn(`unnumbered section "${m[1]}" is not an item; its text is left out of item ${item.number.value}`, i);
      item.end = i;
      break;
    }
  }
}
