/**
 * Team replies in the review store: entries the server streams are filed into the reply log with
 * their rollups, so the Review page's tiles and charts count the whole team, not only this device.
 * Call inside the writer's transaction with `teamReviewTables` in scope.
 */
import { ReplyLogEntrySchema, type ReplyLogEntry } from '../schemas/replies';
import type { Change } from '../review/bundle';
import type { TeamReplyEntry } from '../team/protocol';
import type { ReplylineDb } from './db';
import { applyReviewChanges, ownAgentName, reviewUpkeepTables, timeZones } from './rollups';

export function teamReviewTables(db: ReplylineDb) {
  return [db.replyLog, db.teamMembership, ...reviewUpkeepTables(db)];
}

/** Files teammates' entries (idempotent by id); returns how many rows changed. */
export async function fileTeamReplies(db: ReplylineDb, rows: readonly TeamReplyEntry[], me: string | undefined): Promise<number> {
  // The server echoes this member's own replies: the local log already counts them.
  const theirs = new Map<string, ReplyLogEntry>();
  for (const row of rows) if (row.memberId !== me) theirs.set(row.id, ReplyLogEntrySchema.parse(row));
  if (theirs.size === 0) return 0;
  const nexts = [...theirs.values()];
  const [prevs, ownName] = await Promise.all([db.replyLog.bulkGet(nexts.map((e) => e.id)), ownAgentName(db)]);
  const changes: Change<ReplyLogEntry>[] = [];
  nexts.forEach((next, i) => {
    const prev = prevs[i];
    // A row this device logged itself is its own truth, never replaced from the feed.
    if (prev?.agent === ownName) return;
    changes.push(prev ? { prev, next } : { next });
  });
  if (changes.length === 0) return 0;
  await db.replyLog.bulkPut(changes.map((c) => c.next));
  await applyReviewChanges(db.rollups, { entries: changes }, await timeZones(db));
  return changes.length;
}
