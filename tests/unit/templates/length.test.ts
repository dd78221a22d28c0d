/**
 * Weighted length against twitter-text's own conformance suite. The npm package does not ship
 * the YAML, so these cases are transcribed from twitter/twitter-text `conformance/validate.yml`
 * (as mirrored in sayrer/twitter-text @cf71bf20, sections `WeightedTweetsCounterTest` (config v2)
 * and `WeightedTweetsWithDiscountedEmojiCounterTest` (config v3, the package default)), Apache-2.0.
 * Invisible characters are written as escapes.
 */
import { describe, expect, it } from 'vitest';
import { FACEBOOK_DEFAULT_LIMIT, lengthBudget, renderTemplate, xWeightedLength } from '../../../lib/templates';
import { TemplateSchema } from '../../../lib/schemas/templates';

// twitter-text's `configs.version2`, copied from the package (the @types do not export `configs`).
const V2 = {
  version: 2,
  maxWeightedTweetLength: 280,
  scale: 100,
  defaultWeight: 200,
  transformedURLLength: 23,
  ranges: [
    { start: 0, end: 4351, weight: 100 },
    { start: 8192, end: 8205, weight: 100 },
    { start: 8208, end: 8223, weight: 100 },
    { start: 8242, end: 8247, weight: 100 },
  ],
};

const x10 = 'xxxxxxxxxx-';
const poem =
  '故人西辞黄鹤楼，烟花三月下扬州。孤帆远影碧空尽，唯见长江天际流。朱雀桥边野草花，乌衣巷口夕阳斜。旧时王谢堂前燕，飞入寻常百姓家。朝辞白帝彩云间，千里江陵一日还。两岸猿声啼不住，轻舟已过万重山。泪湿罗巾梦不成，夜深前殿按歌声。红颜未老恩先断，斜倚薰笼坐到明。独在异乡为异客，每逢佳节倍思亲。遥知兄弟登高处，遍插茱萸少一人。';
const family = '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}\u200D\u{1F466}';
const aloha = 'https://www.twitter.com/aloha ';
const kana = 'あいうえおかきくけこ';

const v2Cases: Array<[string, string, number]> = [
  ['Regular Tweet with url', 'Hi http://test.co', 26],
  ['Just url', 'http://test.co', 23],
  ['Long tweet, overflow at char index 280', `285 chars-${x10.repeat(25)}`, 285],
  ['Long tweet with url in the middle', `285 chars- http://www.twitter.com/jack ${x10.repeat(24)}`, 299],
  ['Long tweet with url at the end', `${x10.repeat(24)} http://www.twitter.com/jack `, 289],
  ['10 url string, no overflow', aloha.repeat(10), 240],
  ['160 CJK char', poem, 320],
  ['160 emoji char', '\u{1F637}'.repeat(160), 320],
  ['3 latin char + 160 CJK char', `the${poem}`, 323],
  ["'Á' is normalized into 1 char", 'A\u0301B', 2],
  ['282 chars with a normalized character', `282 chars-${x10.repeat(24)}xxxxxA\u0301x`, 281],
  ['Count a mix of single byte single word, and double word unicode characters', `H\u{1F431}\u263A${family}`, 16],
  ['Count unicode emoji chars inside the basic multilingual plane', '\u{1F637}\u{1F47E}\u{1F621}\u{1F525}\u{1F4A9}', 10],
  [
    'General Punctuation with visible spaces',
    'This is a tweet with general punctuation characters: \u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u200B\u200C\u200D ‐ ‑ ‒ – — ― ‖  ‗ ‘ ’ ‚ ‛ “ ” „ ‟ ′ ″ ‴ ‵ ‶ ‷',
    112,
  ],
  ['64 character domain without protocol', 'randomurlrandomurlrandomurlrandomurlrandomurlrandomurlrandomurls.com', 68],
];

const v3Cases: Array<[string, string, number]> = [
  ['Regular Tweet with url', 'Hi http://test.co', 26],
  ['160 emoji char', '\u{1F637}'.repeat(160), 320],
  ['140 family emoji', family.repeat(140), 280],
  ['Emoji with a leading character in the latin range is counted as 2', '1\u20E3', 2],
  [
    'Unicode 10.0 emoji',
    'Unicode 10.0 emoji: \u{1F92A}; \u{1F9D5}; \u{1F9D5}\u{1F3FE}; \u{1F3F4}\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}',
    34,
  ],
  ['Unicode 9.0 emoji', 'Unicode 9.0 emoji: \u{1F920}; \u{1F483}; \u{1F483}\u{1F3FE}', 29],
  [
    'Allow > 140 CJK characters by virtue of CJK chars less than 63 punycode encoded chars in the host',
    `${kana.repeat(12)} http://${kana.repeat(5)}あい.com`,
    264,
  ],
];

describe('xWeightedLength: twitter-text conformance', () => {
  it.each(v2Cases)('v2 %s', (_d, text, expected) => {
    expect(xWeightedLength(text, V2)).toBe(expected);
  });
  it.each(v3Cases)('default (v3) %s', (_d, text, expected) => {
    expect(xWeightedLength(text)).toBe(expected);
  });
});

describe('lengthBudget', () => {
  it.each([
    ['Hi http://test.co', 'x', {}, { used: 26, limit: 280, remaining: 254, over: false }],
    [`285 chars-${x10.repeat(25)}`, 'x', {}, { used: 285, limit: 280, remaining: -5, over: true }],
    [`285 chars-${x10.repeat(25)}`, 'x', { premium: true }, { used: 285, limit: 25000, remaining: 24715, over: false }],
    ['x'.repeat(280), 'x', {}, { used: 280, limit: 280, remaining: 0, over: false }],
    ['你好'.repeat(70), 'x', {}, { used: 280, limit: 280, remaining: 0, over: false }],
    ['你好'.repeat(70) + '!', 'x', {}, { used: 281, limit: 280, remaining: -1, over: true }],
    // Facebook: code points, no URL shortening, brand-configurable limit.
    ['Hi http://test.co 😀', 'facebook', {}, { used: 19, limit: FACEBOOK_DEFAULT_LIMIT, remaining: 7981, over: false }],
    ['abcdef', 'facebook', { facebookLimit: 5 }, { used: 6, limit: 5, remaining: -1, over: true }],
    ['abc', 'facebook', { facebookLimit: 0 }, { used: 3, limit: FACEBOOK_DEFAULT_LIMIT, remaining: 7997, over: false }],
  ] as const)('%s on %s %j', (text, site, opts, expected) => {
    expect(lengthBudget(text, site, opts)).toEqual(expected);
  });

  it('counts the rendered text, not the template source', () => {
    const t = TemplateSchema.parse({
      id: 't', shortCode: 'a', title: 'A', scope: 'shared', createdAt: 0, updatedAt: 0,
      bodies: ['Hi {{customer.first_name || "there"}}, see {{brand.support_email}}'],
    });
    const r = renderTemplate(t, 'x', { brand: { supportEmail: 'help@acme.test' } });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.text).toBe('Hi there, see help@acme.test');
    expect(lengthBudget(r.text, 'x').used).toBe(r.text.length);
  });
});
