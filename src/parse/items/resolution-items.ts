// Minutes that print no agenda numbers but number every resolution ("R2024-070 S. Kirkey, T. Butler:"),
// as Ontario townships do. Each labelled part ("Disclosure of pecuniary interest: None.", "Committee
// Reports:"), each numbered resolution and each printed "Item #10 …" is an item, numbered in document
// order. Resolution numbers are titles, never item numbers; the sequential numbers are implied.
import type { ItemBlock, ParseContext } from "../context.ts";
import { plain } from "./markup.ts";

const RESOLUTION = /^(R\d{2,4}-\d{1,4})\b/;
const PRINTED_ITEM = /^Item\s*(?:#|No\.?)\s*(\d{1,3})[.:]?\s+(.+?)\.?$/i;
const LABEL = /^([A-Z][A-Za-z'’&/ ,-]{2,70}?):\s*(.*)$/;
const ATTENDANCE =
  /^(?:also\s+)?(?:present|regrets|absent|staff|guests?|also\s+present|in\s+attendance|members\s+present|officials|council|delegations?\s+present|time|moved|seconded|carried|defeated|lost|zoom)(?:\s+(?:via|by)\s+\w+)?$/i;
const SIGNATURE = /\b(?:administrator|clerk|treasurer|secretary|mayor|reeve|chair(?:person)?)$/i;
const PERSON = /^(?:councillor|councilor|mayor|deputy\s+mayor|reeve|deputy\s+reeve|chief|fire\s+chief|mr|mrs|ms|dr)\b/i;
const END_OF_RESOLUTION = /\b(?:carried|defeated|lost|withdrawn|deferred|tabled)\.?\s*$/i;

export function resolutionItems(ctx: ParseContext): ItemBlock[] | null {
  const lines = ctx.lines.map((l) => plain(l.text).text);
  const numbered = lines.filter((t) => RESOLUTION.test(t)).length;
  if (numbered < 2) return null;

  const firstResolution = lines.findIndex((t) => RESOLUTION.test(t));
  const lastResolution = lines.findLastIndex((t) => RESOLUTION.test(t));
  // the parts begin after the attendance block
  let from = 0;
  for (let i = 0; i < firstResolution; i++) {
    const m = LABEL.exec(lines[i]);
    if (m && ATTENDANCE.test(m[1].trim()) && !PERSON.test(m[1].trim())) from = i + 1;
  }

  const starts: { line: number; title: string; col: number; printed: string | null; ownLine: boolean }[] = [];
  let inResolution = false;
  let underList = false;
  for (let i = from; i < lines.length; i++) {
    const t = lines[i];
    if (!t) continue;
    const r = RESOLUTION.exec(t);
    if (r) {
      starts.push({ line: i, title: r[1], col: ctx.lines[i].text.indexOf(r[1]), printed: null, ownLine: false });
      inResolution = !END_OF_RESOLUTION.test(t);
      underList = false;
      continue;
    }
    if (inResolution) {
      if (END_OF_RESOLUTION.test(t)) inResolution = false;
      continue;
    }
    const p = PRINTED_ITEM.exec(t);
    if (p && (!/^[A-Z]/.test(p[2]) || /^(?:on|from|of|in)\b/i.test(p[2]))) {
      ctx.warn(`agenda item ${p[1]} is mentioned but not placed: "${t.slice(0, 80)}"`, i);
      continue;
    }
    if (p) {
      starts.push({ line: i, title: p[2], col: ctx.lines[i].text.indexOf(p[2]), printed: p[1], ownLine: false });
      underList = false;
      continue;
    }
    const l = LABEL.exec(t);
    if (l) {
      const label = l[1].trim();
      const words = label.split(/\s+/).length;
      // "Councillor Stephen Kirkey: Library Board." under "Committee Reports:" is an entry, not a part
      if (i > lastResolution || SIGNATURE.test(label)) continue;
      if ((underList && l[2]) || PERSON.test(label) || ATTENDANCE.test(label) || words < 2 || words > 8) continue;
      starts.push({ line: i, title: label, col: ctx.lines[i].text.indexOf(label), printed: null, ownLine: Boolean(l[2]) });
      underList = !l[2];
      continue;
    }
  }
  if (!starts.length) return null;

  const items: ItemBlock[] = [];
  let n = 0;
  starts.forEach((s, k) => {
    const number = s.printed ? Number(s.printed) : n + 1;
    n = Math.max(n, number);
    let end = starts[k + 1]?.line ?? ctx.lines.length;
    // a part given in one sentence ends with it; what follows is unplaced prose
    if (s.ownLine) {
      let e = s.line;
      while (e + 1 < end && !/[.!?]$/.test(lines[e]) && lines[e + 1]) e++;
      for (let i = e + 1; i < end; i++) {
        if (lines[i] && !/^Page\b|\bPage\s+\d+$/i.test(lines[i])) {
          ctx.warn(`not part of any item: "${lines[i].slice(0, 80)}"`, i);
        }
      }
      end = e + 1;
    }
    const numberSpan = s.printed
      ? ctx.span(s.line, ctx.lines[s.line].text.indexOf(s.printed), ctx.lines[s.line].text.indexOf(s.printed) + s.printed.length)
      : ctx.span(s.line, Math.max(0, s.col), Math.max(0, s.col) + s.title.length, true);
    items.push({
      number: { value: String(number), span: numberSpan },
      title: ctx.located(s.title, s.line, Math.max(0, s.col), Math.max(0, s.col) + s.title.length),
      start: s.line,
      bodyStart: s.line + 1,
      end,
    });
  });
  return items;
}
