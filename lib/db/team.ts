/**
 * Team mode's reads and writes (DB version 5). The background's sync engine is the only caller of
 * the writers. Server items are merged into the local queue, which stays the agent's working copy:
 * a change only lands when it is newer (`version`) than what the queue already has.
 */
import { PostSchema } from '../schemas/posts';
import { QueueItemSchema, type QueueItem } from '../schemas/queue';
import type { Member, PresenceMember, Sighting, TeamItem, TeamReplyEntry } from '../team/protocol';
import { SightingSchema } from '../team/protocol';
import type { OutboxOpInput } from '../team/ops';
import {
  OutboxEntrySchema,
  TeamItemFieldsSchema,
  TeamMemberSchema,
  TeamMembershipSchema,
  TeamReplySchema,
  type ConnectionState,
  type OutboxEntry,
  type TeamItemFields,
  type TeamMembership,
  type TeamNotice,
} from '../team/records';
import type { ReplylineDb } from './db';
import { queueRank } from './queueOrder';
import { reviewUpkeepTables, syncMentions } from './rollups';
import { fileTeamReplies, mayKeepTeamReply, teamReviewTables } from './teamReview';

export function teamTables(db: ReplylineDb) {
  return [db.teamMembership, db.teamOutbox, db.teamItems, db.teamMembers, db.teamReplies];
}

export async function getMembership(db: ReplylineDb): Promise<TeamMembership | undefined> {
  const stored = await db.teamMembership.get('team');
  const parsed = TeamMembershipSchema.safeParse(stored);
  return parsed.success ? parsed.data : undefined;
}

export async function saveMembership(db: ReplylineDb, input: unknown): Promise<TeamMembership> {
  const membership = TeamMembershipSchema.parse(input);
  await db.teamMembership.put(membership);
  return membership;
}

/** Patches the membership (connection state, cursors); no-op without a team. */
export async function patchMembership(db: ReplylineDb, patch: Partial<Omit<TeamMembership, 'id'>>): Promise<TeamMembership | undefined> {
  return db.transaction('rw', db.teamMembership, async () => {
    const current = await getMembership(db);
    if (!current) return undefined;
    const next = TeamMembershipSchema.parse({ ...current, ...patch, id: 'team' });
    await db.teamMembership.put(next);
    return next;
  });
}

export async function setConnection(db: ReplylineDb, connection: ConnectionState, now: number, lastError?: string): Promise<void> {
  const current = await getMembership(db);
  if (!current || (current.connection === connection && current.lastError === lastError)) return;
  await patchMembership(db, { connection, connectionChangedAt: now, lastError });
}

/** Leaving: every team record goes; the local queue, brands and log stay the agent's. */
export async function clearTeam(db: ReplylineDb): Promise<void> {
  await db.transaction('rw', teamTables(db), async () => {
    await Promise.all(teamTables(db).map((table) => table.clear()));
  });
}

// ---------------------------------------------------------------- outbox

export function newOpId(): string {
  return crypto.randomUUID();
}

export async function enqueue(db: ReplylineDb, op: OutboxOpInput, now: number, opId = newOpId()): Promise<OutboxEntry> {
  const entry = OutboxEntrySchema.parse({ opId, op, createdAt: now, attempts: 0 });
  await db.teamOutbox.add(entry);
  return entry;
}

/** The oldest waiting actions, in the order they were taken. */
export function outboxHead(db: ReplylineDb, limit = 50): Promise<OutboxEntry[]> {
  return db.teamOutbox.orderBy('seq').limit(limit).toArray();
}

export function outboxCount(db: ReplylineDb): Promise<number> {
  return db.teamOutbox.count();
}

export async function outboxDone(db: ReplylineDb, seq: number): Promise<void> {
  await db.teamOutbox.delete(seq);
}

export async function outboxFailed(db: ReplylineDb, seq: number, error: string): Promise<void> {
  await db.teamOutbox.where('seq').equals(seq).modify((entry) => {
    entry.attempts += 1;
    entry.lastError = error.slice(0, 500);
  });
}

// ---------------------------------------------------------------- sightings

/** What the server needs to know about queued items it has not seen from this device yet. */
export async function sightingsFor(db: ReplylineDb, keys: readonly string[]): Promise<Sighting[]> {
  const unique = [...new Set(keys)];
  const [items, posts, known] = await Promise.all([db.queue.bulkGet(unique), db.posts.bulkGet(unique), db.teamItems.bulkGet(unique)]);
  const sightings: Sighting[] = [];
  unique.forEach((_, i) => {
    const item = items[i];
    const post = posts[i];
    if (!item || !post || known[i]) return;
    sightings.push(SightingSchema.parse({ ...item, post }));
  });
  return sightings;
}

/** Marks keys as handed to the server, so the next page visit does not send them again. */
export async function markSighted(db: ReplylineDb, keys: readonly string[], now: number): Promise<void> {
  await db.transaction('rw', db.teamItems, async () => {
    const existing = await db.teamItems.bulkGet([...keys]);
    const stubs = keys.filter((_, i) => !existing[i]).map((key) => TeamItemFieldsSchema.parse({ key, version: 0, updatedAt: now }));
    if (stubs.length > 0) await db.teamItems.bulkPut(stubs);
  });
}

