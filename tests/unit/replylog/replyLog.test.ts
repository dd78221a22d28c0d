import { describe, expect, it } from 'vitest';
import { DUPLICATE_WINDOW_MS, isDuplicateReply, recordBrandReplies, recordReplySent, replyEntryId, replyTimes } from '@/lib/db/replyLog';
import { ingestPosts, type Classify } from '@/lib/db/ingest';
import { saveBrand, saveSettings } from '@/lib/db/brands';
import { orderTabs } from '@/lib/background/replyHandlers';
import { parseMessage } from '@/lib/messages';
import { RollupSchema } from '@/lib/schemas/review';
import { DEFAULT_BUSINESS_HOURS, type BrandProfile } from '@/lib/schemas/settings';
import { TemplateSchema } from '@/lib/schemas/templates';
import { brand, freshDb, post } from '../support/db';

const H = 3_600_000;
const M = 60_000;
// 2026-11-23 is a Monday; the default brand works 09:00–17:00 UTC Monday to Friday, target 60 min.
const MON_0900 = Date.UTC(2026, 10, 23, 9);
const FRI_1630 = Date.UTC(2026, 10, 27, 16, 30);
const MON_0930_NEXT = Date.UTC(2026, 10, 30, 9, 30);
const hours: Pick<BrandProfile, 'businessHours' | 'firstResponseTargetMinutes'> = { businessHours: DEFAULT_BUSINESS_HOURS, firstResponseTargetMinutes: 60 };

describe('replyTimes (first response time)', () => {
  it.each([
    ['within the hour', MON_0900, MON_0900 + 45 * M, 45 * M, 45 * M, true],
    ['exactly on target', MON_0900, MON_0900 + 60 * M, 60 * M, 60 * M, true],
    ['one minute late', MON_0900, MON_0900 + 61 * M, 61 * M, 61 * M, false],
    ['over the weekend: 30 min Friday + 30 min Monday', FRI_1630, MON_0930_NEXT, MON_0930_NEXT - FRI_1630, 60 * M, true],
    ['posted Saturday, answered Monday 09:30', Date.UTC(2026, 10, 28, 12), MON_0930_NEXT, MON_0930_NEXT - Date.UTC(2026, 10, 28, 12), 30 * M, true],
    ['same day, after hours', Date.UTC(2026, 10, 23, 18), Date.UTC(2026, 10, 23, 23), 5 * H, 0, true],
    ['reply clock before post (skew) → 0, never negative', MON_0900, MON_0900 - 5 * M, 0, 0, true],
  ])('%s', (_name, postAt, replyAt, wall, business, met) => {
    expect(replyTimes(postAt, replyAt, hours)).toEqual({ frtWallMs: wall, frtBusinessMs: business, slaMet: met });
  });
});

describe('duplicate detection', () => {
  const base = { id: 'reply:a', text: 'Hi\n\nthere', repliedAt: MON_0900 };
  it.each([
    ['same insertion id', 'reply:a', 'different', MON_0900 + 3 * H, true],
    ['same text, same time, other id', 'reply:b', 'Hi\n\nthere', MON_0900, true],
    ['same text re-rendered (whitespace)', 'reply:b', 'Hi there ', MON_0900 + M, true],
    ['same text after the window', 'reply:b', 'Hi\n\nthere', MON_0900 + DUPLICATE_WINDOW_MS + 1, false],
    ['other text', 'reply:b', 'Hello', MON_0900, false],
  ])('%s', (_name, id, text, at, dup) => {
    expect(isDuplicateReply(base, id, text, at)).toBe(dup);
  });

  it('ids fit IdSchema whatever the post key length', () => {
    expect(replyEntryId(`facebook:${'9'.repeat(200)}`, MON_0900).length).toBeLessThanOrEqual(120);
    expect(replyEntryId('x:1', MON_0900, 'abc')).toBe('reply:abc');
  });
});

const classify: Classify = async () => ({
  matched: true,
  own: false,
  brandId: 'acme',
  terms: ['@acme'],
  autoQueue: true,
  triage: { priority: 70, reasons: [{ code: 'complaint', points: 70, detail: '' }], complaint: true, question: false, praise: false, customerMatch: { customerId: 'c1', confidence: 1, by: 'handle', why: '' } },
});

async function seeded() {
  const db = freshDb();
  await saveBrand(db, brand({ businessHours: DEFAULT_BUSINESS_HOURS, firstResponseTargetMinutes: 60 }));
  await saveSettings(db, { agentName: 'Dana' });
  await db.templates.put(TemplateSchema.parse({ id: 't1', shortCode: 'delay', title: 'Delay', scope: 'shared', bodies: ['Sorry for the delay'], createdAt: 1, updatedAt: 1 }));
  await ingestPosts(db, [post('100', '@acme where is my order', { createdAt: MON_0900, seenAt: MON_0900 + 5 * M })], classify, MON_0900 + 5 * M);
  return db;
}

