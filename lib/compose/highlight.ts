/**
 * Splits a reply into plain and highlighted runs for the tone layer under the textarea and the
 * quotes in the findings list. Ranges may be stale (findings are debounced while the agent types)
 * or overlap; both are clamped so the runs always add up to exactly the text.
 */
import type { ToneFinding } from '../schemas/templates';

export interface Run {
  text: string;
  /** Findings covering this run; empty for plain text. */
  findings: ToneFinding[];
}

export function highlightRuns(text: string, findings: readonly ToneFinding[]): Run[] {
  const ranged = findings.filter((f) => f.end > f.start && f.start < text.length);
  const cuts = new Set<number>([0, text.length]);
  for (const f of ranged) {
    cuts.add(Math.min(f.start, text.length));
    cuts.add(Math.min(f.end, text.length));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const runs: Run[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i] ?? 0;
    const end = points[i + 1] ?? 0;
    if (end <= start) continue;
    const covering = ranged.filter((f) => f.start <= start && f.end >= end);
    const last = runs[runs.length - 1];
    // Adjacent plain runs merge, so a reply with no findings is one text node.
    if (last && last.findings.length === 0 && covering.length === 0) last.text += text.slice(start, end);
    else runs.push({ text: text.slice(start, end), findings: covering });
  }
  return runs;
}

/** A finding's words with a little context either side, for the findings list. */
export function quoteAround(text: string, finding: Pick<ToneFinding, 'start' | 'end'>, context = 24): { before: string; words: string; after: string } {
  const start = Math.min(finding.start, text.length);
  const end = Math.min(Math.max(finding.end, start), text.length);
  const from = Math.max(0, start - context);
  const to = Math.min(text.length, end + context);
  return {
    before: (from > 0 ? '…' : '') + text.slice(from, start),
    words: text.slice(start, end),
    after: text.slice(end, to) + (to < text.length ? '…' : ''),
  };
}
