import { describe, expect, it } from 'vitest';
import { saveMembership, saveTeamReplies } from '@/lib/db/team';
import { loadRollups, reviewDimensions } from '@/lib/db/review';
import { applyReviewChanges, timeZones } from '@/lib/db/rollups';
import { computeMetrics } from '@/lib/review';
import { ReplyLogEntrySchema, type ReplyLogEntry } from '@/lib/schemas/replies';
import type { TeamReplyEntry } from '@/lib/team/protocol';
import { TeamSync } from '@/lib/team/sync';
import { ManualScheduler } from '@/lib/team/scheduler';
import type { ReplylineDb } from '@/lib/db/db';
import { dump, rollupsVsRebuild } from '../reviewdb/support';
import { freshDb } from '../support/db';
import { FakeServer, KIM, ME, healthyServer, membership } from './fakeTransport';

const LEE = { id: '55555555-5555-4555-8555-555555555555', displayName: 'Lee' };
const DAY = Date.UTC(2026, 11, 1, 9);

function entry(id: string, agent: string, frtMin: number, slaMet: boolean): ReplyLogEntry {
  return ReplyLogEntrySchema.parse({
    id, postKey: `x:${id}`, site: 'x', brandId: 'acme', agent, text: `reply ${id}`,
    postCreatedAt: DAY, firstSeenAt: DAY, repliedAt: DAY + frtMin * 60_000,
    frtWallMs: frtMin * 60_000, frtBusinessMs: frtMin * 60_000, slaMet,
  });
}

function fromFeed(e: ReplyLogEntry, member: { id: string; displayName: string }, seq: number): TeamReplyEntry {
  return { ...e, agent: member.displayName, memberId: member.id, receivedAt: e.repliedAt + 1, seq };
}

/** This device's own reply, logged locally as the reply log writes it (own agent name). */
async function logOwn(db: ReplylineDb, e: ReplyLogEntry): Promise<void> {
  await db.replyLog.put(e);
  await applyReviewChanges(db.rollups, { entries: [{ next: e }] }, await timeZones(db));
}

const tiles = async (db: ReplylineDb) => computeMetrics(await loadRollups(db, {}));

const own = entry('own-1', 'agent', 10, true);
const feed = [fromFeed(own, ME, 1), fromFeed(entry('kim-1', 'x', 30, false), KIM, 2), fromFeed(entry('lee-1', 'x', 5, true), LEE, 3)];

describe('team replies in the review tiles', () => {
  it('counts two teammates from the catch-up feed once each, never the own echo', async () => {
    const db = freshDb();
    await saveMembership(db, membership());
    await logOwn(db, own);
    expect((await tiles(db)).replies).toBe(1);

    const server = new FakeServer();
    healthyServer(server, 0);
    server.on('GET /v1/replies', { entries: feed, cursor: 3, more: false });
    const sync = new TeamSync({ db, fetch: server.fetch, socket: server.socket, scheduler: new ManualScheduler(DAY), onEvent: () => undefined });
    await sync.start();

    const metrics = await tiles(db);
    expect(metrics.replies).toBe(3);
    expect(metrics.slaMet).toBe(2);
    expect((await reviewDimensions(db)).agents).toEqual(['Kim', 'Lee', 'agent']);
    const stored = await rollupsVsRebuild(db);
    expect(stored.stored).toEqual(stored.rebuilt);
  });

  it('changes nothing when the same entries are delivered again, live or in a later page', async () => {
    const db = freshDb();
    await saveMembership(db, membership());
    await logOwn(db, own);
    await saveTeamReplies(db, feed);
    const before = await dump(db);
    await saveTeamReplies(db, feed);
    await saveTeamReplies(db, [feed[2]!, feed[1]!, feed[2]!]);
    expect(await dump(db)).toEqual(before);
    expect((await tiles(db)).replies).toBe(3);
  });

  it('never replaces a row this device logged, even under another member id', async () => {
    const db = freshDb();
    await saveMembership(db, membership());
    await logOwn(db, own);
    await saveTeamReplies(db, [fromFeed(own, KIM, 9)]);
    expect(await db.replyLog.get(own.id)).toEqual(own);
    expect((await tiles(db)).replies).toBe(1);
  });
});
