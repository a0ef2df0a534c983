import mammoth from "mammoth";

/** DOCX → plain text, one paragraph per line. */
export async function docxText(bytes: Uint8Array): Promise<string> {
  const { value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
  return value.replace(/\n\n/g, "\n");
}
