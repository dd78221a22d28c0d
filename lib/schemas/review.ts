/** Review: agents' log bundles, mentions, rollups and goals. */
import { z } from 'zod';
import { EpochMsSchema, IdSchema, PostKeySchema, SiteSchema } from './primitives';
import { QueueStateSchema } from './queue';
import { ReasonCodesSchema, ReplyLogEntrySchema } from './replies';
import { BusinessHoursSchema } from './settings';

// ---------------------------------------------------------------- review (log bundles, rollups, goals)
/** YYYY-MM-DD, a local calendar day in the brand's time zone. */
export const DayKeySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** One queued mention as exported in a log bundle: the queue outcome without page text. */
export const MentionRecordSchema = z.object({
  key: PostKeySchema,
  site: SiteSchema,
  brandId: IdSchema,
  state: QueueStateSchema,
  complaint: z.boolean().default(false),
  reasonCodes: ReasonCodesSchema,
  dismissReason: z.string().max(300).optional(),
  postCreatedAt: EpochMsSchema,
  firstSeenAt: EpochMsSchema,
  repliedAt: z.optional(EpochMsSchema),
  /** The agent who exported it (or handled it); empty when unassigned. */
  agent: z.string().max(120).default(''),
});
export type MentionRecord = z.infer<typeof MentionRecordSchema>;

/** What a review chart or goal looks at. Days are inclusive; one reason code at most (see lib/review/rollups.ts). */
export const ReviewFilterSchema = z.object({
  fromDay: DayKeySchema.optional(),
  toDay: DayKeySchema.optional(),
  agents: z.array(z.string().max(120)).optional(),
  sites: z.array(SiteSchema).optional(),
  brandIds: z.array(IdSchema).optional(),
  reason: z.string().max(60).optional(),
});
export type ReviewFilter = z.infer<typeof ReviewFilterSchema>;

export const GoalMetricIdSchema = z.enum([
  'complaintsAnsweredPct',
  'ignoredPct',
  'slaMetPct',
  'medianFrtWallMin',
  'medianFrtBusinessMin',
  'p90FrtWallMin',
  'p90FrtBusinessMin',
  'repeatRatePct',
  'templatePct',
  'escalations',
  'replies',
]);
export type GoalMetricId = z.infer<typeof GoalMetricIdSchema>;

export const KeyResultSchema = z.object({
  id: IdSchema,
  metric: GoalMetricIdSchema,
  comparator: z.enum(['gte', 'lte']),
  target: z.number().finite(),
});
export type KeyResult = z.infer<typeof KeyResultSchema>;

export const GoalSchema = z.object({
  id: IdSchema,
  objective: z.string().trim().min(1).max(300),
  keyResults: z.array(KeyResultSchema).min(2).max(5),
  /** Omitted = the current calendar quarter. */
  period: z.object({ fromDay: DayKeySchema, toDay: DayKeySchema }).optional(),
  /** Which slice of the logs the goal is about (brand, site, agents, reason). */
  scope: ReviewFilterSchema.omit({ fromDay: true, toDay: true }).default({}),
  createdAt: EpochMsSchema,
  updatedAt: EpochMsSchema,
});
export type Goal = z.infer<typeof GoalSchema>;

/** A brand as a log bundle carries it: the lead's charts need its time zone and staffed hours. */
export const BundleBrandSchema = z.object({
  id: IdSchema,
  name: z.string().trim().min(1).max(120),
  businessHours: BusinessHoursSchema,
});
export type BundleBrand = z.infer<typeof BundleBrandSchema>;

export const LOG_BUNDLE_FORMAT = 'replyline.log-bundle';
export const LOG_BUNDLE_VERSION = 1;

export const LogBundleSchema = z.object({
  format: z.literal(LOG_BUNDLE_FORMAT),
  version: z.literal(LOG_BUNDLE_VERSION),
  agent: z.string().max(120),
  exportedAt: EpochMsSchema,
  period: z.object({ from: EpochMsSchema, to: EpochMsSchema }),
  entries: z.array(ReplyLogEntrySchema),
  mentions: z.array(MentionRecordSchema).default([]),
  goals: z.array(GoalSchema).default([]),
  /** Optional (added 2026-11-23): brands of the entries, for time zones and staffed hours. */
  brands: z.array(BundleBrandSchema).optional(),
});
export type LogBundle = z.infer<typeof LogBundleSchema>;

/**
 * Sparse counters as Maps (IndexedDB stores Maps natively). Plain objects with integer-like keys
 * (minutes) make V8 allocate holey arrays up to the largest key, and unique text-hash keys make a
 * hidden class per key; Maps avoid both.
 */
const NumberCountsSchema = z.map(z.number(), z.number().int());
const StringCountsSchema = z.map(z.string(), z.number().int());

/**
 * Review rollup, one per `reason|day|agent|site|brandId` (reason `*` = all), maintained in the same
 * transaction as the reply log / queue write (lib/review/rollups.ts). Holds exact distributions.
 */
export const RollupSchema = z.object({
  key: z.string().min(1).max(600),
  day: DayKeySchema,
  agent: z.string().max(120),
  site: SiteSchema,
  brandId: IdSchema,
  reason: z.string().max(60),
  replies: z.number().int(),
  slaMet: z.number().int(),
  templated: z.number().int(),
  toneOverrides: z.number().int(),
  repliesWithOverride: z.number().int(),
  escalations: z.number().int(),
  frtWallMin: NumberCountsSchema,
  frtBusinessMin: NumberCountsSchema,
  textHashes: StringCountsSchema,
  replySlots: NumberCountsSchema,
  mentions: z.number().int(),
  complaints: z.number().int(),
  complaintsAnswered: z.number().int(),
  answered: z.number().int(),
  ignored: z.number().int(),
  dismissed: z.number().int(),
  dismissReasons: StringCountsSchema,
  mentionSlots: NumberCountsSchema,
});
export type Rollup = z.infer<typeof RollupSchema>;
