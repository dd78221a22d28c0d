/**
 * The schemas the page parses are written with zod/mini (lib/schemas/primitives, posts, replies,
 * lib/pageMessages). Two promises: they parse exactly as the classic definitions they replaced
 * (written out below as the oracle, property-tested on wild input), and classic schemas compose
 * them (fields, `z.optional`, spread shapes) with `z.infer` giving the same types.
 */
import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { PostVerdictSchema } from '@/lib/pageMessages';
import { BrandTermsSchema, HttpsUrlSchema, PostSchema, ProfileStatSchema, type BrandTerms, type Post } from '@/lib/schemas/posts';
import { EpochMsSchema, IdSchema, PostKeySchema, termList } from '@/lib/schemas/primitives';
import { InsertResultSchema, ReplyLogEntrySchema, ReplySentSchema, type ReplyLogEntry } from '@/lib/schemas/replies';
import { BrandProfileSchema, type BrandProfile } from '@/lib/schemas/settings';
import { ReplyEntryInputSchema } from '@/lib/team/protocol';

// ---------------------------------------------------------------- the classic definitions replaced
const C = {
  key: z.string().regex(/^(x|facebook):[\w.:-]{1,200}$/),
  ms: z.number().int().nonnegative(),
  id: z.string().min(1).max(120),
  url: z.url({ protocol: /^https$/ }).max(2000),
  terms: z.array(z.string().trim().min(1).max(120)).max(2000).default([]),
};
const classicContext = z.object({ templateId: C.id.optional(), renderedText: z.string().max(40000).optional(), toneWarningsOverridden: z.number().int().nonnegative().optional() });
const classic = {
  post: z.object({
    key: C.key,
    site: z.enum(['x', 'facebook']),
    postId: z.string().min(1).max(200),
    kind: z.enum(['post', 'comment']).default('post'),
    url: C.url,
    authorHandle: z.string().max(120).default(''),
    authorName: z.string().max(300).default(''),
    authorVerified: z.boolean().default(false),
    authorProfileUrl: z.string().max(2000).optional(),
    text: z.string().max(40000),
    truncated: z.boolean().default(false),
    createdAt: C.ms.optional(),
    lang: z.string().max(20).optional(),
    seenAt: C.ms,
    isReply: z.boolean().default(false),
    replyToHandles: z.array(z.string().max(120)).default([]),
    parentPostId: z.string().max(200).optional(),
    quotedPostId: z.string().max(200).optional(),
    threadOwner: z.string().max(120).optional(),
    quotedAuthorHandle: z.string().max(120).optional(),
    quotedText: z.string().max(2000).optional(),
    repostedBy: z.string().max(300).optional(),
    counts: z.object({ replies: C.ms.optional(), reposts: C.ms.optional(), likes: C.ms.optional() }).default({}),
    sameAs: z.array(C.key).max(4).optional(),
  }),
  profileStat: z.object({ handle: z.string().min(1).max(120), followers: C.ms.optional(), verified: z.boolean().optional() }),
  insertResult: z.object({
    ok: z.boolean(),
    strategy: z.enum(['paste', 'beforeinputPaste', 'beforeinputText', 'execCommand', 'none']),
    verified: z.boolean(),
    postEnabled: z.boolean().nullable(),
    fallback: z.literal('clipboard').optional(),
    copied: z.boolean().optional(),
    reason: z.enum(['noPost', 'noEditor', 'notVerified', 'postDisabled', 'noTab', 'claimed']).optional(),
    claimedBy: z.string().max(120).optional(),
    insertionId: z.string().max(80).optional(),
  }),
  replySent: z.object({ key: C.key, text: z.string().max(40000), replyUrl: C.url.optional(), sentAt: C.ms, insertionId: z.string().max(80).optional(), context: classicContext.default({}) }),
  verdict: z.object({
    key: C.key,
    matched: z.boolean(),
    own: z.boolean(),
    brandId: C.id.optional(),
    priority: z.number().int().min(0).max(100).optional(),
    terms: z.array(z.string()).default([]),
    queued: z.boolean(),
    filtered: z.boolean().default(false),
    rejected: z.string().max(300).optional(),
  }),
};

// ---------------------------------------------------------------- wild input
/** Values near every check's edge, and of every wrong type. */
const wild: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom('', ' ', '  a  ', 'x:1', 'x:', 'facebook:pfbid0a', 'x:<b>', 'https://x.com/a/status/1', 'http://x.com/', 'javascript:alert(1)', 'post', 'comment', 'paste', 'noPost', 'clipboard', 'x'),
  fc.string({ maxLength: 6 }),
  fc.string({ minLength: 118, maxLength: 122 }),
  fc.constantFrom(0, 1, -1, 1.5, 100, 101, Number.NaN, Number.MAX_SAFE_INTEGER + 2, Infinity),
  fc.boolean(),
  fc.constantFrom(undefined, null, {}, []),
  fc.array(fc.constantFrom('', 'a', ' b ', 'x:1', 'x:', 1), { maxLength: 5 }),
);
const recordOf = (keys: readonly string[]) => fc.dictionary(fc.constantFrom(...keys), wild, { maxKeys: keys.length });

