// Documents built to hurt a reader: zip bombs, deep nesting, entity bombs, huge lines and lists.
// Shared by the limit tests, the fuzz suite and `npm run bench:fuzz`.
import { constants, crc32, deflateRawSync } from "node:zlib";

export const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

export const CONTENT_TYPES =
  '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';

export interface ZipMember {
  name: string;
  /** stored content, deflated by the writer */
  data?: Uint8Array | string;
  /** content deflated already, with the size and CRC it claims */
  packed?: { bytes: Uint8Array; size: number; crc: number };
}

/** A zip archive (deflated members, no zip64). Sizes and CRCs are written as given, true or not. */
export function zip(members: ZipMember[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const m of members) {
    let packed: Uint8Array;
    let size: number;
    let crc: number;
    if (m.packed) ({ bytes: packed, size, crc } = m.packed);
    else {
      const data = typeof m.data === "string" ? Buffer.from(m.data, "utf8") : Buffer.from(m.data ?? new Uint8Array());
      packed = deflateRawSync(data);
      size = data.length;
      crc = crc32(data);
    }
    const name = Buffer.from(m.name, "utf8");
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size >>> 0, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    local.copy(central, 8, 6, 30);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, Buffer.from(packed));
    centrals.push(central, name);
    offset += 30 + name.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(members.length & 0xffff, 8);
  end.writeUInt16LE(members.length & 0xffff, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/**
 * `repeat` copies of `chunk`, deflated without ever holding them inflated: the chunk is deflated
 * once with a full flush (which makes the compressed block independent of what came before), that
 * block is repeated, and an empty final block ends the stream.
 */
export function repeatedDeflate(chunk: Uint8Array, repeat: number, head: Uint8Array = new Uint8Array(), tail: Uint8Array = new Uint8Array(), withCrc = true): { bytes: Buffer; size: number; crc: number } {
  const flush = { finishFlush: constants.Z_FULL_FLUSH };
  const block = deflateRawSync(chunk, flush);
  // the CRC takes as long as inflating would; a bomb for a reader that never checks it can skip it
  let crc = 0;
  if (withCrc) {
    crc = crc32(head);
    for (let i = 0; i < repeat; i++) crc = crc32(chunk, crc);
    crc = crc32(tail, crc);
  }
  const bytes = Buffer.concat([deflateRawSync(head, flush), ...Array.from({ length: repeat }, () => block), deflateRawSync(tail)]);
  return { bytes, size: head.length + chunk.length * repeat + tail.length, crc };
}

/** A Word document of the given body XML. */
export function docx(body: string, extra: ZipMember[] = []): Buffer {
  return zip([
    { name: "[Content_Types].xml", data: CONTENT_TYPES },
    { name: "word/document.xml", data: `<?xml version="1.0"?><w:document ${W}><w:body>${body}</w:body></w:document>` },
    ...extra,
  ]);
}

export const para = (text: string) => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;

/** A DOCX of a few KB whose document.xml inflates to `mib` MiB of text (the 1.6 MB file of the report inflated to 400 MiB). */
export function docxBomb(mib: number, withCrc = true): Buffer {
  const head = Buffer.from(`<?xml version="1.0"?><w:document ${W}><w:body><w:p><w:r><w:t>Minutes `);
  const tail = Buffer.from("</w:t></w:r></w:p></w:body></w:document>");
  const chunk = Buffer.alloc(1024 * 1024, "council ");
  return zip([
    { name: "[Content_Types].xml", data: CONTENT_TYPES },
    { name: "word/document.xml", packed: repeatedDeflate(chunk, mib, head, tail, withCrc) },
  ]);
}

/** A DOCX whose elements nest `depth` deep. */
export function deepDocx(depth: number): Buffer {
  return docx(para("Minutes of the meeting") + "<w:sdt><w:sdtContent>".repeat(depth) + para("Present: Cllr A Smith") + "</w:sdtContent></w:sdt>".repeat(depth));
}

/** An HTML page whose elements nest `depth` deep. */
export function deepHtml(depth: number): string {
  return `<html><body><h1>Minutes of the meeting</h1>${"<div>".repeat(depth)}<p>Present: Cllr A Smith</p>${"</div>".repeat(depth)}</body></html>`;
}

/** The "billion laughs": entities defined in terms of each other, ten levels deep. */
export function entityBombDocx(): Buffer {
  const defs = ['<!ENTITY lol "lol">'];
  for (let i = 1; i <= 10; i++) defs.push(`<!ENTITY lol${i} "${`&lol${i === 1 ? "" : i - 1};`.repeat(10)}">`);
  const xml = `<?xml version="1.0"?><!DOCTYPE w:document [${defs.join("")}]><w:document ${W}><w:body>${para("Minutes of the meeting")}${para("Present: &lol10;")}</w:body></w:document>`;
  return zip([
    { name: "[Content_Types].xml", data: CONTENT_TYPES },
    { name: "word/document.xml", data: xml },
  ]);
}

const HEADER = "NORTHSHIRE COUNTY COUNCIL\n\nMINUTES of a meeting of the County Council held in the Council Chamber,\nCounty Hall, Northtown on Thursday, 9 January 2025.\n\n";

/** A surname that is a word of letters only: 0 → "Aab", 1 → "Bab", … */
export function surname(i: number): string {
  let s = "";
  for (let n = i + 26; n > 0; n = Math.floor(n / 26)) s += String.fromCharCode(97 + (n % 26));
  return s[0].toUpperCase() + s.slice(1) + "ton";
}

/**
 * A county council's PRESENT list as the report quoted it: honorifics, initials, honours after
 * commas, wrapped at 76 columns. Each name can be read more than one way.
 */
export function presentList(names: number): string {
  const honorifics = ["Mrs", "Ms", "Mr"];
  const initials = ["C", "R S", "D", "P A", "H D", "A", "G P", "H R S", "H H"];
  const honours = ["", ", MBE", ", OBE"];
  const list = Array.from({ length: names }, (_, i) => `${honorifics[i % 3]} ${initials[i % initials.length]} ${surname(i)}${honours[(i * 7) % 3]}`).join(", ");
  const lines: string[] = [];
  let line = "PRESENT:";
  for (const word of list.split(" ")) {
    if (line.length + word.length + 1 > 76) {
      lines.push(line);
      line = word;
    } else line += " " + word;
  }
  lines.push(line);
  return `${HEADER}${lines.join("\n")}\n\n1. Apologies\n\nRESOLVED that the apologies be noted.\n`;
}

/** Minutes whose business is one line of about `chars` characters (a converter that lost the line ends). */
export function oneLongLine(chars: number): string {
  const words = ["the", "council", "agreed", "that", "report", "be", "noted", "members", "discussed", "planning", "road", "housing", "budget"];
  const out: string[] = [];
  let length = 0;
  for (let i = 0; length < chars; i++) {
    const w = words[(i * 7 + (i >> 3)) % words.length];
    out.push(w);
    length += w.length + 1;
  }
  return `${HEADER}PRESENT: Cllr A Smith, Cllr B Jones\n\n1. Apologies\n\n${out.join(" ")}\n`;
}

/** Minutes with `n` numbered items, each with a resolution. */
export function manyItems(n: number): string {
  const items: string[] = [];
  for (let i = 1; i <= n; i++) items.push(`${i}. Item number ${i}\nRESOLVED that report ${i} be noted.`);
  return `${HEADER}PRESENT: Cllr A Smith, Cllr B Jones\n\n${items.join("\n")}\n`;
}

/** Minutes whose PRESENT list holds `n` councillors. */
export function manyPeople(n: number): string {
  return `${HEADER}PRESENT: ${Array.from({ length: n }, (_, i) => `Cllr A ${surname(i)}`).join(", ")}\n\n1. Apologies\n\nRESOLVED that the apologies be noted.\n`;
}