// ---------------------------------------------------------------- merging server items

export interface MergeResult {
  merged: number;
  notices: { key: string; notice: TeamNotice }[];
}

function noticeFor(item: TeamItem, previous: TeamItemFields | undefined, me: string): TeamNotice | undefined {
  const assignment = item.assignment;
  if (assignment && assignment.to.id === me && assignment.by.id !== me && assignment.at > (previous?.assignmentAt ?? 0)) {
    return { kind: 'assigned', by: assignment.by.displayName, note: assignment.note || undefined, at: assignment.at };
  }
  const claim = item.claim;
  const heldByMe = previous?.claimOwnerId === me || previous?.claimPending === true;
  if (claim && claim.owner.id !== me && heldByMe) {
    const kind = claim.takenOverFrom?.id === me ? 'takenOver' : 'claimLost';
    return { kind, by: claim.owner.displayName, at: claim.leaseUntil };
  }
  return undefined;
}

/**
 * Writes server items into the queue (one transaction): posts, queue rows, aliases, team fields
 * and the review mirror. An item the queue already has at this version or newer is skipped.
 */
export async function mergeItems(db: ReplylineDb, items: readonly TeamItem[], me: string, now: number): Promise<MergeResult> {
  if (items.length === 0) return { merged: 0, notices: [] };
  const tables = [db.queue, db.posts, db.postAliases, db.teamItems, ...reviewUpkeepTables(db)];
  return db.transaction('rw', tables, async () => {
    const keys = items.map((i) => i.key);
    const [fields, queue, posts] = await Promise.all([db.teamItems.bulkGet(keys), db.queue.bulkGet(keys), db.posts.bulkGet(keys)]);
    const queueWrites = new Map<string, QueueItem>();
    const notices: MergeResult['notices'] = [];
    // The same item twice in one batch: only a newer version counts.
    const written = new Map<string, TeamItemFields>();
    for (const [i, item] of items.entries()) {
      const previous = written.get(item.key) ?? fields[i];
      if (previous && previous.version >= item.version) continue;
      const local = queue[i];
      const next = QueueItemSchema.parse({
        ...local,
        ...item,
        // The queue counts first-response time from the earliest sighting anywhere in the team.
        firstSeenAt: Math.min(item.firstSeenAt, local?.firstSeenAt ?? item.firstSeenAt),
        rank: queueRank(item.priority, item.postCreatedAt),
        assignedAgent: item.assignee?.displayName,
        // The agent's own "not this person" stays theirs.
        customerUnlinked: local?.customerUnlinked ?? item.customerUnlinked,
      });
      queueWrites.set(next.key, next);
      const seenBefore = posts[i];
      await db.posts.put(PostSchema.parse({ ...item.post, key: item.key, seenAt: Math.min(item.post.seenAt, seenBefore?.seenAt ?? item.post.seenAt) }));
      await adoptAliases(db, item);
      const notice = noticeFor(item, previous, me);
      if (notice) notices.push({ key: item.key, notice });
      const liveClaim = item.claim && item.claim.leaseUntil > now ? item.claim : undefined;
      const nextFields = TeamItemFieldsSchema.parse({
          key: item.key,
          version: item.version,
          assigneeId: item.assignee?.id,
          assigneeName: item.assignee?.displayName,
          assignmentAt: item.assignment?.at ?? previous?.assignmentAt,
          claimOwnerId: liveClaim?.owner.id,
          claimOwnerName: liveClaim?.owner.displayName,
          leaseUntil: liveClaim?.leaseUntil,
          // A pending offline claim waits for the outbox's answer, unless the server already shows it ours.
          claimPending: previous?.claimPending === true && liveClaim?.owner.id !== me && !notice,
          notice: notice ?? previous?.notice,
          updatedAt: now,
        });
      written.set(item.key, nextFields);
      await db.teamItems.put(nextFields);
    }
    const writes = [...queueWrites.values()];
    if (writes.length > 0) {
      await db.queue.bulkPut(writes);
      await syncMentions(db, writes);
    }
    return { merged: writes.length, notices };
  });
}

/**
 * The server files a post under the first key any teammate saw it with. A local row under one of
 * its other keys (a Facebook pfbid of this device's page load) folds into the team's item.
 */
async function adoptAliases(db: ReplylineDb, item: TeamItem): Promise<void> {
  for (const alias of item.aliases) {
    if (alias === item.key) continue;
    if (await db.queue.get(alias)) await db.queue.delete(alias);
    await db.postAliases.where('key').equals(alias).modify({ key: item.key });
    await db.postAliases.put({ alias, key: item.key });
  }
}

// ---------------------------------------------------------------- claims (local view)

export function teamItem(db: ReplylineDb, key: string): Promise<TeamItemFields | undefined> {
  return db.teamItems.get(key);
}

/**
 * The teammate whose live claim keeps this agent from inserting a reply for `key` (filed key),
 * or undefined when the item is free, ours, or we are not in a team. An explicit take-over makes
 * the claim ours, so it lifts this; a lapsed lease no longer holds the item.
 */
