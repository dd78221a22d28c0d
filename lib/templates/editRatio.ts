/**
 * How much the agent changed a rendered template before sending: normalised Levenshtein distance
 * on code points (so CJK and emoji count as one each), after collapsing whitespace, which the
 * site's editor may alter without the agent doing anything. 0 = unchanged, 1 = nothing in common.
 * Two-row dynamic programming: 2 KB × 2 KB is ~4M cell updates, fine in a click handler.
 */

const normalise = (s: string): number[] =>
  Array.from(s.normalize('NFC').replace(/\s+/gu, ' ').trim(), (ch) => ch.codePointAt(0) ?? 0);

export function levenshtein(a: readonly number[], b: readonly number[]): number {
  // Agents usually edit one spot: drop the shared head and tail so only the edited middle is
  // compared (a one-word change in 2 KB becomes a few cells instead of 4M).
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  if (head > 0 || tail > 0) return levenshtein(a.slice(head, a.length - tail), b.slice(head, b.length - tail));
  if (a.length < b.length) return levenshtein(b, a);
  if (b.length === 0) return a.length;
  let prev = new Uint32Array(b.length + 1);
  let curr = new Uint32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    curr[0] = i;
    const ai = a[i - 1];
    for (let j = 1; j <= b.length; j++) {
      const cost = ai === b[j - 1] ? 0 : 1;
      const del = (prev[j] ?? 0) + 1;
      const ins = (curr[j - 1] ?? 0) + 1;
      const sub = (prev[j - 1] ?? 0) + cost;
      curr[j] = Math.min(del, ins, sub);
    }
    [prev, curr] = [curr, prev];
  }
  return prev[b.length] ?? 0;
}

export function editRatio(rendered: string, sent: string): number {
  const a = normalise(rendered);
  const b = normalise(sent);
  const longest = Math.max(a.length, b.length);
  if (longest === 0) return 0;
  return levenshtein(a, b) / longest;
}
