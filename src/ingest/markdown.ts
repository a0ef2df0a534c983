import { htmlText } from "./html.ts";
import { DEFAULT_LIMITS } from "./limits.ts";

/**
 * Strips Markdown markup that carries no meaning for minutes. Ordinary lines stay one output line
 * per input line; raw HTML inside the Markdown (pasted tables, <br>, <p>) is read as HTML would
 * be, and inline tags and entities are resolved, as a Markdown renderer would. The patterns run
 * over the whole text (multiline) rather than line by line, which is an order of magnitude faster
 * on long documents; none of them can match across a line end.
 */
export function markdownText(md: string, maxDepth = DEFAULT_LIMITS.maxDepth): string {
  let text = blankFrontMatter(md);
  if (text.includes("<")) text = embeddedHtml(text, maxDepth);
  if (text.includes("&")) text = decodeEntities(text);
  // Each pattern only runs when its marker character is present at all.
  const has = (c: string) => text.includes(c);
  if (has("#")) text = text.replace(/^[^\S\n]{0,3}#{1,6}[^\S\n]+/gm, "");
  if (has("**") || has("__")) text = text.replace(/(\*\*|__)(.*?)\1/g, "$2");
  if (has("*") || has("_")) text = text.replace(/(?<=^|[^\S\n]|\()[*_]([^*_\n]+)[*_](?=[^\S\n]|[).,;:]|$)/gm, "$1");
  if (has("](")) text = text.replace(/!\[([^\]\n]*)\]\([^)\n]*\)/g, "$1").replace(/\[([^\]\n]+)\]\([^)\n]*\)/g, "$1");
  if (has(">")) text = text.replace(/^[^\S\n]{0,3}>[^\S\n]?/gm, "");
  if (has("---") || has("***") || has("___")) text = text.replace(/^[^\S\n]*(?:-{3,}|\*{3,}|_{3,})[^\S\n]*$/gm, "");
  if (has("\\")) text = text.replace(/\\([\\`*_{}\[\]()#+\-.!|])/g, "$1");
  // A line of nothing but spaces (often a pasted &nbsp;) is a blank line.
  return text.replace(/^[^\S\n]+$/gm, "");
}

/**
 * YAML front matter ("---" … "---" at the very top) becomes blank lines, so line numbers hold,
 * except its `title`, which is the document's published heading (often the only place the
 * meeting's date is written) and stays on its own line. Other keys (a posting date, categories)
 * describe the web page, not the meeting.
 */
function blankFrontMatter(md: string): string {
  const m = /^---[^\S\r\n]*\r?\n(?:[^\n]*\n)*?---[^\S\r\n]*(?=\r?\n|$)/.exec(md);
  if (!m) return md;
  const kept = m[0].split("\n").map((line) => {
    // [^\n], not ".": a title may hold a Unicode line separator, which "." does not match
    const title = /^title:[^\S\n]*([^\n]*?)\s*$/.exec(line);
    return title ? unquote(title[1].replace(/\s+/g, " ")) : "";
  });
  return kept.join("\n") + md.slice(m[0].length);
}

function unquote(value: string): string {
  const q = /^(["'])(.*)\1$/.exec(value);
  if (!q) return value;
  return q[1] === '"' ? q[2].replace(/\\(["\\])/g, "$1") : q[2].replace(/''/g, "'");
}

const HTML_BLOCK = /<\/?(?:table|tbody|thead|tfoot|tr|td|th|div|p|ul|ol|li|h[1-6]|blockquote|br|hr|dl|dt|dd|pre|center)\b[^>]*>/i;
const INLINE_TAG = /<\/?(?:strong|b|em|i|u|s|small|big|sup|sub|span|font|a|abbr|mark|ins|code|kbd|cite|q|o:p)\b[^>]*>/gi;

/** Lines holding block-level HTML are converted as HTML; a table is taken whole, across lines. */
function embeddedHtml(md: string, maxDepth: number): string {
  const lines = md.split("\n");
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!HTML_BLOCK.test(line)) {
      out.push(line.replace(INLINE_TAG, ""));
      continue;
    }
    let chunk = line;
    let depth = tableDepth(line);
    while (depth > 0 && i + 1 < lines.length) {
      chunk += "\n" + lines[++i];
      depth += tableDepth(lines[i]);
    }
    const text = htmlText(chunk, maxDepth);
    out.push(...(text ? text.split("\n") : [""]));
  }
  return out.join("\n");
}

function tableDepth(line: string): number {
  return (line.match(/<table\b/gi)?.length ?? 0) - (line.match(/<\/table>/gi)?.length ?? 0);
}

const ENTITIES: Record<string, string> = {
  nbsp: " ", amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", pound: "£", euro: "€", cent: "¢",
  ndash: "–", mdash: "—", lsquo: "‘", rsquo: "’", sbquo: "‚", ldquo: "“", rdquo: "”", bdquo: "„",
  hellip: "…", bull: "•", middot: "·", copy: "©", reg: "®", trade: "™", deg: "°", sect: "§", para: "¶",
  frac12: "½", frac14: "¼", frac34: "¾", times: "×", divide: "÷", plusmn: "±", shy: "",
  aacute: "á", eacute: "é", iacute: "í", oacute: "ó", uacute: "ú", Aacute: "Á", Eacute: "É", Iacute: "Í",
  Oacute: "Ó", Uacute: "Ú", agrave: "à", egrave: "è", ccedil: "ç", ouml: "ö", uuml: "ü", auml: "ä",
};

/** Named entities a Markdown renderer would show as characters, and numeric ones. */
function decodeEntities(text: string): string {
  return text.replace(/&(?:#(\d{1,7})|#x([0-9a-f]{1,6})|([a-z][a-z0-9]{1,7}));/gi, (all, dec, hex, name) => {
    if (name) return Object.hasOwn(ENTITIES, name) ? ENTITIES[name] : all;
    const code = dec ? Number(dec) : parseInt(hex, 16);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : all;
  });
}
