// Tesseract's TSV output → words, grouped in the lines Tesseract found, and the page's mean word
// confidence.

export interface OcrBox {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface OcrWord {
  text: string;
  /** the word's own box, in pixels of the page image */
  box: OcrBox;
  /** which of the page's lines it belongs to, counting from 0 in Tesseract's order */
  line: number;
  /** Tesseract's confidence in the word, 0–100 */
  conf: number;
}

export interface OcrPageText {
  /** the page image's size in pixels */
  width: number;
  height: number;
  words: OcrWord[];
  /** mean word confidence, rounded; null when no word was found */
  confidence: number | null;
}

// Columns: level page_num block_num par_num line_num word_num left top width height conf text
const PAGE = 1;
const LINE = 4;
const WORD = 5;

export function parseTesseractTsv(tsv: string): OcrPageText {
  const page: OcrPageText = { width: 0, height: 0, words: [], confidence: null };
  let line = -1;
  let sum = 0;
  for (const row of tsv.split("\n")) {
    const cells = row.split("\t");
    if (cells.length < 11) continue;
    const level = Number(cells[0]);
    const box = { left: Number(cells[6]), top: Number(cells[7]), width: Number(cells[8]), height: Number(cells[9]) };
    if (!Number.isFinite(level) || !Object.values(box).every(Number.isFinite)) continue;
    if (level === PAGE) {
      page.width = box.width;
      page.height = box.height;
    } else if (level === LINE) {
      line++;
    } else if (level === WORD) {
      // the text column may itself hold a tab only in theory; anything after the 11th column is text
      const text = cells.slice(11).join(" ").trim();
      const conf = Number(cells[10]);
      if (!text || !Number.isFinite(conf) || conf < 0) continue;
      page.words.push({ text, box, line: Math.max(0, line), conf });
      sum += conf;
    }
  }
  if (page.words.length) page.confidence = Math.round(sum / page.words.length);
  return page;
}
