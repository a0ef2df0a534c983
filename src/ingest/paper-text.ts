// An agenda paper's text, for public search: the PDF's text layer or the Word document's
// paragraphs, read with the same readers as minutes. No OCR: a scanned paper is found by its
// title only, and searching must not cost a publication minutes of recognition.
import { docxText } from "./docx.ts";
import { pdfPages } from "./pdf.ts";

export async function paperText(format: "pdf" | "docx", bytes: Uint8Array): Promise<string> {
  if (format === "docx") return docxText(bytes);
  return (await pdfPages(bytes)).map((page) => page.join("\n")).join("\n");
}
