// Text extracted from a minutes document, with the positions the parser needs for provenance.

export const SOURCE_FORMATS = ["txt", "md", "html", "pdf", "docx"] as const;
export type SourceFormat = (typeof SOURCE_FORMATS)[number];

export interface SourceLine {
  /** 1-based line number in `text`. */
  no: number;
  text: string;
  /** Character offset of the line's first character in `text`. */
  offset: number;
  /** 1-based page number, for paged formats (PDF). */
  page?: number;
}

export interface SourceText {
  /** The file name as given (a path or a bare name). */
  file: string;
  format: SourceFormat;
  /** Normalised text: "\n" line ends, no NULs. */
  text: string;
  lines: SourceLine[];
  /** sha256 of the original bytes, hex. */
  contentHash: string;
  byteLength: number;
  /** Pages whose text was read by OCR (a PDF page without a text layer); absent when none was. */
  ocr?: OcrReading;
}

/** Which pages were read by OCR, each with its mean word confidence (0–100, Tesseract's scale). */
export interface OcrReading {
  pages: { page: number; confidence: number }[];
}

/** Splits text into lines, recording offsets; pages are optional form-feed separated. */
export function splitLines(text: string, pageOfOffset?: (offset: number) => number | undefined): SourceLine[] {
  const lines: SourceLine[] = [];
  let offset = 0;
  const parts = text.split("\n");
  for (let i = 0; i < parts.length; i++) {
    const line: SourceLine = { no: i + 1, text: parts[i], offset };
    const page = pageOfOffset?.(offset);
    if (page !== undefined) line.page = page;
    lines.push(line);
    offset += parts[i].length + 1;
  }
  return lines;
}
