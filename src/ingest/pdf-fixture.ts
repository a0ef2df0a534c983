// Builds small PDFs by hand so tests can place text exactly and produce broken files on purpose.

export interface PdfSpec {
  /** One content stream per page, in PDF operators (Helvetica is /F1). */
  pages: string[];
  /** Adds an /Encrypt entry whose password nobody knows. */
  encrypted?: boolean;
  width?: number;
  height?: number;
  /** Page /Rotate, degrees clockwise. */
  rotate?: number;
}

/** Text drawn at (x, y) from the bottom-left corner, in Helvetica of the given size. */
export function textAt(x: number, y: number, text: string, size = 12): string {
  const escaped = text.replace(/[\\()]/g, (c) => `\\${c}`);
  return `BT /F1 ${size} Tf ${x} ${y} Td (${escaped}) Tj ET\n`;
}

/** A grey 2×2 image painted over a box: a page that has ink but no text layer. */
export const IMAGE_ONLY = "q 200 0 0 200 100 400 cm /Im1 Do Q\n";

export function buildPdf(spec: PdfSpec): Uint8Array {
  const width = spec.width ?? 612;
  const height = spec.height ?? 792;
  const objects: string[] = [];
  const add = (body: string) => objects.push(body) - 1 + 1;
  const catalog = add("");
  const pagesObj = add("");
  const font = add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
  const image = add("<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 4 >>\nstream\n\x40\x80\xc0\x20\nendstream");
  const kids: number[] = [];
  for (const content of spec.pages) {
    const stream = add(`<< /Length ${Buffer.byteLength(content, "latin1")} >>\nstream\n${content}\nendstream`);
    kids.push(
      add(
        `<< /Type /Page /Parent ${pagesObj} 0 R /MediaBox [0 0 ${width} ${height}]${spec.rotate ? ` /Rotate ${spec.rotate}` : ""} /Contents ${stream} 0 R ` +
          `/Resources << /Font << /F1 ${font} 0 R >> /XObject << /Im1 ${image} 0 R >> >> >>`,
      ),
    );
  }
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesObj} 0 R >>`;
  objects[pagesObj - 1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(" ")}] /Count ${kids.length} >>`;
  let encrypt = "";
  if (spec.encrypted) {
    const pad = "<" + "ab".repeat(32) + ">";
    encrypt = ` /Encrypt ${add(`<< /Filter /Standard /V 1 /R 2 /O ${pad} /U ${pad} /P -4 >>`)} 0 R /ID [<00112233445566778899aabbccddeeff> <00112233445566778899aabbccddeeff>]`;
  }
  let out = "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n";
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, "latin1"));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, "latin1");
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, "0")} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R${encrypt} >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, "latin1"));
}
