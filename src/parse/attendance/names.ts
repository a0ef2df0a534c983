// Splitting attendance lists into people: "A, B and C", "Councillors A, B and C", run-on lists
// with no commas ("Cllr A (Chair) Cllr B Cllr C"), one person per line, tab-separated columns,
// "Role (Mr. Name)" and "Role Name; Role Name". Names are kept as written, honorifics included.

/** Honorifics and titles that may start a name. Plural forms distribute over the list that follows. */
const HONORIFIC_WORDS = [
  "Cllrs?\\.?",
  "Clrs?\\.?",
  "Clirs?\\.?",
  "Cmhlr\\.?",
  "Councillors?",
  "Councilors?",
  "Mayor",
  "Deputy\\s+Mayor",
  "Alderman",
  "Mr\\.?",
  "Mrs\\.?",
  "Ms\\.?",
  "Miss",
  "Mx\\.?",
  "Dr\\.?",
  "Prof\\.?",
  "Professor",
  "Rev(?:d)?\\.?",
  "Reverend",
  "Sir",
  "Dame",
  "Lady",
  "Lord",
  "Messrs\\.?",
  "Mesdames",
  "PCSO",
  "PC",
  "Sgt\\.?",
  "Inspector",
  // US and Canadian boards print the seat before the name: "Councilmember Daysog", "Chair Cooney"
  "Council\\s?[Mm]embers?",
  "Board\\s?[Mm]embers?",
  "Commissioners?",
  "Trustees?",
  "Supervisors?",
  "Aldermen",
  // a seat before a bare name ("Chair Cooney"), not a role before a titled one ("Chairman Cllr P Norris")
  "(?:Acting\\s+|Vice[- ]?)?Chair(?:man|woman|person)?(?=\\s+(?!(?:Cllr|Clr|Clir|Councill?or|Mr|Mrs|Ms|Miss|Dr|Mayor)\\b)[A-Z][a-z])",
  "(?:Acting\\s+|Vice[- ]?)?President(?=\\s+(?!(?:Cllr|Clr|Clir|Councill?or|Mr|Mrs|Ms|Miss|Dr|Mayor)\\b)[A-Z][a-z])",
  "(?:Acting\\s+|Vice\\s+)Mayor",
];
// "Cllr Mrs J Buckley-Stevens": a councillor's title and a courtesy title count as one
export const HONORIFIC = new RegExp(`^(?:${HONORIFIC_WORDS.join("|")})(?:\\s+(?:Mr|Mrs|Ms|Miss|Dr)\\.?)?(?=\\s|$|[A-Z])`, "");
const HONORIFIC_ANYWHERE = new RegExp(
  `(?<![\\w'’-])(?:(?<!(?:County|Borough|District|Parish|Town|City|Ward)\\s)(?:Cllr|Clr|Clir|Councillor|Councilor)\\.?\\s+(?:Mr|Mrs|Ms|Miss|Dr)\\.?(?=\\s)|(?:${HONORIFIC_WORDS.join("|")}))(?!\\s+(?:${HONORIFIC_WORDS.join("|")})\\s)(?=\\s+[A-ZÀ-ÖØ-ÞĀ-ſ'’]|[A-Z][a-z])`,
  "g",
);
export const ROLE_LEAD = /^((?:(?:Norfolk|County|Borough|District|City|Parish|Town|Deputy|Vice|Former|Ward)\s+)+)(Councillor|Cllr\.?)\s+/;

const PLURAL: Record<string, string> = {
  councillors: "Councillor",
  councilors: "Councilor",
  cllrs: "Cllr",
  "cllrs.": "Cllr.",
  clrs: "Clr",
  "clrs.": "Clr.",
  clirs: "Clir",
  "clirs.": "Clir.",
  messrs: "Mr",
  "messrs.": "Mr.",
  mesdames: "Mrs",
  councilmembers: "Councilmember",
  "council members": "Council Member",
  "board members": "Board Member",
  boardmembers: "Boardmember",
  commissioners: "Commissioner",
  trustees: "Trustee",
  supervisors: "Supervisor",
  aldermen: "Alderman",
  members: "Member",
};

/** Words that make a phrase a role or an organisation rather than part of a name. */
export const ROLE_WORD =
  /\b(?:chair(?:man|woman|person)?|vice[- ]chair(?:man|woman|person)?|cathaoirleach|leas-chathaoirleach|mayor|clerk|officer|director|engineer|administrator|administrative|manager|executive|librarian|worker|treasurer|secretary|solicitor|accountant|planner|superintendent|chief|intern|assistant|archivist|coordinator|co-ordinator|head|deputy|lead|advisor|adviser|analyst|supervisor|inspector|warden|councillors?|council|county|borough|district|parish|police|constabulary|pcso|representative|member|members|responsible|financial|rfo|president|trustee|chancellor|attorney|counsel|resources|recording|commissioner|services|service|support|operations|municipal|development|research|culture|foundation|trust|association|society|ltd|limited|kpmg|sergeant|garda|consultant|auditor|agent|staff|steward|volunteer|minute[- ]taker|secretariat|democratic|governance|legal|finance|highways?|planning)\b/i;

