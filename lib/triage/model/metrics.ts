/** Classification metrics shared by the training and evaluation scripts. */
export interface Prf {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  precision: number;
  recall: number;
  f1: number;
  accuracy: number;
}

export function prf(rows: readonly { truth: boolean; predicted: boolean }[]): Prf {
  let tp = 0, fp = 0, fn = 0, tn = 0;
  for (const r of rows) {
    if (r.truth && r.predicted) tp++;
    else if (!r.truth && r.predicted) fp++;
    else if (r.truth) fn++;
    else tn++;
  }
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { tp, fp, fn, tn, precision, recall, f1, accuracy: (tp + tn) / Math.max(1, rows.length) };
}

/** P(score of a random positive > a random negative), ties half (Mann–Whitney U). */
export function rocAuc(pos: readonly number[], neg: readonly number[]): number {
  if (pos.length === 0 || neg.length === 0) return NaN;
  const all = [...pos.map((s) => ({ s, p: 1 })), ...neg.map((s) => ({ s, p: 0 }))].sort((a, b) => a.s - b.s);
  let rankSumPos = 0;
  for (let i = 0; i < all.length; ) {
    let j = i;
    while (j < all.length && all[j]?.s === all[i]?.s) j++;
    const avgRank = (i + 1 + j) / 2;
    for (let k = i; k < j; k++) if (all[k]?.p === 1) rankSumPos += avgRank;
    i = j;
  }
  return (rankSumPos - (pos.length * (pos.length + 1)) / 2) / (pos.length * neg.length);
}

/** Expected calibration error over `bins` equal-width probability bins, and the bins. */
export function calibrationOf(rows: readonly { p: number; truth: boolean }[], bins = 10): { ece: number; brier: number; bins: { from: number; n: number; meanP: number; rate: number }[] } {
  const out = Array.from({ length: bins }, (_, i) => ({ from: i / bins, n: 0, sumP: 0, pos: 0 }));
  let brier = 0;
  for (const r of rows) {
    const b = out[Math.min(bins - 1, Math.floor(r.p * bins))];
    if (!b) continue;
    b.n++;
    b.sumP += r.p;
    if (r.truth) b.pos++;
    brier += (r.p - (r.truth ? 1 : 0)) ** 2;
  }
  const n = Math.max(1, rows.length);
  const ece = out.reduce((s, b) => s + (b.n ? (b.n / n) * Math.abs(b.sumP / b.n - b.pos / b.n) : 0), 0);
  return { ece, brier: brier / n, bins: out.map((b) => ({ from: b.from, n: b.n, meanP: b.n ? b.sumP / b.n : 0, rate: b.n ? b.pos / b.n : 0 })) };
}
