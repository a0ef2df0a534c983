// The minutes as a Word document (docx library): one Word paragraph for each paragraph of the
// layout, headings as Word headings, plain text runs with no automatic numbering, so that what a
// reader (or `quorum parse`) sees is the layout's text line for line.
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } from "docx";
import type { Block } from "./document.ts";

function paragraph(block: Block): Paragraph {
  switch (block.kind) {
    case "council":
      return new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, children: [new TextRun(block.text)] });
    case "committee":
      return new Paragraph({ heading: HeadingLevel.HEADING_1, alignment: AlignmentType.CENTER, children: [new TextRun(block.text)] });
    case "title":
      return new Paragraph({ heading: HeadingLevel.HEADING_2, alignment: AlignmentType.CENTER, children: [new TextRun(block.text)] });
    case "section":
      return new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(block.text)] });
    case "item":
      return new Paragraph({ heading: HeadingLevel.HEADING_3, spacing: { before: 240 }, children: [new TextRun(block.text)] });
    case "meta":
    case "attendance": {
      // the label in bold, the rest plain
      const colon = block.text.indexOf(": ");
      return new Paragraph({
        spacing: { after: 120 },
        children: colon > 0 ? [new TextRun({ text: block.text.slice(0, colon + 1), bold: true }), new TextRun(block.text.slice(colon + 1))] : [new TextRun(block.text)],
      });
    }
    case "resolved":
      return new Paragraph({ spacing: { after: 120 }, children: [new TextRun({ text: "RESOLVED:", bold: true }), new TextRun(block.text.slice("RESOLVED:".length))] });
    case "notice":
      return new Paragraph({ spacing: { after: 120 }, children: [new TextRun({ text: block.text, italics: true })] });
    default:
      return new Paragraph({ spacing: { after: 120 }, children: [new TextRun(block.text)] });
  }
}

export async function minutesDocx(blocks: Block[], title: string): Promise<Buffer> {
  const doc = new Document({
    title,
    creator: "Quorum",
    styles: { default: { document: { run: { font: "Arial", size: 24 } } } },
    sections: [{ children: blocks.map(paragraph) }],
  });
  return Packer.toBuffer(doc);
}
