import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { shippedModel, type LoadedModel } from '../../../lib/triage/model/classifier';
import { devFigures, FIXTURES, readWrittenSet, WRITTEN_SETS, type DevFigures } from '../../../scripts/triage-devsets';

/**
 * Floors on the written sets' test split: the shipped model as measured on 2026-12-06 after the
 * seed-averaged 2^19-bucket model (committed weights: F1 en 0.788, ru 0.719, zh 0.899; AUC 0.914,
 * 0.852, 0.970) minus 0.05, rounded down. Retraining may move a figure by a few points; a drop past
 * the floor means the model got worse at posts to brands.
 */
const FLOORS: Readonly<Record<(typeof WRITTEN_SETS)[number]['name'], { f1: number; auc: number }>> = {
  'en-brand-posts': { f1: 0.73, auc: 0.86 },
  // The second English batch (2026-12-07): its test split scored F1 0.904, AUC 0.987.
  'en-brand-posts-b': { f1: 0.85, auc: 0.93 },
  // The third English batch (2026-12-07, tweets as people wrote them 2012–2020): test split F1
  // 0.795, AUC 0.869.
  'en-brand-posts-c': { f1: 0.74, auc: 0.81 },
  // Random English tweets (2026-12-07: moods, friends, sport, news, 18 % complaints about a company):
  // test split F1 0.610 / AUC 0.906 once moods that name no business counted against (x:untargeted);
  // the model before read 0.493 / 0.845, flagging 37 of its 82 plain tweets. Then 0.655 / 0.918 with
  // politics, news and sport as asides and that feature at −2.5 (the model before: 0.610 / 0.906).
  'en-random-tweets': { f1: 0.63, auc: 0.89 },
  'ru-brand-posts': { f1: 0.66, auc: 0.8 },
  // The second Russian and Chinese batches (2026-12-07): test splits scored F1 0.733 / AUC 0.868
  // and F1 0.913 / AUC 0.932.
  'ru-brand-posts-b': { f1: 0.68, auc: 0.81 },
  // The third Russian batch (2026-12-07, tweets that name a company rather than address it: news,
  // retweets, life, hearsay): test split F1 0.506 / AUC 0.692, barely above the trivial 0.496.
  'ru-brand-posts-c': { f1: 0.46, auc: 0.64 },
  'zh-brand-posts': { f1: 0.84, auc: 0.92 },
  'zh-brand-posts-b': { f1: 0.86, auc: 0.88 },
};

/** Every way the figures fall short, so a failure names what broke. */
function shortfalls(f: DevFigures, floor: { f1: number; auc: number }): string[] {
  const out: string[] = [];
  if (!(f.f1 >= floor.f1)) out.push(`F1 ${f.f1.toFixed(3)} < floor ${floor.f1}`);
  if (!(f.auc >= floor.auc)) out.push(`AUC ${f.auc.toFixed(3)} < floor ${floor.auc}`);
  if (!(f.f1 > f.trivialF1)) out.push(`F1 ${f.f1.toFixed(3)} not above trivial ${f.trivialF1.toFixed(3)}`);
  return out;
}

const sets = WRITTEN_SETS.map((s) => readWrittenSet(s.name, s.lang));
const testRows = (name: string) => sets.find((s) => s.name === name)?.rows.filter((r) => r.split === 'test') ?? [];

describe('in-domain dev/test sets: format', () => {
  it.each(sets.map((s) => [s.name, s] as const))('%s: enough rows, both labels, no duplicate texts', (_, set) => {
    expect(set.rows.length).toBeGreaterThanOrEqual(150);
    const share = set.rows.filter((r) => r.complaint).length / set.rows.length;
    // Random tweets are mostly not about a company at all (en-random-tweets: 18 % complaints).
    expect(share).toBeGreaterThan(set.name === 'en-random-tweets' ? 0.1 : 0.25);
    // Chinese reviews skew negative (zh-brand-posts-b is two thirds complaints, as review sites are).
    expect(share).toBeLessThan(set.lang === 'zh' ? 0.7 : 0.6);
    const texts = set.rows.map((r) => r.text.trim().toLowerCase());
    expect(texts.filter((t, i) => texts.indexOf(t) !== i)).toEqual([]);
  });

  it.each(sets.map((s) => [s.name, s] as const))('%s: dev and test are balanced in size, label and kind', (_, set) => {
    const dev = set.rows.filter((r) => r.split === 'dev');
    const test = set.rows.filter((r) => r.split === 'test');
    expect(Math.abs(dev.length - test.length)).toBeLessThanOrEqual(set.rows.length * 0.05);
    const share = (rows: typeof dev): number => rows.filter((r) => r.complaint).length / rows.length;
    expect(Math.abs(share(dev) - share(test))).toBeLessThan(0.05);
    // Each kind of post with two or more rows must be in both splits.
    const kinds = new Map<string, { n: number; splits: Set<string> }>();
    for (const r of set.rows) {
      const key = `${r.complaint ? 'complaint' : 'not'}: ${r.note.split(';')[1]?.trim() ?? ''}`;
      const k = kinds.get(key) ?? { n: 0, splits: new Set<string>() };
      kinds.set(key, { n: k.n + 1, splits: k.splits.add(r.split) });
    }
    const oneSided = [...kinds].filter(([, k]) => k.n >= 2 && k.splits.size < 2).map(([key]) => key);
    expect(oneSided).toEqual([]);
  });

  it('the Weibo labels carry keys, labels and splits only: never the text', () => {
    const lines = readFileSync(resolve(FIXTURES, 'zh-weibo-helpdesk-labels.csv'), 'utf8').trim().split('\n');
    expect(lines[0]).toBe('dialog_id,label,split');
    const body = lines.slice(1);
    expect(body.length).toBeGreaterThanOrEqual(250);
    for (const line of body) expect(line).toMatch(/^\d{10,20},(complaint|not),(dev|test)$/);
    const ids = body.map((l) => l.split(',')[0]);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('in-domain dev/test sets: the shipped model on the test split', () => {
  it.each(WRITTEN_SETS.map((s) => [s.name] as const))('%s stays above its floor and the trivial baseline', (name) => {
    expect(shortfalls(devFigures(testRows(name)), FLOORS[name])).toEqual([]);
  });

  it('the floor check fails a model that has learned nothing', () => {
    const shipped = shippedModel();
    const blank: LoadedModel = { ...shipped, weights: new Float32Array(shipped.weights.length) };
    for (const { name } of WRITTEN_SETS) expect(shortfalls(devFigures(testRows(name), blank), FLOORS[name]).length).toBeGreaterThan(0);
  });
});
