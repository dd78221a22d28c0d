/** Posts read from the page, page health, what site adapters report, and brand-term matches. */
import { z } from 'zod';
import { EpochMsSchema, HttpsUrlSchema, IdSchema, PostKeySchema, SiteSchema } from './primitives';

// ---------------------------------------------------------------- posts seen in the page
export const PostCountsSchema = z.object({
  replies: z.number().int().nonnegative().optional(),
  reposts: z.number().int().nonnegative().optional(),
  likes: z.number().int().nonnegative().optional(),
});

export const PostSchema = z.object({
  key: PostKeySchema,
  site: SiteSchema,
  postId: z.string().min(1).max(200),
  kind: z.enum(['post', 'comment']).default('post'),
  url: HttpsUrlSchema,
  authorHandle: z.string().max(120).default(''),
  authorName: z.string().max(300).default(''),
  authorVerified: z.boolean().default(false),
  authorProfileUrl: z.string().max(2000).optional(),
  text: z.string().max(40000),
  truncated: z.boolean().default(false),
  createdAt: EpochMsSchema.optional(),
  lang: z.string().max(20).optional(),
  seenAt: EpochMsSchema,
  isReply: z.boolean().default(false),
  replyToHandles: z.array(z.string().max(120)).default([]),
  /** Facebook comment → the post it sits under; X reply → the conversation's post when known. */
  parentPostId: z.string().max(200).optional(),
  quotedPostId: z.string().max(200).optional(),
  /**
   * Whose thread this post sits in, as the page shows it (X: the author of a conversation's focal
   * post; Facebook: the page, group or profile a post or comment lives on, else the author of the
   * post a comment sits under). Replies there talk to that owner without naming them.
   */
  threadOwner: z.string().max(120).optional(),
  /** The quoted post's author and text: X shows no id for most quotes, but the agent needs the context. */
  quotedAuthorHandle: z.string().max(120).optional(),
  quotedText: z.string().max(2000).optional(),
  repostedBy: z.string().max(300).optional(),
  counts: PostCountsSchema.default({}),
  /**
   * Other keys the same post may arrive under. Facebook's `pfbid…` permalinks change between page
   * loads, so a post keyed by one also names its content key (and its numeric id when the page
   * shows one): the background files every sighting under the key it first saw.
   */
  sameAs: z.array(PostKeySchema).max(4).optional(),
});
export type Post = z.infer<typeof PostSchema>;

/** A key a post arrived under, and the key it is filed under (the first it was seen with). */
export const PostAliasSchema = z.object({ alias: PostKeySchema, key: PostKeySchema });
export type PostAlias = z.infer<typeof PostAliasSchema>;

/** Follower counts remembered from profiles and hover cards, for prioritisation. */
export const AuthorStatsSchema = z.object({
  key: z.string().min(3).max(200), // `<site>:<lower-case handle>`
  site: SiteSchema,
  handle: z.string().min(1).max(120),
  followers: z.number().int().nonnegative().optional(),
  verified: z.boolean().optional(),
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
  tabId: z.number().int(),
  site: SiteSchema,
  pageKind: PageKindSchema,
  url: z.string().max(2000),
  /** Elements that look like posts by structure alone (articles in the main column). */
  candidates: z.number().int().nonnegative(),
  recognised: z.number().int().nonnegative(),
  extractionFailures: z.number().int().nonnegative(),
  matched: z.number().int().nonnegative(),
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
  term: z.string().min(1).max(120),
  kind: MatchKindSchema,
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});
export type BrandMatch = z.infer<typeof BrandMatchSchema>;

export const BrandMatchSummarySchema = z.object({
  brandId: IdSchema,
  /** Configured terms that matched, deduplicated, in order of first appearance. */
  terms: z.array(z.string().max(120)),
  count: z.number().int().nonnegative(),
});
export type BrandMatchSummary = z.infer<typeof BrandMatchSummarySchema>;

// ---------------------------------------------------------------- site adapters
/** Follower count and badge read from an X profile header / hover card or a Facebook page. */
export const ProfileStatSchema = z.object({
  /** Without '@' (X) or the vanity name / numeric id (Facebook). */
  handle: z.string().min(1).max(120),
  followers: z.number().int().nonnegative().optional(),
  verified: z.boolean().optional(),
});
export type ProfileStat = z.infer<typeof ProfileStatSchema>;

/** A reply by one of the brand's handles already visible in the page (lib/sites findBrandReplies). */
export const BrandReplySchema = z.object({
  handle: z.string().max(120),
  postId: z.string().min(1).max(200),
  createdAt: EpochMsSchema.optional(),
});
export type BrandReply = z.infer<typeof BrandReplySchema>;
