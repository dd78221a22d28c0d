import { describe, expect, it } from 'vitest';
import { messageSchemas, parseMessage } from '@/lib/messages';
import { post } from '../support/db';

describe('message validation', () => {
  const page = { site: 'x', pageKind: 'home', url: 'https://x.com/home' };

  it('accepts a well-formed postsSeen batch', () => {
    const parsed = parseMessage('postsSeen', { page, posts: [post('1', 'hi')], recognised: 4, candidates: 3, extractionFailures: 0 });
    expect(parsed.posts).toHaveLength(1);
  });

  it('leaves each post to ingest, so one bad post cannot reject its batch', () => {
    const parsed = parseMessage('postsSeen', { page, posts: [post('1', 'hi'), { ...post('2', 'x'), url: 'javascript:alert(1)' }], recognised: 2, candidates: 2, extractionFailures: 0 });
    expect(parsed.posts).toHaveLength(2);
  });

  it.each([
    ['missing page', { posts: [], recognised: 0, candidates: 0, extractionFailures: 0 }],
    ['foreign site', { page: { ...page, site: 'myspace' }, posts: [], recognised: 0, candidates: 0, extractionFailures: 0 }],
    ['negative counts', { page, posts: [], recognised: 0, candidates: -1, extractionFailures: 0 }],
    ['negative recognised', { page, posts: [], recognised: -1, candidates: 0, extractionFailures: 0 }],
    ['missing recognised', { page, posts: [], candidates: 0, extractionFailures: 0 }],
    ['oversized batch', { page, posts: Array.from({ length: 501 }, (_, i) => post(String(i), 'x')), recognised: 501, candidates: 0, extractionFailures: 0 }],
    ['posts as text, not a list', { page, posts: '[{"key":"x:1"}]', recognised: 1, candidates: 0, extractionFailures: 0 }],
    ['posts as one post, not a list', { page, posts: { key: 'x:1' }, recognised: 1, candidates: 0, extractionFailures: 0 }],
  ])('rejects postsSeen with %s', (_label, payload) => {
    expect(() => parseMessage('postsSeen', payload)).toThrow();
  });

  it.each([
    ['queueSetState', { key: 'x:1', state: 'exploded' }],
    ['queueAdd', { key: 'not-a-key' }],
    ['brandSave', { id: 'b', name: '' }],
  ] as const)('rejects an invalid %s', (name, payload) => {
    expect(() => parseMessage(name, payload)).toThrow();
  });

  // The types already demand both schemas; what can go wrong is a schema that accepts anything
  // (z.any, z.unknown), which would let an unparsed payload through the background's `handle`.
  it.each(Object.keys(messageSchemas))('%s parses its payload and answer (accepts no stray value)', (name) => {
    const def = Object.entries(messageSchemas).find(([n]) => n === name)?.[1];
    expect(def?.input.safeParse(42).success).toBe(false);
    expect(def?.output.safeParse(Symbol('stray')).success).toBe(false);
  });
});
