/**
 * Posts read from the page, page health, what site adapters report, and brand-term matches.
 * `zod/mini`: the page protocol is built on these (see primitives.ts); the background parses them.
 */
import * as z from 'zod/mini';
import { EpochMsSchema, IdSchema, PostKeySchema, SiteSchema } from './primitives';

// ---------------------------------------------------------------- posts seen in the page
/**
 * Links we store and render must be plain https (never javascript:, data: …). Here, not in
 * primitives.ts: the content script parses no link, and its bundle then carries no URL parser.
 */
export const HttpsUrlSchema = z.url({ protocol: /^https$/ }).check(z.maxLength(2000));

/** A count: a non-negative integer. */
const tally = z.int().check(z.nonnegative());
const count = z.optional(tally);
const upTo = (max: number) => z.string().check(z.maxLength(max));
const optionalUpTo = (max: number) => z.optional(upTo(max));

export const PostCountsSchema = z.object({ replies: count, reposts: count, likes: count });

/** Other keys one post may name (`Post.sameAs`). */
export const SAME_AS_MAX = 4;

export const PostSchema = z.object({
  key: PostKeySchema,
  site: SiteSchema,
  postId: z.string().check(z.minLength(1), z.maxLength(200)),
  kind: z._default(z.enum(['post', 'comment']), 'post'),
  url: HttpsUrlSchema,
  authorHandle: z._default(upTo(120), ''),
  authorName: z._default(upTo(300), ''),
  authorVerified: z._default(z.boolean(), false),
  authorProfileUrl: optionalUpTo(2000),
  text: upTo(40000),
  truncated: z._default(z.boolean(), false),
  createdAt: z.optional(EpochMsSchema),
  /**
   * When the page shows only words for `createdAt` ("3 hrs", "Yesterday at 11:02" on Facebook):
   * those words, read at `seenAt`. The background turns them into `createdAt` before it writes
   * (lib/sites/postTime.ts), so the page carries no date parser; never stored.
   */
  timeLabels: z.optional(z.array(upTo(200)).check(z.maxLength(2))),
  lang: optionalUpTo(20),
  seenAt: EpochMsSchema,
  isReply: z._default(z.boolean(), false),
  replyToHandles: z._default(z.array(upTo(120)), []),
  /** Facebook comment → the post it sits under; X reply → the conversation's post when known. */
  parentPostId: optionalUpTo(200),
  quotedPostId: optionalUpTo(200),
  /**
   * Whose thread this post sits in, as the page shows it (X: the author of a conversation's focal
   * post; Facebook: the page, group or profile a post or comment lives on, else the author of the
   * post a comment sits under). Replies there talk to that owner without naming them.
   */
  threadOwner: optionalUpTo(120),
  /** The quoted post's author and text: X shows no id for most quotes, but the agent needs the context. */
  quotedAuthorHandle: optionalUpTo(120),
  quotedText: optionalUpTo(2000),
  repostedBy: optionalUpTo(300),
  counts: z._default(PostCountsSchema, {}),
  /**
   * Other keys the same post may arrive under. Facebook's `pfbid…` permalinks change between page
   * loads, so a post keyed by one also names its numeric id when the page shows one, and the
   * background adds its content key (lib/sites/postKeys.ts): it files every sighting under the key
   * it first saw.
   */
  sameAs: z.optional(z.array(PostKeySchema).check(z.maxLength(SAME_AS_MAX))),
});
export type Post = z.infer<typeof PostSchema>;

/** A key a post arrived under, and the key it is filed under (the first it was seen with). */
export const PostAliasSchema = z.object({ alias: PostKeySchema, key: PostKeySchema });
export type PostAlias = z.infer<typeof PostAliasSchema>;

/** Follower counts remembered from profiles and hover cards, for prioritisation. */
export const AuthorStatsSchema = z.object({
  key: z.string().check(z.minLength(3), z.maxLength(200)), // `<site>:<lower-case handle>`
  site: SiteSchema,
  handle: z.string().check(z.minLength(1), z.maxLength(120)),
  followers: count,
  verified: z.optional(z.boolean()),
  updatedAt: EpochMsSchema,
});
export type AuthorStats = z.infer<typeof AuthorStatsSchema>;

// ---------------------------------------------------------------- page health (selector self-test)
export const PageKindSchema = z.enum([
  'home',
  'search',
  'conversation',
  'profile',
  'notifications',
  'list',
  'feed',
  'page',
  'post',
  'other',
]);
export type PageKind = z.infer<typeof PageKindSchema>;

export const PageHealthSchema = z.object({
  tabId: z.int(),
  site: SiteSchema,
  pageKind: PageKindSchema,
  url: upTo(2000),
  /** Elements that look like posts by structure alone (articles in the main column). */
  candidates: tally,
  recognised: tally,
  extractionFailures: tally,
  matched: tally,
  ok: z.boolean(),
  checkedAt: EpochMsSchema,
});
export type PageHealth = z.infer<typeof PageHealthSchema>;

// ---------------------------------------------------------------- matching
/** Which list of the brand profile a mention came from; `handle` means `@handle` (or an x.com/handle link). */
export const MatchKindSchema = z.enum(['handle', 'hashtag', 'name', 'product', 'misspelling']);
export type MatchKind = z.infer<typeof MatchKindSchema>;

/** One brand mention; `start`/`end` are UTF-16 offsets into the ORIGINAL post text (for highlighting). */
export const BrandMatchSchema = z.object({
  brandId: IdSchema,
  /** The term exactly as configured in the profile (without an added '@' or '#'). */
  term: z.string().check(z.minLength(1), z.maxLength(120)),
  kind: MatchKindSchema,
  start: tally,
  end: tally,
});
export type BrandMatch = z.infer<typeof BrandMatchSchema>;

export const BrandMatchSummarySchema = z.object({
  brandId: IdSchema,
  /** Configured terms that matched, deduplicated, in order of first appearance. */
  terms: z.array(upTo(120)),
  count: tally,
});
export type BrandMatchSummary = z.infer<typeof BrandMatchSummarySchema>;

export { BrandTermsSchema, type BrandTerms } from './brandTerms';

// ---------------------------------------------------------------- site adapters
/** Follower count and badge read from an X profile header / hover card or a Facebook page. */
export const ProfileStatSchema = z.object({
  /** Without '@' (X) or the vanity name / numeric id (Facebook). */
  handle: z.string().check(z.minLength(1), z.maxLength(120)),
  followers: count,
  verified: z.optional(z.boolean()),
});
export type ProfileStat = z.infer<typeof ProfileStatSchema>;

/** A reply by one of the brand's handles already visible in the page (lib/sites brandReply). */
export const BrandReplySchema = z.object({
  handle: upTo(120),
  postId: z.string().check(z.minLength(1), z.maxLength(200)),
  createdAt: z.optional(EpochMsSchema),
  /** As Post's: the words for `createdAt`, read at `readAt`; the background resolves them. */
  timeLabels: z.optional(z.array(upTo(200)).check(z.maxLength(2))),
  readAt: z.optional(EpochMsSchema),
});
export type BrandReply = z.infer<typeof BrandReplySchema>;