describe('recordReplySent', () => {
  it('writes one complete entry, marks the item replied and updates the review rollups, in one go', async () => {
    const db = await seeded();
    const sentAt = MON_0900 + 50 * M;
    const result = await recordReplySent(
      db,
      { key: 'x:100', text: 'Sorry for the delay, Ann', replyUrl: 'https://x.com/AcmeHelp/status/5', sentAt, insertionId: 'ins-1', context: { templateId: 't1', renderedText: 'Sorry for the delay', toneWarningsOverridden: 2 } },
      sentAt + 10,
    );
    expect(result.written).toBe(true);
    const [entry] = await db.replyLog.toArray();
    expect(entry).toMatchObject({
      id: 'reply:ins-1',
      postKey: 'x:100',
      site: 'x',
      brandId: 'acme',
      agent: 'Dana',
      customerId: 'c1',
      templateId: 't1',
      templateShortCode: 'delay',
      text: 'Sorry for the delay, Ann',
      replyUrl: 'https://x.com/AcmeHelp/status/5',
      postText: '@acme where is my order',
      postAuthor: 'someone',
      complaint: true,
      reasonCodes: ['complaint'],
      postCreatedAt: MON_0900,
      repliedAt: sentAt,
      frtWallMs: 50 * M,
      frtBusinessMs: 50 * M,
      slaMet: true,
      toneWarningsOverridden: 2,
      outcome: 'replied',
    });
    expect(entry?.editRatio).toBeGreaterThan(0);
    expect(entry?.editRatio).toBeLessThan(0.5);
    const item = await db.queue.get('x:100');
    expect(item).toMatchObject({ state: 'replied', repliedAt: sentAt });
    const rollups = (await db.rollups.toArray()).map((r) => RollupSchema.parse(r));
    expect(rollups.find((r) => r.reason === '*')).toMatchObject({ replies: 1, slaMet: 1, templated: 1, day: '2026-11-23', agent: 'Dana' });
  });

  it('is idempotent: the same insertion reported twice, or the same text again soon, writes nothing new', async () => {
    const db = await seeded();
    const msg = { key: 'x:100', text: 'Thanks!', sentAt: MON_0900 + H, insertionId: 'ins-1' };
    expect((await recordReplySent(db, msg)).written).toBe(true);
    const again = await recordReplySent(db, msg);
    expect(again).toMatchObject({ written: false, reason: 'duplicate' });
    expect((await recordReplySent(db, { ...msg, insertionId: 'ins-2', sentAt: msg.sentAt + 2000 })).written).toBe(false);
    expect(await db.replyLog.count()).toBe(1);
    const rollups = (await db.rollups.toArray()).map((r) => RollupSchema.parse(r));
    expect(rollups.find((r) => r.reason === '*')?.replies).toBe(1);
  });

  it('a second, different reply is logged but the item keeps its FIRST reply time', async () => {
    const db = await seeded();
    await recordReplySent(db, { key: 'x:100', text: 'First', sentAt: MON_0900 + H, insertionId: 'a' });
    await recordReplySent(db, { key: 'x:100', text: 'Follow-up', sentAt: MON_0900 + 2 * H, insertionId: 'b' });
    expect(await db.replyLog.count()).toBe(2);
    expect((await db.queue.get('x:100'))?.repliedAt).toBe(MON_0900 + H);
  });

  it('no template: no edit ratio; agent falls back to "agent"', async () => {
    const db = await seeded();
    await saveSettings(db, { agentName: '' });
    await recordReplySent(db, { key: 'x:100', text: 'Typed by hand', sentAt: MON_0900 + 2 * H });
    const [entry] = await db.replyLog.toArray();
    expect(entry?.editRatio).toBeUndefined();
    expect(entry?.templateId).toBeUndefined();
    expect(entry?.agent).toBe('agent');
    expect(entry?.slaMet).toBe(false);
  });

  it('rejects an invalid report before writing anything', async () => {
    const db = await seeded();
    await expect(recordReplySent(db, { key: 'x:100', text: 'x', sentAt: -1 })).rejects.toThrow();
    await expect(recordReplySent(db, { key: 'x:100', text: 'x', sentAt: 1, replyUrl: 'javascript:alert(1)' })).rejects.toThrow();
    expect(await db.replyLog.count()).toBe(0);
  });
});

describe('recordBrandReplies', () => {
  it('keeps the latest brand reply on the queue item and ignores repeats', async () => {
    const db = await seeded();
    const replies = [
      { handle: 'AcmeHelp', postId: '7', createdAt: MON_0900 + 10 * M },
      { handle: 'acme', postId: '8', createdAt: MON_0900 + 20 * M },
    ];
    expect(await recordBrandReplies(db, 'x:100', replies)).toBe(true);
    expect((await db.queue.get('x:100'))?.answeredBy).toEqual({ handle: 'acme', postId: '8', at: MON_0900 + 20 * M });
    expect(await recordBrandReplies(db, 'x:100', replies)).toBe(false);
    expect(await recordBrandReplies(db, 'x:999', replies)).toBe(false);
  });
});

describe('reply messages and tab routing', () => {
  it.each([
    ['post URL first, then active', [{ id: 1, url: 'https://x.com/home', active: true }, { id: 2, url: 'https://x.com/a/status/1' }, { id: 3 }], 'https://x.com/a/status/1', [2, 1, 3]],
    ['unknown URL: active first', [{ id: 5 }, { id: 6, active: true }], undefined, [6, 5]],
    ['tabs without id are skipped', [{ url: 'https://x.com/' }, { id: 9 }], undefined, [9]],
  ])('orderTabs: %s', (_name, tabs, url, expected) => {
    expect(orderTabs(tabs, url)).toEqual(expected);
  });

  it.each([
    ['replyInsert without text', 'replyInsert', { key: 'x:1', text: '' }],
    ['replySent with a foreign key', 'replySent', { key: 'myspace:1', text: 'x', sentAt: 1 }],
    ['insertReply without an insertion id', 'insertReply', { key: 'x:1', text: 'hi' }],
  ] as const)('rejects %s', (_name, name, data) => {
    expect(() => parseMessage(name, data)).toThrow();
  });
});
