/** Queue items, their reasons and triage results. */
import { z } from 'zod';
import { EpochMsSchema, IdSchema, PostKeySchema, SiteSchema } from './primitives';

// ---------------------------------------------------------------- queue
/** `filtered`: a noise rule caught it; shown in its own list, restorable by the agent. */
export const QueueStateSchema = z.enum(['new', 'inProgress', 'replied', 'escalated', 'snoozed', 'dismissed', 'filtered']);
export type QueueState = z.infer<typeof QueueStateSchema>;

/**
 * The numbers behind a reason, so the panel words them in the agent's language (plural forms,
 * money in the customer's currency). `detail` stays as the fallback for items stored before.
 */
export const ReasonFactsSchema = z.object({
  name: z.string().max(200).optional(),
  orders: z.number().int().nonnegative().optional(),
  spent: z.number().nonnegative().optional(),
  currency: z.string().max(8).optional(),
  followers: z.number().int().nonnegative().optional(),
  verified: z.boolean().optional(),
  replies: z.number().int().nonnegative().optional(),
  reposts: z.number().int().nonnegative().optional(),
  likes: z.number().int().nonnegative().optional(),
  waitingMin: z.number().nonnegative().optional(),
  targetMin: z.number().nonnegative().optional(),
  atLeast: z.boolean().optional(),
  overdue: z.boolean().optional(),
});
export type ReasonFacts = z.infer<typeof ReasonFactsSchema>;

export const ReasonSchema = z.object({
  /** Stable machine code, e.g. `customer`, `complaint`, `question`, `waiting`, `spam.giveaway`. */
  code: z.string().min(1).max(60),
  /** Points this reason contributed to the priority (negative for dampers). */
  points: z.number(),
  /** Human detail already rendered for display, e.g. "#refund, 'still broken'". */
  detail: z.string().max(300).default(''),
  facts: ReasonFactsSchema.optional(),
});
export type Reason = z.infer<typeof ReasonSchema>;

export const CustomerMatchSchema = z.object({
  customerId: IdSchema,
  confidence: z.number().min(0).max(1),
  by: z.enum(['handle', 'profileUrl', 'name', 'email', 'orderNumber', 'manual']),
  why: z.string().max(300),
});
export type CustomerMatch = z.infer<typeof CustomerMatchSchema>;

export const QueueItemSchema = z.object({
  key: PostKeySchema,
  site: SiteSchema,
  brandId: IdSchema,
  state: QueueStateSchema,
  priority: z.number().int().min(0).max(100),
  /** Sort key for "priority desc, oldest first" in one index (see lib/db/queueOrder.ts). */
  rank: z.number().nonnegative(),
  reasons: z.array(ReasonSchema).default([]),
  reasonCodes: z.array(z.string()).default([]),
  matchedTerms: z.array(z.string().max(120)).default([]),
  complaint: z.boolean().default(false),
  question: z.boolean().default(false),
  praise: z.boolean().default(false),
  /** Set when a noise rule filtered the post; the agent can restore it. */
  filteredBy: z.object({ rule: z.string(), detail: z.string().max(300) }).optional(),
  /** The agent restored it from the filtered list: noise rules no longer apply to it. */
  restored: z.boolean().default(false),
  sentiment: z.number().min(-1).max(1).optional(),
  /** First reply due, in business hours (lib/triage dueAt). */
  dueAt: z.optional(EpochMsSchema),
  assignedAgent: z.string().max(120).optional(),
  customerMatch: CustomerMatchSchema.optional(),
  /** The agent unlinked the suggested customer: automatic matching stays off for this item. */
  customerUnlinked: z.boolean().default(false),
  /** Denormalised for the customer-card index: set only for strong or manual links. */
  customerId: z.optional(IdSchema),
  snoozedUntil: z.optional(EpochMsSchema),
  followUpAt: z.optional(EpochMsSchema),
  note: z.string().max(2000).optional(),
  dismissReason: z.string().max(300).optional(),
  postCreatedAt: EpochMsSchema,
  queuedAt: EpochMsSchema,
  firstSeenAt: EpochMsSchema,
  updatedAt: EpochMsSchema,
  repliedAt: z.optional(EpochMsSchema),
  /** A brand reply already visible in the thread (content script, lib/background/replyHandlers.ts). Not indexed. */
  answeredBy: z.object({ handle: z.string().max(120), postId: z.string().max(200).optional(), at: z.optional(EpochMsSchema) }).optional(),
});
export type QueueItem = z.infer<typeof QueueItemSchema>;

// ---------------------------------------------------------------- triage
export const SentimentLabelSchema = z.enum(['negative', 'neutral', 'positive']);

/** What lib/triage scorePost returns; priority = clamp(Σ reasons[].points, 0, 100). */
export const TriageResultSchema = z.object({
  priority: z.number().int().min(0).max(100),
  reasons: z.array(ReasonSchema),
  complaint: z.boolean(),
  question: z.boolean(),
  praise: z.boolean(),
  spam: z.boolean(),
  /** −1..1, lexicon-based (lib/triage/sentiment.ts). */
  sentiment: z.number().min(-1).max(1),
  sentimentLabel: SentimentLabelSchema,
  /** The words that drove the sentiment, strongest first. */
  sentimentWords: z.array(z.string().max(120)).max(20).default([]),
  /** First reply due (business hours), when the post's time is known. */
  dueAt: z.optional(EpochMsSchema),
  filteredBy: z.object({ rule: z.string(), detail: z.string().max(300) }).optional(),
  /** Calibrated P(complaint) from the trained classifier (lib/triage/model). */
  complaintProbability: z.number().min(0).max(1).optional(),
});
export type TriageResult = z.infer<typeof TriageResultSchema>;
