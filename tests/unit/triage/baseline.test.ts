import { describe, expect, it } from 'vitest';
import { baselineProbability, fitIdf, ngramCounts, tfidf, trainBaseline, type BaselineOptions } from '../../../lib/triage/model/baseline';
import { rocAuc } from '../../../lib/triage/model/metrics';
import type { Example } from '../../../lib/triage/model/train';

// A separable toy task written for this test: complaints name a fault, the others praise.
const COMPLAINTS = [
  'my order arrived broken',
  'still no refund after two weeks',
  'the app is broken again',
  'charged twice and no refund',
  'order never arrived, terrible',
  'terrible support, still waiting',
  '订单还没到',
  '杯子碎了，要退款',
];
const PRAISE = [
  'love the new blender, great job',
  'great service, thank you',
  'the staff were lovely and friendly',
  'fast delivery, love it',
  'thank you for the quick help',
  'great coffee as always',
  '很好，非常满意',
  '物流很快，很喜欢',
];
const examples: Example[] = [...COMPLAINTS.map((text) => ({ text, complaint: true, weight: 1 })), ...PRAISE.map((text) => ({ text, complaint: false, weight: 1 }))];
const SMALL: BaselineOptions = { bits: 14, c: 1, maxIterations: 100, memory: 5 };

describe('plain n-gram baseline', () => {
  it.each([
    // " ab ": char 2-grams 3, 3-grams 2, 4-grams 1; one word.
    ['ab', 1, 6],
    // " 好 ": Chinese grams 1–3 only, never a lone space; no words (no segmenter).
    ['好', 0, 4],
    // " 好吗 ": 2 + 3 + 2, and no 4-gram.
    ['好吗', 0, 7],
    // Two words and their bigram; " a b " has 4 + 3 + 2 char grams.
    ['a b', 3, 9],
  ])('counts the n-grams of %s', (text, words, chars) => {
    const c = ngramCounts(text, 19);
    const total = (m: Map<number, number>): number => [...m.values()].reduce((a, b) => a + b, 0);
    expect([total(c.words), total(c.chars)]).toEqual([words, chars]);
  });

  it('L2-normalises each block on its own', () => {
    const counts = examples.map((e) => ngramCounts(e.text, 19));
    const idf = fitIdf(counts, 19);
    const x = tfidf(ngramCounts('my order arrived broken', 19), idf);
    const squared = [...x.value].reduce((s, v) => s + v * v, 0);
    expect(squared).toBeCloseTo(2, 6);
    // A word in one text ("blender") weighs more than one in three ("great").
    const wordIdf = (w: string): number => idf[[...ngramCounts(w, 19).words.keys()][0] ?? -1] ?? NaN;
    expect(wordIdf('blender')).toBeGreaterThan(wordIdf('great'));
    expect(wordIdf('great')).toBeCloseTo(Math.log(17 / 4) + 1, 9);
  });

  it('learns a separable toy task', () => {
    const model = trainBaseline(examples, SMALL);
    const heldOut = [
      { text: 'broken again and no refund', complaint: true },
      { text: 'still waiting, order never arrived', complaint: true },
      { text: '还没退款', complaint: true },
      { text: 'great blender, thank you', complaint: false },
      { text: 'lovely staff, love it', complaint: false },
      { text: '非常满意', complaint: false },
    ];
    const p = heldOut.map((h) => baselineProbability(model, h.text));
    expect(p.map((x) => x >= 0.5)).toEqual(heldOut.map((h) => h.complaint));
    expect(rocAuc(p.filter((_, i) => heldOut[i]?.complaint), p.filter((_, i) => !heldOut[i]?.complaint))).toBe(1);
    for (const e of examples) expect(baselineProbability(model, e.text) >= 0.5).toBe(e.complaint);
  });

  it('is deterministic: the same examples give the same weights', () => {
    const a = trainBaseline(examples, SMALL);
    const b = trainBaseline(examples, SMALL);
    expect(a.iterations).toBeGreaterThan(1);
    expect(b.bias).toBe(a.bias);
    expect(Buffer.from(b.weights.buffer, b.weights.byteOffset, b.weights.byteLength).equals(Buffer.from(a.weights.buffer, a.weights.byteOffset, a.weights.byteLength))).toBe(true);
    expect(a.weights.some((w) => w !== 0)).toBe(true);
  });
});
