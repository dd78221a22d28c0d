import { describe, expect, it } from 'vitest';
import { hasNamedFeature, MODEL_BITS, modelBucket } from '../support/modelFeatures';
import { extractFeatures } from '../../../lib/triage/model/features';
import { zhLexiconHits } from '../../../lib/triage/model/zhLexicon';

const words = (text: string, side: 'complaint' | 'praise'): string[] => zhLexiconHits(text)[side].map(([s, e]) => text.slice(s, e));

describe('Chinese complaint and praise words', () => {
  it.each([
    ['质量太差了，很失望，已经退货', ['太差', '失望', '退货'], []],
    ['物美价廉，值得推荐，好评', [], ['物美价廉', '值得', '推荐', '好评']],
    // A negated word counts for the other side, softeners between included.
    ['不满意，不太推荐', ['不满意', '推荐'], []],
    ['物流不慢，价格不贵', [], ['慢', '贵']],
    // Words that carry their own negator are not flipped again.
    ['还不错', [], ['不错']],
    ['不好用', ['不好用'], []],
    ['the tent pole broke', [], []],
    // Services, delivery and food: waits, cold or spilled food, taste, portions, staff.
    ['送得太慢，等了一个小时，饭都凉了，汤也洒了', ['送得太慢', '等了', '凉了', '洒了'], []],
    ['太咸了，分量少，骑手还挂电话', ['太咸', '分量少', '挂电话'], []],
    ['好吃，准时，小哥很热情，分量足', [], ['好吃', '准时', '热情', '分量足']],
    ['送餐不准时，不好吃', ['准时', '不好吃'], []],
    // Compounds that hold a listed word and mean neither: courier, several days, business trip.
    ['快递等了好几天', ['等了'], []],
    ['人在出差，差不多下周回', [], []],
    // Internet slang on both sides.
    ['yyds，宝藏店铺', [], ['yyds', '宝藏']],
    ['踩雷了，智商税', ['踩雷', '智商税'], []],
  ])('%s', (text, complaint, praise) => {
    expect(words(text, 'complaint')).toEqual(complaint);
    expect(words(text, 'praise')).toEqual(praise);
  });
});

describe('Chinese lexicon features', () => {

  it.each([
    ['东西坏了，很失望', 'zhlex:complaint', true],
    ['很满意，推荐', 'zhlex:praise', true],
    ['很满意，推荐', 'zhlex:complaint', false],
    // A plain question names a complaint word without complaining.
    ['怎么退货？', 'zhlex:complaint', false],
    ['my order is broken and I am disappointed', 'zhlex:complaint', false],
  ])('%s has %s: %s', (text, name, expected) => {
    expect(hasNamedFeature(text, name)).toBe(expected);
  });

  it('points the words it found back into the text, for the explanation', () => {
    const f = extractFeatures('东西坏了，很失望', MODEL_BITS);
    const spans = f.index.flatMap((h, k) => (h === modelBucket('zhlex:complaint') ? [f.text.slice(f.start[k], f.end[k])] : []));
    expect(spans).toEqual(['坏了', '失望']);
  });
});
