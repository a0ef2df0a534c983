import { test } from "node:test";
import assert from "node:assert/strict";
import { ocrWarnings, LOW_OCR_CONFIDENCE } from "./ocr.ts";
import { parseTesseractTsv } from "../ingest/ocr-tsv.ts";

test("a page read by OCR below the confidence threshold gets a warning naming it; others do not", () => {
  const warnings = ocrWarnings({ pages: [{ page: 1, confidence: 93 }, { page: 2, confidence: LOW_OCR_CONFIDENCE - 1 }, { page: 3, confidence: LOW_OCR_CONFIDENCE }] });
  assert.deepEqual(warnings, [`page 2 was read by OCR with low confidence (${LOW_OCR_CONFIDENCE - 1}%): check its text against the scan`]);
  assert.deepEqual(ocrWarnings(undefined), []);
});

test("Tesseract's TSV gives words in their lines and the mean word confidence", () => {
  // rows as tesseract 5 prints them for a scanned heading (level 1 page, 4 line, 5 word)
  const tsv = [
    "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext",
    "1\t1\t0\t0\t0\t0\t0\t0\t2550\t3300\t-1\t",
    "2\t1\t1\t0\t0\t0\t300\t200\t900\t90\t-1\t",
    "3\t1\t1\t1\t0\t0\t300\t200\t900\t90\t-1\t",
    "4\t1\t1\t1\t1\t0\t300\t200\t900\t40\t-1\t",
    "5\t1\t1\t1\t1\t1\t300\t200\t300\t40\t96.5\tTuesday,",
    "5\t1\t1\t1\t1\t2\t620\t200\t150\t40\t91.0\tJuly",
    "4\t1\t1\t1\t2\t0\t300\t250\t900\t40\t-1\t",
    "5\t1\t1\t1\t2\t1\t300\t250\t120\t40\t-1\t ",
    "5\t1\t1\t1\t2\t2\t440\t250\t120\t40\t40.5\t2008",
  ].join("\n");
  const page = parseTesseractTsv(tsv);
  assert.equal(page.width, 2550);
  assert.equal(page.height, 3300);
  assert.deepEqual(page.words.map((w) => [w.text, w.line]), [["Tuesday,", 0], ["July", 0], ["2008", 1]]);
  assert.equal(page.confidence, Math.round((96.5 + 91 + 40.5) / 3));
  assert.equal(parseTesseractTsv("level\tpage_num\n").confidence, null);
});
