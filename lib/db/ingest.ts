/**
 * Posts seen in the page → posts table and, for brand mentions, the queue. One transaction per
 * batch so a half-written batch never shows up in the panel. Each post is validated on its own:
 * one bad post is reported (logged, and a verdict with `rejected`) and never takes its batch with
 * it. Idempotent: a batch sent again (the page retries until acknowledged) changes nothing more.
 */
import { z } from 'zod';
import { PostSchema, type Post } from '../schemas/posts';
import { PostKeySchema } from '../schemas/primitives';
import { settlePostTime } from '../sites/postTime';
import { settlePostKeys } from '../sites/postKeys';
import { QueueItemSchema, type QueueItem } from '../schemas/queue';
import type { PostVerdict } from '../messages';
import type { ReplylineDb } from './db';
import { triageFields } from './triageFields';
import { reviewUpkeepTables, syncMentions } from './rollups';
import { fileUnder, idOfKey } from './aliases';

/** What classification decided about one post (matching, ownership, triage, customer). */
export interface Classification {
  matched: boolean;
  own: boolean;
  brandId?: string;
  terms: string[];
  autoQueue: boolean;
  triage?: Pick<QueueItem, 'priority' | 'reasons' | 'complaint' | 'question' | 'praise' | 'filteredBy' | 'customerMatch' | 'sentiment' | 'dueAt'>;
}

export type Classify = (post: Post, db: ReplylineDb) => Promise<Classification>;

export async function ingestPosts(
  db: ReplylineDb,
  rawPosts: unknown[],
  classify: Classify,
  now = Date.now(),
  forceQueueKeys: ReadonlySet<string> = new Set(),
): Promise<PostVerdict[]> {
  const seen: Post[] = [];
  const rejected: PostVerdict[] = [];
  rawPosts.forEach((raw, index) => {
    const parsed = PostSchema.safeParse(raw);
    // Dates the page sent as words become timestamps here, and content keys are added, before anything is written.
    if (parsed.success) seen.push(settlePostKeys(settlePostTime(parsed.data)));
    else reject(rejected, raw, index, z.prettifyError(parsed.error));
  });
  const tables = [db.posts, db.queue, db.brands, db.customers, db.authors, db.settings, db.postAliases, ...reviewUpkeepTables(db)];
  return db.transaction('rw', tables, async () => {
    // A post seen before under another key (a Facebook pfbid changes per page load) is filed under
    // the first; its verdict still names the key the page shows.
    const filed = await fileUnder(db, seen);
    const posts = seen.map((post, i) => {
      const key = filed.keys[i] ?? post.key;
      return key === post.key ? post : { ...post, key, postId: idOfKey(key) };
    });
    const verdicts: PostVerdict[] = [];
    const existingPosts = await db.posts.bulkGet(posts.map((p) => p.key));
    const existingItems = await db.queue.bulkGet(posts.map((p) => p.key));
    const postWrites: Post[] = [];
    const queueWrites: QueueItem[] = [];

    posts.forEach((post, i) => {
      const previous = existingPosts[i];
      // Keep the first time we saw it: first-response time counts from there.
      postWrites.push({ ...post, seenAt: previous?.seenAt ?? post.seenAt });
    });

    for (const [i, post] of posts.entries()) {
      const existing = existingItems[i];
      const pageKey = seen[i]?.key ?? post.key;
      let c: Classification;
      let item: QueueItem | undefined;
      let shouldQueue: boolean;
      const forced = forceQueueKeys.has(post.key) || forceQueueKeys.has(pageKey);
      try {
        c = await classify(post, db);
        shouldQueue = c.matched && !c.own && (c.autoQueue || forced || existing !== undefined);
        if (shouldQueue && c.brandId && c.triage) {
          const postCreatedAt = post.createdAt ?? existing?.postCreatedAt ?? now;
          const firstSeenAt = existing?.firstSeenAt ?? existingPosts[i]?.seenAt ?? post.seenAt;
          const fields = triageFields(c.triage, c.terms, postCreatedAt, existing);
          const state = existing?.state ?? (fields.filteredBy ? 'filtered' : 'new');
          const parsed = QueueItemSchema.safeParse({
            ...existing,
            key: post.key,
            site: post.site,
            brandId: c.brandId,
            state,
            ...fields,
            postCreatedAt,
            queuedAt: existing?.queuedAt ?? now,
            firstSeenAt,
            updatedAt: now,
          });
          if (!parsed.success) throw new Error(z.prettifyError(parsed.error));
          item = parsed.data;
        }
      } catch (error) {
        // The post itself is kept (it parsed); only its queue item could not be made.
        reject(verdicts, { key: pageKey }, i, error instanceof Error ? error.message : String(error));
        continue;
      }
      if (item) queueWrites.push(item);
      verdicts.push({
        key: pageKey,
        matched: c.matched,
        own: c.own,
        brandId: c.brandId,
        priority: c.matched && !c.own ? c.triage?.priority : undefined,
        terms: c.terms,
        queued: shouldQueue,
        // The item's state decides once there is one: a post the agent restored from Filtered is queued.
        filtered: item ? item.state === 'filtered' : Boolean(c.triage?.filteredBy),
      });
    }

    await db.posts.bulkPut(postWrites);
    if (filed.writes.length > 0) await db.postAliases.bulkPut(filed.writes);
    if (queueWrites.length > 0) {
      await db.queue.bulkPut(queueWrites);
      // Review mentions and rollups change with the queue, in this same transaction.
      await syncMentions(db, queueWrites);
    }
    return [...verdicts, ...rejected];
  });
}

const KeyOnlySchema = z.object({ key: PostKeySchema });
const REASON_MAX = 300;

/** Logs a post that could not be filed and, when its key is readable, answers it with a verdict. */
function reject(out: PostVerdict[], raw: unknown, index: number, reason: string): void {
  const key = KeyOnlySchema.safeParse(raw);
  console.warn(`Replyline: post ${key.success ? key.data.key : `#${index}`} of a batch was not filed: ${reason}`);
  if (!key.success) return;
  out.push({ key: key.data.key, matched: false, own: false, terms: [], queued: false, filtered: false, rejected: reason.slice(0, REASON_MAX) });
}
