// The votes recorded for a decision, read from the minutes' own words before cleanup strips them:
// tallies ("six were in favour and one abstained", "Motion passed 5-0", "Ayes: 3. Noes: 2."),
// "carried unanimously", lists of who voted how ("Ayes: Commissioners Aguliar, Spanier – 2",
// "For the proposal: Councillors Benson, … (10)"), roll calls ("Daysog: No; Jensen: Aye") and
// members who stood aside ("Board Member Sanchez was recusing himself").
// Money, dates, minute and section numbers are never tallies: a figure counts only beside a voting
// word, and never with a currency sign, a decimal point, a slash or a further digit group.
import type { RecordedVotes, Votes } from "../../domain/minutes.ts";

const WORDS: Record<string, number> = {
  no: 0, none: 0, nil: 0, zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20,
};
/** A count: one or two digits (never part of money, a decimal, a date or a reference) or a number word. */
const N = String.raw`(?<![£$€\d.,/:-])(\d{1,2}(?![\d%]|[.,/:]\d)|(?:${Object.keys(WORDS).join("|")})\b)`;
const num = (s: string): number => WORDS[s.toLowerCase()] ?? Number(s);

const VOTERS = String.raw`(?:(?:members|councillors|cllrs|councilmembers|commissioners|trustees|directors|votes?)\s+)?(?:were\s+|voted\s+|(?:was|were)\s+cast\s+)?`;
const FOR_N = new RegExp(String.raw`\b${N}\s+${VOTERS}(?:in\s+favou?r\b|for\b(?=\s*[,;.)]|\s+(?:and|with)\b|\s+\d{1,2}\s+(?:votes?\s+)?(?:against|abstentions?)\b|\s*$)|agreed\b(?=\s*[,;.)]|\s+and\s)|ayes\b|yes\b(?=\s*[,;.)]))`, "i");
const AGAINST_N = new RegExp(String.raw`\b${N}\s+${VOTERS}(?:against|opposed|noes|nays)\b`, "i");
const ABSTAIN_N = new RegExp(String.raw`\b${N}\s+(?:(?:members|councillors|cllrs)\s+)?(?:abstentions?|abstained|abstaining|abstain)\b`, "i");
/** "Y-5 N-0", "Yes-5 No-0" */
const D = String.raw`(\d{1,2})(?!\d|[.,/]\d)`;
const YES_NO = new RegExp(String.raw`\b(?:Y|Yes|Ayes?|Yeas?)\s*[-–:]\s*${D}[,;]?\s*(?:N|No|Noes|Nays?)\s*[-–:]\s*${D}(?:[,;]?\s*(?:A|Abs(?:tain)?)\s*[-–:]\s*${D})?`);
/** "Motion passed 5-0", "carried by a 3-0 vote", "Motion carried 5-0-1", "by 7 votes to 2" */
const SCORE = String.raw`\(?${N}\s*[-–]\s*(\d{1,2})(?:\s*[-–]\s*(\d{1,2}))?\)?(?![-–]?\d|[.,/:]\d)`;
const SCORE_AFTER = new RegExp(String.raw`\b(?:carried|carries|passed|passes|approved|adopted|failed|fails|defeated|lost|vote[ds]?|voting)\b(?:\s+(?:by|with|on|of))?(?:\s+(?:a|the))?(?:\s+(?:roll[- ]call|voice|recorded))?(?:\s+vote\s+of)?\s*${SCORE}`, "i");
const SCORE_VOTE = new RegExp(String.raw`${SCORE}\s+(?:roll[- ]call\s+|voice\s+)?vote\b`, "i");
const VOTES_TO = new RegExp(String.raw`\b${N}\s+votes?\s+to\s+${N}\b`, "i");
const UNANIMOUS =
  /(?<!\bnot\s)\bunanimous(?:ly)?\b|\bnem(?:ine)?\.?\s*con(?:tradicente)?\b|\ball\s+(?:(?:members|councillors|cllrs|present|those\s+present)\s+)?(?:were\s+)?(?:present\s+)?(?:in\s+favou?r|agreed)\b|\bagreed\s+by\s+all\b/i;

type Side = keyof RecordedVotes;
const SIDES: Side[] = ["for", "against", "abstain", "absent", "recused"];

