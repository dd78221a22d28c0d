/**
 * Synthetic review data: a seeded, realistic generator (bench, sanity tests) and fast-check
 * arbitraries (property tests). Our own fixtures: names and texts are made up.
 */
import fc from 'fast-check';
import { ReplyLogEntrySchema, type ReplyLogEntry } from '../../../lib/schemas/replies';
import { MentionRecordSchema, type MentionRecord } from '../../../lib/schemas/review';
import { seededRandom } from '../../../lib/random';

export const BRAND_TZ: Record<string, string> = {
  acme: 'America/New_York',
  rossvyaz: 'Europe/Moscow',
  huawen: 'Asia/Shanghai',
};
export const tzOf = (brandId: string): string => BRAND_TZ[brandId] ?? 'UTC';


const NAMES = ['Anna Ivanova', 'Boris', 'Chen Wei', '王伟', 'Мария Петрова', 'Dave O’Brien', 'Eve', 'Фёдор', '李娜', 'Grace Hopper'];
const BODIES = [
  'Hi {name}, sorry about order {n}. We have sent a replacement, it arrives in {d} days.',
  'Hello {name}! Thanks for reaching out — please DM us your order number {n} and we will fix it.',
  'Здравствуйте, {name}! Приносим извинения за задержку заказа {n}. Мы уже разбираемся.',
  '{name}，您好！订单{n}的问题我们已经在处理，请耐心等待{d}天。',
  'Thanks {name}, glad you like it!',
];
const REASONS = ['customer', 'complaint', 'question', 'waiting', 'praise'];
const DISMISS = ['spam', 'not for us', 'duplicate', ''];

export interface GenOptions {
  entries: number;
  agents: number;
  fromMs: number;
  days: number;
  seed?: number;
}

/** `entries` replies plus ~25 % more queued mentions that were never answered or were dismissed. */
export function generateLogs(opts: GenOptions): { entries: ReplyLogEntry[]; mentions: MentionRecord[] } {
  const r = seededRandom(opts.seed ?? 1);
  const pick = <T,>(xs: readonly T[]): T => {
    const x = xs[Math.floor(r() * xs.length)];
    if (x === undefined) throw new Error('pick from an empty list');
    return x;
  };
  const brands = Object.keys(BRAND_TZ);
  const entries: ReplyLogEntry[] = [];
  const mentions: MentionRecord[] = [];
  const total = opts.entries + Math.floor(opts.entries / 4);
  for (let i = 0; i < total; i++) {
    const site = r() < 0.7 ? 'x' : 'facebook';
    const brandId = pick(brands);
    const agent = `agent${Math.floor(r() * opts.agents)}`;
    const postCreatedAt = opts.fromMs + Math.floor(r() * opts.days * 86_400_000);
    const firstSeenAt = postCreatedAt + Math.floor(r() * 30 * 60_000);
    const reasonCodes = REASONS.filter(() => r() < 0.3);
    const complaint = reasonCodes.includes('complaint');
    const key = `${site}:p${i}`;
    if (i < opts.entries) {
      // Log-normal-ish FRT: most within the hour, a long tail over nights and weekends.
      const frtWallMs = Math.floor(Math.exp(r() * 4 + r() * 4) * 60_000);
      const frtBusinessMs = Math.floor(frtWallMs * (0.3 + 0.7 * r()));
      const repliedAt = firstSeenAt + frtWallMs;
      const templated = r() < 0.6;
      const name = pick(NAMES);
      const body = (r() < 0.15 ? `Free text reply ${Math.floor(r() * 1e9).toString(36)} for {name}` : pick(BODIES))
        .replace('{name}', name)
        .replace('{n}', String(100000 + Math.floor(r() * 900000)))
        .replace('{d}', String(1 + Math.floor(r() * 9)));
      entries.push(
        ReplyLogEntrySchema.parse({
          id: `r${i}`,
          postKey: key,
          site,
          brandId,
          agent,
          templateId: templated ? `t${Math.floor(r() * 20)}` : undefined,
          text: body,
          postAuthor: name,
          complaint,
          reasonCodes,
          postCreatedAt,
          firstSeenAt,
          repliedAt,
          frtWallMs,
          frtBusinessMs,
          slaMet: frtBusinessMs <= 60 * 60_000,
          toneWarningsOverridden: r() < 0.05 ? 1 + Math.floor(r() * 2) : 0,
          escalated: r() < 0.03,
        }),
      );
      mentions.push(MentionRecordSchema.parse({ key, site, brandId, state: 'replied', complaint, reasonCodes, postCreatedAt, firstSeenAt, repliedAt, agent }));
    } else {
      const state = pick(['new', 'dismissed', 'dismissed', 'snoozed', 'escalated', 'inProgress'] as const);
      mentions.push(
        MentionRecordSchema.parse({
          key, site, brandId, state, complaint, reasonCodes, postCreatedAt, firstSeenAt, agent,
          dismissReason: state === 'dismissed' ? pick(DISMISS) || undefined : undefined,
        }),
      );
    }
  }
  return { entries, mentions };
}

