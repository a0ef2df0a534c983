/** An error as one line for the results (no stack). */
export function oneLine(err: unknown): string {
  const s = err instanceof Error ? err.message : String(err);
  return s.replace(/\s+/g, " ").trim().slice(0, 500);
}
