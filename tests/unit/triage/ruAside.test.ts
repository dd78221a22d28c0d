import { describe, expect, it } from 'vitest';
import { normalizeForModel } from '../../../lib/triage/model/features';
import { isRuAside } from '../../../lib/triage/model/ruAside';
import { ruLexiconHits } from '../../../lib/triage/model/ruLexicon';
import { FIXED_WEIGHTS, RU_SET_WEIGHTS } from '../../../lib/triage/model/train';
import { cuesOf, hasNamedFeature } from '../support/modelFeatures';

const aside = (raw: string): boolean => isRuAside(normalizeForModel(raw), cuesOf(raw));

// Written for these tests, across industries (taxi, telecom, delivery, banks, rail, streaming).
describe('Russian negativity not about the service (ruAside)', () => {
  it.each([
    ['опять дождь и пробки, хорошо хоть такси приехало быстро', true],
    ['сессия, ночую в библиотеке, спасает только @telco', true],
    ['берегите курьеров, на улице метель', true],
    ['соседи сверлят, включил сериал на @kino', true],
    // A grievance cue wins: the weather does not excuse a failure.
    ['из-за метели курьер так и не приехал', false],
    ['дождь, а интернет опять не работает', false],
    // Whole forms: "дождался" is waiting, "Морозов" a name, "дипломатия" no exam.
    ['дождался ответа от @bank', false],
    ['менеджер Морозов оформил карту', false],
    ['я устал ждать ответа', false],
  ])('%s → %s', (text, expected) => {
    expect(aside(text)).toBe(expected);
  });

  it('is a feature of Russian posts only, set against a complaint for Russian alone', () => {
    expect(hasNamedFeature('опять дождь и пробки, хорошо хоть такси приехало быстро', 'x:ruAside')).toBe(true);
    expect(hasNamedFeature('rain and traffic again, at least the taxi was quick', 'x:ruAside')).toBe(false);
    expect(FIXED_WEIGHTS['x:ruAside@ru']).toBeLessThan(0);
    expect(FIXED_WEIGHTS['x:ruAside']).toBeUndefined();
  });
});

describe('Russian cues for precision (issue 18)', () => {
  it.each([
    // The author's own fault, or nobody's.
    ['проспал поезд, сам дурак', 'ru.self'],
    ['@rail вы тут ни при чём, сама перепутала дату', 'ru.self'],
    // Calm failures that name no listed verb before.
    ['@shop кнопка возврата не нажимается', 'ru.neverDid'],
    ['@bank платёж не проходит', 'ru.neverDid'],
    ['@lavka в заказе не хватает двух пакетов', 'ru.neverDid'],
    // Waiting still counts.
    ['@eda жду курьера 40 минут', 'ru.time'],
  ])('%s → %s', (text, cue) => {
    expect(cuesOf(text)).toContain(cue);
  });

  it.each([
    // "Within 12 minutes" is speed, not waiting; "не прошло и часа" is praise, not a failed payment.
    ['@samokat привёз продукты за 12 минут', 'ru.time'],
    ['не прошло и часа, как всё привезли', 'ru.neverDid'],
  ])('%s is no %s', (text, cue) => {
    expect(cuesOf(text)).not.toContain(cue);
  });

  it('reads speed as praise', () => {
    const praise = (raw: string): string[] => {
      const text = normalizeForModel(raw);
      return ruLexiconHits(text).praise.map(([s, e]) => text.slice(s, e));
    };
    expect(praise('привезли за 12 минут')).toEqual(['за 12 минут']);
    expect(praise('курьер приехал минута в минуту')).toEqual(['минута в минуту']);
    expect(praise('записался в два клика')).toEqual(['в два клика']);
    expect(praise('жду 12 минут')).toEqual([]);
  });

  it('sets the Russian topic words to 0 and Russian praise words against a complaint', () => {
    expect(RU_SET_WEIGHTS['cue:ru.order']).toBe(0);
    expect(FIXED_WEIGHTS['cue:ru.order']).toBe(0);
    expect(FIXED_WEIGHTS['rulex:praise@ru']).toBeLessThan(0);
    // Only the Russian copy: other languages never see the Russian praise words anyway.
    expect(FIXED_WEIGHTS['rulex:praise']).toBeUndefined();
  });
});
