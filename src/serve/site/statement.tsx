// The accessibility statement's text as page elements. A small part of Markdown is understood,
// enough for a statement: headings (#, ##, ###), paragraphs separated by a blank line, bullet
// lists (- or *), and links [text](address). Everything else is shown as written; no HTML is
// passed through, so the statement cannot break the page or its Content-Security-Policy.
import type { Child } from "hono/jsx";

const LINK = /\[([^\]\n]+)\]\(((?:https?:\/\/|mailto:|tel:|\/)[^)\s]*)\)/g;

function inline(text: string): Child[] {
  const out: Child[] = [];
  let last = 0;
  for (const m of text.matchAll(LINK)) {
    out.push(text.slice(last, m.index));
    out.push(
      <a class="govuk-link" href={m[2]}>
        {m[1]}
      </a>,
    );
    last = m.index + m[0].length;
  }
  out.push(text.slice(last));
  return out;
}

export function Statement({ text }: { text: string }) {
  const blocks = text.replace(/\r\n?/g, "\n").split(/\n\s*\n/).map((b) => b.trim()).filter(Boolean);
  return (
    <>
      {blocks.map((block) => {
        const heading = /^(#{1,3})\s+(.+)$/.exec(block);
        if (heading && !block.includes("\n")) {
          return heading[1].length === 3 ? <h3 class="govuk-heading-s">{inline(heading[2])}</h3> : <h2 class="govuk-heading-m">{inline(heading[2])}</h2>;
        }
        const lines = block.split("\n");
        if (lines.every((l) => /^\s*[-*]\s+/.test(l))) {
          return (
            <ul class="govuk-list govuk-list--bullet">
              {lines.map((l) => (
                <li>{inline(l.replace(/^\s*[-*]\s+/, ""))}</li>
              ))}
            </ul>
          );
        }
        return <p class="govuk-body">{inline(lines.join(" "))}</p>;
      })}
    </>
  );
}

/** The statement shown until the council writes its own (accessibilityStatement in the settings). */
export function defaultStatement(name: string, contact: { email?: string; phone?: string; address?: string }): string {
  const ways = [
    contact.email && `- email [${contact.email}](mailto:${contact.email})`,
    contact.phone && `- call ${contact.phone}`,
    contact.address && `- write to ${contact.address.replace(/\s*\n\s*/g, ", ")}`,
  ].filter(Boolean);
  return `This statement applies to the committee meetings, minutes and decisions published on this website by ${name}.

We want as many people as possible to be able to use this website. For example, that means you should be able to:

- change colours, contrast levels and fonts using browser or device settings
- zoom in up to 400% without the text spilling off the screen
- navigate the website using just a keyboard or speech recognition software
- listen to the website using a screen reader
- print any page, with the menus left out

## How accessible this website is

The website is built to meet the Web Content Accessibility Guidelines (WCAG) version 2.2 at level AA, and every kind of page is checked against them with automated tests.

Some content comes from documents we did not write for the web. The text of every minutes document is shown as a web page, but the original files (for example PDF or Word documents) may not be fully accessible.

## Feedback and contact information

If you find a problem with this website, or need information in a different format, ${ways.length ? "contact us:" : "contact the council that published the minutes."}

${ways.join("\n")}`.trim();
}
