/**
 * Full-batch L-BFGS with a backtracking (Armijo) line search, shared by the plain baseline
 * (baseline.ts) and the shipped model's trainer (train.ts). No random step: the same objective
 * gives the same result on every run.
 */

export interface LbfgsOptions {
  maxIterations: number;
  /** History pairs kept. */
  memory: number;
}

/** f(θ), with ∇f written into `g` (overwritten, not accumulated). */
export type Objective = (theta: Float64Array, g: Float64Array) => number;

const dot = (a: Float64Array, b: Float64Array): number => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] ?? 0) * (b[i] ?? 0);
  return s;
};

/** Minimise `objective` over `dim` variables from θ = 0. */
export function lbfgs(objective: Objective, dim: number, options: LbfgsOptions): { theta: Float64Array; iterations: number } {
  let theta = new Float64Array(dim);
  let g = new Float64Array(dim);
  let f = objective(theta, g);
  const s: Float64Array[] = [];
  const y: Float64Array[] = [];
  const next = new Float64Array(dim);
  const gNext = new Float64Array(dim);
  let iterations = 0;
  for (; iterations < options.maxIterations; iterations++) {
    // Two-loop recursion: d = −H·g.
    const d = Float64Array.from(g);
    const alpha: number[] = [];
    for (let i = s.length - 1; i >= 0; i--) {
      const si = s[i] ?? d, yi = y[i] ?? d;
      const a = dot(si, d) / dot(yi, si);
      alpha[i] = a;
      for (let j = 0; j < d.length; j++) d[j] = (d[j] ?? 0) - a * (yi[j] ?? 0);
    }
    const last = s.length - 1;
    const sl = s[last], yl = y[last];
    const gamma = sl && yl ? dot(sl, yl) / dot(yl, yl) : 1 / Math.sqrt(dot(g, g));
    for (let j = 0; j < d.length; j++) d[j] = (d[j] ?? 0) * gamma;
    for (let i = 0; i < s.length; i++) {
      const si = s[i] ?? d, yi = y[i] ?? d;
      const b = dot(yi, d) / dot(yi, si);
      for (let j = 0; j < d.length; j++) d[j] = (d[j] ?? 0) + (si[j] ?? 0) * ((alpha[i] ?? 0) - b);
    }
    for (let j = 0; j < d.length; j++) d[j] = -(d[j] ?? 0);
    let slope = dot(g, d);
    if (!(slope < 0)) {
      // Not a descent direction: forget the history and step along −g.
      s.length = 0;
      y.length = 0;
      const norm = Math.sqrt(dot(g, g));
      for (let j = 0; j < d.length; j++) d[j] = -(g[j] ?? 0) / norm;
      slope = dot(g, d);
    }
    let step = 1;
    let fNext = Infinity;
    for (let tries = 0; tries < 40; tries++, step /= 2) {
      for (let j = 0; j < next.length; j++) next[j] = (theta[j] ?? 0) + step * (d[j] ?? 0);
      fNext = objective(next, gNext);
      if (fNext <= f + 1e-4 * step * slope) break;
    }
    if (!(fNext < f)) break;
    const sNew = new Float64Array(dim);
    const yNew = new Float64Array(dim);
    for (let j = 0; j < dim; j++) {
      sNew[j] = (next[j] ?? 0) - (theta[j] ?? 0);
      yNew[j] = (gNext[j] ?? 0) - (g[j] ?? 0);
    }
    if (dot(sNew, yNew) > 1e-12) {
      s.push(sNew);
      y.push(yNew);
      if (s.length > options.memory) {
        s.shift();
        y.shift();
      }
    }
    const decrease = (f - fNext) / Math.max(1, Math.abs(fNext));
    theta = Float64Array.from(next);
    g = Float64Array.from(gNext);
    f = fNext;
    let gMax = 0;
    for (const v of g) gMax = Math.max(gMax, Math.abs(v));
    // scikit-learn's lbfgs stops at max |gradient| ≤ 1e-4; a stall in f ends it too.
    if (gMax <= 1e-4 || decrease < 1e-10) {
      iterations++;
      break;
    }
  }
  return { theta, iterations };
}
