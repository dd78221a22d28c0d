/** Brand profiles (business hours, triage weights, tone rules) and the agent's settings. */
import { z } from 'zod';
import { EpochMsSchema, IdSchema, PostKeySchema, termList } from './primitives';
import { BrandTermsSchema } from './posts';
import { weightedRecord } from '../triage/catalog';

// ---------------------------------------------------------------- business hours
/** "HH:MM" 24-hour clock. */
export const ClockTimeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/);
export const ShiftSchema = z.object({ start: ClockTimeSchema, end: ClockTimeSchema });
export type Shift = z.infer<typeof ShiftSchema>;

/** A holiday: a local calendar day, "YYYY-MM-DD" (a real date: no 2026-02-30). */
export const HolidaySchema = z.iso.date();

/**
 * Seven entries, Sunday first (as Date#getDay), each a list of shifts (split shifts allowed; an
 * end before its start runs overnight). `holidays` close whole local days (a shift belongs to the
 * day it starts on); `alwaysOpen` is 24×7. Both optional: records saved before they existed parse.
 */
export const BusinessHoursSchema = z.object({
  timeZone: z.string().min(1).default('UTC'),
  week: z.array(z.array(ShiftSchema)).length(7),
  holidays: z.array(HolidaySchema).max(400).optional(),
  alwaysOpen: z.boolean().optional(),
});
export type BusinessHours = z.infer<typeof BusinessHoursSchema>;

const nineToFive = [{ start: '09:00', end: '17:00' }];
export const DEFAULT_BUSINESS_HOURS: BusinessHours = {
  timeZone: 'UTC',
  week: [[], nineToFive, nineToFive, nineToFive, nineToFive, nineToFive, []],
};

// ---------------------------------------------------------------- brand profile
/** One 0–100 weight per weighted signal of lib/triage/catalog.ts, defaulting to the catalogue's. */
export const TriageWeightsSchema = z.object(weightedRecord((_code, weight) => z.number().min(0).max(100).default(weight)));
export type TriageWeights = z.infer<typeof TriageWeightsSchema>;

export const ToneCheckIdSchema = z.enum([
  'bannedPhrases',
  'preferredPhrases',
  'overPromising',
  'greeting',
  'signOff',
  'emoji',
  'empathy',
  'privateDetails',
  'repetition',
]);
export type ToneCheckId = z.infer<typeof ToneCheckIdSchema>;

export const ToneRulesSchema = z.object({
  enabled: z.array(ToneCheckIdSchema).default(['overPromising', 'empathy', 'privateDetails', 'repetition']),
  blocking: z.array(ToneCheckIdSchema).default([]),
  bannedPhrases: termList,
  preferredPhrases: z.array(z.object({ avoid: z.string().min(1), prefer: z.string().min(1) })).default([]),
  overPromisingPhrases: termList,
  greetingRequired: z.boolean().default(false),
  bannedGreetings: termList,
  signOff: z.string().max(80).default(''),
  emojiPolicy: z.enum(['allowed', 'noneInComplaints', 'never']).default('noneInComplaints'),
});
export type ToneRules = z.infer<typeof ToneRulesSchema>;

export const BrandProfileSchema = z.object({
  ...BrandTermsSchema.shape,
  name: z.string().trim().min(1).max(120),
  autoQueue: z.boolean().default(false),
  supportEmail: z.string().max(200).default(''),
  firstResponseTargetMinutes: z.number().int().positive().max(60 * 24 * 14).default(60),
  businessHours: BusinessHoursSchema.default(DEFAULT_BUSINESS_HOURS),
  weights: TriageWeightsSchema.default(TriageWeightsSchema.parse({})),
  complaintTerms: termList,
  toneRules: ToneRulesSchema.default(ToneRulesSchema.parse({})),
  facebookCommentLimit: z.number().int().positive().default(8000),
  createdAt: EpochMsSchema,
  updatedAt: EpochMsSchema,
  /** Ids of lib/triage NOISE_RULES this brand switched off (brand triage settings). */
  disabledNoiseRules: z.array(z.string().min(1).max(60)).max(100).default([]),
});
export type BrandProfile = z.infer<typeof BrandProfileSchema>;

// ---------------------------------------------------------------- agent settings
export const AgentSettingsSchema = z.object({
  id: z.literal('me'),
  agentName: z.string().trim().max(120).default(''),
  activeBrandId: z.optional(IdSchema),
  xPremium: z.boolean().default(false),
  onboarded: z.boolean().default(false),
  /** Set by "Open in Replyline" on a page badge: the panel scrolls to and opens this item. */
  focusKey: z.optional(PostKeySchema),
  updatedAt: EpochMsSchema,
});
export type AgentSettings = z.infer<typeof AgentSettingsSchema>;
