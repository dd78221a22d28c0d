/**
 * The single source of Replyline's types: every stored record, message payload and import is a
 * Zod schema here, and every TypeScript type is `z.infer` of one. Parse at each boundary.
 */
import { z } from 'zod';

// ---------------------------------------------------------------- primitives
export const SiteSchema = z.enum(['x', 'facebook']);
export type Site = z.infer<typeof SiteSchema>;

/** Epoch milliseconds: indexable, sortable and free of time-zone ambiguity. */
export const EpochMsSchema = z.number().int().nonnegative();

/** `<site>:<post id>`, the key shared by posts, queue items and the in-page test contract. */
export const PostKeySchema = z.string().regex(/^(x|facebook):[\w.:-]{1,200}$/);
export type PostKey = z.infer<typeof PostKeySchema>;

export const postKey = (site: Site, postId: string): PostKey => `${site}:${postId}`;

export const IdSchema = z.string().min(1).max(120);

/** Links we store and render must be plain https (never javascript:, data: …). */
export const HttpsUrlSchema = z.url({ protocol: /^https$/ }).max(2000);
const termList = z.array(z.string().trim().min(1).max(120)).max(2000).default([]);

// ---------------------------------------------------------------- business hours
/** "HH:MM" 24-hour clock. */
export const ClockTimeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/);
export const ShiftSchema = z.object({ start: ClockTimeSchema, end: ClockTimeSchema });
export type Shift = z.infer<typeof ShiftSchema>;

/** Seven entries, Sunday first (as Date#getDay), each a list of shifts (split shifts allowed). */
export const BusinessHoursSchema = z.object({
  timeZone: z.string().min(1).default('UTC'),
  week: z.array(z.array(ShiftSchema)).length(7),
});
export type BusinessHours = z.infer<typeof BusinessHoursSchema>;

const nineToFive = [{ start: '09:00', end: '17:00' }];
export const DEFAULT_BUSINESS_HOURS: BusinessHours = {
  timeZone: 'UTC',
  week: [[], nineToFive, nineToFive, nineToFive, nineToFive, nineToFive, []],
};

// ---------------------------------------------------------------- brand profile
export const TriageWeightsSchema = z.object({
  customer: z.number().min(0).max(100).default(30),
  complaint: z.number().min(0).max(100).default(25),
  sentiment: z.number().min(0).max(100).default(10),
  question: z.number().min(0).max(100).default(15),
  influence: z.number().min(0).max(100).default(10),
  waiting: z.number().min(0).max(100).default(15),
  praise: z.number().min(0).max(100).default(5),
});
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
  id: IdSchema,
  name: z.string().trim().min(1).max(120),
  /** Brand and support handles without '@'; posts by these are the brand's own replies. */
  handles: termList,
  names: termList,
  products: termList,
  hashtags: termList,
  misspellings: termList,
  exclusions: termList,
  autoQueue: z.boolean().default(false),
  /**
   * Replies to the brand's handles, replies and comments under its own posts and quotes of them
   * count as mentions though they do not name it. On by default (a support desk's main traffic);
   * a brand whose posts draw thousands of comments can switch it off.
   */
  threadMentions: z.boolean().default(true),
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

// ---------------------------------------------------------------- queue
/** `filtered`: a noise rule caught it; shown in its own list, restorable by the agent. */
export const QueueStateSchema = z.enum(['new', 'inProgress', 'replied', 'escalated', 'snoozed', 'dismissed', 'filtered']);
export type QueueState = z.infer<typeof QueueStateSchema>;

export const ReasonSchema = z.object({
  /** Stable machine code, e.g. `customer`, `complaint`, `question`, `waiting`, `spam.giveaway`. */
  code: z.string().min(1).max(60),
  /** Points this reason contributed to the priority (negative for dampers). */
  points: z.number(),
  /** Human detail already rendered for display, e.g. "#refund, 'still broken'". */
  detail: z.string().max(300).default(''),
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
  dueAt: EpochMsSchema.optional(),
  assignedAgent: z.string().max(120).optional(),
  customerMatch: CustomerMatchSchema.optional(),
  /** The agent unlinked the suggested customer: automatic matching stays off for this item. */
  customerUnlinked: z.boolean().default(false),
  /** Denormalised for the customer-card index: set only for strong or manual links. */
  customerId: IdSchema.optional(),
  snoozedUntil: EpochMsSchema.optional(),
  followUpAt: EpochMsSchema.optional(),
  note: z.string().max(2000).optional(),
  dismissReason: z.string().max(300).optional(),
  postCreatedAt: EpochMsSchema,
  queuedAt: EpochMsSchema,
  firstSeenAt: EpochMsSchema,
  updatedAt: EpochMsSchema,
  repliedAt: EpochMsSchema.optional(),
  /** A brand reply already visible in the thread (content script, lib/background/replyHandlers.ts). Not indexed. */
  answeredBy: z.object({ handle: z.string().max(120), postId: z.string().max(200).optional(), at: EpochMsSchema.optional() }).optional(),
});
export type QueueItem = z.infer<typeof QueueItemSchema>;

