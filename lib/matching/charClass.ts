/**
 * Per-code-unit classes of NORMALISED text, used for the word-boundary rules. Filled lazily:
 * a post only ever touches a few hundred distinct units.
 */

/** A letter/digit/mark/underscore of a script that separates words with spaces (Latin, Cyrillic, …). */
export const WORD = 1;
/** X handle character after folding: [a-z0-9_]. */
export const HANDLE = 2;
/** Continues a hashtag: any letter, digit, mark or underscore, Han and Kana included. */
export const TAG = 4;

const LETTERLIKE = /^[\p{L}\p{N}\p{M}_]$/u;
// Scripts written without spaces: a term there is matched as a substring, and a Latin term right
// next to them (Acme中国) is at a word boundary. Script_Extensions catches ー and other shared marks.
const SPACELESS = /^[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{scx=Thai}\p{scx=Lao}\p{scx=Khmer}\p{scx=Myanmar}]$/u;

const KNOWN = 0x80;
const flags = new Uint8Array(65536);

function classify(unit: number): number {
  if (unit >= 0xd800 && unit <= 0xdfff) return 0; // astral: emoji and rare scripts act as separators
  const ch = String.fromCharCode(unit);
  let f = 0;
  if (LETTERLIKE.test(ch)) {
    f |= TAG;
    if (!SPACELESS.test(ch)) f |= WORD;
  }
  if ((unit >= 97 && unit <= 122) || (unit >= 48 && unit <= 57) || unit === 95) f |= HANDLE;
  return f;
}

export function charFlags(unit: number): number {
  let f = flags[unit]!;
  if (f === 0) {
    f = classify(unit) | KNOWN;
    flags[unit] = f;
  }
  return f & ~KNOWN;
}

/** What must not stand next to one side of a match. */
export const enum Edge {
  None = 0,
  Word = 1,
  Handle = 2,
  Tag = 3,
}

const AT = 64;

/** Whether `neighbour` (-1 = start/end of text) leaves this side of a match at a boundary. */
export function edgeOk(edge: Edge, neighbour: number, left: boolean): boolean {
  if (edge === Edge.None || neighbour < 0) return true;
  const f = charFlags(neighbour);
  if (edge === Edge.Word) return (f & WORD) === 0;
  if (edge === Edge.Handle) return (f & HANDLE) === 0 && !(left && neighbour === AT);
  return (f & TAG) === 0;
}

/** Edge rule a plain term needs on one side: whole words for spaced scripts, none for Han/Kana. */
export function termEdge(unit: number): Edge {
  return (charFlags(unit) & WORD) !== 0 ? Edge.Word : Edge.None;
}
