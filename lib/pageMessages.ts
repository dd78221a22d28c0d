/**
 * The messages a content script exchanges with the background: the part of the protocol that runs
 * beside the page. Written with `zod/mini` so the editor script (which parses `insertReply`) carries
 * neither classic Zod nor the panel's schemas; lib/messages.ts spreads these entries into the one
 * registry (each message is defined once, here or there), and the background parses every payload
 * in `handle` as for any other. The content script loads only the answers (lib/pageAnswers.ts).
 */
import * as z from 'zod/mini';
import { pageAnswerSchemas as answers } from './pageAnswers';
import { PageKindSchema, ProfileStatSchema } from './schemas/posts';
import { IdSchema, PostKeySchema, SiteSchema } from './schemas/primitives';
import { InsertResultSchema, ReplyContextSchema, ReplySentSchema } from './schemas/replies';

export { OkSchema, PageVerdictSchema, type PageVerdict } from './pageAnswers';

/** Who sent a message: a content script in a site tab, or an extension page (panel, review page). */
export type SenderKind = 'content' | 'extension';
export const CONTENT: readonly SenderKind[] = ['content'];

const tally = z.int().check(z.nonnegative());
const handleText = z.string().check(z.maxLength(120));
const nothing = z.optional(z.object({}));

export const PageRefSchema = z.object({ site: SiteSchema, pageKind: PageKindSchema, url: z.string().check(z.maxLength(2000)) });
export type PageRef = z.infer<typeof PageRefSchema>;

export const PostVerdictSchema = z.object({
  key: PostKeySchema,
  matched: z.boolean(),
  /** Post by one of the brand's own handles: the brand's reply, not a mention. */
  own: z.boolean(),
  brandId: z.optional(IdSchema),
  priority: z.optional(z.int().check(z.gte(0), z.lte(100))),
  terms: z._default(z.array(z.string()), []),
  queued: z.boolean(),
  filtered: z._default(z.boolean(), false),
  /** Why the background could not file this post (also logged there); the rest of its batch was. */
  rejected: z.optional(z.string().check(z.maxLength(300))),
});
export type PostVerdict = z.infer<typeof PostVerdictSchema>;

/** A reply's text as the panel sends it and the page inserts it. */
export const ReplyTextSchema = z.string().check(z.minLength(1), z.maxLength(40000));

export const pageMessageSchemas = {
  /** Content → background: a batch of posts extracted from the page, plus detection health. */
  postsSeen: {
    from: CONTENT,
    input: z.object({
      page: PageRefSchema,
      /**
       * Only posts that may mention a brand (the content script's pre-filter); the rest stay in the
       * page. Each is parsed by ingest on its own (PostSchema): one bad post never rejects its batch.
       */
      posts: z.array(z.unknown()).check(z.maxLength(500)),
      /** Posts newly recognised (keyed and marked) since the last report, sent or not. */
      recognised: tally,
      candidates: tally,
      extractionFailures: tally,
    }),
    output: answers.postsSeen,
  },
  /** Content → background: the agent pressed "Add to queue" on a badge. */
  queueAdd: { from: CONTENT, input: z.object({ key: PostKeySchema }), output: answers.queueAdd },
  /**
   * Content → background: "Open in Replyline" — open the side panel on this item. `opened`: false
   * when the panel could not be shown from here (Firefox: only its toolbar click can).
   */
  openInPanel: { from: CONTENT, input: z.object({ key: PostKeySchema }), output: answers.openInPanel },
  /** Background → content (one tab): open the post's reply box and insert; never sends. */
  insertReply: {
    input: z.object({
      key: PostKeySchema,
      /** Other keys the post arrived under: the page marks it with the one it shows. */
      sameAs: z._default(z.array(PostKeySchema).check(z.maxLength(50)), []),
      text: ReplyTextSchema,
      insertionId: z.string().check(z.minLength(1), z.maxLength(80)),
      /** The brand's own handles, to recognise its new reply in the thread. */
      handles: z._default(z.array(handleText).check(z.maxLength(200)), []),
      context: z._default(ReplyContextSchema, {}),
    }),
    output: InsertResultSchema,
  },
  /** Content → background: the inserted reply was sent (toast / new reply / new comment seen). */
  replySent: { from: CONTENT, input: ReplySentSchema, output: answers.replySent },
  /** Content → background: replies by the brand's own handles already visible under a post. */
  brandRepliesSeen: {
    from: CONTENT,
    input: z.object({
      key: PostKeySchema,
      replies: z
        .array(
          z.object({
            handle: handleText,
            postId: z.string().check(z.maxLength(200)),
            createdAt: z.optional(tally),
            /** The words for `createdAt` and when they were read (lib/sites/postTime.ts resolves them). */
            timeLabels: z.optional(z.array(z.string().check(z.maxLength(200))).check(z.maxLength(2))),
            readAt: z.optional(tally),
          }),
        )
        .check(z.maxLength(200)),
    }),
    output: answers.brandRepliesSeen,
  },
  /** Content → background: follower counts / verified badges seen in profile headers and hover cards. */
  profileStatsSeen: {
    from: CONTENT,
    input: z.object({ site: SiteSchema, stats: z.array(ProfileStatSchema).check(z.maxLength(200)) }),
    output: answers.profileStatsSeen,
  },
  /** Content → background: every brand's own handles (for "already answered" detection). */
  brandHandlesGet: { from: CONTENT, input: nothing, output: answers.brandHandlesGet },
  /**
   * Content → background: what matching needs of every brand, for the content script's pre-filter
   * (only posts whose text may mention a brand are extracted and sent). `revision` changes with any brand.
   */
  matchProfilesGet: { from: CONTENT, input: nothing, output: answers.matchProfilesGet },
  /** Content → background: the badge's words in the browser's language (see pipeline/badgeLabels). */
  badgeLabelsGet: { from: CONTENT, input: nothing, output: answers.badgeLabelsGet },
  /** Content → background: a content script started in this tab (it no longer needs a reload). */
  contentAttached: { from: CONTENT, input: nothing, output: answers.contentAttached },
} as const;

type PageSchemas = typeof pageMessageSchemas;
export type PageMessageName = keyof PageSchemas;
/** A payload as sent (defaults may be left out) and as parsed. */
export type PageMessageInput<N extends PageMessageName> = z.input<PageSchemas[N]['input']>;
export type PageMessageData<N extends PageMessageName> = z.output<PageSchemas[N]['input']>;
export type PageMessageOutput<N extends PageMessageName> = z.output<PageSchemas[N]['output']>;
export type PageProtocolMap = { [N in PageMessageName]: (data: PageMessageInput<N>) => PageMessageOutput<N> };

/** The schemas of one page message, typed by its name (indexing by a generic key loses the link). */
export function pageSchemas<N extends PageMessageName>(name: N): { input: z.ZodMiniType<PageMessageData<N>>; output: z.ZodMiniType<PageMessageOutput<N>> } {
  const entry: { input: z.ZodMiniType; output: z.ZodMiniType } = pageMessageSchemas[name];
  return entry as { input: z.ZodMiniType<PageMessageData<N>>; output: z.ZodMiniType<PageMessageOutput<N>> };
}
