/**
 * Posts seen in the page → posts table and, for brand mentions, the queue. One transaction per
 * batch so a half-written batch never shows up in the panel.
 */
import { PostSchema, QueueItemSchema, type Post, type QueueItem } from '../schemas';
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
  const seen = rawPosts.map((p) => PostSchema.parse(p));
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
      const c = await classify(post, db);
      const existing = existingItems[i];
      const pageKey = seen[i]?.key ?? post.key;
      const forced = forceQueueKeys.has(post.key) || forceQueueKeys.has(pageKey);
      const shouldQueue = c.matched && !c.own && (c.autoQueue || forced || existing !== undefined);
      if (shouldQueue && c.brandId && c.triage) {
        const postCreatedAt = post.createdAt ?? existing?.postCreatedAt ?? now;
        const firstSeenAt = existing?.firstSeenAt ?? existingPosts[i]?.seenAt ?? post.seenAt;
        const fields = triageFields(c.triage, c.terms, postCreatedAt, existing);
        const state = existing?.state ?? (fields.filteredBy ? 'filtered' : 'new');
        queueWrites.push(
          QueueItemSchema.parse({
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
          }),
        );
      }
      verdicts.push({
        key: pageKey,
        matched: c.matched,
        own: c.own,
        brandId: c.brandId,
        priority: c.matched && !c.own ? c.triage?.priority : undefined,
        terms: c.terms,
        queued: shouldQueue,
        filtered: Boolean(c.triage?.filteredBy),
      });
    }

    await db.posts.bulkPut(postWrites);
    if (filed.writes.length > 0) await db.postAliases.bulkPut(filed.writes);
    if (queueWrites.length > 0) {
      await db.queue.bulkPut(queueWrites);
      // Review mentions and rollups change with the queue, in this same transaction.
      await syncMentions(db, queueWrites);
    }
    return verdicts;
  });
}