// ---------------------------------------------------------------- customers
export const OrderSchema = z.object({
  number: z.string().min(1).max(60),
  date: EpochMsSchema.optional(),
  total: z.number().optional(),
  status: z.string().max(60).optional(),
});

export const CustomerSchema = z.object({
  id: IdSchema,
  name: z.string().max(300).default(''),
  email: z.string().max(300).default(''),
  /** Lower-case, without '@'. */
  xHandle: z.string().max(120).default(''),
  facebookName: z.string().max(300).default(''),
  facebookUrl: z.string().max(2000).default(''),
  /** Normalised full name for exact-name matching (lib/customers). */
  nameKey: z.string().max(300).default(''),
  orderCount: z.number().int().nonnegative().default(0),
  totalSpent: z.number().nonnegative().default(0),
  currency: z.string().max(10).default(''),
  orderNumbers: z.array(z.string().max(60)).default([]),
  orders: z.array(OrderSchema).default([]),
  notes: z.string().max(5000).default(''),
  tags: z.array(z.string().max(80)).default([]),
  source: z.string().max(60).default('manual'),
  createdAt: EpochMsSchema,
  updatedAt: EpochMsSchema,
});
export type Customer = z.infer<typeof CustomerSchema>;

// ---------------------------------------------------------------- templates and tone
export const TemplateSchema = z.object({
  id: IdSchema,
  shortCode: z.string().trim().min(1).max(40),
  title: z.string().trim().min(1).max(200),
  scope: z.enum(['personal', 'shared']),
  /** Agent who owns a personal template. */
  owner: z.string().max(120).default(''),
  brandId: IdSchema.optional(),
  /** Alternative wordings; the panel rotates among them. */
  bodies: z.array(z.string().min(1).max(5000)).min(1),
  /** Per-site alternatives that replace `bodies` on that site. */
  siteBodies: z.object({ x: z.array(z.string().max(5000)).optional(), facebook: z.array(z.string().max(5000)).optional() }).default({}),
  tags: z.array(z.string().max(80)).default([]),
  useCount: z.number().int().nonnegative().default(0),
  createdAt: EpochMsSchema,
  updatedAt: EpochMsSchema,
});
export type Template = z.infer<typeof TemplateSchema>;

export const ToneNoteSchema = z.object({
  id: IdSchema,
  brandId: IdSchema,
  /** Empty for brand-wide notes, the agent's name for personal ones. */
  agent: z.string().max(120).default(''),
  text: z.string().trim().min(1).max(1000),
  createdAt: EpochMsSchema,
});
export type ToneNote = z.infer<typeof ToneNoteSchema>;

// ---------------------------------------------------------------- reply log
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
  reasonCodes: z.array(z.string()).default([]),
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

// ---------------------------------------------------------------- agent settings
export const AgentSettingsSchema = z.object({
  id: z.literal('me'),
  agentName: z.string().trim().max(120).default(''),
  activeBrandId: IdSchema.optional(),
  xPremium: z.boolean().default(false),
  onboarded: z.boolean().default(false),
  /** Set by "Open in Replyline" on a page badge: the panel scrolls to and opens this item. */
  focusKey: PostKeySchema.optional(),
  updatedAt: EpochMsSchema,
});
export type AgentSettings = z.infer<typeof AgentSettingsSchema>;

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

// ---------------------------------------------------------------- templates and tone (render, length, findings)
/** What a template may read. Every field optional: a missing value blocks rendering, never a blank. */
export const TemplateContextSchema = z.object({
  customer: z
    .object({
      name: z.string().max(300).optional(),
      firstName: z.string().max(300).optional(),
      email: z.string().max(300).optional(),
    })
    .optional(),
  order: z.object({ number: z.string().max(60).optional(), status: z.string().max(60).optional() }).optional(),
  agent: z.object({ name: z.string().max(120).optional(), initials: z.string().max(20).optional() }).optional(),
  post: z.object({ authorHandle: z.string().max(120).optional(), authorName: z.string().max(300).optional() }).optional(),
  brand: z.object({ name: z.string().max(120).optional(), supportEmail: z.string().max(200).optional() }).optional(),
});
export type TemplateContext = z.infer<typeof TemplateContextSchema>;

