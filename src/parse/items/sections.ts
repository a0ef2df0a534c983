// Unnumbered sections of a numbered agenda ("Open Forum.", "Closure.", "Public Participation") are not
// items: the item before them ends there, so what is said in them is not taken as that item's business.
// Principal councils head their public and private business "UNRESTRICTED ITEMS" and "EXEMPT ITEMS",
// or "PART I" and "PART II".
import type { ItemBlock, ParseContext } from "../context.ts";
import { plain } from "./markup.ts";

const SECTION =
  /^(open forum|public forum|public participation|public session|public question time|questions from the public|closure|close of meeting|closing|(?:un)?restricted items|exempt items|confidential items|open items)\s*(?:[.:–-]|$)/i;

// "PART II" on a line of its own (or "PART 2 – EXEMPT"): the private part of the agenda starts
const PART = /^(part\s+(?:ii?|[12]|one|two|[ab]))\s*(?:[-–:]\s*(?:exempt|confidential|private|open|public|unrestricted)\b.*)?$/i;

export function closeAtSections(ctx: ParseContext, items: ItemBlock[]): void {
  for (let k = 0; k < items.length; k++) {
    const item = items[k];
    for (let i = item.bodyStart; i < item.end; i++) {
      const line = plain(ctx.lines[i].text).text;
      const m = SECTION.exec(line) ?? PART.exec(line.trim());
      if (!m) continue;
      ctx.warn(`unnumbered section "${m[1]}" is not an item; its text is left out of item ${item.number.value}`, i);
      item.end = i;
      break;
    }
  }
}
