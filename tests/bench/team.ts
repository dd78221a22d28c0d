/**
 * Team server figures on loopback, measured in one run: two server nodes (child processes) on one
 * throw-away PostgreSQL, 50 agents split across them.
 * - claim round trip: each agent claims a random item, releases it and pauses about a second (a
 *   very busy desk: 50 claims a second for the team; not a saturation test); p50/p99 over every claim;
 * - fan-out: one agent files a sighting; time until each of the 50 live connections has it; p99;
 * - sightings ingested per second: 10 agents filing batches of 100 new posts at once.
 */
import { randomUUID } from 'node:crypto';
import { InviteResponseSchema, type ServerMessage } from '../../lib/team/protocol';
import { TeamClient, type LiveConnection } from '../../server/testing/client';
import { sighting } from '../../server/testing/fixtures';
import { startNode, type ServerNode } from '../../server/testing/nodes';
import { pgUnavailableReason, startPgCluster } from '../../server/testing/pgCluster';

const AGENTS = 50;
const ITEMS = 500;
const CLAIMS_PER_AGENT = 12;
const THINK_MS = 1000;
const FANOUT_ROUNDS = 20;
const SIGHTING_BATCHES = 60;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
};
const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

export async function benchTeam(options: { log?: (line: string) => void } = {}): Promise<Record<string, number>> {
  const log = options.log ?? (() => undefined);
  const missing = pgUnavailableReason();
  if (missing) throw new Error(missing);
  const cluster = await startPgCluster();
  const nodes: ServerNode[] = [];
  const lives: LiveConnection[] = [];
  try {
    const url = await cluster.createDatabase('bench');
    nodes.push(await startNode(url));
    nodes.push(await startNode(url));
    const [a, b] = nodes;
    if (!a || !b) throw new Error('nodes did not start');
    const lead = await TeamClient.join(a.url, a.leadInvite ?? '', 'Lead');
    const agents: TeamClient[] = [];
    for (let i = 0; i < AGENTS; i++) {
      const code = (await lead.call(InviteResponseSchema, 'POST', '/v1/invites', { opId: randomUUID() })).code;
      agents.push(await TeamClient.join(i % 2 ? b.url : a.url, code, `agent ${i}`));
    }
    const keys = Array.from({ length: ITEMS }, (_, i) => `${8_000_000 + i}`);
    for (let i = 0; i < keys.length; i += 100) await lead.sightings(keys.slice(i, i + 100).map((k) => sighting(k)));
    log(`  ${AGENTS} agents on 2 nodes, ${ITEMS} items`);

    // Claim round trips.
    const rtts: number[] = [];
    let refused = 0;
    await Promise.all(
      agents.map(async (agent, i) => {
        await sleep((i * 37) % THINK_MS);
        for (let n = 0; n < CLAIMS_PER_AGENT; n++) {
          const key = `x:${keys[Math.floor(Math.random() * keys.length)]}`;
          const t0 = performance.now();
          const result = await agent.claim(key);
          rtts.push(performance.now() - t0);
          if (result.ok) await agent.release(key);
          else refused++;
          await sleep(THINK_MS / 2 + Math.random() * THINK_MS);
        }
      }),
    );

    // Fan-out to 50 live connections.
    for (const agent of agents) lives.push(await agent.live());
    const fanout: number[] = [];
    for (let round = 0; round < FANOUT_ROUNDS; round++) {
      const key = `x:${9_000_000 + round}`;
      const isIt = (m: ServerMessage) => m.type === 'change' && m.change.kind === 'item' && m.change.item.key === key;
      const t0 = performance.now();
      const arrivals = lives.map((l) => l.next(isIt).then(() => performance.now() - t0));
      await agents[round % agents.length]?.sightings([sighting(key.slice(2))]);
      fanout.push(...(await Promise.all(arrivals)));
    }

    // Sightings ingested per second.
    const writers = agents.slice(0, 10);
    let next = 10_000_000;
    const t0 = performance.now();
    await Promise.all(
      writers.map(async (w) => {
        for (let n = 0; n < SIGHTING_BATCHES / writers.length; n++) {
          const batch = Array.from({ length: 100 }, () => sighting(String(next++)));
          await w.sightings(batch);
        }
      }),
    );
    const seconds = (performance.now() - t0) / 1000;

    return {
      agents: AGENTS,
      nodes: 2,
      claims: rtts.length,
      claimsRefused: refused,
      claimP50Ms: round(percentile(rtts, 50)),
      claimP99Ms: round(percentile(rtts, 99)),
      fanoutConnections: lives.length,
      fanoutSamples: fanout.length,
      fanoutP50Ms: round(percentile(fanout, 50)),
      fanoutP99Ms: round(percentile(fanout, 99)),
      sightingsPerSec: Math.round((SIGHTING_BATCHES * 100) / seconds),
    };
  } finally {
    await Promise.all(lives.map((l) => l.close().catch(() => undefined)));
    for (const n of nodes) await n.stop().catch(() => undefined);
    await cluster.stop();
  }
}
