// The minutes as a standalone HTML document (a download to print or file): the same paragraphs as
// the Word document, headings as headings, each attendance list and vote as its own paragraph.
import type { Block } from "./document.ts";

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
const escape = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c]);

function labelled(text: string): string {
  const colon = text.indexOf(": ");
  return colon > 0 && colon < 40 ? `<strong>${escape(text.slice(0, colon + 1))}</strong>${escape(text.slice(colon + 1))}` : escape(text);
}

function element(block: Block): string {
  switch (block.kind) {
    case "blank":
      return "";
    case "council":
      return `<p class="council">${escape(block.text)}</p>`;
    case "committee":
      return `<h1>${escape(block.text)}</h1>`;
    case "title":
      return `<p class="marking"><strong>${escape(block.text)}</strong></p>`;
    case "section":
      return `<h2>${escape(block.text)}</h2>`;
    case "item":
      return `<h2>${escape(block.text)}</h2>`;
    case "meta":
    case "attendance":
    case "resolved":
    case "votes":
      return `<p class="${block.kind}">${labelled(block.text)}</p>`;
    case "notice":
      return `<p class="notice"><em>${escape(block.text)}</em></p>`;
    default:
      return `<p>${escape(block.text)}</p>`;
  }
}

export function minutesHtml(blocks: Block[], title: string): string {
  return [
    "<!DOCTYPE html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escape(title)}</title>`,
    "<style>body{font-family:Arial,sans-serif;max-width:48em;margin:2em auto;padding:0 1em;line-height:1.4}.council{text-align:center;font-size:1.4em;font-weight:bold}h1{text-align:center;font-size:1.3em}.marking{text-align:center}h2{font-size:1.1em;margin-top:1.5em}</style>",
    "</head>",
    "<body>",
    "<main>",
    ...blocks.map(element),
    "</main>",
    "</body>",
    "</html>",
    "",
  ].join("\n");
}
