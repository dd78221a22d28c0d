/** Replies: insertion into the site, sent detection and the reply log. */
import { z } from 'zod';
import { EpochMsSchema, HttpsUrlSchema, IdSchema, PostKeySchema, SiteSchema } from './primitives';

// ---------------------------------------------------------------- reply log
/** Bounded: each code of a logged reply or mention makes review rollup rows (one per day). */
export const MAX_REASON_CODES = 20;
export const ReasonCodesSchema = z.array(z.string().max(60)).max(MAX_REASON_CODES).default([]);

export const ReplyLogEntrySchema = z.object({
  id: IdSchema,
  postKey: PostKeySchema,
  site: SiteSchema,
  brandId: IdSchema,
  agent: z.string().min(1).max(120),
  customerId: IdSchema.optional(),
  templateId: IdSchema.optional(),
  templateShortCode: z.string().max(40).optional(),
  /** 0 = sent as rendered from the template, 1 = entirely rewritten. */
  editRatio: z.number().min(0).max(1).optional(),
  text: z.string().max(40000),
  replyUrl: z.string().max(2000).optional(),
  postText: z.string().max(40000).default(''),
  postAuthor: z.string().max(300).default(''),
  complaint: z.boolean().default(false),
  reasonCodes: ReasonCodesSchema,
  postCreatedAt: EpochMsSchema,
  firstSeenAt: EpochMsSchema,
  repliedAt: EpochMsSchema,
  frtWallMs: z.number().nonnegative(),
  frtBusinessMs: z.number().nonnegative(),
  slaMet: z.boolean(),
  toneWarningsOverridden: z.number().int().nonnegative().default(0),
  escalated: z.boolean().default(false),
  outcome: z.enum(['replied', 'escalated', 'resolved']).default('replied'),
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
  postEnabled: z.boolean().nullable(),
  fallback: z.literal('clipboard').optional(),
  copied: z.boolean().optional(),
  /** Why it is not ok: i18n key suffix under `reply.reason.*`. */
  reason: z.enum(['noPost', 'noEditor', 'notVerified', 'postDisabled', 'noTab', 'claimed']).optional(),
  /** `claimed`: the teammate who is replying to this item (team mode). */
  claimedBy: z.string().max(120).optional(),
  /** Identifies this insertion so sent detection and the reply log can be idempotent. */
  insertionId: z.string().max(80).optional(),
});
export type InsertResult = z.infer<typeof InsertResultSchema>;

/** What the panel knew when it asked for the insertion; carried to the reply log. */
export const ReplyContextSchema = z.object({
  templateId: IdSchema.optional(),
  /** The template as rendered before the agent edited it, for the edit ratio. */
  renderedText: z.string().max(40000).optional(),
  toneWarningsOverridden: z.number().int().nonnegative().optional(),
});
export type ReplyContext = z.infer<typeof ReplyContextSchema>;

/** Content → background: the reply left the page (toast, new reply or new comment seen). */
export const ReplySentSchema = z.object({
  key: PostKeySchema,
  text: z.string().max(40000),
  replyUrl: HttpsUrlSchema.optional(),
  sentAt: EpochMsSchema,
  insertionId: z.string().max(80).optional(),
  context: ReplyContextSchema.default({}),
});
export type ReplySent = z.infer<typeof ReplySentSchema>;