// ---------------------------------------------------------------- fast-check arbitraries
// Small value ranges on purpose: collisions (same minute, same text, same key) are what we test.
const T0 = Date.UTC(2026, 2, 25); // spans the 2026 DST changes in Europe (29 Mar) with 14 days
const span = 14 * 86_400_000;

export const arbEntry = (ids = 30): fc.Arbitrary<ReplyLogEntry> =>
  fc
    .record({
      id: fc.integer({ min: 0, max: ids }).map((n) => `r${n}`),
      post: fc.integer({ min: 0, max: 40 }),
      site: fc.constantFrom('x' as const, 'facebook' as const),
      brandId: fc.constantFrom('acme', 'rossvyaz', 'huawen', 'utc'),
      agent: fc.constantFrom('ann', 'bob', 'ця|агент'),
      templateId: fc.option(fc.constantFrom('t1', 't2'), { nil: undefined }),
      text: fc.constantFrom('Hi Anna, order 123 is on its way', 'Hi Boris, order 456 is on its way', 'Thanks!', 'thanks', '您好，王伟！', 'Другой ответ'),
      postAuthor: fc.constantFrom('Anna', 'Boris', '王伟', ''),
      reasonCodes: fc.uniqueArray(fc.constantFrom('complaint', 'question', 'waiting'), { maxLength: 3 }),
      firstSeenAt: fc.integer({ min: T0, max: T0 + span }),
      frtWallMs: fc.integer({ min: 0, max: 3 * 86_400_000 }),
      businessShare: fc.double({ min: 0, max: 1, noNaN: true }),
      slaMet: fc.boolean(),
      toneWarningsOverridden: fc.nat({ max: 2 }),
      escalated: fc.boolean(),
    })
    .map((g) =>
      ReplyLogEntrySchema.parse({
        id: g.id,
        postKey: `${g.site}:p${g.post}`,
        site: g.site,
        brandId: g.brandId,
        agent: g.agent,
        templateId: g.templateId,
        text: g.text,
        postAuthor: g.postAuthor,
        complaint: g.reasonCodes.includes('complaint'),
        reasonCodes: g.reasonCodes,
        postCreatedAt: g.firstSeenAt - 60_000 > 0 ? g.firstSeenAt - 60_000 : 0,
        firstSeenAt: g.firstSeenAt,
        repliedAt: g.firstSeenAt + g.frtWallMs,
        frtWallMs: g.frtWallMs,
        frtBusinessMs: Math.floor(g.frtWallMs * g.businessShare),
        slaMet: g.slaMet,
        toneWarningsOverridden: g.toneWarningsOverridden,
        escalated: g.escalated,
      }),
    );

export const arbMention = (keys = 30): fc.Arbitrary<MentionRecord> =>
  fc
    .record({
      post: fc.integer({ min: 0, max: keys }),
      site: fc.constantFrom('x' as const, 'facebook' as const),
      brandId: fc.constantFrom('acme', 'rossvyaz', 'huawen', 'utc'),
      agent: fc.constantFrom('ann', 'bob', ''),
      state: fc.constantFrom('new' as const, 'inProgress' as const, 'replied' as const, 'escalated' as const, 'snoozed' as const, 'dismissed' as const, 'filtered' as const),
      complaint: fc.boolean(),
      reasonCodes: fc.uniqueArray(fc.constantFrom('complaint', 'question', 'waiting'), { maxLength: 3 }),
      dismissReason: fc.option(fc.constantFrom('spam', 'not for us'), { nil: undefined }),
      firstSeenAt: fc.integer({ min: T0, max: T0 + span }),
      replyAfter: fc.option(fc.integer({ min: 0, max: 86_400_000 }), { nil: undefined }),
    })
    .map((g) =>
      MentionRecordSchema.parse({
        key: `${g.site}:p${g.post}`,
        site: g.site,
        brandId: g.brandId,
        state: g.state,
        complaint: g.complaint,
        reasonCodes: g.reasonCodes,
        dismissReason: g.state === 'dismissed' || g.state === 'filtered' ? g.dismissReason : undefined,
        postCreatedAt: g.firstSeenAt,
        firstSeenAt: g.firstSeenAt,
        repliedAt: g.replyAfter === undefined ? undefined : g.firstSeenAt + g.replyAfter,
        agent: g.agent,
      }),
    );

/** Rows unique by id/key (last wins), as stored in the DB. */
export function uniqueBy<T>(rows: readonly T[], idOf: (t: T) => string): T[] {
  return [...new Map(rows.map((r) => [idOf(r), r])).values()];
}
