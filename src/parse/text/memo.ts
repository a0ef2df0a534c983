// A function of one string, remembered: the parsers ask the same question of the same line many
// times over (each item finder, then the section, exemption and resolution passes, each reads every
// line's plain text). The answer for a string is computed once and then shared, so it must never be
// changed by whoever receives it. The memory held is bounded by the characters of the strings kept:
// past the budget the whole store is dropped and filling starts again.

export interface Memo<T> {
  (text: string): T;
  /** strings whose answer is held now */
  readonly size: number;
}

export function memoByString<T>(fn: (text: string) => T, maxChars = 2_000_000): Memo<T> {
  let store = new Map<string, T>();
  let chars = 0;
  const memo = (text: string): T => {
    const hit = store.get(text);
    if (hit !== undefined || store.has(text)) return hit as T;
    const value = fn(text);
    if (text.length > maxChars) return value;
    if (chars + text.length > maxChars) {
      store = new Map();
      chars = 0;
    }
    store.set(text, value);
    chars += text.length;
    return value;
  };
  Object.defineProperty(memo, "size", { get: () => store.size });
  return memo as Memo<T>;
}
