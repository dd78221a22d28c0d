/**
 * Team replies in the review store: entries the server streams are filed into the reply log with
 * their rollups, so a lead's Review page tiles and charts count the whole team, not only this
 * device. The team's log is the leads' (as in Front or Gorgias): an agent keeps only their own, and
 * a device whose member is (or became) an agent forgets what it filed of teammates.
 * Call inside the writer's transaction with `teamReviewTables` in scope.
 */
import { ReplyLogEntrySchema, type ReplyLogEntry } from '../schemas/replies';
import type { Change } from '../review/bundle';
import { buildRollups, isEmptyRollup } from '../review/rollups';
import type { TeamReplyEntry } from '../team/protocol';
import type { TeamMembership } from '../team/records';
import type { ReplylineDb } from './db';
import { addRollup, applyReviewChanges, ownAgentName, reviewUpkeepTables, timeZones } from './rollups';

/** Whose team replies this device may keep: a lead's all, an agent's only their own. */
export function mayKeepTeamReply(me: Pick<TeamMembership, 'memberId' | 'role'> | undefined, memberId: string): boolean {
  return me?.role === 'lead' || memberId === me?.memberId;
}

export function teamReviewTables(db: ReplylineDb) {
  return [db.replyLog, db.teamMembership, db.teamReplies, ...reviewUpkeepTables(db)];
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

/**
 * An agent's device drops teammates' replies it filed while the server still sent them (or while
 * its member was a lead): the team-reply rows, and their reply-log rows with their rollups. Rows
 * this device logged itself stay. Returns how many reply-log rows went.
 */
export async function forgetTeammatesReplies(db: ReplylineDb, me: string): Promise<number> {
  return db.transaction('rw', teamReviewTables(db), async () => {
    const theirs = await db.teamReplies.filter((r) => r.memberId !== me).primaryKeys();
    if (theirs.length === 0) return 0;
    const [logged, ownName] = await Promise.all([db.replyLog.bulkGet(theirs), ownAgentName(db)]);
    const filed = logged.filter((e): e is ReplyLogEntry => e !== undefined && e.agent !== ownName);
    await db.teamReplies.bulkDelete(theirs);
    if (filed.length === 0) return 0;
    await db.replyLog.bulkDelete(filed.map((e) => e.id));
    const minus = buildRollups(filed, [], await timeZones(db));
    const keys = [...minus.keys()];
    const stored = await db.rollups.bulkGet(keys);
    const puts = [];
    const deletes: string[] = [];
    for (const [i, key] of keys.entries()) {
      const rec = stored[i];
      const sub = minus.get(key);
      if (!rec || !sub) continue;
      addRollup(rec, sub, -1);
      if (isEmptyRollup(rec)) deletes.push(key);
      else puts.push(rec);
    }
    if (puts.length > 0) await db.rollups.bulkPut(puts);
    if (deletes.length > 0) await db.rollups.bulkDelete(deletes);
    return filed.length;
  });
}
