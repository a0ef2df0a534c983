// Who is who: matching the names written in minutes to people, within one authority.
// "Mr M Tett", "Martin Tett" and "Cllr Tett" at the same body are one person; "J Tett" and "M Tett"
// are never merged, and a bare surname is matched only within the body where it was written.

export interface PersonName {
  honorific: string | null;
  /** forenames written in full ("Martin"), in order */
  forenames: string[];
  /** initials of every forename, full or not ("MJ" for "Martin J") */
  initials: string;
  surname: string;
  /** comparison form of the surname */
  surnameKey: string;
}

const HONORIFICS = [
  "county councillor", "district councillor", "borough councillor", "parish councillor", "town councillor", "city councillor",
  "deputy mayor", "lord mayor", "the rt hon", "rt hon", "the hon", "his worship", "her worship", "the reverend",
  "councillor", "comhairleoir", "cllr", "clir", "cllir", "clr", "cir", "cl", "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor",
  "rev", "revd", "reverend", "canon", "fr", "sir", "dame", "lord", "lady", "ald", "alderman", "mayor", "reeve", "deputy reeve", "supt", "insp", "sgt", "pc",
];
const POSTNOMINALS = new Set(["mbe", "obe", "cbe", "bem", "jp", "mp", "mep", "td", "mla", "msp", "dl", "qc", "kc", "cc", "dc", "bc", "pcc", "frs", "phd", "msc", "ba", "bsc", "ma", "esq", "jr", "sr", "snr", "jnr"]);
const PARTICLES = new Set(["de", "van", "von", "der", "den", "le", "la", "du", "di", "da", "st", "mac", "o", "ni", "nic", "ua", "bin", "al"]);

function fold(s: string): string {
  return s.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
}

export function surnameKey(s: string): string {
  return fold(s).replace(/[^a-z]/g, "");
}

