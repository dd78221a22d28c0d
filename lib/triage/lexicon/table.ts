/**
 * Lexicons are written as object literals for readability but looked up as Maps: a word from a
 * post ("constructor", "__proto__") must never reach Object.prototype through an index lookup.
 */
export function lexicon(entries: Readonly<Record<string, number>>): ReadonlyMap<string, number> {
  return new Map(Object.entries(entries));
}
