/**
 * A native-RegExp test that rules out most posts before the matcher runs. The matcher's loop is
 * JavaScript: on a fresh page it runs unoptimised for the first few thousand posts (several µs per
 * post), while a RegExp runs as native code from its first calls. Most posts mention no brand, so
 * ruling them out natively is most of the matcher's cost on the page.
 *
 * It must never rule out a post the matcher would match (property tests compare both). It only
 * answers "no" for text made of:
 * - ASCII, which normalises to itself in lower case with whitespace runs as one space; and
 * - non-ASCII units known to fold, on their own, to one unit found in no pattern (`·`, Cyrillic or
 *   Han letters when no term uses them…): such a unit can never be part of a match.
 * In that text a match can only lie in ASCII, so one case-insensitive RegExp of the patterns that
 * are ASCII (whitespace in a term = any ASCII whitespace run) decides. Anything else (emoji,
 * combining marks, full-width or accented letters, units not seen yet) goes to the matcher, and
 * the units it contains are learnt for next time.
 */
import { classifyUnit, SIMPLE } from './normalise';

/** Learnt units kept in the class; beyond this, unknown units simply go to the matcher. */
const MAX_LEARNT = 4096;

export interface Prefilter {
  /** False only when no pattern can match `text`. */
  mayMatch(text: string): boolean;
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
const classUnit = (unit: number): string => `\\u${unit.toString(16).padStart(4, '0')}`;

export function compilePrefilter(patternTexts: readonly string[]): Prefilter {
  const alphabet = new Set<number>();
  for (const text of patternTexts) for (let i = 0; i < text.length; i++) alphabet.add(text.charCodeAt(i));
  // A normalised pattern is ASCII exactly when it can lie in ASCII text.
  const ascii = patternTexts.filter((t) => t !== '' && !/[^\x00-\x7f]/.test(t));
  const mention =
    ascii.length === 0 ? null : new RegExp(ascii.map((t) => escapeRegExp(t).replace(/ /g, '[\\t\\n\\v\\f\\r ]+')).join('|'), 'i');

  /** Non-ASCII units proven inert (fold alone to one unit in no pattern), and units proven not. */
  const inert = new Set<number>();
  const notInert = new Set<number>();
  /** Matches a unit outside ASCII and the inert units it was built with. */
  let outside = /[^\x00-\x7f]/;
  let builtWith = 0;
  let staleHits = 0;

  const rebuild = () => {
    let units = '';
    for (const unit of inert) units += classUnit(unit);
    outside = new RegExp(`[^\\x00-\\x7f${units}]`);
    builtWith = inert.size;
    staleHits = 0;
  };

  /** Learns the text's new units; true when every non-ASCII unit in it is inert. */
  const learn = (text: string): boolean => {
    let allInert = true;
    for (let i = 0; i < text.length; i++) {
      const unit = text.charCodeAt(i);
      if (unit < 128 || inert.has(unit)) continue;
      if (notInert.has(unit) || inert.size >= MAX_LEARNT) {
        allInert = false;
        continue;
      }
      const known = SIMPLE[unit]!;
      const v = known === 0 ? classifyUnit(unit) : known;
      // v > 0: folds on its own to the single unit v - 1. Surrogates, marks, expansions and
      // ignorables are SIMPLE_NO, whitespace SIMPLE_SPACE (it may sit inside a term): never inert.
      if (v > 0 && !alphabet.has(v - 1)) {
        inert.add(unit);
      } else {
        notInert.add(unit);
        allInert = false;
      }
    }
    return allInert;
  };

  const mentions = (text: string) => mention !== null && mention.test(text);

  return {
    mayMatch(text: string): boolean {
      if (!outside.test(text)) return mentions(text);
      // Units the class does not hold yet: learn them (a loop in JavaScript, so the class is
      // rebuilt to hold them: at once while it is small, as the first post teaches `·`, which
      // every X post holds; later once it grew by an eighth or 8 posts needed it: O(log) rebuilds).
      if (!learn(text)) return true;
      staleHits++;
      const added = inert.size - builtWith;
      if (added > 0 && (added >= builtWith / 8 || staleHits >= 8)) rebuild();
      return mentions(text);
    },
  };
}
