import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TriageResultSchema } from '../../../lib/schemas/queue';
import { BrandProfileSchema } from '../../../lib/schemas/settings';
import { scorePost } from '../../../lib/triage/score';

const profile = BrandProfileSchema.parse({ id: 'acme', name: 'Acme', handles: ['acme'], createdAt: 0, updatedAt: 0 });
const now = Date.UTC(2026, 10, 23, 12, 0);
const score = (text: string, extra: Partial<Parameters<typeof scorePost>[2]> = {}) => scorePost({ text, createdAt: now }, profile, { now, ...extra });

describe('scorePost', () => {
  it('orders angry existing customer > neutral question > praise > spam', () => {
    const angry = score('@acme still waiting for my refund, worst service ever!!!', { customer: { orderCount: 2, totalSpent: 120, name: 'Anna' } });
    const question = score('@acme what time do you open on Sunday?');
    const praise = score('@acme thank you, the new blender is lovely');
    const spam = score('@acme RT to win a free blender! #giveaway');
    expect(angry.priority).toBeGreaterThan(question.priority);
    expect(question.priority).toBeGreaterThan(praise.priority);
    expect(praise.priority).toBeGreaterThan(spam.priority);
    expect(spam.priority).toBe(0);
  });

  it('puts the customer reason first with its evidence', () => {
    const r = score('@acme my order arrived', { customer: { orderCount: 2, totalSpent: 0, name: 'Anna' } });
    expect(r.reasons[0]).toEqual({ code: 'customer', points: profile.weights.customer, detail: 'Anna, 2 orders', facts: { name: 'Anna', orders: 2 } });
  });

  it.each([
    ['@acme my blender is still broken #refund', { complaint: true, question: false, praise: false, spam: false }],
    ['@acme how do I reset my password?', { complaint: false, question: true, praise: false, spam: false }],
    ['@acme thank you, great service!', { complaint: false, question: false, praise: true, spam: false }],
    ['@acme не работает приложение, ужасно', { complaint: true, question: false, praise: false, spam: false }],
    ['@acme как сбросить пароль?', { complaint: false, question: true, praise: false, spam: false }],
    ['@acme спасибо, всё отлично', { complaint: false, question: false, praise: true, spam: false }],
    ['@acme 质量太差了，我要退款', { complaint: true, question: false, praise: false, spam: false }],
    // A return request is a grievance to the model (reviews that mention 退货 are complaints), so the plain question is about opening hours.
    ['@acme 请问周日几点开门？', { complaint: false, question: true, praise: false, spam: false }],
    ['@acme 不错，谢谢', { complaint: false, question: false, praise: true, spam: false }],
    ['@acme no problem at all, thanks for the quick reply', { complaint: false, question: false, spam: false }],
    ['Use code SAVE20 for 20% off @acme', { complaint: false, question: false, praise: false, spam: true }],
  ])('%s', (text, flags) => {
    expect(score(text)).toMatchObject(flags);
  });

  it('gives the complaint probability and the words that pushed it', () => {
    const r = score("nortwind cofee STILL hasn't refunded me. 3 weeks. unbelievable");
    const reason = r.reasons.find((x) => x.code === 'complaint');
    expect(r.complaint).toBe(true);
    expect(reason?.detail).toMatch(/^0\.\d\d: "[^"]+"/);
    expect(reason?.detail.startsWith(r.complaintProbability?.toFixed(2) ?? 'none')).toBe(true);
    expect(reason?.detail).toContain('"refunded"');
    expect(reason?.points).toBe(Math.round(profile.weights.complaint * (r.complaintProbability ?? 0)));
  });

  it('ranks an unresolved complaint above a plain question', () => {
    expect(score("nortwind cofee STILL hasn't refunded me. 3 weeks. unbelievable").priority).toBeGreaterThan(score('what time do you open on Sunday?').priority);
  });

  it.each([['我的订单还没到'], ['帐篷杆断了']])('%s is a complaint, not only a question', (text) => {
    expect(score(text).complaint).toBe(true);
  });

  it("counts the brand's own complaint phrases", () => {
    const text = '@acme the espresso tastes burnt';
    const own = BrandProfileSchema.parse({ ...profile, complaintTerms: ['tastes burnt'] });
    const plain = scorePost({ text, createdAt: now }, profile, { now });
    const withTerm = scorePost({ text, createdAt: now }, own, { now });
    expect(withTerm.complaintProbability ?? 0).toBeGreaterThan(plain.complaintProbability ?? 1);
    expect(withTerm.complaint).toBe(true);
    expect(withTerm.reasons.find((r) => r.code === 'complaint')?.detail).toContain('"tastes burnt"');
  });

  it('keeps the lexicon rules when asked for them (the comparison in npm run eval)', () => {
    const r = score('@acme my blender is still broken #refund', { complaintModel: null });
    expect(r.reasons.find((x) => x.code === 'complaint')?.detail).toBe('#refund, "still broken"');
    expect(r.complaintProbability).toBeUndefined();
  });

  it('names the rule that filtered a post and keeps its other reasons', () => {
    const r = score('@acme follow back pls, thanks! #followback');
    expect(r.filteredBy?.rule).toBe('cryptoFollow');
    expect(r.reasons.map((x) => x.code)).toEqual(['praise', 'spam.cryptoFollow']);
  });

  it('treats a post by the brand as its own', () => {
    expect(scorePost({ text: 'Sorry to hear that!', authorHandle: 'Acme' }, profile, { now }).filteredBy?.rule).toBe('ownPost');
  });

  it('raises priority with influence', () => {
    const base = scorePost({ text: '@acme my order is late' }, profile, { now });
    const loud = scorePost({ text: '@acme my order is late', followers: 250_000, authorVerified: true }, profile, { now });
    expect(loud.priority).toBeGreaterThan(base.priority);
    expect(loud.reasons.find((r) => r.code === 'influence')?.detail).toBe('250k followers, verified');
  });

  it('follows the profile weights', () => {
    const noQuestions = BrandProfileSchema.parse({ ...profile, weights: { ...profile.weights, question: 0 } });
    expect(scorePost({ text: '@acme what time do you open?' }, noQuestions, { now }).priority).toBe(0);
  });

  it('reads a post that names the brand as about the brand, not as a mood', () => {
    // No "@", no service word: as bare text it could be anyone's bad day.
    const text = 'so done with Acme';
    const bare = score(text).complaintProbability ?? 0;
    const named = score(text, { matchedTerms: ['Acme'] });
    expect(named.complaintProbability ?? 0).toBeGreaterThan(bare + 0.1);
    expect(named.complaint).toBe(true);
  });

  it('halves a question not addressed to the brand', () => {
    const other = scorePost({ text: '@someoneelse what time do you open?' }, profile, { now });
    expect(other.reasons.find((r) => r.code === 'question')?.points).toBe(Math.round(profile.weights.question / 2));
  });
});

