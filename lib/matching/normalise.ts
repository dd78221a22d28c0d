/**
 * Text normalisation shared by brand terms and post text, so that both sides compare equal:
 * NFKC (full-width → half-width, ＠/＃ → @/#, ligatures), lower case (incl. Cyrillic and Greek),
 * diacritics stripped on Latin and Greek letters (café → cafe), Cyrillic ё → е (Russian is
 * commonly typed without ё) while й stays й (it is a different letter), default-ignorable
 * characters dropped (zero-width spaces used to dodge filters), whitespace runs collapsed.
 *
 * Each normalised UTF-16 unit remembers the original offset it came from (`starts`), so a match
 * in normalised text maps back to the original text for highlighting. Work is per code point,
 * so surrogate pairs and combining marks never split the mapping.
 *
 * Throughput matters (every post on screen goes through here), hence typed-array buffers, an
 * ASCII fast path and lazily filled per-code-unit caches instead of String#normalize per post.
 */

export interface NormBuffer {
  /** Normalised UTF-16 units; only the first `length` are meaningful. */
  codes: Uint16Array;
  /** starts[j] = original offset of the code point unit j came from; starts[length] = text.length. */
  starts: Int32Array;
  length: number;
}

export interface Normalised {
  text: string;
  /** Non-decreasing, length text.length + 1; the last entry is the original length. */
  starts: Int32Array;
  originalLength: number;
}

export const SPACE = 32;

// ASCII: lower-case letters, every whitespace → space, the rest unchanged.
const ASCII_FOLD = new Uint16Array(128);
for (let c = 0; c < 128; c++) ASCII_FOLD[c] = c >= 65 && c <= 90 ? c + 32 : c;
for (const c of [9, 10, 11, 12, 13]) ASCII_FOLD[c] = SPACE;

const MARK = /^\p{M}$/u;
const IGNORABLE = /^\p{Default_Ignorable_Code_Point}$/u;
const ALL_SPACE = /^\s+$/u;
const STRIPS_MARKS = /^[\p{Script=Latin}\p{Script=Greek}]$/u;
const CYRILLIC = /^\p{Script=Cyrillic}$/u;

/** What a combining mark does after a base letter of a given script. */
const enum MarkMode {
  Keep = 1, // Han, Kana, Arabic, …: marks are part of the letter
  Strip = 2, // Latin, Greek: diacritics dropped
  Cyrillic = 3, // dropped, except the breve that makes и → й
}

const BREVE = 0x306;

function markModeOfChar(ch: string): MarkMode {
  if (STRIPS_MARKS.test(ch)) return MarkMode.Strip;
  if (CYRILLIC.test(ch)) return MarkMode.Cyrillic;
  return MarkMode.Keep;
}

const markModeCache = new Uint8Array(65536);
function markModeOfUnit(unit: number): MarkMode {
  if (unit < 128) return MarkMode.Strip;
  const cached = markModeCache[unit]!;
  if (cached !== 0) return cached;
  const mode = unit >= 0xd800 && unit <= 0xdfff ? MarkMode.Keep : markModeOfChar(String.fromCharCode(unit));
  markModeCache[unit] = mode;
  return mode;
}

const enum Kind {
  Plain,
  Space,
  Ignore,
  Mark,
}

interface Folded {
  kind: Kind;
  /** Plain: the folded text; Mark: the mark itself after NFKC. */
  out: string;
}

/** Fold one code point on its own (marks that follow it are handled by the caller). */
function foldCodePoint(cp: number): Folded {
  const ch = String.fromCodePoint(cp);
  if (IGNORABLE.test(ch)) return { kind: Kind.Ignore, out: '' };
  if (MARK.test(ch)) return { kind: Kind.Mark, out: ch.normalize('NFKC').toLowerCase() };
  const compat = ch.normalize('NFKC');
  if (ALL_SPACE.test(compat)) return { kind: Kind.Space, out: ' ' };
  let out = '';
  let mode = MarkMode.Keep;
  for (const c of compat.toLowerCase().normalize('NFKD')) {
    if (MARK.test(c)) {
      if (mode === MarkMode.Strip) continue;
      if (mode === MarkMode.Cyrillic && c.codePointAt(0) !== BREVE) continue;
    } else {
      mode = markModeOfChar(c);
    }
    out += c;
  }
  // Full case folding beyond toLowerCase: ß → ss, final sigma → sigma.
  out = out.normalize('NFC').replace(/ß/g, 'ss').replace(/ς/g, 'σ').replace(/\s+/gu, ' ');
  if (out === '') return { kind: Kind.Ignore, out: '' };
  return { kind: Kind.Plain, out };
}

