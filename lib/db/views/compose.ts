/**
 * Reply history for the composer's repetition check, read with bounded, indexed queries only:
 * today's replies by `repliedAt`, this customer's by `customerId`, and replies to this author's
 * other posts by `posts.authorHandle` → `replyLog.postKey`.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import type { ReplyLogEntry } from '../../schemas/replies';
import { getDb } from '../db';

const TODAY_LIMIT = 2000;
const AUTHOR_LIMIT = 200;

export function useReplyHistory(since: number, customerId: string | undefined, handle: string): ReplyLogEntry[] | undefined {
  return useLiveQuery(async (): Promise<ReplyLogEntry[]> => {
    const db = getDb();
    const today = await db.replyLog.where('repliedAt').aboveOrEqual(since).limit(TODAY_LIMIT).toArray();
    const byCustomer = customerId ? await db.replyLog.where('customerId').equals(customerId).limit(AUTHOR_LIMIT).toArray() : [];
    const keys = handle ? await db.posts.where('authorHandle').equals(handle).limit(AUTHOR_LIMIT).primaryKeys() : [];
    const byAuthor = keys.length > 0 ? await db.replyLog.where('postKey').anyOf(keys).limit(AUTHOR_LIMIT).toArray() : [];
    return [...today, ...byCustomer, ...byAuthor];
  }, [since, customerId, handle]);
}
