import { describe, expect, it } from 'vitest';
import { PostSchema } from '@/lib/schemas/posts';
import { PostKeySchema, postKey } from '@/lib/schemas/primitives';
import { QueueItemSchema } from '@/lib/schemas/queue';
import { BrandProfileSchema } from '@/lib/schemas/settings';
import { post } from '../support/db';

describe('PostKeySchema', () => {
  it.each([
    ['x:1750000000000000000', true],
    ['facebook:pfbid02abc', true],
    ['facebook:123_456', true],
    ['instagram:1', false],
    ['x:', false],
    ['x:<script>', false],
    ['x 1', false],
  ])('%s valid=%s', (key, valid) => {
    expect(PostKeySchema.safeParse(key).success).toBe(valid);
  });

  it('postKey builds the test-contract key', () => {
    expect(postKey('x', '42')).toBe('x:42');
  });
});

describe('PostSchema', () => {
  it('accepts an extracted post and fills defaults', () => {
    const { counts: _c, replyToHandles: _r, ...minimal } = post('1', 'hello');
    const parsed = PostSchema.parse(minimal);
    expect(parsed.counts).toEqual({});
    expect(parsed.replyToHandles).toEqual([]);
  });

  // Each row names the one field it breaks: the post must fail on that field and no other, so a
  // base post that stopped parsing (or a check that moved) cannot pass the row by accident.
  it.each([
    ['bad url', { url: 'javascript:alert(1)x' }, ['url']],
    ['negative time', { createdAt: -5 }, ['createdAt']],
    ['unknown site', { site: 'myspace' }, ['site']],
    ['text too long', { text: 'a'.repeat(40001) }, ['text']],
    ['nothing (control)', {}, []],
  ])('rejects %s', (_label, patch, fields) => {
    const result = PostSchema.safeParse({ ...post('1', 'x'), ...patch });
    expect((result.error?.issues ?? []).map((issue) => String(issue.path[0]))).toEqual(fields);
  });

  it('keeps hostile text as text', () => {
    const text = '<img src=x onerror=alert(1)> @acme';
    expect(PostSchema.parse(post('1', text)).text).toBe(text);
  });
});

describe('BrandProfileSchema', () => {
  it('fills weights, business hours and tone rules with defaults', () => {
    const b = BrandProfileSchema.parse({ id: 'b', name: 'B', createdAt: 0, updatedAt: 0 });
    expect(b.weights.customer).toBeGreaterThan(b.weights.praise);
    expect(b.businessHours.week).toHaveLength(7);
    expect(b.toneRules.enabled).toContain('empathy');
  });

  it.each([
    ['empty name', { name: '  ' }],
    ['bad clock', { businessHours: { timeZone: 'UTC', week: [[{ start: '9am', end: '17:00' }], [], [], [], [], [], []] } }],
    ['six-day week', { businessHours: { timeZone: 'UTC', week: [[], [], [], [], [], []] } }],
  ])('rejects %s', (_label, patch) => {
    expect(BrandProfileSchema.safeParse({ id: 'b', name: 'B', createdAt: 0, updatedAt: 0, ...patch }).success).toBe(false);
  });
});

describe('QueueItemSchema', () => {
  const base = { key: 'x:1', site: 'x', brandId: 'acme', state: 'new', priority: 50, rank: 1, postCreatedAt: 1, queuedAt: 1, firstSeenAt: 1, updatedAt: 1 };
  it.each([
    [{}, true],
    [{ priority: 101 }, false],
    [{ priority: 50.5 }, false],
    [{ state: 'archived' }, false],
  ])('%o valid=%s', (patch, valid) => {
    expect(QueueItemSchema.safeParse({ ...base, ...patch }).success).toBe(valid);
  });
});
