import { extractText, getDocumentProxy } from "unpdf";

/** PDF text, one page after another. */
export async function pdfText(bytes: Uint8Array): Promise<string> {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const { text } = await extractText(pdf, { mergePages: false });
  return (text as string[]).join("\n\f\n");
}
