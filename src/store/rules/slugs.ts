// Slugs from natural keys, so a URL survives re-imports and corrections.

export function slugify(s: string): string {
  return s
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/['’]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80)
    .replace(/-+$/g, "") || "x";
}

/** How two spellings of one body or authority name are recognised as the same ("&" / "and", case, spacing). */
export function nameKey(s: string): string {
  return s
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/['’.]/g, "")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

export function authoritySlug(name: string): string {
  return slugify(name);
}

/** A body's slug carries its authority's unless the body is the authority (a parish council). */
export function bodySlug(authority: string, body: string): string {
  const a = nameKey(authority);
  const b = nameKey(body);
  if (a === b) return slugify(authority);
  if (b.startsWith(a + " ")) return slugify(body);
  return `${slugify(authority)}-${slugify(body)}`.slice(0, 120);
}

/** authority + body + date + start time; "1030" rather than "10:30" keeps the URL clean. */
export function meetingSlug(bodySlugValue: string, date: string, startTime: string | null): string {
  return startTime ? `${bodySlugValue}-${date}-${startTime.replace(":", "")}` : `${bodySlugValue}-${date}`;
}

/** Item numbers as printed ("196/20", "7.2", "R1") made URL-safe; repeats in one meeting get -2, -3. */
export function itemSlugs(numbers: string[]): string[] {
  const seen = new Map<string, number>();
  return numbers.map((n) => {
    const base = slugify(n);
    const k = (seen.get(base) ?? 0) + 1;
    seen.set(base, k);
    return k === 1 ? base : `${base}-${k}`;
  });
}

export function personSlug(authority: string, displayName: string): string {
  return `${slugify(displayName)}-${slugify(authority)}`.slice(0, 120);
}