function sideOf(label: string): Side {
  const l = label.toLowerCase();
  if (/^(?:ayes|yeas|yes|for|in favou?r|voting for|those in favou?r|voted for|approved)/.test(l)) return "for";
  if (/^(?:noes|nays|no|against|voting against|those against|voted against|opposed)/.test(l)) return "against";
  if (/^abst/.test(l)) return "abstain";
  if (/^(?:absent|not voting)/.test(l)) return "absent";
  return "recused";
}

/**
 * A label opening a list of who voted how: "Ayes:", "For the proposal:", "Abstention: Commissioner …",
 * "The following Members voted FOR the motion:". It opens a line, a sentence or a clause.
 */
const LABEL = new RegExp(
  String.raw`(?<![\w’'-])[*_]*((?:the\s+following\s+(?:members|councillors|cllrs)\s+voted\s+(?:for|in\s+favou?r|against)|voted\s+(?:for|against)|voting\s+(?:for|against)|those\s+(?:in\s+favou?r|against)|(?:approved|opposed)(?=\s*\(\d)|ayes|yeas|noes|nays|for|in\s+favou?r|against|abstentions?|abstaining|abstained|abstain|absent|recused|not\s+voting)(?:\s+(?:the|of\s+the)\s+(?:motion|proposal|amendment|resolution|recommendations?|application))?)[*_\s]*(?:\((\d{1,2})\)[*_\s]*)?(?::|[-–—](?=\s*\d)|(?<=\s)[-–—]\s)[*_\s]*`,
  "gi",
);

/** A label opens a line, a sentence or a clause, or stands after a gap in a laid-out table. */
function opensClause(text: string, at: number): boolean {
  let i = at - 1;
  let spaces = 0;
  while (i >= 0 && at - i < 40 && /[ \t*_]/.test(text[i])) {
    if (text[i] === " " || text[i] === "\t") spaces++;
    i--;
  }
  return i < 0 || /[\n;.]/.test(text[i]) || spaces >= 2;
}

const PLURAL_TITLE: [RegExp, string][] = [
  [/^(?:Cllrs|Clrs)\.?\s+/, "Cllr"],
  [/^Councillors\s+/i, "Councillor"],
  [/^Councilors\s+/i, "Councilor"],
  [/^Council\s*members\s+/i, "Councilmember"],
  [/^Commissioners\s+/i, "Commissioner"],
  [/^Board\s+Members\s+/i, "Board Member"],
  [/^Members\s+/i, "Member"],
  [/^Trustees\s+/i, "Trustee"],
  [/^Directors\s+/i, "Director"],
  [/^Supervisors\s+/i, "Supervisor"],
  [/^Aldermen\s+/i, "Alderman"],
];
const TITLE = String.raw`(?:Cllr|Clr|Councillor|Councilor|Councilmember|Councilman|Councilwoman|Council\s+Member|Commissioner|Board\s+Member|Member|Mayor|Vice\s+Mayor|Deputy\s+Mayor|Acting\s+Mayor|Trustee|Director|Supervisor|Alderman|Chair(?:man|person)?|Vice[- ]Chair|President|Mr|Mrs|Ms|Miss|Dr)\.?`;
const HAS_TITLE = new RegExp(String.raw`^${TITLE}\s`);
const NAME_WORD = String.raw`(?:[A-Z][\w’'.-]*|(?:de|van|von|der|la|le|di|da|mac|mc|o')[A-Z]?[\w’'-]*|\([A-Z]\))`;
/** "Cllr Jim McNeill abstained", "Board Member Sanchez was recusing himself", "Councilmember X recused" */
const NAMED = new RegExp(
  String.raw`\b(${TITLE}\s+${NAME_WORD}(?:\s+${NAME_WORD}){0,3})\s+(?:was\s+|had\s+|then\s+)?(?:(?:having\s+)?declared\s+[^.;]{1,80}?\s+and\s+)?(abstained|abstaining|recus(?:ed|ing|es)|did\s+not\s+(?:take\s+part|participate|vote)|took\s+no\s+part|voted\s+against|voted\s+(?:for|in\s+favou?r))\b`,
  "g",
);
/** "Daysog: No", "and Mayor Ezzy Ashcraft: Aye" in a roll call */
const ROLL = new RegExp(
  String.raw`(?:^|[;,:]\s*|\band\s+|\n\s*)((?:[A-Z][\w’'.-]*\s+){0,3}[A-Za-z][\w’'-]*)\s*:\s*([A-Za-z]{2,9})\b(?=\s*[;,.]|\s*$|\s+and\b|\s*\n)`,
  "g",
);

