/**
 * Words that name Object.prototype members must score like any other unknown word: an index
 * lookup on a plain object once returned a function for "constructor" and made the score NaN,
 * which then rejected the whole batch of posts at ingest.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeSentiment } from '@/lib/triage/sentiment';
import { scorePost } from '@/lib/triage/score';
import { classifyPost } from '@/lib/pipeline/classify';
import { ingestPosts } from '@/lib/db/ingest';
import { brand, freshDb, post } from '../support/db';

const POISON = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf', '__defineGetter__', 'toLocaleString'];
const TEMPLATES: Array<[string, (w: string) => string]> = [
  ['en', (w) => `@acme my order is late, ${w} broke it again`],
  ['en caps', (w) => `@acme ${w.toUpperCase()} is the worst!!!`],
  ['en suffix', (w) => `@acme ${w}s ${w}ing ${w}ed ${w}ly ${w}y sooo ${w}ooo`],
  ['ru', (w) => `@acme заказ опять задерживается, ${w} сломался`],
  ['zh', (w) => `@acme 快递太慢了 ${w} 不满意`],
  ['hashtag', (w) => `#${w} @acme 😡 :)`],
];
const NOW = Date.UTC(2026, 10, 23, 12);
const profile = brand();

describe('poison words', () => {
  const cases = POISON.flatMap((word) => TEMPLATES.map(([lang, make]) => [word, lang, make(word)] as const));

  it.each(cases)('%s in %s text scores finitely and like an unknown word', (word, _lang, text) => {
    const s = analyzeSentiment(text);
    expect(Number.isFinite(s.score)).toBe(true);
    for (const d of s.drivers) expect(Number.isFinite(d.value)).toBe(true);
    // The word carries no valence of its own: the text scores as it does with a neutral word.
    expect(s.score).toBe(analyzeSentiment(text.replaceAll(word, 'zzzz').replaceAll(word.toUpperCase(), 'ZZZZ')).score);
    const t = scorePost({ text }, profile, { now: NOW });
    expect(Number.isInteger(t.priority)).toBe(true);
    for (const r of t.reasons) expect(Number.isFinite(r.points)).toBe(true);
  });

  it('queues every post of a batch where each names a prototype member', async () => {
    const db = freshDb();
    await db.brands.put(brand());
    const posts = cases.map(([, , text], i) => post(String(i + 1), text));
    const verdicts = await ingestPosts(db, posts, (p, d) => classifyPost(p, d, NOW), NOW);
    expect(verdicts.filter((v) => v.rejected !== undefined)).toEqual([]);
    expect(await db.queue.count()).toBe(posts.length);
  });

  it('any text → finite sentiment and priority (property)', () => {
    const word = fc.oneof(fc.constantFrom(...POISON, 'worst', 'not', 'very', 'но', '不', '😡', '!!!', ':)'), fc.string(), fc.string({ unit: 'grapheme' }));
    fc.assert(
      fc.property(fc.array(word, { maxLength: 12 }), fc.constantFrom(' ', '', ', '), (words, sep) => {
        const text = words.join(sep);
        const s = analyzeSentiment(text);
        expect(Number.isFinite(s.score)).toBe(true);
        expect(Math.abs(s.score)).toBeLessThanOrEqual(1);
        const t = scorePost({ text }, profile, { now: NOW });
        expect(t.priority).toBeGreaterThanOrEqual(0);
        expect(t.priority).toBeLessThanOrEqual(100);
      }),
      { numRuns: 300 },
    );
  });
});
