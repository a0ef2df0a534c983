/**
 * Strips Markdown markup that carries no meaning for minutes, keeping one output line per input
 * line. The patterns run over the whole text (multiline) rather than line by line, which is an
 * order of magnitude faster on long documents; none of them can match across a line end.
 */
export function markdownText(md: string): string {
  let text = blankFrontMatter(md);
  // Each pattern only runs when its marker character is present at all.
  const has = (c: string) => text.includes(c);
  if (has("#")) text = text.replace(/^[^\S\n]{0,3}#{1,6}[^\S\n]+/gm, "");
  if (has("**") || has("__")) text = text.replace(/(\*\*|__)(.*?)\1/g, "$2");
  if (has("*") || has("_")) text = text.replace(/(?<=^|[^\S\n]|\()[*_]([^*_\n]+)[*_](?=[^\S\n]|[).,;:]|$)/gm, "$1");
  if (has("](")) text = text.replace(/!\[([^\]\n]*)\]\([^)\n]*\)/g, "$1").replace(/\[([^\]\n]+)\]\([^)\n]*\)/g, "$1");
  if (has(">")) text = text.replace(/^[^\S\n]{0,3}>[^\S\n]?/gm, "");
  if (has("---") || has("***") || has("___")) text = text.replace(/^[^\S\n]*(?:-{3,}|\*{3,}|_{3,})[^\S\n]*$/gm, "");
  if (has("\\")) text = text.replace(/\\([\\`*_{}\[\]()#+\-.!|])/g, "$1");
  return text;
}

/** YAML front matter ("---" … "---" at the very top) becomes blank lines, so line numbers hold. */
function blankFrontMatter(md: string): string {
  const m = /^---[^\S\r\n]*\r?\n(?:[^\n]*\n)*?---[^\S\r\n]*(?=\r?\n|$)/.exec(md);
  return m ? m[0].replace(/[^\n]/g, "") + md.slice(m[0].length) : md;
}
