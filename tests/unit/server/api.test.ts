// @vitest-environment node
/**
 * The team server on the embedded database: auth, team isolation, leads-only actions, sightings,
 * claims, idempotent replays, reply log, state, assignment, shift end, validation.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import {
  ChangesResponseSchema,
  ConfigUpdateResponseSchema,
  DevicesResponseSchema,
  InviteResponseSchema,
  ItemResultSchema,
  ItemsPageSchema,
  MeResponseSchema,
  MembersResponseSchema,
  OkResponseSchema,
  ShiftEndResponseSchema,
  TeamConfigSchema,
  CLAIM_LEASE_MS,
} from '../../../lib/team/protocol';
import { ApiError, TeamClient, createTeamWithLead, replyEntry, sighting, startServer, type RunningServer } from '../../../server/testing';

// The embedded database takes a while to start on a loaded machine; waits are for events, not time.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 180_000 });

let now = 1_800_000_000_000;
let server: RunningServer;
let lead: Awaited<ReturnType<typeof TeamClient.join>>;
let ann: Awaited<ReturnType<typeof TeamClient.join>>;
let bob: Awaited<ReturnType<typeof TeamClient.join>>;
let otherLead: Awaited<ReturnType<typeof TeamClient.join>>;

async function invite(role: 'lead' | 'agent' = 'agent', ttlHours = 72): Promise<string> {
  return (await lead.call(InviteResponseSchema, 'POST', '/v1/invites', { opId: randomUUID(), role, ttlHours })).code;
}

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(error)}`);
  return error;
}

beforeAll(async () => {
  server = await startServer({ clock: () => now, joinsPerMinute: 1000 });
  lead = await TeamClient.join(server.url, server.leadInvite ?? '', 'Lena Lead');
  ann = await TeamClient.join(server.url, await invite(), 'Ann');
  bob = await TeamClient.join(server.url, await invite(), 'Bob');
  const other = await createTeamWithLead(server.db, 'Other team', now);
  otherLead = await TeamClient.join(server.url, other.leadInvite, 'Otto Other');
});

afterAll(async () => {
  await server?.stop();
});

describe('joining and auth', () => {
  it('answers health without a token', async () => {
    const res = await fetch(`${server.url}/health`);
    expect(await res.json()).toMatchObject({ ok: true, db: 'embedded' });
  });

  it('gives the joiner the invite role and the team', async () => {
    const me = await ann.call(MeResponseSchema, 'GET', '/v1/me');
    expect(me.member).toMatchObject({ displayName: 'Ann', role: 'agent' });
    expect((await lead.call(MeResponseSchema, 'GET', '/v1/me')).member.role).toBe('lead');
    expect(me.team.id).toBe(lead.teamId);
  });

  it('uses an invite once', async () => {
    const code = await invite();
    await TeamClient.join(server.url, code.toLowerCase(), 'Cat');
    const again = await failure(TeamClient.join(server.url, code, 'Dan'));
    expect([again.status, again.code]).toEqual([400, 'invite_invalid']);
  });

  it('refuses an expired invite', async () => {
    const code = await invite('agent', 1);
    now += 3600_000 + 1;
    const late = await failure(TeamClient.join(server.url, code, 'Eve'));
    expect(late.code).toBe('invite_invalid');
  });

  it.each([
    ['no token', undefined],
    ['a malformed token', 'nope'],
    ['an unknown token', `rlt_${'A'.repeat(43)}`],
  ])('refuses %s', async (_label, token) => {
    const error = await failure(new TeamClient(server.url, token).call(MeResponseSchema, 'GET', '/v1/me'));
    expect([error.status, error.code]).toEqual([401, 'unauthorized']);
  });

  it('stops a revoked device, and a lead can revoke a teammate device', async () => {
    const self = await TeamClient.join(server.url, await invite(), 'Short Stay');
    await self.call(OkResponseSchema, 'POST', '/v1/devices/self/revoke');
    expect((await failure(self.call(MeResponseSchema, 'GET', '/v1/me'))).status).toBe(401);

    const other = await TeamClient.join(server.url, await invite(), 'Removed');
    const { deviceId } = await other.call(MeResponseSchema, 'GET', '/v1/me');
    await lead.call(OkResponseSchema, 'DELETE', `/v1/devices/${deviceId}`);
    expect((await failure(other.call(MeResponseSchema, 'GET', '/v1/me'))).status).toBe(401);
  });
});

describe('leads-only actions', () => {
  const Any = z.unknown();
  it.each([
    ['create an invite', 'POST', '/v1/invites', { opId: randomUUID() }],
    ['edit brands', 'PUT', '/v1/config/brands', { opId: randomUUID(), upsert: [] }],
    ['list devices', 'GET', '/v1/devices', undefined],
    ['remove a device', 'DELETE', `/v1/devices/${randomUUID()}`, undefined],
  ])('an agent cannot %s', async (_label, method, path, body) => {
    const error = await failure(ann.call(Any, method, path, body));
    expect([error.status, error.code]).toEqual([403, 'forbidden']);
  });

  it('a lead can', async () => {
    const devices = await lead.call(DevicesResponseSchema, 'GET', '/v1/devices');
    expect(devices.devices.length).toBeGreaterThanOrEqual(3);
  });
});

describe('sightings', () => {
  it('files the same post from three agents as one item', async () => {
    const before = (await lead.call(ItemsPageSchema, 'GET', '/v1/items?limit=500')).items.length;
    const results = await Promise.all([lead, ann, bob].map((c) => c.sightings([sighting('1001')])));
    expect(results.map((r) => r.results[0]?.filedUnder)).toEqual(['x:1001', 'x:1001', 'x:1001']);
    expect(results.filter((r) => r.results[0]?.created)).toHaveLength(1);
    const items = (await lead.call(ItemsPageSchema, 'GET', '/v1/items?limit=500')).items;
    expect(items.length - before).toBe(1);
    expect(items.find((i) => i.key === 'x:1001')?.version).toBe(1);
  });

  it('files a Facebook post seen under a new permalink under its first key', async () => {
    await ann.sightings([sighting('pfbidAAA', { site: 'facebook', sameAs: ['facebook:c.someone.my-order'] })]);
    const second = await bob.sightings([sighting('pfbidBBB', { site: 'facebook', sameAs: ['facebook:c.someone.my-order', 'facebook:4242'] })]);
    expect(second.results[0]).toMatchObject({ key: 'facebook:pfbidBBB', filedUnder: 'facebook:pfbidAAA', created: false });
    const claim = await bob.claim('facebook:4242');
    expect(claim.ok && claim.item.key).toBe('facebook:pfbidAAA');
    expect(claim.item.aliases).toEqual(['facebook:4242', 'facebook:c.someone.my-order', 'facebook:pfbidBBB']);
    await bob.release('facebook:4242');
  });

  it('keeps page text as text', async () => {
    const items = (await ann.call(ItemsPageSchema, 'GET', '/v1/items?limit=500')).items;
    expect(items.find((i) => i.key === 'x:1001')?.post.text).toBe('@acme my order is late <img src=x onerror=alert(1)>');
  });

  it('does not bump the version when a replayed opId or an unchanged sighting arrives', async () => {
    const opId = randomUUID();
    const first = await ann.sightings([sighting('1002', { priority: 70 })], opId);
    const replay = await ann.sightings([sighting('1002', { priority: 10 })], opId);
    expect(replay).toEqual(first);
    await bob.sightings([sighting('1002', { priority: 70 })]);
    const changed = await bob.sightings([sighting('1002', { priority: 71 })]);
    expect([first.results[0]?.version, changed.results[0]?.version]).toEqual([1, 2]);
  });
});

describe('claims', () => {
  it('gives a contested item to exactly one agent', async () => {
    await ann.sightings([sighting('2001')]);
    const contenders = [lead, ann, bob, lead, ann, bob, ann, bob];
    const results = await Promise.all(contenders.map((c) => c.claim('x:2001')));
    const winners = results.filter((r) => r.ok);
    // The same member asking twice is answered ok twice; two members never are.
    expect(new Set(winners.map((w) => w.item.claim?.owner.id)).size).toBe(1);
    const owner = winners[0]?.item.claim?.owner.id;
    for (const r of results) expect(r.ok ? r.item.claim?.owner.id : r.owner.id).toBe(owner);
  });

  it('tells the loser who holds it, until the lease runs out', async () => {
    await ann.sightings([sighting('2002')]);
    expect((await ann.claim('x:2002')).ok).toBe(true);
    const refused = await bob.claim('x:2002');
    expect(refused.ok ? null : refused.owner.displayName).toBe('Ann');
    now += CLAIM_LEASE_MS + 1;
    const later = await bob.claim('x:2002');
    expect(later.ok && later.item.claim?.owner.displayName).toBe('Bob');
    expect(later.item.claim?.takenOverFrom).toBeUndefined();
    const renew = await ann.renew('x:2002');
    expect(renew.ok ? null : renew.owner.displayName).toBe('Bob');
  });

  it('lets a take-over happen and names who lost it', async () => {
    await ann.sightings([sighting('2003')]);
    await ann.claim('x:2003');
    const taken = await bob.claim('x:2003', true);
    expect(taken.ok && taken.item.claim).toMatchObject({ owner: { displayName: 'Bob' }, takenOverFrom: { displayName: 'Ann' } });
    const released = await ann.release('x:2003');
    expect(released.ok).toBe(false);
  });

  it('answers a replayed claim with its first answer', async () => {
    await ann.sightings([sighting('2004')]);
    const opId = randomUUID();
    const first = await ann.claim('x:2004', false, opId);
    await ann.release('x:2004');
    await bob.claim('x:2004');
    expect(await ann.claim('x:2004', false, opId)).toEqual(first);
    const reused = await failure(bob.claim('x:2004', false, opId));
    expect(reused.code).toBe('conflict');
  });

  it('404s an unknown item', async () => {
    expect((await failure(ann.claim('x:999999'))).status).toBe(404);
  });
});

describe('state, assignment, shift end', () => {
  it('refuses a state change under a teammate claim and a stale base version', async () => {
    await ann.sightings([sighting('3001')]);
    const claimed = await ann.claim('x:3001');
    const blocked = await bob.call(ItemResultSchema, 'POST', '/v1/items/state', { opId: randomUUID(), key: 'x:3001', state: 'dismissed' });
    expect(blocked.ok ? null : [blocked.reason, blocked.owner?.displayName]).toEqual(['claimed', 'Ann']);
    const stale = await ann.call(ItemResultSchema, 'POST', '/v1/items/state', { opId: randomUUID(), key: 'x:3001', state: 'snoozed', baseVersion: claimed.item.version - 1 });
    expect(stale.ok ? null : stale.reason).toBe('stale');
    const done = await ann.call(ItemResultSchema, 'POST', '/v1/items/state', { opId: randomUUID(), key: 'x:3001', state: 'dismissed', dismissReason: 'spam', baseVersion: claimed.item.version });
    expect(done.ok && [done.item.state, done.item.dismissReason, done.item.claim]).toEqual(['dismissed', 'spam', undefined]);
  });

  it('escalates to a named teammate with a note', async () => {
    await ann.sightings([sighting('3002')]);
    const result = await ann.call(ItemResultSchema, 'POST', '/v1/items/assign', { opId: randomUUID(), key: 'x:3002', memberId: bob.memberId, note: 'refund > $500', escalate: true });
    expect(result.ok && result.item).toMatchObject({ state: 'escalated', assignee: { displayName: 'Bob' }, assignment: { note: 'refund > $500', by: { displayName: 'Ann' }, escalate: true } });
  });

  it('hands over open items at the end of a shift', async () => {
    const cy = await TeamClient.join(server.url, await invite(), 'Cy');
    await cy.sightings([sighting('3003'), sighting('3004'), sighting('3005')]);
    await cy.claim('x:3003');
    await ann.call(ItemResultSchema, 'POST', '/v1/items/assign', { opId: randomUUID(), key: 'x:3005', memberId: cy.memberId });
    const ended = await cy.call(ShiftEndResponseSchema, 'POST', '/v1/shift/end', { opId: randomUUID(), reassignTo: ann.memberId });
    expect(ended.reassigned.sort()).toEqual(['x:3003', 'x:3005']);
    const items = (await ann.call(ItemsPageSchema, 'GET', '/v1/items?limit=500')).items;
    const handed = items.find((i) => i.key === 'x:3003');
    expect([handed?.assignee?.displayName, handed?.claim]).toEqual(['Ann', undefined]);
    const members = await ann.call(MembersResponseSchema, 'GET', '/v1/members');
    expect(members.members.find((m) => m.id === cy.memberId)?.onShift).toBe(false);
  });
});

describe('reply log', () => {
  it('stamps the agent from the token, stores each id once and marks the item replied', async () => {
    await ann.sightings([sighting('4001')]);
    await ann.claim('x:4001');
    const entry = replyEntry('x:4001', { agent: 'Lena Lead' });
    const first = await ann.replies([entry]);
    const again = await ann.replies([entry]);
    expect([first.stored, again.duplicates]).toEqual([[entry.id], [entry.id]]);
    const page = await lead.repliesSince(0);
    const logged = page.entries.filter((e) => e.id === entry.id);
    expect(logged.map((e) => [e.agent, e.memberId])).toEqual([['Ann', ann.memberId]]);
    const item = (await lead.call(ItemsPageSchema, 'GET', '/v1/items?limit=500')).items.find((i) => i.key === 'x:4001');
    expect([item?.state, item?.claim]).toEqual(['replied', undefined]);
  });
});

describe('teams are isolated', () => {
  it('shows a lead of another team nothing', async () => {
    const items = await otherLead.call(ItemsPageSchema, 'GET', '/v1/items?limit=500');
    const changes = await otherLead.changes(0);
    const replies = await otherLead.repliesSince(0);
    const members = await otherLead.call(MembersResponseSchema, 'GET', '/v1/members');
    const devices = await otherLead.call(DevicesResponseSchema, 'GET', '/v1/devices');
    expect([items.items, replies.entries]).toEqual([[], []]);
    expect(changes.changes.every((c) => c.kind === 'members')).toBe(true);
    expect(members.members.map((m) => m.displayName)).toEqual(['Otto Other']);
    expect(devices.devices.map((d) => d.memberId)).toEqual([otherLead.memberId]);
  });

  it('refuses to touch another team', async () => {
    expect((await failure(otherLead.claim('x:1001'))).status).toBe(404);
    const assign = otherLead.call(ItemResultSchema, 'POST', '/v1/items/assign', { opId: randomUUID(), key: 'x:1001', memberId: ann.memberId, note: '' });
    expect((await failure(assign)).status).toBe(404);
    const { deviceId } = await ann.call(MeResponseSchema, 'GET', '/v1/me');
    expect((await failure(otherLead.call(OkResponseSchema, 'DELETE', `/v1/devices/${deviceId}`))).status).toBe(404);
  });

  it('files the same post separately per team', async () => {
    const mine = await otherLead.sightings([sighting('1001')]);
    expect(mine.results[0]?.created).toBe(true);
    const theirs = (await ann.call(ItemsPageSchema, 'GET', '/v1/items?limit=500')).items.find((i) => i.key === 'x:1001');
    expect(theirs?.version).toBe(1);
  });
});

describe('configuration', () => {
  it('lets a lead edit brands that every member receives', async () => {
    const brand = { id: 'acme', name: 'Acme', handles: ['acme'], createdAt: now, updatedAt: now };
    const done = await lead.call(ConfigUpdateResponseSchema, 'PUT', '/v1/config/brands', { opId: randomUUID(), upsert: [brand] });
    expect(done.upserted).toBe(1);
    const config = await ann.call(TeamConfigSchema, 'GET', '/v1/config');
    expect(config.brands.map((b) => b.name)).toEqual(['Acme']);
    const changes = await ann.call(ChangesResponseSchema, 'GET', '/v1/changes?since=0&limit=1000');
    expect(changes.changes.some((c) => c.kind === 'config' && c.section === 'brands')).toBe(true);
  });
});

describe('validation', () => {
  it('answers a malformed body with a 400 naming the field', async () => {
    const error = await failure(ann.call(z.unknown(), 'POST', '/v1/items/claim', { opId: 'not-a-uuid', key: 'x:1' }));
    expect([error.status, error.code, error.message]).toEqual([400, 'bad_request', expect.stringContaining('opId')]);
  });

  it('refuses an oversized body', async () => {
    const error = await failure(ann.call(z.unknown(), 'POST', '/v1/items/claim', JSON.stringify({ pad: 'x'.repeat(1_100_000) })));
    expect([error.status, error.code]).toEqual([413, 'payload_too_large']);
  });

  it.each([
    ['chrome-extension://abcdefghijklmnop', true],
    ['moz-extension://0b1c2d3e-aaaa-bbbb-cccc-123456789abc', true],
    ['https://evil.example', false],
  ])('CORS for %s: %s', async (origin, allowed) => {
    const res = await fetch(`${server.url}/v1/me`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'GET' } });
    expect(res.headers.get('access-control-allow-origin') === origin).toBe(allowed);
  });
});