/** The votes recorded in `text` (a decision and the words around it); null when it records none. */
export function readVotes(text: string, before = ""): Votes | null {
  const recorded: RecordedVotes = { for: [], against: [], abstain: [], absent: [], recused: [] };
  const counts: Record<"for" | "against" | "abstain", number | null> = { for: null, against: null, abstain: null };
  const lists = readLists(before + "\n" + text);
  for (const [side, l] of lists) {
    for (const name of l.names) if (!recorded[side].includes(name)) recorded[side].push(name);
    if (l.count !== null && side !== "absent" && side !== "recused") counts[side] ??= l.count;
  }
  if (!lists.some(([, l]) => l.names.length)) readRoll(text, recorded);
  readNamed(text, recorded);

  const set = (side: "for" | "against" | "abstain", v: number | null) => {
    if (v !== null && counts[side] === null) counts[side] = v;
  };
  const yn = YES_NO.exec(text);
  if (yn) {
    set("for", num(yn[1]));
    set("against", num(yn[2]));
    if (yn[3]) set("abstain", num(yn[3]));
  }
  const score = SCORE_AFTER.exec(text) ?? SCORE_VOTE.exec(text);
  if (score) {
    set("for", num(score[1]));
    set("against", num(score[2]));
    if (score[3]) set("abstain", num(score[3]));
  }
  const to = VOTES_TO.exec(text);
  if (to) {
    set("for", num(to[1]));
    set("against", num(to[2]));
  }
  set("for", first(FOR_N, text));
  set("against", first(AGAINST_N, text));
  set("abstain", first(ABSTAIN_N, text));
  for (const side of ["for", "against", "abstain"] as const) if (counts[side] === null && recorded[side].length) counts[side] = recorded[side].length;

  const anyNames = SIDES.some((s) => recorded[s].length);
  // an absence means nothing on its own: only beside a vote
  const voted = counts.for !== null || counts.against !== null || counts.abstain !== null || recorded.for.length || recorded.against.length;
  const unanimous = UNANIMOUS.test(text) && !counts.against;
  if (!voted && !unanimous && !recorded.recused.length) return null;
  const votes: Votes = { for: counts.for, against: counts.against, abstain: counts.abstain };
  if (unanimous) votes.unanimous = true;
  if (anyNames) votes.recorded = recorded;
  return votes;
}

function first(re: RegExp, text: string): number | null {
  const m = re.exec(text);
  return m ? num(m[1]) : null;
}

interface List {
  names: string[];
  count: number | null;
}

function readLists(text: string): [Side, List][] {
  const labels: { side: Side; from: number; to: number; count: number | null }[] = [];
  LABEL.lastIndex = 0;
  for (let m = LABEL.exec(text); m; m = LABEL.exec(text)) {
    if (!opensClause(text, m.index)) continue;
    labels.push({ side: sideOf(m[1].replace(/^the\s+following\s+\w+\s+/i, "").replace(/\s+/g, " ")), from: m.index, to: m.index + m[0].length, count: m[2] ? Number(m[2]) : null });
  }
  const out: [Side, List][] = [];
  for (let k = 0; k < labels.length; k++) {
    const l = labels[k];
    const until = k + 1 < labels.length ? labels[k + 1].from : Math.min(text.length, l.to + 600);
    const list = readList(text.slice(l.to, until));
    if (!list) continue;
    out.push([l.side, { names: list.names, count: l.count ?? list.count }]);
  }
  // "Absent: Sanchez" in a roll of those present is attendance, not a vote
  if (!out.some(([s]) => s === "for" || s === "against" || s === "abstain")) return [];
  return out;
}