/**
 * Per BMP code unit, lazily filled: 0 = not looked at yet, v > 0 = folds to the single unit v - 1,
 * SIMPLE_SPACE = whitespace, SIMPLE_NO = needs the slow path (marks, expansions, surrogates, …).
 * One typed-array read per unit keeps Latin, Cyrillic and Han text on the fast path.
 */
export const SIMPLE = new Int32Array(65536);
export const SIMPLE_SPACE = -2;
export const SIMPLE_NO = -1;

export function classifyUnit(unit: number): number {
  let v: number = SIMPLE_NO;
  if (unit < 128) {
    v = ASCII_FOLD[unit]! === SPACE ? SIMPLE_SPACE : ASCII_FOLD[unit]! + 1;
  } else if (unit < 0xd800 || unit > 0xdfff) {
    const f = foldCodePoint(unit);
    if (f.kind === Kind.Plain && f.out.length === 1) v = f.out.charCodeAt(0) + 1;
    else if (f.kind === Kind.Space) v = SIMPLE_SPACE;
  }
  SIMPLE[unit] = v;
  return v;
}

const foldCache = new Map<number, Folded>();
const FOLD_CACHE_LIMIT = 50_000; // arbitrary unicode input must not grow memory without bound

function folded(cp: number): Folded {
  const hit = foldCache.get(cp);
  if (hit) return hit;
  const f = foldCodePoint(cp);
  if (foldCache.size < FOLD_CACHE_LIMIT) foldCache.set(cp, f);
  return f;
}

export function createBuffer(capacity = 1024): NormBuffer {
  return { codes: new Uint16Array(capacity), starts: new Int32Array(capacity + 1), length: 0 };
}

/** Makes room for `need` units (plus the end sentinel); may replace buf.codes and buf.starts. */
export function ensureCapacity(buf: NormBuffer, need: number): void {
  if (need + 1 <= buf.codes.length) return;
  const size = Math.max(need + 1, buf.codes.length * 2);
  const codes = new Uint16Array(size);
  codes.set(buf.codes);
  const starts = new Int32Array(size + 1);
  starts.set(buf.starts);
  buf.codes = codes;
  buf.starts = starts;
}

/**
 * Slow path for the code point at `i` (SIMPLE said no): spaces, marks, ignorables, expansions,
 * astral code points. Writes into buf from unit `n` and returns the new unit count. A combining
 * mark may instead REWRITE unit n - 1 (и + ̆ → й): callers that consumed that unit must redo it.
 * Expansions may reallocate buf's arrays, so callers reload them afterwards.
 */
export function normaliseSlow(text: string, i: number, buf: NormBuffer, n: number): number {
  const cp = text.codePointAt(i) ?? 0;
  const f = folded(cp);
  // Keep room for this expansion plus one unit per remaining input unit (the fast path's maximum).
  ensureCapacity(buf, n + f.out.length + (text.length - i) + 2);
  const codes = buf.codes;
  const starts = buf.starts;
  if (f.kind === Kind.Space) {
    if (n === 0 || codes[n - 1] !== SPACE) {
      codes[n] = SPACE;
      starts[n++] = i;
    }
    return n;
  }
  if (f.kind === Kind.Mark && n > 0) {
    // A separate combining mark: dropped or composed into the previous unit, per its script.
    const last = codes[n - 1]!;
    const mode = markModeOfUnit(last);
    if (mode === MarkMode.Strip || (mode === MarkMode.Cyrillic && cp !== BREVE)) return n;
    const isSurrogate = last >= 0xd800 && last <= 0xdfff;
    const composed = isSurrogate ? '' : (String.fromCharCode(last) + f.out).normalize('NFC');
    if (composed.length === 1) {
      codes[n - 1] = composed.charCodeAt(0);
      return n;
    }
    if (mode === MarkMode.Cyrillic) return n;
  }
  // Plain text, or a mark kept as it is. Kind.Ignore has an empty `out`: the previous unit's
  // original span silently grows over it.
  for (let k = 0; k < f.out.length; k++) {
    codes[n] = f.out.charCodeAt(k);
    starts[n++] = i;
  }
  return n;
}

