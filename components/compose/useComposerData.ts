/**
 * Everything the composer reads for one queue item, live, through lib/db's named reads (reply
 * history for the repetition check: lib/db/views/compose.ts).
 */
import { startOfDay } from '@/lib/compose';
import { useReplyHistory } from '@/lib/db/views/compose';
import { useCustomer } from '@/lib/db/views/customers';
import { useBrand, usePost, useSettings, useTemplates, useToneNotes } from '@/lib/db/views/records';
import type { QueueItem } from '@/lib/schemas/queue';

export function useComposerData(item: QueueItem) {
  const settings = useSettings();
  const post = usePost(item.key);
  const brand = useBrand(item.brandId);
  const customerId = item.customerId ?? item.customerMatch?.customerId;
  const customer = useCustomer(customerId);
  const templates = useTemplates();
  const notes = useToneNotes(item.brandId);
  const timeZone = brand?.businessHours.timeZone ?? 'UTC';
  const handle = post?.authorHandle ?? '';
  const since = startOfDay(Date.now(), timeZone);
  const history = useReplyHistory(since, customerId, handle);
  return { settings, post, brand, customer, templates, notes, history: history ?? [], since };
}
