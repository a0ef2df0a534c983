// What the record says about text read by OCR: which pages, how sure Tesseract was of each, and a
// warning for every page a reviewer should check against the scan.
import type { OcrReading } from "../domain/source.ts";

/** Below this mean word confidence (0–100) a page's text is flagged for checking. */
export const LOW_OCR_CONFIDENCE = 70;

export function ocrWarnings(ocr: OcrReading | undefined): string[] {
  return (ocr?.pages ?? [])
    .filter((p) => p.confidence < LOW_OCR_CONFIDENCE)
    .map((p) => `page ${p.page} was read by OCR with low confidence (${p.confidence}%): check its text against the scan`);
}
