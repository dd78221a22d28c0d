// @vitest-environment node
/**
 * On a real PostgreSQL (a throw-away cluster): two server nodes share one database; claims race
 * across nodes, live changes fan out through LISTEN/NOTIFY, and the chaos run (small) ends clean.
 * Skipped locally without PostgreSQL's binaries; required in CI (CI=true).
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { InviteResponseSchema, type ServerMessage } from '../../../lib/team/protocol';
import { chaosLine, runChaos } from '../../../server/chaos';
import { TeamClient, pgUnavailableReason, realPgRequired, sighting, startPgCluster, startServer, type PgCluster, type RunningServer } from '../../../server/testing';

// The embedded database takes a while to start on a loaded machine; waits are for events, not time.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 180_000 });

const unavailable = pgUnavailableReason();

describe('real PostgreSQL is available where it is required', () => {
  it('has the binaries in CI', () => {
    if (unavailable && !realPgRequired()) console.warn(`Skipping real-PostgreSQL tests: ${unavailable}`);
    expect(realPgRequired() ? (unavailable ?? 'available') : 'available').toBe('available');
  });
});

describe.skipIf(unavailable !== undefined)('two nodes on one PostgreSQL', () => {
  let cluster: PgCluster;
  const nodes: RunningServer[] = [];

  beforeAll(async () => {
    cluster = await startPgCluster();
    const url = await cluster.createDatabase('nodes');
    // Started together: migrations and the first team must come out once.
    const [a, b] = await Promise.all([startServer({ databaseUrl: url }), startServer({ databaseUrl: url })]);
    nodes.push(a, b);
  });

  afterAll(async () => {
    for (const n of nodes) await n.stop();
    await cluster?.stop();
  });

  it('serves one team from both nodes: claims race across nodes and changes reach the other node', async () => {
    const [a, b] = nodes;
    if (!a || !b) throw new Error('nodes missing');
    const invite = a.leadInvite ?? b.leadInvite ?? '';
    const lead = await TeamClient.join(a.url, invite, 'Lena');
    const agents = [];
    for (let i = 0; i < 6; i++) {
      const code = (await lead.call(InviteResponseSchema, 'POST', '/v1/invites', { opId: randomUUID() })).code;
      agents.push(await TeamClient.join(i % 2 ? b.url : a.url, code, `agent ${i}`));
    }
    const watcher = await new TeamClient(b.url, lead.token).live();
    await agents[0]?.sightings([sighting('8001')]);
    const pushed = await watcher.next((m: ServerMessage) => m.type === 'change' && m.change.kind === 'item' && m.change.item.key === 'x:8001');
    expect(pushed.type).toBe('change');

    const results = await Promise.all(agents.map((c) => c.claim('x:8001')));
    const owners = new Set(results.map((r) => (r.ok ? r.item.claim?.owner.id : r.owner.id)));
    expect([results.filter((r) => r.ok).length, owners.size]).toEqual([1, 1]);
    await watcher.close();
  });
});

describe.skipIf(unavailable !== undefined)('chaos, small', () => {
  it('loses, duplicates and leaks nothing when a node is killed mid-storm', async () => {
    const lines: string[] = [];
    const result = await runChaos({ agents: 12, items: 60, log: (line) => lines.push(line) });
    expect(lines[lines.length - 1]).toBe('double claims: 0, lost log entries: 0, duplicated log entries: 0, cross-team reads: 0');
    expect(chaosLine(result)).toBe(lines[lines.length - 1]);
    expect([result.failovers > 0, result.replies]).toEqual([true, 120]);
  }, 240_000);
});