export async function claimHeldByTeammate(db: ReplylineDb, key: string, now: number): Promise<{ id: string; displayName: string } | undefined> {
  const me = await getMembership(db);
  if (!me) return undefined;
  const fields = await db.teamItems.get(key);
  if (!fields?.claimOwnerId || fields.claimOwnerId === me.memberId) return undefined;
  if (fields.leaseUntil !== undefined && fields.leaseUntil <= now) return undefined;
  return { id: fields.claimOwnerId, displayName: fields.claimOwnerName ?? '' };
}

/** Records a claim taken while the server was away (the outbox replays it). */
export async function claimLocally(db: ReplylineDb, key: string, me: { id: string; displayName: string }, now: number): Promise<void> {
  await db.transaction('rw', db.teamItems, async () => {
    const previous = await db.teamItems.get(key);
    await db.teamItems.put(
      TeamItemFieldsSchema.parse({ version: 0, ...previous, key, claimOwnerId: me.id, claimOwnerName: me.displayName, claimPending: true, updatedAt: now }),
    );
  });
}

/** The server refused a claim this device thought it had: tell the agent who holds it. */
export async function reportLostClaim(db: ReplylineDb, key: string, owner: { id: string; displayName: string }, leaseUntil: number, now: number): Promise<void> {
  await db.transaction('rw', db.teamItems, async () => {
    const previous = await db.teamItems.get(key);
    await db.teamItems.put(
      TeamItemFieldsSchema.parse({
        version: 0,
        ...previous,
        key,
        claimOwnerId: owner.id,
        claimOwnerName: owner.displayName,
        leaseUntil,
        claimPending: false,
        notice: { kind: 'claimLost', by: owner.displayName, at: now },
        updatedAt: now,
      }),
    );
  });
}

export async function clearNotice(db: ReplylineDb, key: string): Promise<void> {
  await db.teamItems.where('key').equals(key).modify((fields) => {
    delete fields.notice;
  });
}

/** Items assigned to me with a notice I have not dismissed (the queue's banner). */
export async function myNotices(db: ReplylineDb): Promise<TeamItemFields[]> {
  return db.teamItems.filter((fields) => fields.notice !== undefined).limit(20).toArray();
}

/** Items this device holds a claim on (end of shift, releasing on close). */
export async function myClaims(db: ReplylineDb, me: string): Promise<TeamItemFields[]> {
  return db.teamItems.where('claimOwnerId').equals(me).toArray();
}

// ---------------------------------------------------------------- members, presence, replies

export async function saveMembers(db: ReplylineDb, members: readonly Member[]): Promise<void> {
  await db.transaction('rw', db.teamMembers, async () => {
    const previous = new Map((await db.teamMembers.toArray()).map((m) => [m.id, m]));
    await db.teamMembers.clear();
    await db.teamMembers.bulkPut(
      members.map((m) => TeamMemberSchema.parse({ ...previous.get(m.id), id: m.id, displayName: m.displayName, role: m.role, onShift: m.onShift })),
    );
  });
}

/** Who is connected now and what they have open; everyone else is offline. */
export async function savePresence(db: ReplylineDb, present: readonly PresenceMember[]): Promise<void> {
  await db.transaction('rw', db.teamMembers, async () => {
    const byId = new Map(present.map((p) => [p.id, p]));
    const all = await db.teamMembers.toArray();
    const writes = all.map((m) => {
      const p = byId.get(m.id);
      byId.delete(m.id);
      return TeamMemberSchema.parse({ ...m, online: Boolean(p), onShift: p ? p.onShift : m.onShift, viewingKey: p?.viewing ?? undefined });
    });
    // Someone present but not yet in the member list (joined a moment ago).
    for (const p of byId.values()) {
      writes.push(TeamMemberSchema.parse({ id: p.id, displayName: p.displayName, role: 'agent', onShift: p.onShift, online: true, viewingKey: p.viewing ?? undefined }));
    }
    await db.teamMembers.bulkPut(writes);
  });
}

/** Keeps what this member may read of the feed (an agent: their own; the server sends no more). */
export async function saveTeamReplies(db: ReplylineDb, entries: readonly TeamReplyEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const rows = entries.map((e) => TeamReplySchema.parse(e));
  await db.transaction('rw', teamReviewTables(db), async () => {
    const me = await getMembership(db);
    const kept = rows.filter((r) => mayKeepTeamReply(me, r.memberId));
    if (kept.length === 0) return;
    await db.teamReplies.bulkPut(kept);
    await fileTeamReplies(db, kept, me?.memberId);
  });
}

/** The team's reply log, newest first (the Review page's live list): an agent's own only. */
export async function recentTeamReplies(db: ReplylineDb, limit = 200): Promise<TeamReplyEntry[]> {
  const me = await getMembership(db);
  return db.teamReplies
    .orderBy('repliedAt')
    .reverse()
    .filter((r) => mayKeepTeamReply(me, r.memberId))
    .limit(limit)
    .toArray();
}
