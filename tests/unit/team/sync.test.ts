import { describe, expect, it } from 'vitest';
import { saveMembership, getMembership, enqueue, outboxCount } from '@/lib/db/team';
import { TeamSync, type SyncEvent } from '@/lib/team/sync';
import { ClaimSession } from '@/lib/team/claims';
import { ManualScheduler, backoffDelay } from '@/lib/team/scheduler';
import { ReceivedChangeSchema } from '@/lib/team/protocol';
import { freshDb } from '../support/db';
import { FakeServer, KIM, ME, TEAM, healthyServer, membership, teamItem } from './fakeTransport';

/** A sync engine on a fake server, with a way to wait for its events (never for time). */
function rig() {
  const db = freshDb();
  const server = new FakeServer();
  const scheduler = new ManualScheduler(1_000_000);
  const events: SyncEvent[] = [];
  const waiters: { test: (e: SyncEvent) => boolean; resolve: () => void }[] = [];
  const sync = new TeamSync({
    db,
    fetch: server.fetch,
    socket: server.socket,
    scheduler,
    onEvent: (event) => {
      events.push(event);
      for (const w of [...waiters]) if (w.test(event)) { waiters.splice(waiters.indexOf(w), 1); w.resolve(); }
    },
  });
  const when = (test: (e: SyncEvent) => boolean) => new Promise<void>((resolve) => waiters.push({ test, resolve }));
  return { db, server, scheduler, sync, events, when };
}

describe('local-first: no team, no network', () => {
  it('does nothing at all without a membership', async () => {
    const { server, sync } = rig();
    await sync.start();
    await sync.queued(['x:1']);
    expect(server.calls).toEqual([]);
    expect(server.sockets).toEqual([]);
  });
});

describe('catching up and going live', () => {
  it('takes a snapshot first, then follows changes by cursor, and goes live on hello', async () => {
    const { db, server, sync, when } = rig();
    await saveMembership(db, membership());
    healthyServer(server, 7);
    server.on('GET /v1/items', { items: [teamItem('1')], cursor: 7 });
    await sync.start();
    expect(server.paths()).toEqual(['GET /v1/me', 'GET /v1/members', 'GET /v1/config', 'GET /v1/items', 'GET /v1/changes', 'GET /v1/replies']);
    expect(server.calls[4]?.path).toContain('since=7');
    expect((await db.queue.get('x:1'))?.priority).toBe(70);
    expect((await getMembership(db))?.cursor).toBe(7);

    const socket = server.sockets[0];
    expect(socket?.protocols).toEqual(['replyline.v1', `bearer.rlt_${'a'.repeat(43)}`]);
    expect(socket?.url).toBe('ws://127.0.0.1:7777/v1/live');
    const live = when((e) => e.type === 'connected');
    socket?.push({ type: 'hello', member: { ...ME, role: 'agent', onShift: true }, team: TEAM, cursor: 7 });
    await live;
    expect((await getMembership(db))?.connection).toBe('connected');

    // The next change in sequence is merged straight from the socket.
    const merged = when((e) => e.type === 'change');
    socket?.push({ type: 'change', cursor: 8, change: { seq: 8, at: 9, kind: 'item', item: teamItem('1', { version: 2, state: 'inProgress' }) } });
    await merged;
    expect((await db.queue.get('x:1'))?.state).toBe('inProgress');
    expect((await getMembership(db))?.cursor).toBe(8);
  });

  it('reads the feed when a live change skips a number (one was missed)', async () => {
    const { db, server, sync, when } = rig();
    await saveMembership(db, membership({ cursor: 3 }));
    healthyServer(server, 3);
    await sync.start();
    const socket = server.sockets[0];
    const live = when((e) => e.type === 'caughtUp');
    socket?.push({ type: 'hello', member: { ...ME, role: 'agent', onShift: true }, team: TEAM, cursor: 3 });
    await live;
    server.calls = [];
    server.on('GET /v1/changes', { changes: [{ seq: 4, at: 1, kind: 'item', item: teamItem('4') }, { seq: 5, at: 1, kind: 'item', item: teamItem('5') }], cursor: 5, more: false });
    const caught = when((e) => e.type === 'caughtUp');
    socket?.push({ type: 'change', cursor: 5, change: { seq: 5, at: 1, kind: 'item', item: teamItem('5') } });
    await caught;
    expect(server.calls.find((c) => c.path.startsWith('/v1/changes'))?.path).toContain('since=3');
    expect(await db.queue.count()).toBe(2);
    expect((await getMembership(db))?.cursor).toBe(5);
  });

  it("a kind of change this build does not know (a newer server's) moves the cursor instead of failing", async () => {
    const { db, server, sync, when } = rig();
    await saveMembership(db, membership({ cursor: 3 }));
    healthyServer(server, 3);
    server.on('GET /v1/changes', { changes: [{ seq: 4, at: 1, kind: 'futureThing', detail: { any: 1 } }, { seq: 5, at: 1, kind: 'item', item: teamItem('5') }], cursor: 5, more: false });
    await sync.start();
    expect((await getMembership(db))?.cursor).toBe(5);
    expect(await db.queue.count()).toBe(1);
    const socket = server.sockets[0];
    const live = when((e) => e.type === 'caughtUp');
    socket?.push({ type: 'hello', member: { ...ME, role: 'agent', onShift: true }, team: TEAM, cursor: 5 });
    await live;
    server.calls = [];
    const merged = when((e) => e.type === 'change');
    socket?.pushUntyped({ type: 'change', cursor: 6, change: { seq: 6, at: 2, kind: 'anotherFutureThing' } });
    await merged;
    expect((await getMembership(db))?.cursor).toBe(6);
    expect(server.calls.some((c) => c.path.startsWith('/v1/changes'))).toBe(false);
  });

  it('a known kind with a broken payload is still refused, never skipped as unknown', () => {
    expect(ReceivedChangeSchema.safeParse({ seq: 4, at: 1, kind: 'item', item: { key: 'nonsense' } }).success).toBe(false);
    expect(ReceivedChangeSchema.parse({ seq: 4, at: 1, kind: 'later' })).toEqual({ seq: 4, at: 1, kind: 'withheld' });
  });

  it('never lets an older version overwrite a newer one', async () => {
    const { db, server, sync } = rig();
    await saveMembership(db, membership({ cursor: 1 }));
    healthyServer(server, 3);
    server.on('GET /v1/changes', { changes: [
      { seq: 2, at: 1, kind: 'item', item: teamItem('1', { version: 5, state: 'replied' }) },
      { seq: 3, at: 1, kind: 'item', item: teamItem('1', { version: 4, state: 'new' }) },
    ], cursor: 3, more: false });
    await sync.start();
    expect((await db.queue.get('x:1'))?.state).toBe('replied');
    expect((await db.teamItems.get('x:1'))?.version).toBe(5);
  });
});

