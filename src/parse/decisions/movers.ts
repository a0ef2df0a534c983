// Who moved and who seconded a decision, as the minutes write them. The cleanup in cleanup.ts trims
// these phrases from the resolution text; this reads the same phrases for their names, so the text
// stays what was decided and the movers are kept beside it.

export interface Movers {
  movedBy: string | null;
  secondedBy: string | null;
}

const TITLES = new Set(
  "cllr cllr. clr clr. clir clir. cmhlr cmhlr. councillor councilor cllrs mayor deputy mr mr. mrs mrs. ms ms. miss dr dr. deputy-mayor".split(" "),
);
/** Capitalised words that start or end a clause, never part of a name. */
const STOP = new Set(
  (
    "and resolved that the it all carried seconded proposed moved with who which this to members councillors council " +
    "motion proposal a an in on of for by was were unanimously agreed approved chair chairman chairperson clerk " +
    "whereas be therefore now following after upon"
  ).split(" "),
);

const isInitial = (t: string) => /^(?:[A-Z]\.)+$/.test(t) || /^[A-Z]$/.test(t);
const isTitle = (t: string) => TITLES.has(t.toLowerCase());

/**
 * The name at the start of `s`: an optional title, then capitalised words or initials ("Cllr. M. Ryan",
 * "Councillor M.Ryan", "S. Kirkey", "Cllr Gail Reeve"). Stops at punctuation, a lower-case word or a
 * clause word ("And Resolved"). Null when there is no name with at least one word beyond a title,
 * or when the name is only a word like "Chairman".
 */
