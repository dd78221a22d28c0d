import { describe, expect, it } from 'vitest';
import { refuseForTeammate } from '@/lib/background/replyHandlers';
import { saveMembership } from '@/lib/db/team';
import { InsertResultSchema } from '@/lib/schemas/replies';
import { ClaimSession } from '@/lib/team/claims';
import { ManualScheduler } from '@/lib/team/scheduler';
import { TeamSync } from '@/lib/team/sync';
import { freshDb } from '../support/db';
import { FakeServer, KIM, type Call, ME, TEAM, healthyServer, membership, teamItem } from './fakeTransport';

const NOW = 1_000_000;

describe('the background refuses to insert a reply for a teammate’s item', () => {
  it.each([
    ['Kim holds a live claim', { claimOwnerId: KIM.id, claimOwnerName: 'Kim', leaseUntil: NOW + 1 }, 'Kim'],
    ['Kim’s lease has lapsed', { claimOwnerId: KIM.id, claimOwnerName: 'Kim', leaseUntil: NOW }, undefined],
    ['the claim is mine', { claimOwnerId: ME.id, claimOwnerName: 'Dana', leaseUntil: NOW + 1 }, undefined],
    ['nobody holds it', {}, undefined],
  ])('%s', async (_name, claim, refusedBy) => {
    const db = freshDb();
    await saveMembership(db, membership());
    await db.teamItems.put({ key: 'x:1', version: 2, claimPending: false, updatedAt: 1, ...claim });
    const refused = await refuseForTeammate(db, 'x:1', NOW);
    expect(refused?.claimedBy).toBe(refusedBy);
    // A refusal is a valid answer the panel can show, and puts nothing on the clipboard.
    if (refused) expect(InsertResultSchema.parse(refused)).toEqual({ ok: false, strategy: 'none', verified: false, postEnabled: null, reason: 'claimed', claimedBy: 'Kim' });
  });

  it('answers under any of the post’s keys', async () => {
    const db = freshDb();
    await saveMembership(db, membership());
    await db.postAliases.put({ alias: 'x:old', key: 'x:1' });
    await db.teamItems.put({ key: 'x:1', version: 2, claimPending: false, updatedAt: 1, claimOwnerId: KIM.id, claimOwnerName: 'Kim', leaseUntil: NOW + 1 });
    expect((await refuseForTeammate(db, 'x:old', NOW))?.claimedBy).toBe('Kim');
  });

  it('changes nothing without a team (local-first)', async () => {
    const db = freshDb();
    await db.teamItems.put({ key: 'x:1', version: 2, claimPending: false, updatedAt: 1, claimOwnerId: KIM.id, claimOwnerName: 'Kim', leaseUntil: NOW + 1 });
    expect(await refuseForTeammate(db, 'x:1', NOW)).toBeUndefined();
  });

  it('lets the agent insert after an explicit take-over', async () => {
    const db = freshDb();
    const server = new FakeServer();
    const scheduler = new ManualScheduler(NOW);
    let connected!: () => void;
    const live = new Promise<void>((resolve) => (connected = resolve));
    const sync = new TeamSync({ db, fetch: server.fetch, socket: server.socket, scheduler, onEvent: (e) => e.type === 'connected' && connected() });
    await saveMembership(db, membership({ cursor: 1 }));
    healthyServer(server, 1);
    await sync.start();
    server.sockets[0]?.push({ type: 'hello', member: { ...ME, role: 'agent', onShift: true }, team: TEAM, cursor: 1 });
    await live;
    const held = teamItem('1', { version: 2, claim: { owner: KIM, leaseUntil: NOW + 90_000 } });
    server.on('POST /v1/items/claim', (call: Call) =>
      JSON.stringify(call.body).includes('"takeover":true')
        ? { status: 200, body: { ok: true, item: teamItem('1', { version: 3, claim: { owner: ME, leaseUntil: NOW + 90_000, takenOverFrom: KIM } }) } }
        : { status: 200, body: { ok: false, owner: KIM, leaseUntil: NOW + 90_000, item: held } },
    );
    const session = new ClaimSession(sync);
    expect(await session.claim('x:1')).toMatchObject({ status: 'taken', owner: 'Kim' });
    expect((await refuseForTeammate(db, 'x:1', NOW))?.claimedBy).toBe('Kim');
    expect(await session.claim('x:1', true)).toEqual({ status: 'mine' });
    expect(await refuseForTeammate(db, 'x:1', NOW)).toBeUndefined();
    sync.stop();
  });
});
