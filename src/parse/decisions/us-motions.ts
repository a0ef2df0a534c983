// Motions as US and Canadian boards record them: the motion in one sentence, its second and its
// fate in the same sentence or the next ones ("Councilmember Matarrese moved approval of the Consent
// Calendar. Councilmember Daysog seconded the motion, which carried by unanimous voice vote – 5.",
// "A motion was made by Trustee Knight, seconded by Trustee Haynes, that the Board of Trustees approve
// … Motion carried; 5:0", "Motion to approve the minutes by X, second by Y. Motion passes 2-0").
// The motion's words are the decision; movers and the tally are not part of them.

export interface UsMotion {
  /** the decision's words, and where they start and end in the sentence */
  text: string;
  index: number;
  movedBy: string | null;
  secondedBy: string | null;
  /** the sentence itself records the second or the outcome */
  closed: boolean;
}

// a person as boards print them: a seat or courtesy title and one to three capitalised words
const NAME = String.raw`(?:(?:Vice\s+|Acting\s+|Deputy\s+)?(?:Council\s?[Mm]ember|Councilwoman|Councilman|Commissioner|Board\s?[Mm]ember|Boardmember|Trustee|Director|Supervisor|Alderman|Member|Chair(?:man|woman|person)?|President|Mayor|Councillor|Cllr\.?|Mr\.?|Mrs\.?|Ms\.?|Dr\.?)\s+)?(?:[A-Z]\.\s?)?(?:(?:de|van|von|di|da|du|le|la|Mc|Mac)?[A-Z][\p{L}'’-]+)(?:\s+[A-Z][\p{L}'’-]+){0,2}`;
const SECOND_BY = String.raw`(?:and\s+)?second(?:ed)?\s+by\s+(${NAME})`;

const MADE_BY = new RegExp(String.raw`^(?:a\s+|the\s+)?(?:motion|it\s+was\s+moved)\s+(?:was\s+)?(?:made\s+)?by\s+(${NAME})\s*,?\s*(?:${SECOND_BY}\s*,?\s*)?(?=(?:that|to)\b)`, "iu");
const MOVED_BY = new RegExp(String.raw`^(?:it\s+was\s+)?moved\s+by\s+(${NAME})\s*,?\s*(?:${SECOND_BY}\s*,?\s*)?(?=(?:that|to)\b)`, "iu");
const NAME_MOVED = new RegExp(
  String.raw`^(${NAME})\s+(?:moved|made\s+(?:a|the)\s+motion)\s*,?\s*(?:${SECOND_BY}\s*,?\s*)?(?=(?:that|to|approval|adoption|acceptance|introduction|final\s+passage|the\s+staff|denial|continuance)\b)`,
  "u",
);
const MOTION_TO = new RegExp(String.raw`^motion\s+(?=(?:to|that)\s)`, "i");