/** Same verdict, same data, and the same fields blamed. */
function outcome(schema: z.core.$ZodType, value: unknown) {
  const result = z.safeParse(schema, value);
  return result.success ? { ok: true, data: result.data } : { ok: false, paths: result.error.issues.map((i) => i.path.join('.')).sort() };
}

describe('zod/mini schemas parse as the classic ones they replaced', () => {
  it.each([
    ['PostKeySchema', PostKeySchema, C.key],
    ['EpochMsSchema', EpochMsSchema, C.ms],
    ['IdSchema', IdSchema, C.id],
    ['HttpsUrlSchema', HttpsUrlSchema, C.url],
    ['termList', termList, C.terms],
  ] as const)('%s, on any value', (_name, mini, oracle) => {
    fc.assert(
      fc.property(wild, (value) => {
        expect(outcome(mini, value)).toEqual(outcome(oracle, value));
      }),
      { numRuns: 300 },
    );
  });

  it.each([
    ['PostSchema', PostSchema, classic.post],
    ['ProfileStatSchema', ProfileStatSchema, classic.profileStat],
    ['InsertResultSchema', InsertResultSchema, classic.insertResult],
    ['ReplySentSchema', ReplySentSchema, classic.replySent],
    ['PostVerdictSchema', PostVerdictSchema, classic.verdict],
  ] as const)('%s, on any record of its fields', (_name, mini, oracle) => {
    const keys = Object.keys(oracle.shape);
    fc.assert(
      fc.property(recordOf(keys), (value) => {
        expect(outcome(mini, value)).toEqual(outcome(oracle, value));
      }),
      { numRuns: 400 },
    );
  });

  it('a post both accept comes out the same, defaults filled', () => {
    const valid = { key: 'x:1', site: 'x', postId: '1', url: 'https://x.com/a/status/1', text: 'hi', seenAt: 5, counts: { likes: 2 } };
    expect(PostSchema.parse(valid)).toEqual(classic.post.parse(valid));
    expect(PostSchema.parse(valid)).toMatchObject({ kind: 'post', authorHandle: '', replyToHandles: [], counts: { likes: 2 } });
  });
});

describe('classic schemas compose zod/mini ones', () => {
  const brand = { id: 'acme', name: 'Acme', handles: ['  AcmeHelp '], createdAt: 0, updatedAt: 1 };

  it('a classic object runs the mini fields it holds (trim, defaults, limits)', () => {
    const parsed = BrandProfileSchema.parse(brand);
    expect(parsed.handles).toEqual(['AcmeHelp']);
    expect(parsed.names).toEqual([]);
    expect(parsed.threadMentions).toBe(true);
    const tooLong = BrandProfileSchema.safeParse({ ...brand, handles: ['a'.repeat(121)] });
    expect(tooLong.success ? [] : tooLong.error.issues.map((i) => i.path)).toEqual([['handles', 0]]);
  });

  it('the page gets the terms of a brand profile and nothing else', () => {
    const terms = BrandTermsSchema.parse(BrandProfileSchema.parse(brand));
    expect(Object.keys(terms).sort()).toEqual(['exclusions', 'handles', 'hashtags', 'id', 'misspellings', 'names', 'products', 'threadMentions']);
  });

  it('a classic spread of a mini shape adds fields and keeps the checks', () => {
    const entry = { id: 'r1', postKey: 'x:1', site: 'x', brandId: 'acme', agent: 'ann', text: 'ok', postCreatedAt: 1, firstSeenAt: 1, repliedAt: 2, frtWallMs: 1, frtBusinessMs: 1, slaMet: true };
    expect(ReplyEntryInputSchema.parse({ ...entry, agent: '' }).agent).toBe('');
    expect(ReplyLogEntrySchema.safeParse({ ...entry, agent: '' }).success).toBe(false);
    expect(ReplyEntryInputSchema.safeParse({ ...entry, postKey: 'myspace:1' }).success).toBe(false);
  });

  it('z.optional / z.nullable of a mini schema inside a classic object', () => {
    const s = z.object({ key: z.optional(PostKeySchema), at: z.nullable(EpochMsSchema) });
    expect(s.parse({ at: null })).toEqual({ at: null });
    expect(s.safeParse({ key: 'x:', at: 1 }).success).toBe(false);
    expect(s.safeParse({ at: -1 }).success).toBe(false);
  });

  it('z.infer reads both', () => {
    expectTypeOf<BrandProfile['handles']>().toEqualTypeOf<string[]>();
    expectTypeOf<BrandProfile['threadMentions']>().toEqualTypeOf<boolean>();
    expectTypeOf<BrandProfile>().toExtend<BrandTerms>();
    expectTypeOf<Post['createdAt']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<z.infer<typeof ReplyEntryInputSchema>>().toExtend<Omit<ReplyLogEntry, 'agent'>>();
    expectTypeOf<z.infer<typeof ReplyEntryInputSchema>['agent']>().toEqualTypeOf<string | undefined>();
  });
});
