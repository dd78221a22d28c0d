import { describe, expect, it } from 'vitest';
import { PageVerdictSchema, type PostVerdict } from '@/lib/pageMessages';
import { pageVerdict } from '@/lib/pipeline/pageVerdict';

const base: PostVerdict = { key: 'x:1', matched: true, own: false, brandId: 'acme', priority: 70, terms: ['@AcmeHelp', 'acme'], queued: false, filtered: false };

describe('pageVerdict: the page gets only what it acts on', () => {
  it.each<[string, Partial<PostVerdict>, object]>([
    ['a mention the agent may add', {}, { key: 'x:1', priority: 70, term: '@AcmeHelp' }],
    ['a queued mention', { queued: true }, { key: 'x:1', priority: 70, term: '@AcmeHelp', state: 'queued' }],
    ['a filtered one (filtered beats queued)', { queued: true, filtered: true }, { key: 'x:1', priority: 70, term: '@AcmeHelp', state: 'filtered' }],
    ['no term', { terms: [] }, { key: 'x:1', priority: 70 }],
    ['not a mention', { matched: false, priority: undefined, terms: [] }, { key: 'x:1' }],
    ["the brand's own post", { own: true }, { key: 'x:1' }],
    ['matched without a priority', { priority: undefined }, { key: 'x:1' }],
    ['not filed', { matched: false, rejected: 'text: too long' }, { key: 'x:1', rejected: 'text: too long' }],
    ['a reason longer than the page takes', { matched: false, rejected: 'r'.repeat(400) }, { key: 'x:1', rejected: 'r'.repeat(300) }],
  ])('%s', (_label, change, expected) => {
    const out = pageVerdict({ ...base, ...change });
    expect(out).toEqual(expected);
    expect(PageVerdictSchema.parse(out)).toEqual(out);
  });
});
