// @vitest-environment node
/** Live pushes over WebSocket on the embedded database: changes in order, presence, auth, isolation. */
import { randomUUID } from 'node:crypto';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { InviteResponseSchema, LIVE_PROTOCOL, MeResponseSchema, OkResponseSchema, type ServerMessage } from '../../../lib/team/protocol';
import { ApiError, LiveConnection, TeamClient, createTeamWithLead, sighting, startServer, type RunningServer } from '../../../server/testing';

// The embedded database takes a while to start on a loaded machine; waits are for events, not time.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 180_000 });

type Change = Extract<ServerMessage, { type: 'change' }>;
const isChange = (m: ServerMessage): m is Change => m.type === 'change';

let server: RunningServer;
let lead: TeamClient & { memberId: string };
let ann: TeamClient & { memberId: string };
let outsider: TeamClient & { memberId: string };
const open: LiveConnection[] = [];

async function connect(client: TeamClient): Promise<LiveConnection> {
  const conn = await client.live();
  open.push(conn);
  return conn;
}

beforeAll(async () => {
  server = await startServer({ joinsPerMinute: 1000 });
  lead = await TeamClient.join(server.url, server.leadInvite ?? '', 'Lena');
  const code = (await lead.call(InviteResponseSchema, 'POST', '/v1/invites', { opId: randomUUID() })).code;
  ann = await TeamClient.join(server.url, code, 'Ann');
  outsider = await TeamClient.join(server.url, (await createTeamWithLead(server.db, 'Elsewhere')).leadInvite, 'Otto');
});

afterAll(async () => {
  await Promise.all(open.map((c) => c.close()));
  await server?.stop();
});

describe('live changes', () => {
  it('pushes a teammate sighting with the next cursor', async () => {
    const watcher = await connect(lead);
    const hello = await watcher.next((m) => m.type === 'hello');
    const cursor = hello.type === 'hello' ? hello.cursor : -1;
    await ann.sightings([sighting('5001')]);
    const change = await watcher.next((m): m is Change => isChange(m) && m.change.kind === 'item' && m.change.item.key === 'x:5001');
    expect(change.cursor).toBe(cursor + 1);
    await ann.claim('x:5001');
    const claimed = await watcher.next((m): m is Change => isChange(m) && m.cursor === cursor + 2);
    expect(claimed.change.kind === 'item' && claimed.change.item.claim?.owner.displayName).toBe('Ann');
  });

  it('pushes nothing of another team', async () => {
    const theirs = await connect(outsider);
    await ann.sightings([sighting('5002')]);
    await outsider.sightings([sighting('9001')]);
    await theirs.next((m) => isChange(m) && m.change.kind === 'item' && m.change.item.key === 'x:9001');
    const keys = theirs.messages.filter(isChange).map((m) => (m.change.kind === 'item' ? m.change.item.key : m.change.kind));
    expect(keys).toEqual(['x:9001']);
  });
});

describe('presence', () => {
  it('shows teammates who is on shift and what they view', async () => {
    const watcher = await connect(lead);
    const anns = await connect(ann);
    anns.send({ type: 'presence', viewing: 'x:5001', onShift: true });
    const seen = await watcher.next((m) => m.type === 'presence' && m.members.some((p) => p.id === ann.memberId && p.viewing === 'x:5001'));
    expect(seen.type === 'presence' && seen.members.find((p) => p.id === ann.memberId)?.onShift).toBe(true);
    await anns.close();
    const gone = await watcher.next((m) => m.type === 'presence' && !m.members.some((p) => p.id === ann.memberId));
    expect(gone.type === 'presence' && gone.members.map((p) => p.displayName)).toEqual(['Lena']);
  });

  it('answers a ping', async () => {
    const conn = await connect(ann);
    conn.send({ type: 'ping' });
    expect((await conn.next((m) => m.type === 'pong')).type).toBe('pong');
  });
});

describe('live auth', () => {
  it('accepts the token as the first message', async () => {
    const socket = new WebSocket(`${server.url.replace('http', 'ws')}/v1/live`, [LIVE_PROTOCOL]);
    await new Promise((resolve) => socket.once('open', resolve));
    const conn = LiveConnection.open(socket);
    socket.send(JSON.stringify({ type: 'auth', token: ann.token }));
    open.push(await conn);
    const hello = await (await conn).next((m) => m.type === 'hello');
    expect(hello.type === 'hello' && hello.member.displayName).toBe('Ann');
  });

  it('refuses an unknown token before upgrading', async () => {
    const error = await new TeamClient(server.url, `rlt_${'B'.repeat(43)}`).live().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error instanceof ApiError && error.status).toBe(401);
  });

  it('closes the connection of a removed device', async () => {
    const code = (await lead.call(InviteResponseSchema, 'POST', '/v1/invites', { opId: randomUUID() })).code;
    const temp = await TeamClient.join(server.url, code, 'Temp');
    const conn = await connect(temp);
    const closed = new Promise<number>((resolve) => conn.socket.once('close', (c: number) => resolve(c)));
    const { deviceId } = await temp.call(MeResponseSchema, 'GET', '/v1/me');
    await lead.call(OkResponseSchema, 'DELETE', `/v1/devices/${deviceId}`);
    expect(await closed).toBe(4001);
    expect(conn.messages.some((m) => m.type === 'error' && m.code === 'unauthorized')).toBe(true);
  });
});
