// HTML → text lines as a reader sees the page: one line per heading, paragraph or list item,
// one line per table row with its cells separated by tabs. Scripts, styles, the document head and
// hidden elements are left out; entities are decoded by the parser.
import { parse, type HTMLElement, type Node } from "node-html-parser";
import { QuorumError } from "../domain/errors.ts";
import { DEFAULT_LIMITS, LIMIT_VARIABLES } from "./limits.ts";

const BLOCK = new Set([
  "address", "article", "aside", "blockquote", "caption", "dd", "details", "dialog", "div", "dl", "dt",
  "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
  "hgroup", "hr", "legend", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "ul",
]);
const SKIP = new Set(["script", "style", "noscript", "template", "head", "title", "svg", "canvas", "iframe", "object", "embed", "select", "datalist", "button"]);
const CELL = new Set(["td", "th"]);

/** HTML → text, one line per block; table rows one per line with tab-separated cells. */
export function htmlText(html: string, maxDepth = DEFAULT_LIMITS.maxDepth): string {
  // The parser keeps a doctype or XML declaration as text.
  html = html.replace(/<!DOCTYPE[^>]*>|<\?xml[^>]*\?>/gi, "");
  const root = parse(html, {
    comment: false,
    blockTextElements: { script: false, style: false, noscript: false, template: false, pre: true },
  });
  checkDepth(root, maxDepth);
  const out = new Lines();
  walk(root, out);
  out.flush();
  return out.lines.join("\n").replace(/\n{3,}/g, "\n\n").replace(/^\n+|\n+$/g, "");
}

/**
 * The page is walked recursively below, so its depth is measured first, without recursion: a
 * page nested thousands deep is refused with a one-line error instead of overflowing the stack.
 */
