/**
 * Noise rules as plain data: the list the settings page shows and a brand can edit. A rule never
 * drops a post; it sets `filteredBy: { rule: id, detail }` so the agent sees why and can restore it.
 * The UI names and describes each rule by its id (`triageUi.rule.<id>.*` in the locales);
 * `patterns` are case-insensitive regex sources.
 */
export type NoiseRuleKind = 'pattern' | 'massMention' | 'ownPost';

export interface NoiseRule {
  id: string;
  kind: NoiseRuleKind;
  enabled: boolean;
  /** For `pattern` rules. */
  patterns?: readonly string[];
  /**
   * Promotions are noise only when nobody is complaining or asking: "your promo code doesn't
   * work" is a customer who needs help, not an advert.
   */
  yieldsToComplaint?: boolean;
  /** For `massMention`: at least this many @handles and at most `maxWords` other words. */
  minMentions?: number;
  maxWords?: number;
}

/** The one list of noise rules; ids, settings rows and locale keys derive from it. */
export const NOISE_RULES = [
  {
    id: 'ownPost',
    kind: 'ownPost',
    enabled: true,
  },
  {
    id: 'giveaway',
    kind: 'pattern',
    enabled: true,
    patterns: [
      String.raw`\b(rt|retweet|repost|share|like|follow)\b[^.!?\n]{0,30}\bto\s+win\b`,
      String.raw`#?\bgive\s?aways?\b`,
      String.raw`#(contest|sweepstakes?|win|competition)\b`,
      String.raw`\b(enter|chance)\s+to\s+win\b`,
      String.raw`розыгрыш|разыгрываем|репост\s+и\s+подписк`,
      String.raw`抽奖|转发.{0,6}(送|赢)`,
    ],
  },
  {
    id: 'coupon',
    kind: 'pattern',
    enabled: true,
    yieldsToComplaint: true,
    patterns: [
      String.raw`\b(promo|coupon|discount|voucher)\s*codes?\b`,
      String.raw`\buse\s+(my\s+)?code\b`,
      String.raw`\b\d{1,2}\s?%\s?off\b`,
      String.raw`промокод|купон|скидк[аиу]\s+\d`,
      String.raw`优惠券|优惠码|折扣码`,
    ],
  },
  {
    id: 'promotion',
    kind: 'pattern',
    enabled: true,
    yieldsToComplaint: true,
    patterns: [
      String.raw`\b(shop|buy|order)\s+now\b`,
      String.raw`\blimited[-\s]time\s+(offer|deal)\b`,
      String.raw`\bfree\s+shipping\b`,
      String.raw`#(ad|sponsored|promo|sale|deal|deals)\b`,
      String.raw`\bcheck\s+out\s+my\b`,
      String.raw`распродаж|успей\s+купить|только\s+сегодня`,
      String.raw`限时|秒杀|包邮|大促`,
    ],
  },
  {
    id: 'affiliate',
    kind: 'pattern',
    enabled: true,
    patterns: [
      String.raw`\bamzn\.(to|eu)\/`,
      String.raw`[?&](tag|aff_id|affid|affiliate|ref|ref_id|referral)=`,
      String.raw`\b(click|clk)\.(aliexpress|linksynergy)\b`,
      String.raw`#(affiliate|affiliatelink)\b`,
    ],
  },
  {
    id: 'cryptoFollow',
    kind: 'pattern',
    enabled: true,
    patterns: [
      String.raw`\bfollow\s?(back|4follow|for\s?follow)\b`,
      String.raw`#(followback|teamfollowback|f4f|follow4follow|followforfollow)\b`,
      String.raw`\bair\s?drops?\b`,
      String.raw`\bdm\s+(me\s+)?(for|4)\s+(promo|promotion|collab|shoutout)`,
      String.raw`\b0x[a-f0-9]{40}\b`,
      String.raw`\b(bc1|[13])(?=[a-z0-9]*[a-z])[a-hj-np-z0-9]{25,39}\b`,
      String.raw`\b(presale|pump|100x|to\s+the\s+moon)\b`,
      String.raw`взаимн\p{L}*\s+подписк|подпишусь\s+в\s+ответ`,
      String.raw`互粉|互关|空投`,
    ],
  },
  {
    id: 'massMention',
    kind: 'massMention',
    enabled: true,
    minMentions: 4,
    maxWords: 5,
  },
] as const satisfies readonly NoiseRule[];

export type NoiseRuleId = (typeof NOISE_RULES)[number]['id'];
export const NOISE_RULE_IDS: readonly NoiseRuleId[] = NOISE_RULES.map((r) => r.id);
export const isNoiseRuleId = (id: string): id is NoiseRuleId => NOISE_RULE_IDS.some((r) => r === id);
