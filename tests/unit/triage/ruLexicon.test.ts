import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasNamedFeature } from '../support/modelFeatures';
import { normalizeForModel } from '../../../lib/triage/model/features';
import { ruLexiconHits } from '../../../lib/triage/model/ruLexicon';

const words = (raw: string, side: 'complaint' | 'praise'): string[] => {
  const text = normalizeForModel(raw);
  return ruLexiconHits(text)[side].map(([s, e]) => text.slice(s, e));
};

describe('Russian complaint and praise words', () => {
  it.each([
    // Praise without thanks: what the bank tweets never taught.
    ['заказала вечером, утром уже забрала. космос', [], ['космос']],
    ['курьер приехал быстрее, чем я надел тапки', [], ['быстрее']],
    ['лучший банк, всё чётко', [], ['лучший', 'всё чётко']],
    ['еда вкусная и горячая', [], ['вкусная', 'горячая']],
    ['ужасный сервис, еда холодная, курьер нахамил', ['ужасный', 'холодная', 'нахамил'], []],
    // A negated word counts for the other side, softeners between included.
    ['не доволен, всё очень медленно', ['доволен', 'медленно'], []],
    ['доставили без задержек, не долго', [], ['задержек', 'долго']],
    ['не очень вкусно', ['вкусно'], []],
    // Words that carry their own negation are not flipped again.
    ['неплохо', [], ['неплохо']],
    ['не советую', ['не советую'], []],
    // Whole words only: "горячая линия" is the hotline, "хорошо" inside another word is not praise.
    ['позвонил на горячую линию', [], []],
    ['нехорошость', [], []],
    ['the courier was fast', [], []],
  ])('%s', (text, complaint, praise) => {
    expect(words(text, 'complaint')).toEqual(complaint);
    expect(words(text, 'praise')).toEqual(praise);
  });

  it('finds spans inside the text, in order and apart, whatever the text', () => {
    const word = fc.oneof(fc.constantFrom('не', 'без', 'очень', 'космос', 'плохо', 'неплохо', 'быстро', 'всё', 'чётко', 'горячая', 'линия', ',', '!'), fc.string());
    fc.assert(
      fc.property(fc.array(word, { maxLength: 12 }), (parts) => {
        const text = normalizeForModel(parts.join(' '));
        const hits = ruLexiconHits(text);
        const spans = [...hits.complaint, ...hits.praise].sort((a, b) => a[0] - b[0]);
        for (const [k, [s, e]] of spans.entries()) {
          expect(0 <= s && s < e && e <= text.length).toBe(true);
          expect(k === 0 || (spans[k - 1]?.[1] ?? 0) <= s).toBe(true);
        }
      }),
    );
  });
});

describe('Russian lexicon features', () => {

  it.each([
    ['@shop заказала вечером, утром уже забрала. космос', 'rulex:praise', true],
    ['@shop ужасный сервис', 'rulex:complaint', true],
    // Praise beside a grievance is not counted: the post is still a complaint.
    ['@bank приложение супер, но перевод не работает с утра', 'rulex:praise', false],
    // A plain question names a complaint word without complaining.
    ['@shop долго ли идёт доставка до Казани?', 'rulex:complaint', false],
    ['@shop долго идёт доставка до Казани', 'rulex:complaint', true],
    ['the courier was fast', 'rulex:praise', false],
  ])('%s has %s: %s', (text, name, expected) => {
    expect(hasNamedFeature(text, name)).toBe(expected);
  });
});