/** How someone attended: "virtual", "remotely", "attended via Zoom", "by telephone". */
export const ATTENDED_HOW =
  /^(?:(?:attended|attending|joined|joining|present|participated|participating)\s+)?(?:virtual(?:ly)?|remote(?:ly)?|online|in\s+person|(?:by|via|on)\s+(?:the\s+)?(?:video(?:\s*(?:link|call|conference))?|zoom|(?:microsoft\s+)?teams|telephone|phone|skype|webex|remote\s+link))$/i;

const CAPITAL_ROLE = /\b(?:CHAIR(?:MAN|WOMAN|PERSON)?|VICE|DEPUTY|CLERK|MAYOR|TREASURER|SECRETARY|PARISH|TOWN|COUNCILLOR|MEMBER|OFFICER|PROPER|ACTING)\b/g;

/** Role phrases given in brackets or after a dash, normalised the way minutes intend them. */
export function normaliseRole(role: string): string {
  let r = role.replace(/([A-Za-z])-\s*\n\s*(?=[A-Za-z])/g, "$1-").replace(/\s+/g, " ").replace(/^[\s,–—:-]+|[\s,;–—-]+$/g, "").replace(/\.$/, "").trim();
  r = r.replace(/^(?:in\s+the\s+|the\s+)/i, "");
  // a role printed in capitals is written in title case, as headings in capitals are ("CLERK");
  // short capitals are abbreviations and stay ("RFO")
  if (!/[a-z]/.test(r)) r = r.replace(CAPITAL_ROLE, (w) => w[0] + w.slice(1).toLowerCase());
  if (/^chair$/i.test(r)) return "Chair";
  if (/^(?:in\s+)?hair$/i.test(r)) return "Chair";
  return r.charAt(0).toUpperCase() + r.slice(1);
}

const NAME_TOKEN = /^(?:[A-ZÀ-ÖØ-ÞĀ-ſ][\p{L}'’-]*\.?|(?:de|van|von|di|da|du|le|la|Mc|Mac)[A-Z][\p{L}'’-]+|[A-Z]\.(?:[A-Z]\.)*[\p{L}'’-]*|Ó|Ní|Nic|Uí|Mac|Mc|O['’]|de|De|van|Van|von|der|den|du|la|Le|St\.?|\([A-Z]{1,2}\)|OBE|MBE|CBE|JP|MP|QC|KC)$/u;
const NOT_A_NAME =
  /^(?:none|nil|n\/a|they|he|she|it|we|there|this|that|these|those|his|her|their|both|each|everyone|everybody|nobody|the|a|an|and|all|members?|councillors?|public|clerk|chair(?:man)?|apologies|present|absent|attendance|item|minutes|meeting|council|committee|officers?|staff|guests?|in|of|no|also|other|others|see|as|were|was|received|accepted|noted|from|with|for)$/i;

const ORGANISATION =
  /\b(?:watch|group|society|association|club|council|committee|trust|partnership|centre|center|hall|church|school|police|constabulary|services?|department|office|agency|board|authority|limited|ltd|plc|fire|rescue|health|housing|foundation|forum|team|unit|network|institute|university|college|company|bank)\b/i;

