import { parse } from "node-html-parser";

const BLOCK = /^(p|div|h[1-6]|li|tr|br|table|section|article|header|footer|ul|ol|dt|dd|blockquote|pre)$/i;

/** HTML → text with one line per block element; table cells joined by tabs. */
export function htmlText(html: string): string {
  const root = parse(html, { blockTextElements: { script: false, style: false, noscript: false } });
  const out: string[] = [];
  let line = "";
  const flush = () => {
    out.push(line.replace(/[ \t]+$/g, ""));
    line = "";
  };
  const walk = (node: any) => {
    if (node.nodeType === 3) {
      line += node.text.replace(/\s+/g, " ");
      return;
    }
    const tag = (node.rawTagName ?? "").toLowerCase();
    if (tag === "br") return flush();
    const block = BLOCK.test(tag);
    if (block && line.trim()) flush();
    if (tag === "li") line += "- ";
    for (const child of node.childNodes ?? []) walk(child);
    if (tag === "td" || tag === "th") line += "\t";
    if (block && line.trim()) flush();
  };
  walk(root);
  flush();
  return out.map((l) => l.trim()).join("\n").replace(/\n{3,}/g, "\n\n");
}
