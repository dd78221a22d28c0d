import { describe, expect, it } from 'vitest';
import { getMembership, recentTeamReplies, saveMembership, saveTeamReplies } from '@/lib/db/team';
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
import { FakeServer, KIM, ME, TEAM, healthyServer, membership } from './fakeTransport';

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
const lead = membership({ role: 'lead' });

/** What GET /v1/me says this device's member is now. */
function meAs(server: FakeServer, role: 'agent' | 'lead'): void {
  server.on('GET /v1/me', { deviceId: '44444444-4444-4444-8444-444444444444', member: { ...ME, role, onShift: true }, team: TEAM, cursor: 0 });
}

function rig(db: ReplylineDb, server: FakeServer) {
  return new TeamSync({ db, fetch: server.fetch, socket: server.socket, scheduler: new ManualScheduler(DAY), onEvent: () => undefined });
}

const own = entry('own-1', 'agent', 10, true);
const feed = [fromFeed(own, ME, 1), fromFeed(entry('kim-1', 'x', 30, false), KIM, 2), fromFeed(entry('lee-1', 'x', 5, true), LEE, 3)];

describe('team replies in a lead\'s review tiles', () => {
  it('counts two teammates from the catch-up feed once each, never the own echo', async () => {
    const db = freshDb();
    await saveMembership(db, lead);
    await logOwn(db, own);
    expect((await tiles(db)).replies).toBe(1);

    const server = new FakeServer();
    healthyServer(server, 0);
    meAs(server, 'lead');
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
    await saveMembership(db, lead);
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
    await saveMembership(db, lead);
    await logOwn(db, own);
    await saveTeamReplies(db, [fromFeed(own, KIM, 9)]);
    expect(await db.replyLog.get(own.id)).toEqual(own);
    expect((await tiles(db)).replies).toBe(1);
  });
});

describe('an agent\'s device keeps only the agent\'s own team replies', () => {
  it('files none of a teammate\'s replies, even from a server that still sends them', async () => {
    const db = freshDb();
    await saveMembership(db, membership());
    await logOwn(db, own);
    const before = await dump(db);
    await saveTeamReplies(db, feed);
    expect(await dump(db)).toEqual(before);
    expect((await recentTeamReplies(db)).map((r) => r.memberId)).toEqual([ME.id]);
  });

  it('lists only the agent\'s own replies when teammates\' rows are still stored', async () => {
    const db = freshDb();
    await saveMembership(db, lead);
    await saveTeamReplies(db, feed);
    expect(await recentTeamReplies(db)).toHaveLength(3);
    await saveMembership(db, membership());
    expect((await recentTeamReplies(db)).map((r) => r.id)).toEqual([own.id]);
  });

  it.each([
    ['an earlier version filed them for an agent', 'agent'],
    ['the member was a lead and is an agent now', 'lead'],
  ] as const)('forgets teammates\' replies filed before (%s), keeping its own and the rollups exact', async (_label, storedRole) => {
    const db = freshDb();
    await saveMembership(db, lead);
    await logOwn(db, own);
    await saveTeamReplies(db, feed);
    expect((await tiles(db)).replies).toBe(3);
    await saveMembership(db, membership({ role: storedRole }));

    const server = new FakeServer();
    healthyServer(server, 0);
    meAs(server, 'agent');
    await rig(db, server).start();

    expect((await tiles(db)).replies).toBe(1);
    expect(await db.replyLog.toArray()).toEqual([own]);
    expect((await db.teamReplies.toArray()).map((r) => r.memberId)).toEqual([ME.id]);
    expect((await reviewDimensions(db)).agents).toEqual(['agent']);
    const stored = await rollupsVsRebuild(db);
    expect(stored.stored).toEqual(stored.rebuilt);
  });

  it('reads the team\'s log from the start once the member becomes a lead', async () => {
    const db = freshDb();
    await saveMembership(db, membership({ replyCursor: 40 }));
    await logOwn(db, own);
    const server = new FakeServer();
    healthyServer(server, 0);
    meAs(server, 'lead');
    server.on('GET /v1/replies', (call: { path: string }) => ({
      status: 200,
      body: call.path.includes('since=0') ? { entries: feed, cursor: 50, more: false } : { entries: [], cursor: 50, more: false },
    }));
    await rig(db, server).start();

    expect(server.calls.find((c) => c.path.startsWith('/v1/replies'))?.path).toContain('since=0');
    expect((await tiles(db)).replies).toBe(3);
    expect(await getMembership(db)).toMatchObject({ role: 'lead', replyCursor: 50 });
  });
});
