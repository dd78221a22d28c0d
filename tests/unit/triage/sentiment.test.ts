import { describe, expect, it } from 'vitest';
import { analyzeSentiment } from '../../../lib/triage/sentiment';

describe('analyzeSentiment', () => {
  it.each([
    // [text, expected label]
    ['This is the worst service ever', 'negative'],
    ['Terrible, my package arrived broken', 'negative'],
    ['Thanks, great job, love it!', 'positive'],
    ['not bad at all', 'positive'],
    ['not good', 'negative'],
    ['no problem', 'positive'],
    ['I have never had an issue', 'positive'],
    ['The order number is 1234', 'neutral'],
    ['Ужасно, всё сломалось', 'negative'],
    ['Спасибо, отличный сервис', 'positive'],
    ['не плохо', 'positive'],
    ['не хорошо', 'negative'],
    ['质量太差了', 'negative'],
    ['不错，谢谢', 'positive'],
    ['不好', 'negative'],
    ['不满意', 'negative'],
    // "出差" (a business trip) and "好几天" (several days) hold "差" and "好" but are neither.
    ['明天出差，好几天不在家', 'neutral'],
    ['thanks 😡', 'negative'],
    ['ok :)', 'positive'],
    // General evaluative words of posts to any business (written for this test).
    ['the new bikes are a massive improvement', 'positive'],
    ['smoothest landing ever, so proud of the crew', 'positive'],
    ['shoddy repair and a condescending manager', 'negative'],
    ['the salad was soggy and the bread inedible', 'negative'],
    ['the comfiest, most dependable boots I own', 'positive'],
    ['laggy, fiddly and overrated', 'negative'],
  ])('%s → %s', (text, label) => {
    expect(analyzeSentiment(text).label).toBe(label);
  });

  it('returns the words that drove the score, strongest first', () => {
    const s = analyzeSentiment('the app is slow and the support was the worst');
    expect(s.drivers.map((d) => d.term)).toEqual(['worst', 'slow']);
  });

  it.each([
    ['intensifier', 'very bad', 'bad'],
    ['exclamation marks', 'bad!!!', 'bad'],
    ['ALL CAPS word', 'this is BAD', 'this is bad'],
    ['repeated letters', 'baaaad', 'meh'],
  ])('%s makes it stronger', (_name, stronger, weaker) => {
    expect(analyzeSentiment(stronger).score).toBeLessThan(analyzeSentiment(weaker).score);
  });

  it('weights the clause after "but" more', () => {
    expect(analyzeSentiment('the crew was nice but the app is broken and useless').label).toBe('negative');
    expect(analyzeSentiment('the app was broken but support was amazing, thank you').label).toBe('positive');
  });

  it('stays within −1..1', () => {
    const s = analyzeSentiment('worst worst worst horrible awful terrible disgusting!!!!!!');
    expect(s.score).toBeGreaterThanOrEqual(-1);
    expect(s.score).toBeLessThan(-0.9);
  });
});
