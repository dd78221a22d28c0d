/**
 * The reply log: one entry per reply the agent actually sent, written when the content script sees
 * it leave the page (`replySent`). Entry, queue state and review rollups change in ONE transaction.
 * Idempotent: a second report of the same insertion (same id, or same post + same text within a
 * short window) writes nothing.
 */
import { looseText } from '../editor/readBack';
import { applyEntry, rollupKeysForEntry } from '../review/rollups';
import { siteOfKey } from '../schemas/primitives';
import { QueueItemSchema, type QueueItem } from '../schemas/queue';
import { ReplyLogEntrySchema, ReplySentSchema, type ReplyLogEntry } from '../schemas/replies';
import { RollupSchema, type Rollup } from '../schemas/review';
import type { BrandProfile } from '../schemas/settings';
import { editRatio } from '../templates/editRatio';
import { businessMsBetween } from '../time/businessHours';
import { getSettings } from './brands';
import { reviewUpkeepTables, syncMentions } from './rollups';
import type { ReplylineDb } from './db';

/** Two reports of the same text for the same post this close together are one reply. */
export const DUPLICATE_WINDOW_MS = 10 * 60 * 1000;

export interface ReplyTimes {
  frtWallMs: number;
  frtBusinessMs: number;
  slaMet: boolean;
}

/** First-response times against the brand's business hours and target (pure). */
export function replyTimes(postCreatedAt: number, repliedAt: number, brand: Pick<BrandProfile, 'businessHours' | 'firstResponseTargetMinutes'>): ReplyTimes {
  const frtWallMs = Math.max(0, repliedAt - postCreatedAt);
  const frtBusinessMs = businessMsBetween(postCreatedAt, repliedAt, brand.businessHours);
  return { frtWallMs, frtBusinessMs, slaMet: frtBusinessMs <= brand.firstResponseTargetMinutes * 60_000 };
}

/** Small stable hash so ids stay within IdSchema's 120 characters whatever the post key. */
function hashKey(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}

export function replyEntryId(key: string, sentAt: number, insertionId?: string): string {
  return insertionId ? `reply:${insertionId}` : `reply:${hashKey(key)}:${sentAt}`;
}

export function isDuplicateReply(existing: Pick<ReplyLogEntry, 'id' | 'text' | 'repliedAt'>, id: string, text: string, sentAt: number): boolean {
  if (existing.id === id) return true;
  return looseText(existing.text) === looseText(text) && Math.abs(existing.repliedAt - sentAt) <= DUPLICATE_WINDOW_MS;
}

export type RecordReplyResult =
  | { written: true; entry: ReplyLogEntry }
  | { written: false; reason: 'duplicate'; entry: ReplyLogEntry }
  | { written: false; reason: 'noBrand' };

export async function recordReplySent(db: ReplylineDb, input: unknown, now = Date.now()): Promise<RecordReplyResult> {
  const sent = ReplySentSchema.parse(input);
  const id = replyEntryId(sent.key, sent.sentAt, sent.insertionId);
  const tables = [db.replyLog, db.queue, db.posts, db.brands, db.settings, db.templates, ...reviewUpkeepTables(db)];
  return db.transaction('rw', tables, async (): Promise<RecordReplyResult> => {
    const earlier = await db.replyLog.where('postKey').equals(sent.key).toArray();
    const duplicate = earlier.find((e) => isDuplicateReply(e, id, sent.text, sent.sentAt));
    if (duplicate) return { written: false, reason: 'duplicate', entry: duplicate };

    const [item, post, settings] = await Promise.all([db.queue.get(sent.key), db.posts.get(sent.key), getSettings(db)]);
    const brandId = item?.brandId ?? settings.activeBrandId;
    const brand = brandId ? await db.brands.get(brandId) : undefined;
    if (!brand) return { written: false, reason: 'noBrand' };
    const template = sent.context.templateId ? await db.templates.get(sent.context.templateId) : undefined;

    const repliedAt = sent.sentAt;
    const postCreatedAt = item?.postCreatedAt ?? post?.createdAt ?? post?.seenAt ?? repliedAt;
    const firstSeenAt = item?.firstSeenAt ?? post?.seenAt ?? postCreatedAt;
    const rendered = sent.context.renderedText;
    const entry = ReplyLogEntrySchema.parse({
      id,
      postKey: sent.key,
      site: item?.site ?? post?.site ?? siteOfKey(sent.key),
      brandId: brand.id,
      agent: settings.agentName || 'agent',
      customerId: item?.customerId,
      templateId: sent.context.templateId,
      templateShortCode: template?.shortCode,
      editRatio: rendered !== undefined ? editRatio(rendered, sent.text) : undefined,
      text: sent.text,
      replyUrl: sent.replyUrl,
      postText: post?.text ?? '',
      postAuthor: post ? post.authorHandle || post.authorName : '',
      complaint: item?.complaint ?? false,
      reasonCodes: item?.reasonCodes ?? [],
      postCreatedAt,
      firstSeenAt,
      repliedAt,
      ...replyTimes(postCreatedAt, repliedAt, brand),
      toneWarningsOverridden: sent.context.toneWarningsOverridden ?? 0,
    });
    await db.replyLog.add(entry);
    await putRollups(db, entry, brand);
    if (item) {
      const replied = repliedItem(item, repliedAt, now);
      await db.queue.put(replied);
      // The mention's outcome (replied) and its review rollups change in this same transaction.
      await syncMentions(db, [replied]);
    }
    return { written: true, entry };
  });
}

function repliedItem(item: QueueItem, repliedAt: number, now: number): QueueItem {
  // The FIRST reply is what first-response time is about: a later reply keeps it.
  return QueueItemSchema.parse({ ...item, state: 'replied', repliedAt: item.repliedAt ?? repliedAt, snoozedUntil: undefined, updatedAt: now });
}

/** Review rollups for the new entry, read and written inside the caller's transaction. */
async function putRollups(db: ReplylineDb, entry: ReplyLogEntry, brand: BrandProfile): Promise<void> {
  const tzOf = (brandId: string) => (brandId === brand.id ? brand.businessHours.timeZone : 'UTC');
  const keys = rollupKeysForEntry(entry, tzOf);
  const stored = await db.rollups.bulkGet(keys);
  const existing = new Map<string, Rollup>();
  for (const record of stored) {
    const parsed = RollupSchema.safeParse(record);
    if (parsed.success) existing.set(parsed.data.key, parsed.data);
  }
  const updated = applyEntry(existing, entry, tzOf);
  if (updated.length > 0) await db.rollups.bulkPut(updated);
}

export interface SeenBrandReply {
  handle: string;
  postId: string;
  createdAt?: number;
}

/** Remembers the latest brand reply seen under a queued post ("already answered by …"). */
export async function recordBrandReplies(db: ReplylineDb, key: string, replies: readonly SeenBrandReply[], now = Date.now()): Promise<boolean> {
  if (replies.length === 0) return false;
  const latest = [...replies].sort((a, b) => (b.createdAt ?? -1) - (a.createdAt ?? -1))[0];
  if (!latest) return false;
  return db.transaction('rw', db.queue, async () => {
    const item = await db.queue.get(key);
    if (!item) return false;
    const answeredBy = { handle: latest.handle, postId: latest.postId, at: latest.createdAt };
    const same = item.answeredBy?.handle === answeredBy.handle && item.answeredBy.postId === answeredBy.postId && item.answeredBy.at === answeredBy.at;
    if (same) return false;
    await db.queue.put(QueueItemSchema.parse({ ...item, answeredBy, updatedAt: now }));
    return true;
  });
}