describe('outbox', () => {
  it('keeps actions while the server is away and replays them in order, with their keys, on reconnect', async () => {
    const { db, server, scheduler, sync, when } = rig();
    await saveMembership(db, membership({ cursor: 1 }));
    healthyServer(server, 1);
    server.down = true;
    await sync.start();
    expect((await getMembership(db))?.connection).toBe('reconnecting');
    const a = await sync.submit({ kind: 'state', body: { key: 'x:1', state: 'dismissed' } });
    const b = await sync.submit({ kind: 'assign', body: { key: 'x:1', memberId: KIM.id, note: 'refund', escalate: true } });
    const c = await sync.submit({ kind: 'release', body: { key: 'x:1' } });
    expect(await outboxCount(db)).toBe(3);

    // Still away at the next attempts: the state goes from reconnecting to offline.
    scheduler.advance(backoffDelay(0, 0.5));
    await when((e) => e.type === 'disconnected');
    scheduler.advance(backoffDelay(1, 0.5));
    await when((e) => e.type === 'disconnected');
    expect((await getMembership(db))?.connection).toBe('offline');

    server.down = false;
    const item = teamItem('1', { version: 2 });
    for (const route of ['POST /v1/items/state', 'POST /v1/items/assign', 'POST /v1/items/release']) server.on(route, { ok: true, item });
    const flushed = when((e) => e.type === 'flushed' && e.remaining === 0);
    scheduler.advance(backoffDelay(2, 0.5));
    await flushed;
    const posts = server.calls.filter((call) => call.method === 'POST');
    expect(posts.map((call) => call.path)).toEqual(['/v1/items/state', '/v1/items/assign', '/v1/items/release']);
    expect(posts.map((call) => (call.body as { opId: string }).opId)).toEqual([a.opId, b.opId, c.opId]);
    expect(await outboxCount(db)).toBe(0);
  });

  it('drops an action the server refuses for good, and goes on with the next', async () => {
    const { db, server, sync } = rig();
    await saveMembership(db, membership({ cursor: 1 }));
    healthyServer(server, 1);
    await enqueue(db, { kind: 'assign', body: { key: 'x:1', memberId: KIM.id } }, 1);
    await enqueue(db, { kind: 'release', body: { key: 'x:1' } }, 2);
    server.on('POST /v1/items/assign', () => ({ status: 403, body: { error: { code: 'forbidden', message: 'not yours' } } }));
    server.on('POST /v1/items/release', { ok: true, item: teamItem('1') });
    await sync.start();
    expect(server.paths().filter((p) => p.startsWith('POST'))).toEqual(['POST /v1/items/assign', 'POST /v1/items/release']);
    expect(await outboxCount(db)).toBe(0);
    expect((await getMembership(db))?.lastError).toBe('not yours');
  });

  it('a revoked device stops and says so', async () => {
    const { db, server, sync } = rig();
    await saveMembership(db, membership());
    server.on('GET /v1/me', () => ({ status: 401, body: { error: { code: 'unauthorized', message: 'device removed' } } }));
    await sync.start();
    expect((await getMembership(db))?.revoked).toBe(true);
    expect(server.sockets).toEqual([]);
  });
});