/** A second or an outcome recorded in a sentence. */
export const SECOND_OR_OUTCOME =
  /\bseconded\b|\bsecond(?:ed)?\s+by\b|\bmotion\s+(?:was\s+)?(?:carried|carries|passed|passes|approved|adopted)\b|\bwhich\s+(?:carried|passed)\b|\b(?:carried|passed)\s+(?:by|unanimously|on\s+a)\b|^\s*(?:motion\s+)?(?:carried|passed)\b|^\s*roll\s+call\s+vote\b|^\s*(?:approved|adopted|denied|carried|passed)(?:\s+as\s+amended)?\s*\(?\s*\d{1,2}\s*[-–:]\s*\d{1,2}/i;
/** The vote on a motion after its second: "Motion carried 5-0", "Approved 4-0-1 Zuppan abstained." */
export const OUTCOME_AFTER = /^\s*(?:the\s+)?motion\s+(?:carried|carries|passed|passes|failed|fails)\b|^\s*(?:carried|passed)\b|^\s*(?:approved|adopted|denied|carried|passed)(?:\s+as\s+amended)?\s*\(?\s*\d{1,2}\s*[-–:]\s*\d{1,2}/i;
/** A motion that did not pass. */
export const MOTION_FAILED = /\b(?:failed|defeated|did\s+not\s+(?:carry|pass)|motion\s+(?:fails|lost))\b/i;

// where the motion's words stop: the second, the outcome, a tally
const CUT = /[,;]?\s*(?:and\s+)?(?:was\s+)?(?:seconded|second(?:ed)?\s+by)\b|[,;]?\s*(?:which|and\s+the\s+motion|and\s+(?:was\s+)?)\s*(?:carried|passed|failed)\b|[.;]?\s*(?:the\s+)?motion\s+(?:carried|carries|passed|passes|failed)\b|\s+by\s+(?:the\s+following|a\s+(?:unanimous|\d)|unanimous)\b[^.]*$|\s+(?:roll\s+call\s+)?vote\s*:|\s+ayes?\s*:/i;
// "Motion to approve the minutes by Commissioner Cook, second by …": the movers at the end
const SECOND_NAME = new RegExp(String.raw`\b(?:second(?:ed)?\s+by|,\s*second)\s+(${NAME})`, "u");
const TRAILING_MOVERS = new RegExp(String.raw`\s+by\s+(${NAME})\s*$`, "u");

/** The motion in one sentence, or null when the sentence does not state one. */
export function usMotion(sentence: string): UsMotion | null {
  const s = sentence.replace(/^\s*\(\*?\d{2}-\d{2,4}[A-Z]?\)\s*/, "");
  const lead = sentence.length - s.length;
  let m: RegExpExecArray | null;
  let movedBy: string | null = null;
  let secondedBy: string | null = null;
  let at = -1;
  if ((m = MADE_BY.exec(s)) || (m = MOVED_BY.exec(s)) || (m = NAME_MOVED.exec(s))) {
    movedBy = m[1];
    secondedBy = m[2] ?? null;
    at = m[0].length;
  } else if ((m = MOTION_TO.exec(s))) at = m[0].length;
  if (at < 0) return null;
  let rest = s.slice(at);
  const cut = CUT.exec(rest);
  const closed = Boolean(cut) || secondedBy !== null;
  if (cut) rest = rest.slice(0, cut.index);
  const trailing = TRAILING_MOVERS.exec(rest);
  if (trailing && !movedBy) {
    movedBy = trailing[1];
    rest = rest.slice(0, trailing.index);
  }
  const second = SECOND_NAME.exec(s.slice(at));
  if (!secondedBy && second) secondedBy = second[1];
  const text = rest.replace(/[\s,;:]+$/, "").trim();
  if (text.split(/\s+/).length < 2) return null;
  const end = /[.]$/.test(text) ? text : `${text}.`;
  return { text: end, index: lead + at, movedBy, secondedBy, closed };
}

/** A line that records a decision on its own, with where its words sit in the line. */
export interface LineRecord {
  text: string;
  start: number;
  end: number;
  movedBy: string | null;
  secondedBy: string | null;
}

// "M. Prest (motion), C. Dallas (second)": the movers closing a bulleted record
const BRACKETED_MOVERS = new RegExp(String.raw`^(${NAME})\s*\((?:motion|moved|mover)\)\s*,?\s*(?:(?:and\s+)?(${NAME})\s*\((?:second|seconded|seconder)\))?\s*\.?$`, "u");
// "APPROVED – 2018 Meetings Calendar": the verb printed in capitals as the line's head
const CAPITAL_RECORD = /^(?:APPROVED|ADOPTED|ACCEPTED|RATIFIED)\s*[–—:-]\s*\S/;
// symbol-font bullets come through PDFs as private-use glyphs (U+F0B7, U+F0A7)
const BULLET = /^\s*(?:[o•▪◦*·\uF0A7\uF0B7-]\s+)?/;

/**
 * Bulleted minutes that print each decision as one line: "Minutes from 11/30/17 meeting approved –
 * Z. Maiorca (motion), T. Feinberg (second)", "APPROVED – Revised 2018 budget – B. Munro (motion), …".
 * The words before the bracketed movers are the decision; a capitalised APPROVED head is one too.
 */
export function lineRecords(unit: string): LineRecord[] {
  const out: LineRecord[] = [];
  let at = 0;
  for (const line of unit.split("\n")) {
    const from = at;
    at += line.length + 1;
    const lead = BULLET.exec(line)![0].length;
    const body = line.slice(lead).trimEnd();
    const dashes = [...body.matchAll(/\s[–—-]\s/g)];
    const last = dashes[dashes.length - 1];
    const movers = last ? BRACKETED_MOVERS.exec(body.slice(last.index! + last[0].length).trim()) : null;
    if (movers && last) {
      const text = body.slice(0, last.index).trim();
      if (/[A-Za-z]{2}/.test(text)) out.push({ text, start: from + lead, end: from + lead + last.index!, movedBy: movers[1], secondedBy: movers[2] ?? null });
    } else if (CAPITAL_RECORD.test(body)) {
      out.push({ text: body, start: from + lead, end: from + lead + body.length, movedBy: null, secondedBy: null });
    }
  }
  return out;
}