/** `start`/`end` are UTF-16 offsets into the template body that was rendered. */
export const TemplateSpanSchema = z.object({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative() });
export const MissingVariableSchema = TemplateSpanSchema.extend({ variable: z.string() });
export const TemplatePromptSchema = TemplateSpanSchema.extend({ label: z.string(), answered: z.boolean() });
export const TemplateErrorSchema = TemplateSpanSchema.extend({
  code: z.enum(['unknownVariable', 'malformed', 'emptyPrompt']),
  detail: z.string().max(300),
});
export type MissingVariable = z.infer<typeof MissingVariableSchema>;
export type TemplatePrompt = z.infer<typeof TemplatePromptSchema>;
export type TemplateError = z.infer<typeof TemplateErrorSchema>;

export const RenderResultSchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    text: z.string(),
    variantIndex: z.number().int().nonnegative(),
    variantCount: z.number().int().positive(),
    prompts: z.array(TemplatePromptSchema),
  }),
  z.object({
    ok: z.literal(false),
    variantIndex: z.number().int().nonnegative(),
    variantCount: z.number().int().positive(),
    missing: z.array(MissingVariableSchema),
    prompts: z.array(TemplatePromptSchema),
    errors: z.array(TemplateErrorSchema),
  }),
]);
export type RenderResult = z.infer<typeof RenderResultSchema>;

export const LengthBudgetSchema = z.object({
  used: z.number().int().nonnegative(),
  limit: z.number().int().positive(),
  remaining: z.number().int(),
  over: z.boolean(),
});
export type LengthBudget = z.infer<typeof LengthBudgetSchema>;

export const ToneFindingSchema = z.object({
  check: ToneCheckIdSchema,
  /** UTF-16 range of the offending words in the reply; empty range at 0 for whole-text findings. */
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  blocking: z.boolean(),
  /** i18n key suffix, e.g. `tone.overPromise`; the UI translates with `params`. */
  code: z.string().min(1).max(60),
  params: z.record(z.string(), z.union([z.string(), z.number()])).default({}),
});
export type ToneFinding = z.infer<typeof ToneFindingSchema>;

/** A reply already sent, as the repetition check needs it (from the reply log). */
export const PreviousReplySchema = z.object({ text: z.string(), toAuthor: z.string(), at: EpochMsSchema });
export type PreviousReply = z.infer<typeof PreviousReplySchema>;

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
  reasonCodes: z.array(z.string().max(60)).default([]),
  dismissReason: z.string().max(300).optional(),
  postCreatedAt: EpochMsSchema,
  firstSeenAt: EpochMsSchema,
  repliedAt: EpochMsSchema.optional(),
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

// ---------------------------------------------------------------- customer import and matching
/** Customer fields a CSV column can be mapped to (lib/customers/mapping.ts). */
export const CustomerImportFieldSchema = z.enum([
  'name',
  'firstName',
  'lastName',
  'email',
  'xHandle',
  'facebookName',
  'facebookUrl',
  'orderCount',
  'totalSpent',
  'orderNumbers',
  'notes',
  'tags',
]);
export type CustomerImportField = z.infer<typeof CustomerImportFieldSchema>;

/** Field → CSV header it is read from; the user edits this before importing. */
export const CustomerColumnMappingSchema = z.partialRecord(CustomerImportFieldSchema, z.string().max(300));
export type CustomerColumnMapping = z.infer<typeof CustomerColumnMappingSchema>;

export const CustomerCsvFormatSchema = z.enum(['shopify', 'woocommerce', 'custom']);
export type CustomerCsvFormat = z.infer<typeof CustomerCsvFormatSchema>;

/** A CSV row that was not imported: spreadsheet row number (header = row 1), reason code, the value. */
export const ImportRowErrorSchema = z.object({
  row: z.number().int().positive(),
  reason: z.string().min(1).max(60),
  detail: z.string().max(300),
  /** For duplicates: the row that was kept. */
  firstRow: z.number().int().positive().optional(),
});
export type ImportRowError = z.infer<typeof ImportRowErrorSchema>;

/** Best match for a post's author plus the other candidates, strongest first. */
export const CustomerMatchResultSchema = z.object({
  match: CustomerMatchSchema.optional(),
  candidates: z.array(CustomerMatchSchema),
});
export type CustomerMatchResult = z.infer<typeof CustomerMatchResultSchema>;

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
  dueAt: EpochMsSchema.optional(),
  filteredBy: z.object({ rule: z.string(), detail: z.string().max(300) }).optional(),
});
export type TriageResult = z.infer<typeof TriageResultSchema>;

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
  reason: z.enum(['noPost', 'noEditor', 'notVerified', 'postDisabled', 'noTab']).optional(),
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