/** Reads a name as written; null when nothing name-like is left. */
export function parseName(raw: string): PersonName | null {
  // one line first, so a role written on the next line ("Sarah Thorpe,\nClerk") is cut off too
  let s = raw
    .replace(/\s+/g, " ")
    .replace(/\([^)]*\)|\[[^\]]*\]/g, " ")
    .replace(/[,;–—:].*/, "")
    .replace(/ - .*/, "")
    .trim();
  let honorific: string | null = null;
  for (let again = true; again; ) {
    again = false;
    const low = fold(s);
    for (const h of HONORIFICS) {
      if (low.startsWith(h) && /^[\s.]/.test(low.slice(h.length))) {
        honorific = honorific ?? s.slice(0, h.length);
        s = s.slice(h.length).replace(/^[.\s]+/, "");
        again = true;
        break;
      }
    }
  }
  let tokens = s.split(" ").filter((t) => /\p{L}/u.test(t));
  while (tokens.length > 1 && POSTNOMINALS.has(fold(tokens[tokens.length - 1]).replace(/\./g, ""))) tokens.pop();
  let surnameTokens = [tokens.pop()!];
  while (tokens.length && PARTICLES.has(fold(tokens[tokens.length - 1]).replace(/[.'’`]/g, ""))) surnameTokens.unshift(tokens.pop()!);
  const surname = surnameTokens.join(" ").replace(/\.$/, "");
  const forenames: string[] = [];
  let initials = "";
  for (const t of tokens) {
    const letters = t.replace(/[^\p{L}'’-]/gu, "");
    // "M", "M.", "J.R.", "JR" (two capitals, no vowel pattern of a name) are initials
    if (/^(\p{L}\.?)+$/u.test(t) && (t.includes(".") || letters.length === 1 || (letters.length <= 3 && letters === letters.toUpperCase()))) {
      initials += letters.toUpperCase();
    } else {
      forenames.push(letters.charAt(0).toUpperCase() + letters.slice(1));
      initials += fold(letters).charAt(0).toUpperCase();
    }
  }
  const key = surnameKey(surname);
  if (!key) return null;
  return { honorific, forenames, initials, surname, surnameKey: key };
}

/** How the portal shows a person: "Martin Tett", "M Tett", or "Cllr Tett" when only a surname is known. */
export function displayName(n: PersonName): string {
  if (n.forenames.length) {
    // Keep initials that came after the full forenames ("Martin J Tett")
    const extra = n.initials.slice(n.forenames.length).split("").join(" ");
    return [...n.forenames, extra, n.surname].filter(Boolean).join(" ");
  }
  if (n.initials) return `${n.initials.split("").join(" ")} ${n.surname}`;
  return n.honorific ? `${n.honorific} ${n.surname}` : n.surname;
}

function forenameCompatible(a: string, b: string): boolean {
  const x = fold(a);
  const y = fold(b);
  if (x === y) return true;
  // "Chris" / "Christopher", "Pat" / "Patricia": a shortened form of the same name
  return x.length >= 3 && y.length >= 3 && (x.startsWith(y) || y.startsWith(x));
}

/**
 * Whether two names can be the same person. Names with initials must agree on them (one may be a
 * prefix of the other: "M Tett" / "M J Tett"); full first forenames must agree. A bare surname is
 * compatible with any name of that surname, but see `choosePerson` for where that may be used.
 */
export function compatible(a: PersonName, b: PersonName): boolean {
  if (a.surnameKey !== b.surnameKey) return false;
  // a bare surname has no initials: "" is a prefix of any
  if (!(a.initials.startsWith(b.initials) || b.initials.startsWith(a.initials))) return false;
  if (a.forenames.length && b.forenames.length && !forenameCompatible(a.forenames[0], b.forenames[0])) return false;
  return true;
}

export interface Candidate {
  id: number;
  name: PersonName;
  /** the person has been recorded at a meeting of the body this name was written for */
  inBody: boolean;
}

export type Choice = { kind: "match"; id: number } | { kind: "new" } | { kind: "ambiguous"; ids: number[] };

function specificity(a: PersonName, b: PersonName): number {
  let s = 0;
  if (a.initials === b.initials) s += 2;
  if (a.forenames[0] && b.forenames[0] && fold(a.forenames[0]) === fold(b.forenames[0])) s += 2;
  return s;
}

/** Picks the person a written name refers to among the authority's people of that surname. */
export function choosePerson(name: PersonName, candidates: Candidate[]): Choice {
  const same = candidates.filter((c) => c.name.surnameKey === name.surnameKey);
  if (name.initials) {
    let strong = same.filter((c) => c.name.initials && compatible(name, c.name));
    const best = Math.max(...strong.map((c) => specificity(name, c.name)));
    strong = strong.filter((c) => specificity(name, c.name) === best);
    if (strong.some((c) => c.inBody)) strong = strong.filter((c) => c.inBody);
    if (strong.length === 1) return { kind: "match", id: strong[0].id };
    if (strong.length) return { kind: "ambiguous", ids: strong.map((c) => c.id) };
    // A bare surname seen at this body becomes this person, unless someone else of that surname
    // with initials sits there too (then the bare surname could be either).
    const bare = same.filter((c) => !c.name.initials && c.inBody);
    const rivals = same.filter((c) => c.name.initials && c.inBody);
    if (bare.length === 1 && rivals.length === 0) return { kind: "match", id: bare[0].id };
    return { kind: "new" };
  }
  const inBody = same.filter((c) => c.inBody);
  if (inBody.length === 1) return { kind: "match", id: inBody[0].id };
  if (inBody.length) return { kind: "ambiguous", ids: inBody.map((c) => c.id) };
  return { kind: "new" };
}

/** The fuller of two compatible names: full forenames and longer initials win; the surname as first written stays. */
export function mergeNames(known: PersonName, seen: PersonName): PersonName {
  const forenames = seen.forenames.length > known.forenames.length ? seen.forenames : known.forenames;
  // compatible initials: one is a prefix of the other
  const initials = seen.initials.startsWith(known.initials) ? seen.initials : known.initials;
  return { honorific: known.honorific ?? seen.honorific, forenames, initials, surname: known.surname, surnameKey: known.surnameKey };
}
