// What a resolution decided, and the votes where the minutes record them — read from its text.
import type { Outcome } from "../schema.ts";

// The fate of a motion put to the vote outweighs whatever the motion proposed.
const LOST = /\b(motion|amendment|it) (was )?(lost|defeated|fell|not carried)\b|\bwas lost\b|\b(lost|defeated)\b\.?\s*$/i;

// Taking a matter up at a later meeting defers it only when the matter itself goes; "a further
// update to be brought back" asks for a report and decides the item now (see laterIsRequest).
const LATER = /\b(be (brought|considered) (back|again)|to the next (meeting|agenda)|considered again at)\b/i;
const REPORT = /\b(reports?|updates?|information|papers?|details|feedback|briefing|proposals?|costings?|quot(es?|ations?)|options|recommendations?)\b/i;

// "Schedule 12A (as amended)", "the Planning and Development Act, 2000, as amended": a statute as
// it now stands, not an amendment made to the decision. Removed before the rules look for one.
const STATUTE_AS_AMENDED = /\b(act|regulations?|order|rules|schedule\s+\w+|section\s+[\w()]+|paragraphs?\s+[\w()]+)(,?\s*\d{4})?,?\s*\(?\s*as amended\b\)?/gi;

// The opening clause of a resolution ("That … be supported and that:") says what was decided; the
// lettered or numbered clauses after it ("c) the Select Committee receive regular updates") say
// what follows from it, and must not outvote it.
const OPENING = /:|;|\n\s*(?:[-•*]\s*)?\(?(?:[a-z]|\d{1,2}|[ivx]{1,4})[).]\s|\s\((?:[a-z]|\d{1,2}|[ivx]{1,4})\)\s/i;

const RULES: [RegExp, Outcome][] = [
  [/\b(refused|rejected|declined|not (be )?(approved|agreed|supported))\b/i, "refused"],
  [/\b(defer(red)?|postponed|adjourned to)\b/i, "deferred"],
  [LATER, "deferred"],
  [/\bapproved?\b.*\b(subject to|with) (the )?(following )?amendments?\b|\bas amended\b/i, "approved with amendments"],
  [/\b(carried|passed)\b/i, "carried"],
  [/\b(approve|approved|approves|adopt|adopted|adopts|confirmed|ratified|endorse|endorsed|granted)\b/i, "approved"],
  [/\b(noted|note|received|receive)\b/i, "noted"],
  [/\b(agreed?|resolved|support(ed)?|accept(ed)?|decided|authori[sz]ed?|recommended|delegated|requested|asked)\b/i, "agreed"],
  // a resolution worded as the motion it carried ("That the public be excluded …") was agreed
  [/^\W*that\b[^.;:]*?\bbe\b/i, "agreed"],
];

export function inferOutcome(text: string): Outcome | null {
  const plain = text.replace(STATUTE_AS_AMENDED, "$1$2");
  if (LOST.test(plain)) return "lost";
  const cut = OPENING.exec(plain);
  // "RESOLVED that – (1) …": the word that introduces the clauses decides nothing by itself
  const opening = cut ? firstRule(plain.slice(0, cut.index).replace(/\b(resolved|agreed|decided)\b/gi, "")) : null;
  return opening ?? firstRule(plain);
}

function firstRule(text: string): Outcome | null {
  for (const [re, outcome] of RULES) {
    const m = re.exec(text);
    if (!m) continue;
    if (re === LATER && asksForReport(text, m.index)) continue;
    return outcome;
  }
  return null;
}

// The few words before "be brought back", in its own sentence or clause, name what comes back: a
// report or update is a request. An update noted in the sentence before is not what comes back.
function asksForReport(text: string, at: number): boolean {
  const clause = text.slice(Math.max(0, at - 60), at).split(/[.;:]\s/).at(-1)!;
  const before = clause.split(/\s+/).slice(-6).join(" ");
  return REPORT.test(before);
}

export interface VoteCount {
  for: number | null;
  against: number | null;
  abstain: number | null;
}

const WORDS: Record<string, number> = {
  no: 0, none: 0, nil: 0, zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20,
};
const N = String.raw`(\d{1,3}|${Object.keys(WORDS).join("|")})`;

// `s` is one of N's alternatives: digits or a number word.
function toNumber(s: string): number {
  return WORDS[s.toLowerCase()] ?? Number(s);
}

/** "6 in favour, 1 abstention", "For: 5 Against: 2 Abstain: 1", "(7 for, 2 against)". Null when none recorded. */
export function parseVotes(text: string): VoteCount | null {
  const find = (patterns: string[]): number | null => {
    for (const p of patterns) {
      const m = new RegExp(p, "i").exec(text);
      if (m) return toNumber(m[1]);
    }
    return null;
  };
  const votes: VoteCount = {
    for: find([String.raw`\b${N}\s+(?:votes?\s+)?(?:in favour|for)\b`, String.raw`\b(?:for|in favour)\s*[:\-–]?\s*${N}\b`]),
    against: find([String.raw`\b${N}\s+(?:votes?\s+)?against\b`, String.raw`\bagainst\s*[:\-–]?\s*${N}\b`]),
    abstain: find([String.raw`\b${N}\s+(?:abstentions?|abstained|abstaining)\b`, String.raw`\babstentions?\s*[:\-–]?\s*${N}\b`, String.raw`\babstain(?:ed)?\s*[:\-–]?\s*${N}\b`]),
  };
  if (votes.for === null && votes.against === null && votes.abstain === null) return null;
  return votes;
}
