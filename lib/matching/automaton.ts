/**
 * Aho-Corasick over UTF-16 units of normalised text: one pass finds every occurrence of every
 * pattern. Units are first mapped to a small alphabet of classes (only units that occur in some
 * pattern get a class; everything else is class 0 and sends the automaton home), then, when it
 * fits, failure links are folded into a dense transition table so each unit costs one lookup.
 * Very large term sets fall back to sparse goto maps plus failure links.
 */

export interface DenseTables {
  /** Code unit → alphabet class (0 = in no pattern). */
  classOf: Uint16Array;
  classes: number;
  /**
   * Transitions addressed by ROW (row = state * classes, so no multiply in the hot loop):
   * t = rows[row + class]; the next row is |t|, and t < 0 means some pattern ends there.
   * The root (row 0) never accepts: patterns are non-empty. Column 0 of every row is the root.
   * States are numbered breadth first. See AutomatonOptions.collapsing for the one difference
   * from the plain automaton that `scan` runs.
   */
  rows: Int32Array;
  /** Patterns ending in state q: outList[outStart[q] .. outStart[q + 1]). */
  outStart: Int32Array;
  outList: Int32Array;
  /** Longest pattern: the state after any text depends only on its last maxDepth units. */
  maxDepth: number;
}

export interface AutomatonOptions {
  /** Above this many dense cells, use the sparse automaton. */
  denseCellLimit?: number;
  /**
   * A unit whose runs the caller's text collapses into one (the space). In `rows` only, a state
   * entered by this unit stays put on another one, so a caller can step every unit of a run
   * and end up where stepping the collapsed text would (no branch per unit to skip the extras).
   * Such a state accepts only if a pattern ends with the unit; it then reports that end again.
   */
  collapsing?: number;
}

export interface Automaton {
  /** Calls onHit(patternIndex, endExclusive) for every occurrence in codes[0, length). */
  scan(codes: Uint16Array, length: number, onHit: (pattern: number, end: number) => void): void;
  states: number;
  /** Present when the dense table fits: lets a caller fuse stepping into its own loop. */
  dense: DenseTables | undefined;
}

/** Above this many table cells (4 bytes each) the dense table costs more memory than it is worth. */
export const DENSE_CELL_LIMIT = 4_000_000;

export function buildAutomaton(patterns: readonly string[], options: AutomatonOptions = {}): Automaton {
  const denseCellLimit = options.denseCellLimit ?? DENSE_CELL_LIMIT;
  // Alphabet classes, numbered in unit order: ASCII (the bulk of most posts) gets the first
  // columns, so the cells a scan touches in a row share few cache lines.
  const classOf = new Uint16Array(65536);
  for (const p of patterns) for (let i = 0; i < p.length; i++) classOf[p.charCodeAt(i)] = 1;
  let classes = 1;
  for (let u = 0; u < 65536; u++) if (classOf[u] !== 0) classOf[u] = classes++;
  // Trie, grown one depth at a time so that states are numbered breadth first: the shallow
  // states a scan spends most of its time in sit together at the start of the table.
  const children: Map<number, number>[] = [new Map()];
  const own: number[][] = [[]];
  const entry: number[] = [0]; // class of the edge into each state (0 for the root)
  const node = new Int32Array(patterns.length); // each pattern's state so far
  let growing = patterns.flatMap((p, index) => (p.length > 0 ? [index] : []));
  for (let d = 0; growing.length > 0; d++) {
    for (const index of growing) {
      const c = classOf[patterns[index]!.charCodeAt(d)]!;
      const from = children[node[index]!]!;
      let next = from.get(c);
      if (next === undefined) {
        next = children.length;
        children.push(new Map());
        own.push([]);
        entry.push(c);
        from.set(c, next);
      }
      node[index] = next;
    }
    growing = growing.filter((index) => patterns[index]!.length > d + 1);
  }
  patterns.forEach((_, index) => own[node[index]!]!.push(index));
  const states = children.length;
  // Failure links, breadth first; outputs are flattened (own + the failure state's).
  const fail = new Int32Array(states);
  const outputs: number[][] = new Array<number[]>(states);
  outputs[0] = own[0]!;
  const order: number[] = [0];
  for (let q = 0; q < order.length; q++) {
    const s = order[q]!;
    for (const [c, t] of children[s]!) {
      if (s !== 0) {
        let f = fail[s]!;
        while (f !== 0 && !children[f]!.has(c)) f = fail[f]!;
        fail[t] = children[f]!.get(c) ?? 0;
      }
      outputs[t] = [...own[t]!, ...outputs[fail[t]!]!];
      order.push(t);
    }
  }
  const outStart = new Int32Array(states + 1);
  const flat: number[] = [];
  for (let s = 0; s < states; s++) {
    outStart[s] = flat.length;
    for (const o of outputs[s]!) flat.push(o);
  }
  outStart[states] = flat.length;
  const outList = Int32Array.from(flat);

  const emit = (s: number, end: number, onHit: (pattern: number, end: number) => void) => {
    for (let k = outStart[s]!, stop = outStart[s + 1]!; k < stop; k++) onHit(outList[k]!, end);
  };

  if (states * classes <= denseCellLimit) {
    const delta = new Int32Array(states * classes);
    for (const s of order) {
      const row = s * classes;
      const failRow = fail[s]! * classes;
      for (let c = 1; c < classes; c++) {
        const t = children[s]!.get(c);
        delta[row + c] = t !== undefined ? t : s === 0 ? 0 : delta[failRow + c]!;
      }
    }
    const rows = new Int32Array(states * classes);
    const collapsing = options.collapsing === undefined ? 0 : classOf[options.collapsing]!;
    for (let s = 0; s < states; s++) {
      for (let c = 0; c < classes; c++) {
        // Another unit of a collapsed run leaves a state entered by that unit where it is.
        const t = c !== 0 && c === collapsing && entry[s] === collapsing ? s : delta[s * classes + c]!;
        rows[s * classes + c] = outStart[t] !== outStart[t + 1] ? -(t * classes) : t * classes;
      }
    }
    return {
      states,
      dense: { classOf, classes, rows, outStart, outList, maxDepth: patterns.reduce((m, p) => Math.max(m, p.length), 0) },
      scan(codes, length, onHit) {
        let s = 0;
        for (let j = 0; j < length; j++) {
          const c = classOf[codes[j]!]!;
          s = c === 0 ? 0 : delta[s * classes + c]!;
          if (outStart[s] !== outStart[s + 1]) emit(s, j + 1, onHit);
        }
      },
    };
  }
  return {
    states,
    dense: undefined,
    scan(codes, length, onHit) {
      let s = 0;
      for (let j = 0; j < length; j++) {
        const c = classOf[codes[j]!]!;
        if (c === 0) {
          s = 0;
          continue;
        }
        let t = children[s]!.get(c);
        while (t === undefined && s !== 0) {
          s = fail[s]!;
          t = children[s]!.get(c);
        }
        s = t ?? 0;
        if (outStart[s] !== outStart[s + 1]) emit(s, j + 1, onHit);
      }
    },
  };
}
