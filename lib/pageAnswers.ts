/**
 * What the background answers the messages a content script sends: all of the protocol the page
 * itself parses (entrypoints/content/messaging.ts). lib/pageMessages.ts takes each page message's
 * `output` from here. Kept apart so the page's bundle holds none of the inputs (the background
 * parses those) nor the schema modules they are built from.
 */
import * as z from 'zod/mini';
import { BadgeLabelsSchema } from './pipeline/badgeLabels';
import { BrandTermsSchema } from './schemas/brandTerms';
import { PostKeySchema } from './schemas/primitives';

export const OkSchema = z.object({ ok: z.literal(true) });

/**
 * A verdict as the page gets it: only what the page acts on. The answer to every batch is parsed on
 * the page's main thread (and copied into its world), field by field, so the background's full
 * verdict (PostVerdictSchema) stays in the background. `priority` is there exactly when the post is
 * a mention to mark and badge (matched, not the brand's own); absent, any earlier mark is cleared.
 */
export const PageVerdictSchema = z.object({
  key: PostKeySchema,
  priority: z.optional(z.int().check(z.gte(0), z.lte(100))),
  /** The brand term the badge names. */
  term: z.optional(z.string().check(z.maxLength(300))),
  /** Where the post is in the queue; absent: not in it (the badge offers to add it). */
  state: z.optional(z.enum(['queued', 'filtered'])),
  /** Why the background could not file this post (also logged there); the rest of its batch was. */
  rejected: z.optional(z.string().check(z.maxLength(300))),
});
export type PageVerdict = z.infer<typeof PageVerdictSchema>;

/** The answer to each message a content script sends (`from: CONTENT` in lib/pageMessages.ts). */
export const pageAnswerSchemas = {
  postsSeen: z.object({ verdicts: z.array(PageVerdictSchema) }),
  queueAdd: OkSchema,
  openInPanel: z.object({ ok: z.literal(true), opened: z.boolean() }),
  replySent: z.object({ ok: z.literal(true), written: z.boolean(), entryId: z.optional(z.string()) }),
  brandRepliesSeen: OkSchema,
  profileStatsSeen: z.object({ ok: z.literal(true), written: z.int().check(z.nonnegative()) }),
  brandHandlesGet: z.object({ handles: z.array(z.string()) }),
  matchProfilesGet: z.object({ revision: z.string(), brands: z.array(BrandTermsSchema) }),
  badgeLabelsGet: BadgeLabelsSchema,
  contentAttached: OkSchema,
} as const;
export type PageSentName = keyof typeof pageAnswerSchemas;
export type PageAnswer<N extends PageSentName> = z.output<(typeof pageAnswerSchemas)[N]>;

/** The answer schema of one message, typed by its name (indexing by a generic key loses the link). */
export function pageAnswerSchema<N extends PageSentName>(name: N): z.ZodMiniType<PageAnswer<N>> {
  const schema: z.ZodMiniType = pageAnswerSchemas[name];
  return schema as z.ZodMiniType<PageAnswer<N>>;
}
