/**
 * The demo team's last four weeks, as the log bundles its agents would have exported: what a team
 * lead sees first on the Review page. Four agents on shifts (weekday days, a late shift, weekend
 * cover), posts around the clock with evening and weekend peaks, so off-hours posts wait for the
 * next shift; most complaints answered, some missed or dismissed, noise filtered; goals part-met.
 * Deterministic for a given `now` (seeded), so reloading the demo changes nothing.
 */
import { businessMsBetween, zonedWeekdayHour } from '../time/businessHours';
import { ReplyLogEntrySchema, type ReplyLogEntry } from '../schemas/replies';
import { GoalSchema, LOG_BUNDLE_FORMAT, LOG_BUNDLE_VERSION, LogBundleSchema, MentionRecordSchema, type Goal, type LogBundle, type MentionRecord } from '../schemas/review';
import type { BrandProfile } from '../schemas/settings';
import { seededRandom as rng } from '../random';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
export const DEMO_DAYS = 28;

/** Who works when (brand-local weekday 0 = Sunday, hours [from, to)). */
const SHIFTS: readonly { agent: string; days: readonly number[]; from: number; to: number }[] = [
  { agent: 'Sam', days: [1, 2, 3, 4, 5], from: 9, to: 17 },
  { agent: 'Priya', days: [1, 2, 3, 4, 5], from: 12, to: 20 },
  { agent: 'Tomás', days: [6, 0], from: 10, to: 16 },
  { agent: 'Mei', days: [1, 2, 3, 4], from: 7, to: 12 },
];

/** Relative post volume per local hour: quiet nights, a lunch bump and an evening peak. */
const HOURLY = [1, 1, 0, 0, 0, 1, 2, 4, 6, 7, 7, 8, 9, 8, 7, 7, 8, 9, 11, 12, 12, 10, 7, 3];

const AUTHORS = ['Jane Doe', 'Tom Reyes', 'Иван Петров', 'Mia Chen', '李伟', 'Priya Shah', 'Ольга К.', 'Marco Bianchi', 'Sara Lind', 'Owen Price', 'Aiko Tanaka', 'Luis Ortega'];

type Kind = 'complaint' | 'question' | 'praise' | 'noise';
const KIND_WEIGHTS: readonly [Kind, number][] = [['complaint', 34], ['question', 38], ['praise', 18], ['noise', 10]];

/** Replies are assembled from parts, as people write them: similar, rarely identical. */
const REPLIES: Record<Exclude<Kind, 'noise'>, { open: readonly string[]; body: readonly { text: string; template?: string }[]; close: readonly string[] }> = {
  complaint: {
    open: ['Hi {n},', 'Hello {n},', '{n}, so sorry —', 'Hi {n}, thanks for telling us.'],
    body: [
      { text: 'sorry your order is late. Could you DM us the order number so we can chase it today?', template: 'demo-t1' },
      { text: 'that should not happen. Please DM us your order number and we will send a replacement pole.', template: 'demo-t3' },
      { text: 'I have asked the warehouse about order {o} and will update you by tomorrow.' },
      { text: 'the courier shows order {o} stuck at the depot; we are sending a new one today.' },
      { text: 'a refund for order {o} is on its way, it can take 3–5 days to show.' },
      { text: 'I am sorry the zip failed. Any Acme store will repair it for free under warranty.' },
    ],
    close: ['', '— Acme Help', 'We are on it.', 'Thanks for your patience.'],
  },
  question: {
    open: ['Hi {n}!', 'Good question, {n}:', 'Hello {n},'],
    body: [
      { text: 'the Summit tent sleeps two with packs in the porch.' },
      { text: 'the Trailblazer 2 is fully seam-taped, so it handles Scottish rain.' },
      { text: 'our repair service is free within the warranty — bring it to any store.' },
      { text: 'the forest green Summit ships from next week; you can pre-order now.' },
      { text: 'sizes run true; if in doubt, size up for thick socks.' },
    ],
    close: ['', 'Happy trails!', 'Anything else, just ask.'],
  },
  praise: {
    open: ['Thanks so much, {n}!', 'Love this, {n}!', 'Thank you, {n}!'],
    body: [{ text: 'Happy trails from the Acme team.', template: 'demo-t2' }, { text: 'Enjoy the next summit.' }, { text: 'Made our day.' }],
    close: [''],
  },
};

