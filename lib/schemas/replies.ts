/** Replies: insertion into the site, sent detection and the reply log (`zod/mini`: the page parses them). */
import * as z from 'zod/mini';
import { HttpsUrlSchema } from './posts';
import { EpochMsSchema, IdSchema, PostKeySchema, SiteSchema } from './primitives';

const upTo = (max: number) => z.string().check(z.maxLength(max));

// ---------------------------------------------------------------- reply log
/** Bounded: each code of a logged reply or mention makes review rollup rows (one per day). */
export const MAX_REASON_CODES = 20;
export const ReasonCodesSchema = z._default(z.array(upTo(60)).check(z.maxLength(MAX_REASON_CODES)), []);

export const ReplyLogEntrySchema = z.object({
  id: IdSchema,
  postKey: PostKeySchema,
  site: SiteSchema,
  brandId: IdSchema,
  agent: z.string().check(z.minLength(1), z.maxLength(120)),
  customerId: z.optional(IdSchema),
  templateId: z.optional(IdSchema),
  templateShortCode: z.optional(upTo(40)),
  /** 0 = sent as rendered from the template, 1 = entirely rewritten. */
  editRatio: z.optional(z.number().check(z.gte(0), z.lte(1))),
  text: upTo(40000),
  replyUrl: z.optional(upTo(2000)),
  postText: z._default(upTo(40000), ''),
  postAuthor: z._default(upTo(300), ''),
  complaint: z._default(z.boolean(), false),
  reasonCodes: ReasonCodesSchema,
  postCreatedAt: EpochMsSchema,
  firstSeenAt: EpochMsSchema,
  repliedAt: EpochMsSchema,
  frtWallMs: z.number().check(z.nonnegative()),
  frtBusinessMs: z.number().check(z.nonnegative()),
  slaMet: z.boolean(),
  toneWarningsOverridden: z._default(z.int().check(z.nonnegative()), 0),
  escalated: z._default(z.boolean(), false),
  outcome: z._default(z.enum(['replied', 'escalated', 'resolved']), 'replied'),
});
export type ReplyLogEntry = z.infer<typeof ReplyLogEntrySchema>;

// ---------------------------------------------------------------- reply insertion and sent detection
/** How text reached the site's editor (lib/editor/strategies.ts), in the order they are tried. */
export const InsertStrategySchema = z.enum(['paste', 'beforeinputPaste', 'beforeinputText', 'execCommand', 'none']);
export type InsertStrategy = z.infer<typeof InsertStrategySchema>;

/**
 * What inserting a reply did. `verified`: the editor reads back the reply (normalised, paragraphs
 * kept). `postEnabled`: the site's send button is enabled (null = no button, e.g. Enter sends).
 * `fallback: 'clipboard'`: the reply is on the clipboard (if `copied`) and the agent must paste.
 */
export const InsertResultSchema = z.object({
  ok: z.boolean(),
  strategy: InsertStrategySchema,
  verified: z.boolean(),
  postEnabled: z.nullable(z.boolean()),
  fallback: z.optional(z.literal('clipboard')),
  copied: z.optional(z.boolean()),
  /** Why it is not ok: i18n key suffix under `reply.reason.*`. */
  reason: z.optional(z.enum(['noPost', 'noEditor', 'notVerified', 'postDisabled', 'noTab', 'claimed'])),
  /** `claimed`: the teammate who is replying to this item (team mode). */
  claimedBy: z.optional(upTo(120)),
  /** Identifies this insertion so sent detection and the reply log can be idempotent. */
  insertionId: z.optional(upTo(80)),
});
export type InsertResult = z.infer<typeof InsertResultSchema>;

/** What the panel knew when it asked for the insertion; carried to the reply log. */
export const ReplyContextSchema = z.object({
  templateId: z.optional(IdSchema),
  /** The template as rendered before the agent edited it, for the edit ratio. */
  renderedText: z.optional(upTo(40000)),
  toneWarningsOverridden: z.optional(z.int().check(z.nonnegative())),
});
export type ReplyContext = z.infer<typeof ReplyContextSchema>;

/** Content → background: the reply left the page (toast, new reply or new comment seen). */
export const ReplySentSchema = z.object({
  key: PostKeySchema,
  text: upTo(40000),
  replyUrl: z.optional(HttpsUrlSchema),
  sentAt: EpochMsSchema,
  insertionId: z.optional(upTo(80)),
  context: z._default(ReplyContextSchema, {}),
});
export type ReplySent = z.infer<typeof ReplySentSchema>;