/** What follows a label, up to the end of its sentence: names, a count, or both ("Commissioner Cambra – 1."). */
function readList(raw: string): List | null {
  let body = cutSentence(raw).replace(/[*_]+/g, " ").replace(/\s+/g, " ").trim();
  let count: number | null = null;
  const tail = /(?:\s*[-–—]\s*|\s*\(|\s+)(\d{1,2})\)?\s*[.;,]?\s*$/.exec(body);
  if (tail) {
    count = Number(tail[1]);
    body = body.slice(0, tail.index);
  }
  body = body.replace(/[.;,\s]+$/, "").trim();
  if (!body) return count === null ? null : { names: [], count };
  if (/^(?:none|nil|no\s+one|nobody)$/i.test(body)) return { names: [], count: count ?? 0 };
  const word = /^(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)$/i.exec(body);
  if (word) return { names: [], count: num(word[0]) };
  const names = splitNames(body);
  if (!names) return count === null ? null : { names: [], count };
  return { names, count };
}

/** The list ends at its sentence's stop (not an initial's or a title's), or where prose begins after a blank line. */
function cutSentence(text: string): string {
  // a list runs on over a blank line only into its own continuation: "…, Sheahan" / "and Talukder." / "(10)"
  const paras = text.split(/\n[ \t]*(?:\n[ \t]*)+/);
  let s = paras[0];
  for (let k = 1; k < paras.length; k++) {
    if (!/,\s*$/.test(s) && !/^\s*(?:and\s|&|\(\d{1,2}\)|[-–]\s*\d)/.test(paras[k])) break;
    s += "\n\n" + paras[k];
  }
  const stop = /(?<!\b(?:[A-Z]|Mr|Mrs|Ms|Dr|St|Cllr|Clr))\.(?=\s|$)/.exec(s);
  return stop ? s.slice(0, stop.index) : s;
}

function splitNames(body: string): string[] | null {
  let title: string | null = null;
  let rest = body;
  for (const [re, singular] of PLURAL_TITLE) {
    const m = re.exec(rest);
    if (m) {
      title = singular;
      rest = rest.slice(m[0].length);
      break;
    }
  }
  const parts = rest.split(/\s*,\s*(?:and\s+|&\s+)?|\s+and\s+|\s*&\s*/).map((p) => p.trim()).filter(Boolean);
  const names: string[] = [];
  for (const p of parts) {
    // a name is a few capitalised words (particles allowed): anything else ends the list
    if (!/^[A-Za-z(]/.test(p) || /\d/.test(p) || p.split(/\s+/).length > 5 || !/[A-Z]/.test(p)) break;
    if (/\b(?:the|was|were|is|are|be|been|that|which|motion|vote|carried|passed)\b/i.test(p)) break;
    names.push(title && !HAS_TITLE.test(p + " ") ? `${title} ${p}` : p);
  }
  return names.length ? names : null;
}

function readRoll(text: string, recorded: RecordedVotes): void {
  const found: [Side, string][] = [];
  let title: string | null = null;
  ROLL.lastIndex = 0;
  for (let m = ROLL.exec(text); m; m = ROLL.exec(text)) {
    let name = m[1].replace(/\s+/g, " ").trim();
    for (const [re, singular] of PLURAL_TITLE) {
      const t = re.exec(name);
      if (t) {
        title = singular;
        name = name.slice(t[0].length);
        break;
      }
    }
    if (/^(?:ayes|noes|yeas|nays|vote|motion|result)$/i.test(name)) continue;
    if (title && !HAS_TITLE.test(name + " ")) name = `${title} ${name}`;
    const v = m[2].toLowerCase();
    if (!/^(?:aye|yes|yea|no|nay|abstain|abstained|abstention|absent|recuse|recused)$/.test(v)) continue;
    const side: Side = /^(?:aye|yes|yea)$/.test(v) ? "for" : /^(?:no|nay)$/.test(v) ? "against" : /^abst/.test(v) ? "abstain" : v === "absent" ? "absent" : "recused";
    found.push([side, name]);
  }
  // one "Item: No" is not a roll call
  if (found.length < 2) return;
  for (const [side, name] of found) recorded[side].push(name);
}

function readNamed(text: string, recorded: RecordedVotes): void {
  NAMED.lastIndex = 0;
  for (let m = NAMED.exec(text); m; m = NAMED.exec(text)) {
    const verb = m[2].toLowerCase();
    const side: Side = /^abst/.test(verb) ? "abstain" : /against/.test(verb) ? "against" : /^voted/.test(verb) ? "for" : "recused";
    const name = m[1].trim();
    if (!SIDES.some((s) => recorded[s].includes(name))) recorded[side].push(name);
  }
}