/** Russian and Chinese customers get answered in their language (the demo's own templates). */
const LOCAL_REPLIES: Record<string, { text: string; template: string }> = {
  ru: { text: 'Здравствуйте, {n}! Извините за задержку. Напишите нам в ЛС номер заказа, и мы всё проверим.', template: 'demo-t4' },
  zh: { text: '{n}好，很抱歉订单延误了。请私信我们订单号，我们马上为您查询。', template: 'demo-t5' },
};

const NOISE_RULES = ['giveaway', 'coupon', 'cryptoFollow', 'massMention'] as const;


function weighted<T>(r: () => number, items: readonly (readonly [T, number])[]): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let x = r() * total;
  for (const [item, w] of items) {
    x -= w;
    if (x < 0) return item;
  }
  const last = items[items.length - 1];
  if (!last) throw new Error('weighted pick from an empty list');
  return last[0];
}

function pick<T>(r: () => number, items: readonly T[]): T {
  const item = items[Math.floor(r() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

/** The agents on shift at `ms` (brand time), and when the next shift starts if nobody is. */
function onShift(ms: number, timeZone: string): string[] {
  const { weekday, hour } = zonedWeekdayHour(ms, timeZone);
  return SHIFTS.filter((s) => s.days.includes(weekday) && hour >= s.from && hour < s.to).map((s) => s.agent);
}

function nextCover(ms: number, timeZone: string): { at: number; agents: string[] } {
  for (let t = ms; t < ms + 4 * DAY; t += 15 * MIN) {
    const agents = onShift(t, timeZone);
    if (agents.length > 0) return { at: t, agents };
  }
  return { at: ms, agents: ['Sam'] };
}

interface Generated {
  entries: ReplyLogEntry[];
  mentions: MentionRecord[];
}

function generate(brand: BrandProfile, now: number): Generated {
  const r = rng(20261206);
  const tz = brand.businessHours.timeZone;
  const entries: ReplyLogEntry[] = [];
  const mentions: MentionRecord[] = [];
  // Anchored to the day, so loading the demo twice on one day writes the same rows.
  const end = Math.floor(now / DAY) * DAY;
  const start = end - DEMO_DAYS * DAY;
  let n = 0;
  for (let t = start; t < end; t += HOUR) {
    const { weekday, hour } = zonedWeekdayHour(t, tz);
    const weekend = weekday === 0 || weekday === 6;
    // Expected posts this hour: up to ≈ 0.9 at the evening peak on weekdays; weekends a little quieter.
    const expected = ((HOURLY[hour] ?? 1) / 12) * (weekend ? 0.7 : 0.9);
    const count = Math.floor(expected + r());
    for (let i = 0; i < count; i++) {
      n += 1;
      const postCreatedAt = t + Math.floor(r() * HOUR);
      const kind = weighted(r, KIND_WEIGHTS);
      const site = r() < 0.72 ? 'x' : 'facebook';
      const postKey = site === 'x' ? `x:18590000${String(n).padStart(10, '0')}` : `facebook:${9_100_000 + n}`;
      const author = pick(r, AUTHORS);
      const complaint = kind === 'complaint';
      const reasonCodes = kind === 'noise' ? [`spam.${pick(r, NOISE_RULES)}`] : [kind, ...(r() < 0.3 ? ['customer'] : []), ...(complaint && r() < 0.4 ? ['sentiment'] : [])];
      const cover = nextCover(postCreatedAt + 2 * MIN, tz);
      const firstSeenAt = Math.max(postCreatedAt + 2 * MIN, cover.at) + Math.floor(r() * 12 * MIN);
      const agent = pick(r, cover.agents);
      const base = { key: postKey, site, brandId: brand.id, complaint, reasonCodes, postCreatedAt, firstSeenAt, agent };

      if (kind === 'noise') {
        const rule = reasonCodes[0]?.slice('spam.'.length) ?? 'giveaway';
        mentions.push(MentionRecordSchema.parse({ ...base, state: 'filtered', dismissReason: rule }));
        continue;
      }
      // Some posts never get an answer: a few complaints slip through, questions get dismissed.
      const fate = weighted(r, complaint
        ? [['replied', 84], ['missed', 10], ['escalated', 6]]
        : kind === 'question' ? [['replied', 80], ['missed', 8], ['dismissed', 12]] : [['replied', 70], ['dismissed', 30]]);
      if (fate === 'missed' || fate === 'dismissed') {
        mentions.push(MentionRecordSchema.parse({
          ...base,
          state: fate === 'missed' ? 'new' : 'dismissed',
          ...(fate === 'dismissed' ? { dismissReason: pick(r, ['notForUs', 'duplicate', 'resolvedElsewhere']) } : {}),
        }));
        continue;
      }
      // Handling time: minutes usually; now and then an hour or more (a busy shift, a hard case),
      // and a backlog at the start of a shift after off hours.
      const busy = r() < 0.22 ? (60 + Math.floor(r() * 180)) * MIN : 0;
      const backlog = cover.at > postCreatedAt + 30 * MIN ? Math.floor(r() * 50) * MIN : 0;
      const handling = (4 + Math.floor(r() * (complaint ? 45 : 30))) * MIN + busy + backlog;
      const repliedAt = firstSeenAt + handling;
      if (repliedAt > now) {
        // Still being worked on when the demo starts.
        mentions.push(MentionRecordSchema.parse({ ...base, state: 'inProgress' }));
        continue;
      }
      const first = author.split(' ')[0] ?? author;
      const lang = /[\u0400-\u04ff]/.test(author) ? 'ru' : /[\u4e00-\u9fff]/.test(author) ? 'zh' : 'en';
      const parts = REPLIES[kind];
      const body = pick(r, parts.body);
      const local = lang === 'en' || kind !== 'complaint' ? undefined : LOCAL_REPLIES[lang];
      const reply = local ?? {
        text: [pick(r, parts.open), body.text, pick(r, parts.close)].filter(Boolean).join(' ').replace('{o}', String(10_000 + Math.floor(r() * 900))),
        ...(body.template ? { template: body.template } : {}),
      };
      const frtBusinessMs = businessMsBetween(postCreatedAt, repliedAt, brand.businessHours);
      const escalated = fate === 'escalated';
      entries.push(ReplyLogEntrySchema.parse({
        id: `demo-r${n}`,
        postKey,
        site,
        brandId: brand.id,
        agent,
        ...(reply.template ? { templateId: reply.template } : {}),
        text: reply.text.replace('{n}', first),
        postAuthor: author,
        complaint,
        reasonCodes,
        postCreatedAt,
        firstSeenAt,
        repliedAt,
        frtWallMs: repliedAt - postCreatedAt,
        frtBusinessMs,
        slaMet: frtBusinessMs <= brand.firstResponseTargetMinutes * MIN,
        toneWarningsOverridden: r() < 0.05 ? 1 : 0,
        escalated,
        outcome: escalated ? 'escalated' : 'replied',
      }));
      mentions.push(MentionRecordSchema.parse({ ...base, state: escalated ? 'escalated' : 'replied', repliedAt }));
    }
  }
  return { entries, mentions };
}

function goals(brand: BrandProfile, now: number): Goal[] {
  return [
    GoalSchema.parse({
      id: 'demo-g1',
      objective: 'Every unhappy customer hears from us within the hour',
      keyResults: [
        { id: 'demo-g1-k1', metric: 'complaintsAnsweredPct', comparator: 'gte', target: 95 },
        { id: 'demo-g1-k2', metric: 'medianFrtBusinessMin', comparator: 'lte', target: 30 },
        { id: 'demo-g1-k3', metric: 'slaMetPct', comparator: 'gte', target: 80 },
      ],
      scope: { brandIds: [brand.id] },
      createdAt: now - DEMO_DAYS * DAY,
      updatedAt: now - DEMO_DAYS * DAY,
    }),
    GoalSchema.parse({
      id: 'demo-g2',
      objective: 'Replies that sound like us, not like a script',
      keyResults: [
        { id: 'demo-g2-k1', metric: 'templatePct', comparator: 'gte', target: 40 },
        { id: 'demo-g2-k2', metric: 'repeatRatePct', comparator: 'lte', target: 20 },
      ],
      scope: { brandIds: [brand.id] },
      createdAt: now - DEMO_DAYS * DAY,
      updatedAt: now - DEMO_DAYS * DAY,
    }),
  ];
}

/** One bundle per agent, as each would export the period; goals travel with the lead's (Sam's). */
export function demoTeamBundles(brand: BrandProfile, now: number): LogBundle[] {
  const { entries, mentions } = generate(brand, now);
  const end = Math.floor(now / DAY) * DAY;
  const period = { from: end - DEMO_DAYS * DAY, to: now };
  return SHIFTS.map(({ agent }) =>
    LogBundleSchema.parse({
      format: LOG_BUNDLE_FORMAT,
      version: LOG_BUNDLE_VERSION,
      agent,
      exportedAt: now,
      period,
      entries: entries.filter((e) => e.agent === agent),
      mentions: mentions.filter((m) => m.agent === agent),
      goals: agent === 'Sam' ? goals(brand, now) : [],
      brands: [{ id: brand.id, name: brand.name, businessHours: brand.businessHours }],
    }),
  );
}