function checkDepth(root: Node, maxDepth: number): void {
  const stack: [Node, number][] = [[root, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (depth > maxDepth) throw new QuorumError("unreadable", `HTML elements nested more than ${maxDepth} deep (limit set by ${LIMIT_VARIABLES.maxDepth})`);
    for (const child of node.childNodes ?? []) if (child.nodeType === 1) stack.push([child, depth + 1]);
  }
}

/** Collects lines; `inline` collectors (inside a table cell) turn line breaks into spaces. */
class Lines {
  lines: string[] = [];
  private line = "";
  /** A list marker waiting for the item's first text, which may sit in a nested block. */
  private marker = "";
  constructor(private inline = false) {}

  setMarker(marker: string) {
    this.marker = marker;
  }

  text(s: string) {
    if (!s) return;
    if (this.marker && s.trim()) {
      this.breakLine();
      this.line = this.marker;
      this.marker = "";
      s = s.replace(/^\s+/, "");
    }
    if (/^\s/.test(s) && (this.line === "" || /\s$/.test(this.line))) s = s.replace(/^\s+/, "");
    this.line += s;
  }

  flush() {
    const text = this.line.replace(/[ \t]+$/g, "").replace(/^[ \t]+/, "");
    this.line = "";
    if (this.inline) {
      if (text) this.lines.push(text);
      return;
    }
    // Blank lines mark block boundaries once; the parser relies on paragraphs being separate lines.
    if (text || (this.lines.length && this.lines[this.lines.length - 1] !== "")) this.lines.push(text);
  }

  /** Starts a new line unless the current one is empty. */
  breakLine() {
    if (this.line.trim()) this.flush();
    else this.line = "";
  }

  push(line: string) {
    this.breakLine();
    this.lines.push(line);
  }
}

function hidden(el: HTMLElement): boolean {
  if (el.hasAttribute?.("hidden")) return true;
  const style = el.getAttribute?.("style");
  return !!style && /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\b/i.test(style);
}

function walk(node: Node, out: Lines, pre = false): void {
  if (node.nodeType === 3) {
    const text = node.text;
    if (pre) {
      const parts = text.split(/\r?\n/);
      parts.forEach((part, i) => {
        if (i > 0) out.flush();
        out.text(part.replace(/\s+$/, ""));
      });
    } else out.text(text.replace(/\s+/g, " "));
    return;
  }
  if (node.nodeType !== 1) {
    for (const child of node.childNodes ?? []) walk(child, out, pre);
    return;
  }
  const el = node as HTMLElement;
  const tag = (el.rawTagName ?? "").toLowerCase();
  if (SKIP.has(tag) || hidden(el)) return;
  // A <br> ends the line even when it is empty, so "a<br><br>b" keeps its blank line.
  if (tag === "br") return out.flush();
  if (tag === "tr") return row(el, out);
  if (tag === "img") return out.text(el.getAttribute("alt") ? ` ${el.getAttribute("alt")} ` : "");
  if (tag === "li") {
    out.breakLine();
    out.setMarker(marker(el));
    for (const child of el.childNodes) walk(child, out, pre);
    out.setMarker("");
    out.breakLine();
    return;
  }
  const block = BLOCK.has(tag);
  const isPara = block && /^(p|h[1-6]|table|ul|ol|blockquote|pre|dl|hr)$/.test(tag);
  if (block) out.breakLine();
  if (isPara) out.flush(); // a blank line before paragraphs and headings, as on the page
  for (const child of el.childNodes) walk(child, out, pre || tag === "pre");
  if (block) out.breakLine();
}

/** "- " for a bullet; the rendered number for an ordered list ("3. ", "c. ", "iv. "). */
function marker(li: HTMLElement): string {
  const list = li.parentNode as HTMLElement | null;
  const listTag = (list?.rawTagName ?? "").toLowerCase();
  if (listTag !== "ol") return "- ";
  const items = list!.childNodes.filter((c) => c.nodeType === 1 && ((c as HTMLElement).rawTagName ?? "").toLowerCase() === "li") as HTMLElement[];
  const reversed = list!.hasAttribute("reversed");
  let n = Number.parseInt(list!.getAttribute("start") ?? "", 10);
  if (!Number.isFinite(n)) n = reversed ? items.length : 1;
  for (const item of items) {
    const value = Number.parseInt(item.getAttribute("value") ?? "", 10);
    if (Number.isFinite(value)) n = value;
    if (item === li) break;
    n += reversed ? -1 : 1;
  }
  const type = li.getAttribute("type") ?? list!.getAttribute("type") ?? "1";
  return `${formatOrdinal(n, type)}. `;
}

function formatOrdinal(n: number, type: string): string {
  if (type === "a" || type === "A") {
    const s = n >= 1 ? String.fromCharCode(97 + ((n - 1) % 26)) : String(n);
    return type === "A" ? s.toUpperCase() : s;
  }
  if (type === "i" || type === "I") {
    const numerals: [number, string][] = [[1000, "m"], [900, "cm"], [500, "d"], [400, "cd"], [100, "c"], [90, "xc"], [50, "l"], [40, "xl"], [10, "x"], [9, "ix"], [5, "v"], [4, "iv"], [1, "i"]];
    let s = "";
    let rest = n;
    for (const [v, r] of numerals) while (rest >= v) (s += r), (rest -= v);
    return type === "I" ? s.toUpperCase() : s || String(n);
  }
  return String(n);
}

/**
 * A cell that holds a page rather than a value: a nested table, a heading or a long run of
 * blocks. Older council sites lay whole pages out in tables; those rows are read as ordinary
 * blocks, not flattened onto one line.
 */
function layoutCell(cell: HTMLElement): boolean {
  if (cell.querySelector("table, h1, h2, h3, h4, h5, h6")) return true;
  if (cell.querySelectorAll("p, div, li, br").length > 8) return true;
  return cell.text.length > 1200;
}

/** One table row: each cell's content on one line, cells joined by tabs. */
function row(tr: HTMLElement, out: Lines): void {
  const elements = tr.childNodes.filter((c) => c.nodeType === 1) as HTMLElement[];
  if (elements.some((c) => CELL.has((c.rawTagName ?? "").toLowerCase()) && layoutCell(c))) {
    for (const c of elements) {
      out.breakLine();
      for (const child of c.childNodes) walk(child, out);
      out.breakLine();
    }
    return;
  }
  const cells: string[] = [];
  for (const child of tr.childNodes) {
    if (child.nodeType !== 1) continue;
    const cell = child as HTMLElement;
    const tag = (cell.rawTagName ?? "").toLowerCase();
    if (!CELL.has(tag) || hidden(cell)) continue;
    const inner = new Lines(true);
    for (const c of cell.childNodes) walk(c, inner);
    inner.flush();
    cells.push(inner.lines.join(" ").replace(/\t/g, " ").replace(/\s+/g, " ").trim());
    const span = Number.parseInt(cell.getAttribute("colspan") ?? "1", 10);
    for (let i = 1; i < Math.min(Number.isFinite(span) ? span : 1, 50); i++) cells.push("");
  }
  while (cells.length && cells[cells.length - 1] === "") cells.pop();
  if (cells.length) out.push(cells.join("\t"));
}
