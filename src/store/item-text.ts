// The minutes text of each item, cut from the source between its heading and the next item's,
// located by the parser's provenance spans (or, for records without them, by the printed heading).
import type { ParsedMinutes, Span } from "../domain/minutes.ts";

export interface ItemRegion {
  /** offset of the heading line's first character */
  headingStart: number;
  /** first offset after the heading (where the item's text begins) */
  bodyStart: number;
  /** one past the item's last character */
  end: number;
  /** where the next item's heading starts (or the text ends): what follows `end` up to here is
   * back matter (a signature, an appendix), sealed with the item when the item is exempt */
  until: number;
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf("\n", Math.max(0, offset - 1)) + 1;
}

function norm(s: string): string {
  return s.toLowerCase().replace(/[*_#`>|]/g, " ").replace(/&/g, "and").replace(/[^a-z0-9]+/g, " ").trim();
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function validSpan(span: Span | undefined, length: number): span is Span {
  return !!span && Number.isInteger(span.start) && Number.isInteger(span.end) && span.start >= 0 && span.end >= span.start && span.end <= length;
}

/** Heading positions from provenance; items the parser gave no span for are found by their printed heading. */
export function itemRegions(text: string, record: Pick<ParsedMinutes, "items" | "provenance">): (ItemRegion | null)[] {
  const prov = record.provenance ?? {};
  const heads: ({ start: number; bodyStart: number } | null)[] = [];
  let cursor = 0;
  const lines = text.split("\n");
  const offsets: number[] = [];
  let o = 0;
  for (const l of lines) {
    offsets.push(o);
    o += l.length + 1;
  }
  record.items.forEach((item, i) => {
    const number = prov[`items/${i}/number`];
    const title = prov[`items/${i}/title`];
    const spans = [number, title].filter((s): s is Span => validSpan(s, text.length) && !s.implied);
    if (spans.length) {
      const start = lineStart(text, Math.min(...spans.map((s) => s.start)));
      const bodyStart = Math.max(...spans.map((s) => s.end));
      heads.push({ start, bodyStart });
      cursor = bodyStart;
      return;
    }
    // No span: look for the printed heading after the previous item's.
    const numRe = new RegExp(`^[\\s*#_>|]*(item\\s+)?${escapeRe(item.number.toLowerCase())}(?![0-9a-z/])`);
    const titleKey = norm(item.title).slice(0, 24);
    let found: { start: number; bodyStart: number } | null = null;
    for (let li = 0; li < lines.length; li++) {
      if (offsets[li] + lines[li].length < cursor) continue;
      const low = lines[li].toLowerCase();
      const hasNumber = numRe.test(low);
      const nextTwo = norm(lines[li] + " " + (lines[li + 1] ?? ""));
      const hasTitle = titleKey.length > 0 && nextTwo.includes(titleKey);
      if ((hasNumber && (hasTitle || !titleKey)) || (hasTitle && norm(lines[li]).startsWith(titleKey.slice(0, 12)))) {
        const endLine = hasTitle && !norm(lines[li]).includes(titleKey) ? li + 1 : li;
        found = { start: offsets[li], bodyStart: offsets[endLine] + lines[endLine].length };
        break;
      }
    }
    if (found) cursor = found.bodyStart;
    heads.push(found);
  });
  return heads.map((h, i) => {
    if (!h) return null;
    const next = heads.slice(i + 1).find((x) => x !== null);
    const until = next ? next.start : text.length;
    let end = until;
    // the parser's span of the whole item ends it sooner where a signature or appendix follows
    const whole = prov[`items/${i}`];
    if (validSpan(whole, text.length) && !whole.implied && whole.end >= h.bodyStart && whole.end < end) end = whole.end;
    return { headingStart: h.start, bodyStart: Math.min(h.bodyStart, end), end, until };
  });
}

export function itemText(text: string, region: ItemRegion | null): string | null {
  if (!region) return null;
  const body = text
    .slice(region.bodyStart, region.end)
    .replace(/^[ \t]*[.:\-–]?[ \t]*\n?/, "")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
  return body || null;
}