/** True when `s` reads as a person's name (with or without an honorific). */
export function looksLikeName(s: string): boolean {
  const t = s.trim();
  if (!t || /\d/.test(t) || t.length > 60) return false;
  const body = stripHonorific(t);
  const tokens = body.split(/\s+/).filter(Boolean);
  if (!tokens.length || tokens.length > 5) return false;
  if (tokens.some((w) => !/^[A-Z]\.?$/.test(w) && NOT_A_NAME.test(w.replace(/[.,]$/, "")))) return false;
  if (ORGANISATION.test(body)) return false;
  if (tokens.some((w) => !NAME_TOKEN.test(w))) return false;
  // a name needs a surname-like word of two letters or more
  return tokens.some((w) => /^[\p{Lu}][\p{L}'’-]+\.?$|^[A-Z]\.[A-Z][\p{L}'’-]+$|^O['’]\s?[A-Z]|^(?:de|van|von|di|da|du|le|la)[A-Z][\p{L}]/u.test(w) && !/^[A-Z]\.$/.test(w));
}

/** "Cllr. R. Crisp" → "R. Crisp" (one leading honorific). */
export function stripHonorific(s: string): string {
  const m = s.match(HONORIFIC);
  return m ? s.slice(m[0].length).trim() : s.trim();
}

/** The plural honorific at the start of `s` ("Councillors", "Cllrs"), as its singular. */
export function pluralHonorific(s: string): { singular: string; rest: string } | null {
  const m = s.match(/^(Councillors|Councilors|Cllrs\.?|Clrs\.?|Clirs\.?|Messrs\.?|Mesdames|Council\s*members|Board\s*members|Commissioners|Trustees|Supervisors|Aldermen|Members)\s+(?=[A-Z]|(?:de|van|von|di|da|du|le|la|mc|mac)[A-Z])/i);
  if (!m) return null;
  const key = m[1].toLowerCase().replace(/\s+/g, " ");
  return { singular: PLURAL[key] ?? m[1], rest: s.slice(m[0].length) };
}

export interface Entry {
  name: string;
  role: string | null;
  /** index of the entry's first character in the list text */
  index: number;
  length: number;
}

/** Joins a wrapped list into one line: "Cappamore-\n\nKilmallock" → "Cappamore-Kilmallock". */
export function unwrap(s: string): string {
  return s.replace(/([A-Za-z])-\s*\n\s*(?=[A-Za-z])/g, "$1-").replace(/\s+/g, " ").trim();
}

const AND_AT = /\s+and\s+/iy;

/** Splits "A, B and C" / "A; B & C" at top level (not inside brackets). */
export function splitTopLevel(s: string, semicolonsOnly = false): { text: string; index: number }[] {
  const out: { text: string; index: number }[] = [];
  let depth = 0;
  let start = 0;
  const push = (end: number, skip: number) => {
    out.push({ text: s.slice(start, end), index: start });
    start = end + skip;
  };
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === "(" || c === "[") depth++;
    else if ((c === ")" || c === "]") && depth > 0) depth--;
    if (depth) continue;
    if (semicolonsOnly) {
      if (c === ";" || c === "\t" || c === "•") push(i, 1);
      continue;
    }
    if (c === "," || c === ";" || c === "\t" || c === "•") push(i, 1);
    else if (c === "&" && /\s/.test(s[i - 1] ?? "") && /\s/.test(s[i + 1] ?? "")) push(i, 1);
    else if (/\s/.test(c) && !/\s/.test(s[i - 1] ?? "")) {
      // tried once per run of spaces, in place: slicing the rest of the list at every space
      // made a long list cost the square of its length
      AND_AT.lastIndex = i;
      const m = AND_AT.exec(s);
      if (m) push(i, m[0].length);
    }
  }
  out.push({ text: s.slice(start), index: start });
  return out
    .map((p) => {
      // "; and Municipal Administrator …": the last item's "and" is not part of it
      const lead = p.text.length - p.text.replace(/^\s*(?:(?:and|&)\s+)?/i, "").length;
      return { text: p.text.slice(lead).trim(), index: p.index + lead };
    })
    .filter((p) => p.text);
}

/**
 * A person entry: name plus whatever role is attached to it —
 * "Mr M Tett (in the Chair)", "Cllr. R. Crisp – Chair (RC)", "Claire Cann (CC) - Chair",
 * "Mr. P. Dowling, Director of Service" (the comma form is split by the caller).
 */
export function parseEntry(raw: string): { name: string; role: string | null } | null {
  let s = raw.replace(/\s+/g, " ").trim().replace(/^[-–•*·:]+\s*/, "").replace(/[.;,]+$/, "").replace(/\s+(?:and|&)$/i, "").trim();
  if (!s) return null;
  let role: string | null = null;
  // "Vice Chairman (Mr. Mycock, who took the chair)": an office, then its holder in brackets
  const held = /^([^()]{2,60}?)\s*\(((?:Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor)\.?\s[^(),]{1,60})(?:,[^()]*)?\)$/.exec(s);
  if (held && ROLE_WORD.test(held[1]) && !looksLikeName(held[1]) && looksLikeName(held[2].trim())) return { name: held[2].trim(), role: normaliseRole(held[1]) };
  // bracketed parts: initials are dropped, a single letter stays ("Collins (B)"), others are roles
  // "Cathy Fleet (CF) [Clerk & RFO]": a role in square brackets reads like one in round brackets
  s = s.replace(/\s*(?:\(([^)]*)\)|\[([^\]]*)\])/g, (m, round: string | undefined, square: string | undefined) => {
    const inner = round ?? square ?? "";
    const x = inner.trim();
    if (/^[A-Z]{2,4}$/.test(x)) return "";
    if (/^[A-Z]$/.test(x)) return m;
    if (/\b(?:reasons?|holiday|illness|unwell|work|personal|family|health|commitments?)\b/i.test(x)) return "";
    // "(virtual)", "(attended remotely)": how a member attended, not what they are
    if (ATTENDED_HOW.test(x)) return "";
    if (!role) role = normaliseRole(x);
    return "";
  });
  // "Nicky Patton from Environmental Health"
  const from = s.match(/^(.*?\S)\s+(?:from|representing)\s+(?:the\s+)?([A-Z].+)$/);
  if (from && looksLikeName(from[1])) {
    s = from[1];
    role = role ?? normaliseRole(from[2]);
  }
  // "Name – Role" / "Name - Role"
  const dash = s.match(/^(.*?\S)\s+[-–—]\s*(.+)$/);
  if (dash && looksLikeName(dash[1])) {
    s = dash[1];
    role = role ?? normaliseRole(dash[2]);
  }
  s = s.replace(/[.;,]+$/, "").trim();
  return { name: s, role };
}