describe('claims', () => {
  it('a claim taken offline and lost meanwhile is reported, not overwritten', async () => {
    const { db, server, scheduler, sync, when } = rig();
    await saveMembership(db, membership({ cursor: 1 }));
    healthyServer(server, 1);
    server.down = true;
    await sync.start();
    const session = new ClaimSession(sync);
    expect(await session.claim('x:1')).toEqual({ status: 'pending' });
    expect((await db.teamItems.get('x:1'))?.claimPending).toBe(true);

    server.down = false;
    const held = teamItem('1', { version: 3, claim: { owner: KIM, leaseUntil: scheduler.now() + 150_000 } });
    server.on('POST /v1/items/claim', { ok: false, owner: KIM, leaseUntil: scheduler.now() + 150_000, item: held });
    const flushed = when((e) => e.type === 'flushed' && e.remaining === 0);
    scheduler.advance(60_000);
    await flushed;
    const fields = await db.teamItems.get('x:1');
    expect(fields?.claimOwnerName).toBe('Kim');
    expect(fields?.claimPending).toBe(false);
    expect(fields?.notice).toMatchObject({ kind: 'claimLost', by: 'Kim' });
  });

  it('renews the lease while the item is open and releases it on close', async () => {
    const { db, server, scheduler, sync, when } = rig();
    await saveMembership(db, membership({ cursor: 1 }));
    healthyServer(server, 1);
    await sync.start();
    const live = when((e) => e.type === 'connected');
    server.sockets[0]?.push({ type: 'hello', member: { ...ME, role: 'agent', onShift: true }, team: TEAM, cursor: 1 });
    await live;
    const mine = teamItem('1', { version: 2, claim: { owner: ME, leaseUntil: scheduler.now() + 90_000 } });
    server.on('POST /v1/items/claim', { ok: true, item: mine });
    let renewed!: () => void;
    const renewal = new Promise<void>((resolve) => (renewed = resolve));
    server.on('POST /v1/items/renew', () => {
      renewed();
      return { status: 200, body: { ok: true, item: { ...mine, version: 3 } } };
    });
    server.on('POST /v1/items/release', { ok: true, item: { ...mine, version: 4, claim: undefined } });
    const session = new ClaimSession(sync);
    expect(await session.claim('x:1')).toEqual({ status: 'mine' });
    expect(server.sockets[0]?.sent).toContainEqual({ type: 'presence', viewing: 'x:1', onShift: true });
    scheduler.advance(30_000);
    await renewal;
    const released = when((e) => e.type === 'flushed' && e.remaining === 0);
    await session.close();
    await released;
    expect(server.paths().filter((p) => p.startsWith('POST'))).toEqual(['POST /v1/items/claim', 'POST /v1/items/renew', 'POST /v1/items/release']);
    expect((await db.teamItems.get('x:1'))?.claimOwnerId).toBeUndefined();
  });

  it('shows who holds an item a teammate claimed first', async () => {
    const { db, server, scheduler, sync, when } = rig();
    await saveMembership(db, membership({ cursor: 1 }));
    healthyServer(server, 1);
    await sync.start();
    const live = when((e) => e.type === 'connected');
    server.sockets[0]?.push({ type: 'hello', member: { ...ME, role: 'agent', onShift: true }, team: TEAM, cursor: 1 });
    await live;
    const held = teamItem('1', { version: 2, claim: { owner: KIM, leaseUntil: scheduler.now() + 90_000 } });
    server.on('POST /v1/items/claim', { ok: false, owner: KIM, leaseUntil: scheduler.now() + 90_000, item: held });
    const outcome = await new ClaimSession(sync).claim('x:1');
    expect(outcome).toMatchObject({ status: 'taken', owner: 'Kim' });
    expect((await db.teamItems.get('x:1'))?.notice).toBeUndefined();
  });
});

describe('notices', () => {
  it('an item assigned to me by a teammate arrives with a notice; my own assignment does not', async () => {
    const { db, server, sync } = rig();
    await saveMembership(db, membership({ cursor: 1 }));
    healthyServer(server, 3);
    server.on('GET /v1/changes', { changes: [
      { seq: 2, at: 1, kind: 'item', item: teamItem('1', { state: 'escalated', assignee: ME, assignment: { to: ME, by: KIM, note: 'VIP, refund approved', escalate: true, at: 50 } }) },
      { seq: 3, at: 1, kind: 'item', item: teamItem('2', { assignee: KIM, assignment: { to: KIM, by: ME, note: '', escalate: false, at: 51 } }) },
    ], cursor: 3, more: false });
    await sync.start();
    expect((await db.teamItems.get('x:1'))?.notice).toEqual({ kind: 'assigned', by: 'Kim', note: 'VIP, refund approved', at: 50 });
    expect((await db.queue.get('x:1'))?.assignedAgent).toBe('Dana');
    expect((await db.teamItems.get('x:2'))?.notice).toBeUndefined();
  });
});

describe('backoff', () => {
  it.each([
    [0, 0, 500],
    [0, 1, 1000],
    [3, 0.5, 6000],
    [10, 1, 60000],
    [40, 0, 30000],
  ])('attempt %i with jitter %f waits %i ms', (attempt, random, ms) => {
    expect(backoffDelay(attempt, random)).toBe(ms);
  });
});