export function nameAt(s: string): string | null {
  const tokens = s.replace(/^[\s:]+/, "").split(/\s+/);
  const out: string[] = [];
  let titled = false;
  for (const raw of tokens.slice(0, 7)) {
    if (!raw) break;
    // "Deputy Mayor", "Cllr." — titles carry their own stop
    if (isTitle(raw.replace(/[,;:]$/, "")) && !out.some((t) => !isTitle(t))) {
      out.push(raw.replace(/[,;:]$/, ""));
      titled = true;
      if (/[,;:]$/.test(raw)) break;
      continue;
    }
    const t = raw.replace(/[,;:)]+$/, "");
    const word = t.replace(/\.$/, "");
    if (!/^(?:[A-ZÀ-ÖØ-Þ]|O[’'])/.test(word) || STOP.has(word.toLowerCase())) break;
    if (/^\(/.test(raw)) break;
    out.push(t);
    // "Teefy." ends the sentence; "M." and "M.Ryan" do not end anything
    if (raw !== t || (/\.$/.test(t) && !isInitial(t))) break;
  }
  while (out.length && isTitle(out[out.length - 1]) && out.some((t) => !isTitle(t))) out.pop();
  const named = out.filter((t) => !isTitle(t));
  if (!named.length) return null;
  const lastWord = named[named.length - 1];
  if (isInitial(lastWord)) return null;
  // a bare single word is a name only with a title or an initial ("Cllr Mann", "S. Kirkey")
  if (named.length === 1 && !titled && !/^(?:[A-Z]\.)+[A-Z]/.test(named[0])) return null;
  return out.join(" ").replace(/\.$/, "").trim() || null;
}

/** The name that ends just before `end` in `s`: "Cllr Sue Lintern" in "Cllr Sue Lintern proposed". */
function nameBefore(s: string, end: number): string | null {
  const before = s.slice(Math.max(0, end - 80), end);
  const m = /((?:(?:Cllr|Clr|Clir|Cmhlr|Councillor|Councilor|Mayor|Deputy\s+Mayor|Mr|Mrs|Ms|Miss|Dr)\.?\s+)?(?:(?:[A-Z]\.\s?)*[A-ZÀ-ÖØ-Þ][\w’'-]*\s+){0,3}(?:[A-Z]\.\s?)*[A-ZÀ-ÖØ-Þ][\w’'-]*)\s*$/.exec(before);
  if (!m) return null;
  // "The Chairman proposed", "Both Councillors proposed": the subject is not a name
  let cand = m[1];
  const words = cand.split(/\s+/);
  while (words.length && STOP.has(words[0].toLowerCase())) words.shift();
  cand = words.join(" ");
  if (!cand) return null;
  return nameAt(cand) === cand ? cand : null;
}

const MOVER_BY = /(?:\bon\s+the\s+(?:proposal|motion)\s+of|\b(?:proposed|moved|proposer|mover)(?:\s+by)?\s*:|\b(?:proposed|moved)\s+by)\s*/gi;
/** "Proposed D. Pickston and seconded by …", "… proposed P. Wood, seconded Miss Richardson": no "by", at a clause start. */
const MOVER_BARE = /(?:^|[.;:,(]\s*|\n\s*|\band\s+)(?:proposed|moved)\s+(?=(?:Cllr|Clr|Clir|Councillor|Mr|Mrs|Ms|Miss|Dr|(?:[A-Z]\.\s?)+[A-Z]))/gi;
const SECONDER_BY = /\b(?:seconded(?:\s+by)?\s*:?|seconder\s*:|2nd\s*:)\s*/gi;
const MOVER_AFTER = /\s+(?:proposed|moved)\b(?!\s+(?:by|for|from|to\s+(?:the|a)\s+(?:next|agenda)))/g;
const SECONDER_AFTER = /\s+seconded\b(?!\s+by)/g;

/** "Prop: KA 2nd: KD": members minuted by their initials, after a label and a colon. */
const LABELLED_MOVER = /\b(?:[Pp]rop(?:osed|oser)?|PROP(?:OSED|OSER)?|[Mm]over?d?|MOVE[DR])\s*:\s*([A-Z]{2,4})\b/;
const LABELLED_SECONDER = /\b(?:2nd|[Ss]econde[dr]|SECONDE[DR])\s*:\s*([A-Z]{2,4})\b/;

function firstName(s: string, re: RegExp): { name: string; at: number } | null {
  re.lastIndex = 0;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    const name = nameAt(s.slice(m.index + m[0].length));
    if (name) return { name, at: m.index };
    if (m[0].length === 0) re.lastIndex++;
  }
  return null;
}

function firstNameBefore(s: string, re: RegExp): { name: string; at: number } | null {
  re.lastIndex = 0;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    const name = nameBefore(s, m.index);
    if (name) return { name, at: m.index - name.length };
  }
  return null;
}

const earliest = (...c: ({ name: string; at: number } | null)[]) =>
  c.filter((x): x is { name: string; at: number } => x !== null).sort((a, b) => a.at - b.at)[0]?.name ?? null;

/**
 * The mover and seconder stated in a decision's own words: "On the proposal of Cllr E. Ryan, and seconded by
 * Cllr M Ryan", "Proposed by Councillor Egan, Seconded by Councillor Carey.", "Cllr Sue Lintern proposed …,
 * seconded by Cllr Jim McNeill", "Cllr Daphne Clements proposed …, Cllr Jim McNeill seconded it",
 * "Proposer: Cllr P Norris 2nd: Cllr G Koopowitz". Names only; a role ("the Chairman") is not recorded.
 */
export function readMovers(text: string): Movers {
  const s = text.replace(/[*_]{1,2}/g, "").replace(/^[ \t]*[-•*·¢‣▪◦][ \t]+/gm, "");
  const movedBy = earliest(firstName(s, MOVER_BY), firstName(s, MOVER_BARE), firstNameBefore(s, MOVER_AFTER)) ?? LABELLED_MOVER.exec(s)?.[1] ?? null;
  const secondedBy = earliest(firstName(s, SECONDER_BY), firstNameBefore(s, SECONDER_AFTER)) ?? LABELLED_SECONDER.exec(s)?.[1] ?? null;
  return { movedBy, secondedBy: secondedBy === movedBy && secondedBy !== null ? null : secondedBy };
}

const INITIAL_NAME = /(?:[A-Z]\.\s?){1,3}\s?[A-Z][A-Za-z’'-]+/g;

/** "R2024-070 S. Kirkey, T. Butler:" → the first name moved, the second seconded. */
export function readMoversHead(head: string): Movers {
  const labelled = readMovers(head);
  if (labelled.movedBy && labelled.secondedBy) return labelled;
  const names = head.replace(/^\s*(?:(?:R|No\.?\s*)?\d{2,4}[-/]\d{1,4}\s+)/, "").match(INITIAL_NAME) ?? [];
  return { movedBy: names[0] ?? null, secondedBy: names[1] ?? null };
}

/** A unit that only names a mover or seconder: "Proposed by Councillor Egan,", "Seconded by Cllr. Carey." */
export const MOVERS_ONLY =
  /^\s*(?:it\s+was\s+)?(?:(?:proposed|moved|seconded)\s+by\s*:?|(?:proposer|seconder|mover|2nd)\s*:)\s*[^;]{1,70}?(?:[,;.]?\s*(?:and\s+)?(?:duly\s+)?(?:seconded\s+by\s*:?|seconder\s*:|2nd\s*:)\s*[^;]{1,60}?)?(?:[,;]\s*(?:(?:with\s+)?(?:all|\w+)\s+(?:were\s+)?(?:present\s+)?in\s+favou?r|\w+\s+abstained|carried(?:\s+unanimously)?)[^.;]{0,40})*[.;,]?\s*$/i;

export function isMoversOnly(unit: string): boolean {
  const t = unit.trim();
  if (!MOVERS_ONLY.test(t)) return false;
  // "Proposed by A that …": a decision of its own
  return !/\s(?:that|to)\s/i.test(t.replace(/\b(?:seconded|proposed|moved)\s+by\b/gi, ""));
}