describe('scorePost properties', () => {
  const input = fc.record({
    text: fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.constantFrom('@acme worst!!! #refund', 'не плохо', '不好?', '@a @b @c @d @e')),
    authorHandle: fc.string(),
    authorVerified: fc.boolean(),
    followers: fc.option(fc.nat(), { nil: undefined }),
    createdAt: fc.option(fc.integer({ min: 0, max: 4e12 }), { nil: undefined }),
    counts: fc.record({ replies: fc.option(fc.nat(), { nil: undefined }), likes: fc.option(fc.nat(), { nil: undefined }) }),
  });
  const context = fc.record({
    now: fc.integer({ min: 0, max: 4e12 }),
    customer: fc.option(fc.record({ orderCount: fc.nat(), totalSpent: fc.nat(), name: fc.string() }), { nil: undefined }),
  });

  // Formula: priority = clamp(Σ reasons[].points, 0, 100), every point an integer.
  it('never throws; priority is an integer in 0..100 equal to the clamped sum of points', () => {
    fc.assert(
      fc.property(input, context, (i, c) => {
        const r = scorePost(i, profile, c);
        expect(Number.isInteger(r.priority)).toBe(true);
        const sum = r.reasons.reduce((s, x) => s + x.points, 0);
        expect(r.reasons.every((x) => Number.isInteger(x.points))).toBe(true);
        expect(r.priority).toBe(Math.min(100, Math.max(0, sum)));
        expect(TriageResultSchema.safeParse(r).success).toBe(true);
        if (r.spam) expect(r.priority).toBe(0);
      }),
      { numRuns: 300 },
    );
  });
});
