/**
 * normaliseInto and the dense automaton in ONE loop: each unit is folded and stepped while it is
 * in a register, which is what makes the matcher several times faster than normalise-then-search.
 * Keep the folding here in step with normaliseInto (property tests compare the matcher with the
 * naive one, which uses normaliseInto).
 *
 * The fast loop has no data-dependent branch per unit (one that mispredicts at every word costs
 * more than the rest of the step):
 * - one read of a per-matcher table gives the folded unit, its alphabet class, and whether it is
 *   whitespace;
 * - a whitespace unit right after a space is written but not counted (the next unit overwrites
 *   it), and the automaton was built to stay put on it (AutomatonOptions.collapsing);
 * - a unit in no pattern (class 0) needs no test: every row's column 0 holds the root.
 */
import type { DenseTables } from './automaton';
import {
  classifyUnit,
  ensureCapacity,
  normaliseSlow,
  SIMPLE,
  SIMPLE_SPACE,
  SPACE,
  unitWidth,
  type NormBuffer,
} from './normalise';

export interface StateHits {
  count: number;
  /** Automaton row (state * classes) and normalised end of each position where some pattern ended. */
  rows: Int32Array;
  ends: Int32Array;
}

// Entries of the per-matcher unit table: (class << CLASS_SHIFT) | COLLAPSES if whitespace |
// folded unit, or UNKNOWN (not looked at yet), or SLOW (normaliseSlow's job). Classes fit in the
// remaining 14 bits: a dense table with 2^14 classes would far exceed DENSE_CELL_LIMIT.
const UNKNOWN = -1;
const SLOW = -2;
const COLLAPSES_BIT = 16;
const CLASS_SHIFT = 17;

/** Returns a scanner that normalises a post into `buf` and reports where patterns ended. */
export function fusedScanner(tables: DenseTables, buf: NormBuffer): (text: string) => StateHits {
  const found: StateHits = { count: 0, rows: new Int32Array(64), ends: new Int32Array(64) };
  const { rows, classOf, maxDepth } = tables;
  const fold = new Int32Array(65536).fill(UNKNOWN);
  /** Fills fold[unit] from SIMPLE; true if the unit can take the fast loop. */
  const learn = (unit: number): boolean => {
    let v = SIMPLE[unit]!;
    if (v === 0) v = classifyUnit(unit);
    let e = SLOW;
    if (v === SIMPLE_SPACE) e = (classOf[SPACE]! << CLASS_SHIFT) | (1 << COLLAPSES_BIT) | SPACE;
    // A non-whitespace unit that folds to a space does not collapse: left to the slow path.
    else if (v > 0 && v - 1 !== SPACE) e = (classOf[v - 1]! << CLASS_SHIFT) | (v - 1);
    fold[unit] = e;
    return e !== SLOW;
  };
  const record = (row: number, end: number) => {
    found.rows[found.count] = row;
    found.ends[found.count++] = end;
  };
  const st: FastState = { fold, rows, buf, found, i: 0, n: 0, row: 0, afterSpace: 0 };
  return (text: string): StateHits => {
    const len = text.length;
    if (buf.codes.length < len + 17) ensureCapacity(buf, len + 16);
    growHits(found, buf.codes.length);
    st.i = 0;
    st.n = 0;
    st.row = 0;
    st.afterSpace = 0;
    found.count = 0;
    for (;;) {
      fastRun(st, text, len);
      const i = st.i;
      if (i >= len) break;
      const c = text.charCodeAt(i);
      if (fold[c] === UNKNOWN && learn(c)) continue; // now known: back to the fast loop
      const n = st.n;
      const lastBefore = n > 0 ? buf.codes[n - 1]! : -1;
      const next = normaliseSlow(text, i, buf, n);
      st.i = i + unitWidth(text, i, c);
      st.n = next;
      growHits(found, buf.codes.length);
      const out = buf.codes;
      let s = st.row;
      if (n > 0 && out[n - 1] !== lastBefore) {
        // The previous unit was rewritten (и + ̆ → й): forget what it produced and step it again.
        while (found.count > 0 && found.ends[found.count - 1] === n) found.count--;
        // The automaton's state depends only on the last maxDepth units: replay them from the root.
        s = 0;
        for (let j = Math.max(0, n - 1 - maxDepth); j < n - 1; j++) s = stepRow(rows, classOf, s, out[j]!, -1, ignore);
        s = stepRow(rows, classOf, s, out[n - 1]!, n, record);
      }
      for (let j = n; j < next; j++) s = stepRow(rows, classOf, s, out[j]!, j + 1, record);
      st.row = s;
      st.afterSpace = next > 0 && out[next - 1] === SPACE ? 1 : 0;
    }
    buf.starts[st.n] = len;
    buf.length = st.n;
    return found;
  };
}

interface FastState {
  fold: Int32Array;
  rows: Int32Array;
  buf: NormBuffer;
  found: StateHits;
  /** Next input unit, units written, automaton row, and 1 if the last unit written is a space. */
  i: number;
  n: number;
  row: number;
  afterSpace: number;
}

/**
 * The fast loop, apart from the slow path so that its few locals stay in registers. Stops at the
 * end of the text or at a unit it cannot fold on its own. The caller has sized buf and found.
 */
function fastRun(st: FastState, text: string, len: number): void {
  const { fold, rows } = st;
  const { codes, starts } = st.buf;
  const { rows: hitRows, ends: hitEnds } = st.found;
  let i = st.i;
  let n = st.n;
  let s = st.row;
  let afterSpace = st.afterSpace;
  let count = st.found.count;
  for (; i < len; i++) {
    const e = fold[text.charCodeAt(i)]!;
    if (e < 0) break;
    const space = (e >>> COLLAPSES_BIT) & 1; // arithmetic, not a ternary: that would branch
    codes[n] = e & 0xffff;
    starts[n] = i;
    n += 1 - (space & afterSpace);
    afterSpace = space;
    const t = rows[s + (e >>> CLASS_SHIFT)]!;
    s = t;
    if (t < 0) {
      s = -t;
      hitRows[count] = s;
      hitEnds[count++] = n;
    }
  }
  st.i = i;
  st.n = n;
  st.row = s;
  st.afterSpace = afterSpace;
  st.found.count = count;
}

/**
 * Hit arrays as long as the buffer: at most one hit per unit written (a skipped space never ends
 * a pattern, as none ends with a space).
 */
function growHits(found: StateHits, size: number): void {
  if (found.rows.length >= size) return;
  const rows = new Int32Array(size);
  rows.set(found.rows);
  const ends = new Int32Array(size);
  ends.set(found.ends);
  found.rows = rows;
  found.ends = ends;
}

const ignore = (): void => {};

/** One automaton step outside the fast loop; records the row if a pattern ends at `end`. */
function stepRow(
  rows: Int32Array,
  classOf: Uint16Array,
  row: number,
  unit: number,
  end: number,
  record: (row: number, end: number) => void,
): number {
  const t = rows[row + classOf[unit]!]!;
  if (t >= 0) return t;
  record(-t, end);
  return -t;
}