/**
 * Splits a run-on list at each honorific ("Cllr Sue Lintern (Chair) Cllr Jim McNeill …"); the
 * words after a name that are not part of it ("Norfolk County Councillor") become its role.
 */
export function splitRunOn(s: string): { text: string; index: number }[] {
  const starts: number[] = [];
  HONORIFIC_ANYWHERE.lastIndex = 0;
  for (let m = HONORIFIC_ANYWHERE.exec(s); m; m = HONORIFIC_ANYWHERE.exec(s)) {
    // "County Councillor Martin Storey": the role words before the honorific go with the person
    let i = m.index;
    const before = s.slice(0, i);
    const lead = before.match(/(?:(?:Norfolk|County|Borough|District|City|Parish|Town|Deputy|Vice|Former|Ward)\s+)+$/);
    if (lead && /^(?:councillor|cllr)/i.test(m[0])) i -= lead[0].length;
    starts.push(i);
  }
  if (!starts.length || starts[0] > 0) starts.unshift(0);
  const out: { text: string; index: number }[] = [];
  for (let k = 0; k < starts.length; k++) {
    const text = s.slice(starts[k], starts[k + 1] ?? s.length);
    if (text.trim()) out.push({ text: text.trim(), index: starts[k] + (text.length - text.trimStart().length) });
  }
  return out;
}

/**
 * Separates a name from the words that follow it in a run-on entry:
 * "Cllr Martin Storey Norfolk County Councillor" → name "Cllr Martin Storey", role "Norfolk County Councillor";
 * "Helen Richardson Parish Clerk and Financial Responsible Person" → "Helen Richardson", role "Parish Clerk and …".
 */
export function splitNameRole(s: string): { name: string; rest: string } {
  const lead = s.match(ROLE_LEAD);
  if (lead) {
    const inner = splitNameRole(s.slice(lead[0].length - lead[2].length - 1).trim());
    return { name: inner.name, rest: [`${lead[1].trim()} ${lead[2]}`, inner.rest].filter(Boolean).join(", ") };
  }
  const words = s.split(/\s+/);
  let i = 0;
  const hon = s.match(HONORIFIC);
  if (hon) i = hon[0].trim().split(/\s+/).length;
  let n = 0;
  const nameStart = i;
  while (i < words.length) {
    const w = words[i];
    if (!NAME_TOKEN.test(w) || (n > 0 && ROLE_WORD.test(w))) break;
    n++;
    i++;
    // a run-on name is first name + surname, or initials + surname
    const taken = words.slice(nameStart, i);
    const full = taken.filter((x) => !/^[A-Z]\.?$/.test(x)).length;
    if (full >= 2 || (full === 1 && taken.length > 1 && /^[A-Z]\.?$/.test(taken[0]))) break;
  }
  if (n === 0) return { name: s, rest: "" };
  // honours printed after the name ("Mr S Hurst MBE") are not the start of a role; like other
  // honours in lists they are left out of the name
  const nameEnd = i;
  while (i < words.length && /^(?:MBE|OBE|CBE|DBE|KBE|BEM|JP|DL|QC|KC|MP|MEP|TD|RD)\.?$/.test(words[i])) i++;
  return { name: words.slice(0, nameEnd).join(" "), rest: words.slice(i).join(" ") };
}

/** Distributes a plural honorific: "Councillors Carey, E. Ryan" → "Councillor Carey", "Councillor E. Ryan". */
export function withHonorific(name: string, carried: string | null): string {
  if (!carried || HONORIFIC.test(name)) return name;
  return `${carried} ${name}`;
}
