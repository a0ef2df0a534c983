// Where an item's title ends when the minutes run straight on into the body on the same line
// ("182/18 Apologies and Welcome There were apologies …", "1. Apologies for absence. Apologies had …"),
// and how headings printed in capitals are written.

import { titleCase as recase } from "../text/joined.ts";

const MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december";
const DATE_RE = new RegExp(`\\b\\d{1,2}(?:st|nd|rd|th)?\\s+(?:${MONTHS})\\b|\\b(?:${MONTHS})\\s+\\d{1,2}\\b`, "i");

/** Capitalised words that open a sentence of minutes rather than continue a heading. */
export const STARTERS = new Set(
  (
    "The There This These It It's He She They We I A An Cllr Cllrs Cllr. Clir Clir. Councillor Councillors " +
    "Mr Mr. Mrs Mrs. Ms Ms. Miss Dr Dr. Members Member None Nothing Following After Before Proposed Moved " +
    "Seconded Resolved RESOLVED Agreed Discussion Circulated Reply Noted Our Its Their His Her Each Everyone"
  ).split(" "),
);
/** Words after which a heading is not finished ("Report of", "Letter from"). */
const CONNECTORS = new Set(
  "of from by to the and for with on at in into a an or & as per re regarding about between under including".split(" "),
);
const ABBREVIATIONS = /(?:^|\s)(?:cllr|clir|mr|mrs|ms|dr|no|st|co|nos|rd|ltd|inc|cllrs|approx|etc|i\.e|e\.g|vs|ref|para|(?:[A-Z]\.)*[A-Z])\.$/i;

/** Length of the heading at the start of `text`, which may run on into the item's body. */
export function titleLength(text: string): number {
  const words = [...text.matchAll(/\S+/g)];
  if (!words.length) return 0;
  const caps = capitalsRun(words.map((w) => w[0]));
  if (caps > 0 && caps < words.length) {
    const w = words[caps - 1];
    return text.slice(0, w.index! + w[0].length).replace(/[\s:;,.–—-]+$/, "").length;
  }
  let end = text.length;
  for (let w = 0; w < words.length; w++) {
    const word = words[w][0];
    const at = words[w].index!;
    const wordEnd = at + word.length;
    const prev = w > 0 ? words[w - 1][0] : "";
    const next = words[w + 1]?.[0] ?? "";
    // a starter word opens the body, unless the heading is still waiting for its object
    if (w > 0 && STARTERS.has(word) && !CONNECTORS.has(prev.toLowerCase()) && !/[(/]$/.test(prev)) {
      end = at;
      break;
    }
    // initials as the subject of the first sentence: "… held on 7th November 2019 LH confirmed that …"
    if (w > 0 && /^[A-Z]{2,3}$/.test(word) && /^[a-z]+(?:ed|s)$/.test(next)) {
      end = at;
      break;
    }
    // "Public Forum No members of public made comments"
    if (w > 0 && word === "No" && /^[a-z]/.test(next) && !CONNECTORS.has(prev.toLowerCase())) {
      end = at;
      break;
    }
    // a planning or case reference opens the details ("Planning Applications 15/02050/O – Outline …")
    if (w > 0 && /^\d{2}\/\d{4,}/.test(word)) {
      end = at;
      break;
    }
    // the body repeats the heading's first word: "Apologies for Absence Apologies were accepted …"
    if (w >= 2 && word.length >= 5 && word === words[0][0] && /^[A-Z]/.test(word)) {
      end = at;
      break;
    }
    // a list marker or sub-number after the heading ("Reports: i) …", "Reports. 5.1 …")
    if (w > 0 && /^(?:\(?[ivx]{1,4}\)|[ivx]{1,4}\.|\(?[a-h]\)|\d+\.\d+(?:\.\d+)*\.?)$/.test(word)) {
      end = at;
      break;
    }
    if (/[.!?]["”’]?$/.test(word) && !ABBREVIATIONS.test(" " + word) && (next === "" || /^[A-Z0-9“"(‘•¢-]/.test(next))) {
      end = wordEnd - 1;
      break;
    }
    // "Planning Application: Installation of …" and "To Note: Asset of …" go on; a longer heading ends at its colon
    if (/:$/.test(word) && next && (w >= 3 || !/^[A-Z][a-z]+$/.test(next.replace(/[,.;]$/, "")))) {
      end = wordEnd - 1;
      break;
    }
    if (/:$/.test(word) && (STARTERS.has(next) || next === "")) {
      end = wordEnd - 1;
      break;
    }
    // "Date and Time of Next Meeting – Ordinary meeting on Wednesday 3 October 2018": the dash opens the details
    if ((word === "–" || word === "-" || word === "—") && DATE_RE.test(text.slice(wordEnd, wordEnd + 80))) {
      end = at;
      break;
    }
    if (w >= 40) {
      end = at;
      break;
    }
  }
  const trimmed = text.slice(0, end).replace(/[\s:;,.–—-]+$/, "");
  return trimmed.length;
}

/** "APOLOGIES FOR ABSENCE" → "Apologies for Absence"; other spellings are kept as printed. */
export function titleCase(title: string): string {
  const letters = title.replace(/[^A-Za-z]/g, "");
  if (letters.length < 4 || letters !== letters.toUpperCase()) return title;
  return recase(title);
}

export function isMonthStart(text: string): boolean {
  return new RegExp(`^(?:${MONTHS})\\b`, "i").test(text);
}

/** Number of leading words of a heading printed in capitals ("PUBLIC FORUM The new streetlamp …" → 2). */
function capitalsRun(words: string[]): number {
  let n = 0;
  let letters = 0;
  for (const w of words) {
    const core = w.replace(/[^A-Za-z]/g, "");
    if (core && core !== core.toUpperCase()) break;
    // a lone roman numeral or letter after the heading opens a list ("REPORTS i. …", "REPORTS A) …")
    if (n > 0 && /^\(?(?:[ivx]{1,4}|[a-hA-H])[.)]$/i.test(w)) break;
    letters += core.length;
    n++;
  }
  return letters >= 5 && (n >= 2 || letters >= 6) ? n : 0;
}
