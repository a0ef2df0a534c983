// A committee named for the body it belongs to ("Joint Policing Sub Committee of the Municipal
// District of Cappamore-Kilmallock") sits with that body's members: for matching a bare surname
// ("Councillor Donegan") the two count as one body. Unrelated bodies of one authority (Cabinet,
// Planning Committee) stay apart.

const fold = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, " ").trim();

/** Whether one body's name is the other's, or ends "… of (the) <other's name>". */
export function sameFamily(a: string, b: string): boolean {
  const x = fold(a);
  const y = fold(b);
  // a name with no letters or digits names no body; an empty `y` can never match a non-empty `x`
  if (!x) return false;
  if (x === y) return true;
  const within = (long: string, short: string) => long.endsWith(` of ${short}`) || long.endsWith(` of the ${short}`);
  return within(x, y) || within(y, x);
}

/** The ids of `bodies` in the same family as the body `id` (itself included). */
export function bodyFamily(id: number, bodies: { id: number; name: string }[]): number[] {
  const self = bodies.find((b) => b.id === id);
  if (!self) return [id];
  return bodies.filter((b) => b.id === id || sameFamily(self.name, b.name)).map((b) => b.id);
}
