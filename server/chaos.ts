/**
 * `npm run team:chaos`: two server nodes on one PostgreSQL, simulated agents racing to claim and
 * reply on the same items, one node SIGKILLed mid-storm; its clients fail over to the other node
 * and replay with the same idempotency keys. A second team works the same post keys alongside, to
 * catch any read across teams. Ends with the line the test suite asserts:
 *   double claims: 0, lost log entries: 0, duplicated log entries: 0, cross-team reads: 0
 * Options: --agents N (default 50), --items N (default 500).
 */
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { InviteResponseSchema, ItemsPageSchema, type ServerMessage, type TeamItem } from '../lib/team/protocol';
import { openPostgres } from './db/postgres';
import { ApiError, TeamClient, type LiveConnection } from './testing/client';
import { replyEntry, sighting } from './testing/fixtures';
import { startNode, type ServerNode } from './testing/nodes';
import { startPgCluster } from './testing/pgCluster';
import { createTeamWithLead } from './testing/teams';

export interface ChaosResult {
  doubleClaims: number;
  lostLogEntries: number;
  duplicatedLogEntries: number;
  crossTeamReads: number;
  claims: number;
  refusedClaims: number;
  replies: number;
  failovers: number;
  seconds: number;
}

export const chaosLine = (r: ChaosResult): string =>
  `double claims: ${r.doubleClaims}, lost log entries: ${r.lostLogEntries}, duplicated log entries: ${r.duplicatedLogEntries}, cross-team reads: ${r.crossTeamReads}`;

interface Agent {
  name: string;
  client: TeamClient & { memberId: string };
  team: 'A' | 'B';
  live?: LiveConnection;
  cursor: number;
}

/** A claim this agent certainly held between these two instants (grant answered … release sent). */
export interface Holding {
  key: string;
  team: 'A' | 'B';
  memberId: string;
  from: number;
  to: number;
}

