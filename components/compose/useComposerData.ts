/**
 * Everything the composer reads for one queue item, live. Reply history for the repetition check
 * is read with bounded, indexed queries only: today's replies by `repliedAt`, this customer's by
 * `customerId`, and replies to this author's other posts by `posts.authorHandle` → `replyLog.postKey`.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { startOfDay } from '@/lib/compose';
import { getDb } from '@/lib/db/db';
import type { QueueItem, ReplyLogEntry } from '@/lib/schemas';

const TODAY_LIMIT = 2000;
const AUTHOR_LIMIT = 200;

export function useComposerData(item: QueueItem) {
  const db = getDb();
  const settings = useLiveQuery(() => db.settings.get('me'), []);
  const post = useLiveQuery(() => db.posts.get(item.key), [item.key]);
  const brand = useLiveQuery(() => db.brands.get(item.brandId), [item.brandId]);
  const customerId = item.customerId ?? item.customerMatch?.customerId;
  const customer = useLiveQuery(() => (customerId ? db.customers.get(customerId) : undefined), [customerId]);
  const templates = useLiveQuery(() => db.templates.limit(5000).toArray(), []);
  const notes = useLiveQuery(() => db.toneNotes.where('brandId').equals(item.brandId).toArray(), [item.brandId]);
  const timeZone = brand?.businessHours.timeZone ?? 'UTC';
  const handle = post?.authorHandle ?? '';
  const since = startOfDay(Date.now(), timeZone);
  const history = useLiveQuery(async (): Promise<ReplyLogEntry[]> => {
    const today = await db.replyLog.where('repliedAt').aboveOrEqual(since).limit(TODAY_LIMIT).toArray();
    const byCustomer = customerId ? await db.replyLog.where('customerId').equals(customerId).limit(AUTHOR_LIMIT).toArray() : [];
    const keys = handle ? await db.posts.where('authorHandle').equals(handle).limit(AUTHOR_LIMIT).primaryKeys() : [];
    const byAuthor = keys.length > 0 ? await db.replyLog.where('postKey').anyOf(keys).limit(AUTHOR_LIMIT).toArray() : [];
    return [...today, ...byCustomer, ...byAuthor];
  }, [since, customerId, handle]);
  return { settings, post, brand, customer, templates, notes, history: history ?? [], since };
}
