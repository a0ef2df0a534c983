// Wards (places) as the portal names them. Nothing in the archive lists a council's wards: they
// are read from what clerks write — a councillor's ward, an agenda item's "wards affected"
// ("Abbey; Castle"), a key decision's wards — so one ward may be written several ways ("Abbey",
// "Abbey Ward", "ABBEY"). `wardKey` is what the spellings share, and a ward's address is made from
// it and its council's, so the address stays the same whichever spelling is shown.

/** Words that say every ward, or none, rather than naming one. */
const NOT_A_WARD = /^(?:all(?: the)?(?: wards?)?|none|no wards?|n ?a|not applicable|(?:borough|city|district|county|council)[ -]?wide|whole (?:borough|city|district|county))$/;

/** A ward name as shown: spacing tidied, a trailing "Ward" dropped. */
export function wardName(written: string): string {
  return written.replace(/\s+/g, " ").trim().replace(/\s+ward$/i, "").trim();
}

/** What every spelling of one ward shares: case, accents, "&"/"and", punctuation and a trailing "ward" set aside. */
export function wardKey(written: string): string {
  return written
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/['’.]/g, "")
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
    .replace(/(?:^| )ward$/, "")
    .trim();
}

/** The part of a ward's address its name makes ("st-johns"). */
export function wardKeySlug(key: string): string {
  return key.replace(/ /g, "-").slice(0, 80).replace(/-+$/, "");
}

/** A ward's address slug: its council's slug, then its own ("northbrook-borough-council-abbey"). */
export function wardSlug(authoritySlug: string, written: string): string {
  return `${authoritySlug}-${wardKeySlug(wardKey(written))}`;
}

export interface WrittenWard {
  key: string;
  name: string;
}

/**
 * The wards a "wards affected" field names, once each, in the order written. Separated by ";",
 * "," or new lines; "All wards" and the like name no ward.
 */
export function wardsIn(text: string | null | undefined): WrittenWard[] {
  if (!text) return [];
  const out = new Map<string, WrittenWard>();
  for (const part of text.split(/[;,\n]+/)) {
    const name = wardName(part);
    const key = wardKey(name);
    if (!key || NOT_A_WARD.test(key)) continue;
    if (!out.has(key)) out.set(key, { key, name });
  }
  return [...out.values()];
}

/** Whether one written ward name (a councillor's ward, one of a key decision's) names a ward at all. */
export function namesAWard(written: string | null | undefined): boolean {
  return wardsIn(written?.replace(/[;,\n]+/g, " ")).length > 0;
}

/** Of several spellings of one ward, the one shown: the most used, then the first in alphabetical order. */
export function preferredSpelling(spellings: Map<string, number>): string {
  return [...spellings.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))[0][0];
}
