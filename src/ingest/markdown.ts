/** Strips Markdown markup that carries no meaning for minutes, keeping one output line per input line. */
export function markdownText(md: string): string {
  let inFrontMatter = false;
  return md
    .split(/\r?\n/)
    .map((line, i) => {
      if (i === 0 && line.trim() === "---") {
        inFrontMatter = true;
        return "";
      }
      if (inFrontMatter) {
        if (line.trim() === "---") inFrontMatter = false;
        return "";
      }
      return line
        .replace(/^\s{0,3}#{1,6}\s+/, "")
        .replace(/(\*\*|__)(.*?)\1/g, "$2")
        .replace(/(^|[\s(])[*_]([^*_\n]+)[*_](?=[\s).,;:]|$)/g, "$1$2")
        .replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1")
        .replace(/\[([^\]]+)\]\([^)]*\)/g, "$1")
        .replace(/^\s{0,3}>\s?/, "")
        .replace(/^\s*(?:-{3,}|\*{3,}|_{3,})\s*$/, "")
        .replace(/\\([\\`*_{}\[\]()#+\-.!|])/g, "$1");
    })
    .join("\n");
}