/** UTF-16 units taken by the code point starting at i (2 for a valid surrogate pair). */
export function unitWidth(text: string, i: number, c: number): number {
  if (c < 0xd800 || c > 0xdbff) return 1;
  const next = text.charCodeAt(i + 1);
  return next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
}

/**
 * Normalise `text` into `buf` (reused between calls to avoid allocation per post).
 * Afterwards buf.starts[buf.length] === text.length.
 */
export function normaliseInto(text: string, buf: NormBuffer): NormBuffer {
  const len = text.length;
  ensureCapacity(buf, len + 16);
  const simple = SIMPLE;
  let n = 0;
  let i = 0;
  while (i < len) {
    // Tight loop over units SIMPLE already knows; typed arrays held in consts so V8 keeps them
    // in registers (reassigning them around the slow call halves the speed).
    const codes = buf.codes;
    const starts = buf.starts;
    for (; i < len; i++) {
      const v = simple[text.charCodeAt(i)]!;
      if (v > 0) {
        codes[n] = v - 1;
        starts[n] = i;
        n++;
      } else if (v === SIMPLE_SPACE) {
        if (n === 0 || codes[n - 1] !== SPACE) {
          codes[n] = SPACE;
          starts[n] = i;
          n++;
        }
      } else break;
    }
    if (i >= len) break;
    const c = text.charCodeAt(i);
    if (SIMPLE[c] === 0 && classifyUnit(c) !== SIMPLE_NO) continue; // now known: take the fast loop
    n = normaliseSlow(text, i, buf, n);
    i += unitWidth(text, i, c);
  }
  buf.starts[n] = len;
  buf.length = n;
  return buf;
}

/**
 * Original [start, end) for normalised units [s, e). The end runs up to where the next source
 * code point begins, so dropped marks and ignorables after the last letter are included.
 */
export function originalRange(starts: Int32Array, length: number, s: number, e: number): [number, number] {
  return [starts[s]!, originalEnd(starts, length, e)];
}

/** Original end offset of a normalised range ending (exclusive) at unit e > 0. */
export function originalEnd(starts: Int32Array, length: number, e: number): number {
  const lastStart = starts[e - 1]!;
  let k = e;
  while (k < length && starts[k]! <= lastStart) k++;
  return starts[k]!;
}

function unitsToString(codes: Uint16Array, length: number): string {
  let out = '';
  const CHUNK = 8192; // fromCharCode.apply has an argument-count limit
  for (let p = 0; p < length; p += CHUNK) {
    out += String.fromCharCode(...codes.subarray(p, Math.min(length, p + CHUNK)));
  }
  return out;
}

/** Normalise a whole string and keep the offset map (allocates; the matcher uses normaliseInto). */
export function normalise(text: string): Normalised {
  const buf = normaliseInto(text, createBuffer(text.length + 16));
  return {
    text: unitsToString(buf.codes, buf.length),
    starts: buf.starts.slice(0, buf.length + 1),
    originalLength: text.length,
  };
}

/** Original [start, end) of normalised [s, e) in a `normalise` result. */
export function toOriginal(n: Normalised, s: number, e: number): [number, number] {
  return originalRange(n.starts, n.text.length, s, e);
}

/** Normalised form of a configured term: as text, without surrounding spaces. */
export function normaliseTerm(term: string): string {
  return normalise(term).text.trim();
}
