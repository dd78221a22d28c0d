/**
 * A native pre-test for the page's prefilter matcher. Most posts name no brand, and for them the
 * matcher's JavaScript normalisation of every character costs more than the rest of the post's
 * read. Normalising ASCII only lowercases letters and turns each whitespace run into one space, so
 * for ASCII-only text one case-insensitive RegExp over the ASCII patterns answers exactly whether
 * any pattern can occur (a non-ASCII pattern never occurs in normalised ASCII). Text with any
 * other character takes the full matcher, except characters that normalise on their own into
 * something no ASCII pattern contains ("·", dashes and curly quotes, basic Cyrillic, kana, Han,
 * Hangul, CJK full stops, and full-width punctuation such as "，" whose ASCII twin is in no
 * pattern) when every pattern is ASCII: such a character only separates ASCII runs, in the text
 * and in its normalised form alike. Every X post's textContent has a "·", and a timeline may be
 * a quarter Russian, Chinese or Japanese chatter.
 */
// eslint-disable-next-line no-control-regex -- the ASCII range starts at NUL by definition
const NON_ASCII = /[^\x00-\x7f]/;
const SPECIAL = /[.*+?^${}()|[\]\\/]/g;
/** Inclusive ranges; each character in them normalises to non-ASCII text of its own (a unit test checks every one). */
export const SEPARATOR_RANGES: readonly (readonly [number, number])[] = [
  [0x00b7, 0x00b7], // the "·" between an X post's handle and its time: in every post's textContent
  [0x0400, 0x045f], // basic Cyrillic and Ѐ–џ
  [0x2010, 0x2016], // dashes (U+2017 folds to a space)
  [0x2018, 0x2023], // curly quotes, daggers, bullets
  [0x3001, 0x3003], // 、。〃
  [0x3041, 0x3096], // hiragana
  [0x30a1, 0x30fa], // katakana
  [0x4e00, 0x9fff], // CJK unified ideographs
  [0xac00, 0xd7a3], // Hangul syllables
];
const hex = (c: number) => `\\u${c.toString(16).padStart(4, '0')}`;
const SEPARATORS = SEPARATOR_RANGES.map(([a, b]) => `${hex(a)}-${hex(b)}`).join('');
/** Full-width forms U+FF01–FF5E normalise to ASCII U+0021–007E (letters lower-cased). */
const FULL_WIDTH_OFFSET = 0xfee0;

/** Full-width forms whose ASCII twin occurs in no pattern, as a character-class body. */
function fullWidthSeparators(ascii: readonly string[]): string {
  const used = new Set(ascii.join('').toLowerCase());
  let out = '';
  for (let c = 0x21; c <= 0x7e; c++) {
    if (!used.has(String.fromCharCode(c).toLowerCase())) out += hex(c + FULL_WIDTH_OFFSET);
  }
  return out;
}

/**
 * Whether some pattern occurs anywhere in `text`'s normalised form, when one native test can tell:
 * false = none can, true = one does, undefined = only the matcher knows (the text has a character
 * that is not ASCII or a separator). The RegExp answers both ways for such text: a post that
 * names a brand then skips the matcher's normalisation too, not only one that names none.
 */
export function asciiDecide(patterns: readonly string[]): (text: string) => boolean | undefined {
  const nonEmpty = patterns.filter((p) => p !== '');
  const ascii = nonEmpty.filter((p) => !NON_ASCII.test(p));
  // A pattern containing another can only occur where that one does: the shorter alone answers
  // "does any occur" (a brand's handles all contain its name: 46 alternatives become one).
  const needed = ascii.filter((p, i) => !ascii.some((q, j) => j !== i && p.includes(q) && (p !== q || j < i)));
  const source = needed.map((p) => p.replace(SPECIAL, '\\$&').replace(/ /g, '[\\t-\\r ]+')).join('|');
  const any = source === '' ? null : new RegExp(source, 'i');
  // A non-ASCII pattern may occur among those characters: then any non-ASCII text takes the matcher.
  const other = ascii.length === nonEmpty.length ? new RegExp(`[^\\x00-\\x7f${SEPARATORS}${fullWidthSeparators(ascii)}]`) : NON_ASCII;
  return (text) => (other.test(text) ? undefined : any !== null && any.test(text));
}

/** `reject(text)` is true only when no pattern (normalised text) can occur in `text`'s normalised form. */
export function asciiReject(patterns: readonly string[]): (text: string) => boolean {
  const decide = asciiDecide(patterns);
  return (text) => decide(text) === false;
}