/** Pairs of different members whose certain holdings of one item overlap: each is a double claim. */
export function countDoubleClaims(holdings: readonly Holding[]): number {
  const byKey = new Map<string, Holding[]>();
  for (const h of holdings) {
    const id = `${h.team}:${h.key}`;
    byKey.set(id, [...(byKey.get(id) ?? []), h]);
  }
  let count = 0;
  for (const list of byKey.values()) {
    const sorted = [...list].sort((a, b) => a.from - b.from);
    sorted.forEach((a, i) => {
      for (const b of sorted.slice(i + 1)) if (a.memberId !== b.memberId && b.from < a.to) count++;
    });
  }
  return count;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function isNetworkError(error: unknown): boolean {
  if (error instanceof ApiError) return error.status >= 500;
  return error instanceof TypeError || (error instanceof Error && /ECONNRE|socket|fetch failed|terminated/i.test(error.message));
}

export async function runChaos(options: { agents?: number; items?: number; log?: (line: string) => void } = {}): Promise<ChaosResult> {
  const agentCount = options.agents ?? 50;
  const itemCount = options.items ?? 500;
  const log = options.log ?? ((line: string) => console.log(line));
  const started = Date.now();
  const cluster = await startPgCluster();
  const nodes: ServerNode[] = [];
  const agents: Agent[] = [];
  try {
    const databaseUrl = await cluster.createDatabase('chaos');
    // One after the other: the first creates the team; both migrate under the advisory lock anyway.
    nodes.push(await startNode(databaseUrl));
    nodes.push(await startNode(databaseUrl));
    const [nodeA, nodeB] = nodes;
    if (!nodeA || !nodeB) throw new Error('nodes did not start');
    log(`nodes: ${nodeA.url} ${nodeB.url} on PostgreSQL ${cluster.url}`);
    const db = await openPostgres({ connectionString: databaseUrl });
    const teamB = await createTeamWithLead(db, 'Team B');
    await db.close();

    let alive = new Set([nodeA.url, nodeB.url]);
    let failovers = 0;
    const urlFor = (i: number) => (i % 2 === 0 ? nodeA.url : nodeB.url);
    /** Runs a request; on a dead node, moves the agent to a live one and replays the same request. */
    const call = async <T>(agent: Agent, run: (c: TeamClient) => Promise<T>): Promise<T> => {
      for (let attempt = 0; ; attempt++) {
        try {
          return await run(agent.client);
        } catch (error) {
          if (!isNetworkError(error) || attempt >= 20) throw error;
          if (!alive.has(agent.client.baseUrl)) {
            agent.client.baseUrl = [...alive][0] ?? agent.client.baseUrl;
            failovers++;
          }
          await sleep(20 * (attempt + 1));
        }
      }
    };

    const leadA = await TeamClient.join(nodeA.url, nodeA.leadInvite ?? '', 'Lead A');
    const leadB = await TeamClient.join(nodeB.url, teamB.leadInvite, 'Lead B');
    const teamBAgents = Math.max(2, Math.round(agentCount / 10));
    for (let i = 0; i < agentCount + teamBAgents; i++) {
      const team = i < agentCount ? 'A' : 'B';
      const lead = team === 'A' ? leadA : leadB;
      const code = (await lead.call(InviteResponseSchema, 'POST', '/v1/invites', { opId: randomUUID() })).code;
      const client = await TeamClient.join(urlFor(i), code, `${team}-agent-${i}`);
      agents.push({ name: `${team}-agent-${i}`, client, team, cursor: 0 });
    }
    const membersOf = { A: new Set([leadA.memberId]), B: new Set([leadB.memberId]) };
    for (const a of agents) membersOf[a.team].add(a.client.memberId);

    let crossTeamReads = 0;
    const brandOf = { A: 'acme', B: 'globex' } as const;
    const foreignItem = (team: 'A' | 'B', item: TeamItem) =>
      item.brandId !== brandOf[team] || (item.claim !== undefined && !membersOf[team].has(item.claim.owner.id));
    const watch = (agent: Agent, message: ServerMessage) => {
      if (message.type === 'change') {
        agent.cursor = Math.max(agent.cursor, message.cursor);
        const c = message.change;
        if (c.kind === 'item' && foreignItem(agent.team, c.item)) crossTeamReads++;
        if (c.kind === 'reply' && !membersOf[agent.team].has(c.entry.memberId)) crossTeamReads++;
      }
      if (message.type === 'presence' && message.members.some((m) => !membersOf[agent.team].has(m.id))) crossTeamReads++;
    };
    const connectLive = async (agent: Agent): Promise<void> => {
      const conn = await agent.client.live();
      agent.live = conn;
      for (const m of conn.messages) watch(agent, m);
      conn.subscribe((m) => watch(agent, m));
      conn.socket.once('close', () => {
        if (agent.live !== conn || stopping) return;
        // The node died: reconnect to a live one and catch up from the last cursor.
        void call(agent, async () => {
          await connectLive(agent);
          const missed = await agent.client.changes(agent.cursor);
          for (const c of missed.changes) watch(agent, { type: 'change', cursor: c.seq, change: c });
        }).catch(() => undefined);
      });
    };
    let stopping = false;
    await Promise.all(agents.map((a) => call(a, () => connectLive(a))));

    const keys = Array.from({ length: itemCount }, (_, i) => `x:${7_000_000 + i}`);
    // Every item is seen by up to three agents of its team (one item each, whatever the order).
    await Promise.all(
      agents.map((agent) => {
        const team = agents.filter((a) => a.team === agent.team);
        const n = team.length;
        const j = team.indexOf(agent);
        const mine = keys.filter((_k, k) => [0, 1, 2].some((d) => (k + d) % n === j));
        const batches: string[][] = [];
        for (let b = 0; b < mine.length; b += 100) batches.push(mine.slice(b, b + 100));
        return batches.reduce(
          (p, batch) =>
            p.then(() => {
              const opId = randomUUID();
              return call(agent, (c) => c.sightings(batch.map((k) => sighting(k.slice(2), { brandId: brandOf[agent.team] })), opId)).then(() => undefined);
            }),
          Promise.resolve(),
        );
      }),
    );
    log(`sightings filed: ${itemCount} posts × 2 teams`);

    // The storm: agents race for a small hot set of open items; a winner replies, which frees the item.
    const open = { A: new Set(keys), B: new Set(keys) };
    const sent = new Map<string, { team: 'A' | 'B'; acked: boolean }>();
    const holdings: Holding[] = [];
    let claims = 0;
    let refused = 0;
    let replies = 0;
    let killed = false;
    const killAt = Math.floor(itemCount * 0.4);
    const worker = async (agent: Agent) => {
      const pool = open[agent.team];
      while (pool.size > 0) {
        const hot = [...pool].slice(0, 12);
        const key = hot[Math.floor(Math.random() * hot.length)];
        if (!key) break;
        const opId = randomUUID();
        const claim = await call(agent, (c) => c.claim(key, false, opId));
        claims++;
        const granted = Date.now();
        if (!claim.ok) {
          refused++;
          continue;
        }
        if (claim.item.state === 'replied') {
          pool.delete(key);
          const releaseSent = Date.now();
          holdings.push({ key, team: agent.team, memberId: agent.client.memberId, from: granted, to: releaseSent });
          await call(agent, (c) => c.release(key));
          continue;
        }
        const entry = replyEntry(key, { brandId: brandOf[agent.team] });
        sent.set(entry.id, { team: agent.team, acked: false });
        const replySent = Date.now();
        holdings.push({ key, team: agent.team, memberId: agent.client.memberId, from: granted, to: replySent });
        await call(agent, (c) => c.replies([entry]));
        sent.set(entry.id, { team: agent.team, acked: true });
        replies++;
        pool.delete(key);
        if (!killed && replies >= killAt) {
          killed = true;
          alive = new Set([nodeA.url]);
          nodeB.kill();
          log(`SIGKILL node ${nodeB.url} after ${replies} replies`);
        }
      }
    };
    await Promise.all(agents.map(worker));
    stopping = true;

    let doubleClaims = countDoubleClaims(holdings);

    // The logs as each team's lead reads them, through the surviving node.
    let lostLogEntries = 0;
    let duplicatedLogEntries = 0;
    const repliers = new Map<string, Set<string>>();
    for (const [team, lead] of [['A', leadA], ['B', leadB]] as const) {
      lead.baseUrl = nodeA.url;
      const ids: string[] = [];
      for (let since = 0; ; ) {
        const page = await lead.repliesSince(since, 1000);
        for (const e of page.entries) {
          ids.push(e.id);
          if (!membersOf[team].has(e.memberId) || e.brandId !== brandOf[team]) crossTeamReads++;
          const who = repliers.get(`${team}:${e.postKey}`) ?? new Set<string>();
          who.add(e.memberId);
          repliers.set(`${team}:${e.postKey}`, who);
        }
        if (!page.more) break;
        since = page.cursor;
      }
      duplicatedLogEntries += ids.length - new Set(ids).size;
      const logged = new Set(ids);
      for (const [id, s] of sent) if (s.team === team && s.acked && !logged.has(id)) lostLogEntries++;
      const unknown = ids.filter((id) => sent.get(id)?.team !== team).length;
      crossTeamReads += unknown;
      for (let after: string | undefined; ; ) {
        const page = await lead.call(ItemsPageSchema, 'GET', `/v1/items?limit=500${after ? `&after=${encodeURIComponent(after)}` : ''}`);
        crossTeamReads += page.items.filter((i) => foreignItem(team, i)).length;
        if (!page.next) break;
        after = page.next;
      }
    }
    // Two members replying to one post is the double claim the product must prevent.
    for (const who of repliers.values()) if (who.size > 1) doubleClaims++;

    const result: ChaosResult = {
      doubleClaims,
      lostLogEntries,
      duplicatedLogEntries,
      crossTeamReads,
      claims,
      refusedClaims: refused,
      replies,
      failovers,
      seconds: Math.round((Date.now() - started) / 100) / 10,
    };
    log(`agents: ${agentCount} + ${teamBAgents} (second team), items: ${itemCount} per team, claims: ${claims} (${refused} refused), replies: ${replies}, fail-overs: ${failovers}, ${result.seconds} s`);
    log(chaosLine(result));
    return result;
  } finally {
    await Promise.all(agents.map((a) => a.live?.close().catch(() => undefined)));
    for (const node of nodes) await node.stop().catch(() => undefined);
    await cluster.stop();
  }
}

const argValue = (name: string): number | undefined => {
  const i = process.argv.indexOf(name);
  const v = i >= 0 ? Number(process.argv[i + 1]) : NaN;
  return Number.isInteger(v) && v > 0 ? v : undefined;
};

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  runChaos({ agents: argValue('--agents'), items: argValue('--items') }).then(
    (r) => process.exit(r.doubleClaims + r.lostLogEntries + r.duplicatedLogEntries + r.crossTeamReads === 0 ? 0 : 1),
    (error: unknown) => {
      console.error(error);
      process.exit(2);
    },
  );
}
