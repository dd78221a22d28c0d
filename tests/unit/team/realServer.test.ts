/**
 * The extension's sync engine against the real team server, in process, on the embedded
 * PostgreSQL: two agents' databases, real HTTP and WebSocket on loopback. Waits for sync events,
 * never for time.
 */
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '@/server/testing';
import { saveMembership, getMembership } from '@/lib/db/team';
import { ingestPosts, type Classify } from '@/lib/db/ingest';
import { saveBrand } from '@/lib/db/brands';
import { recordReplySent } from '@/lib/db/replyLog';
import { TeamApi, type FetchLike } from '@/lib/team/api';
import { ClaimSession } from '@/lib/team/claims';
import { realScheduler } from '@/lib/team/scheduler';
import type { SocketLike } from '@/lib/team/socket';
import { TeamSync, type SyncEvent } from '@/lib/team/sync';
import type { ReplylineDb } from '@/lib/db/db';
import { brand, freshDb, post } from '../support/db';

const nodeFetch: FetchLike = (url, init) => fetch(url, init);

function wsSocket(url: string, protocols: string[]): SocketLike {
  const ws = new WebSocket(url, protocols);
  const socket: SocketLike = { send: (d) => ws.send(d), close: (c, r) => ws.close(c, r), onopen: null, onmessage: null, onclose: null, onerror: null };
  ws.on('open', () => socket.onopen?.({}));
  ws.on('message', (data) => socket.onmessage?.({ data: data.toString() }));
  ws.on('close', () => socket.onclose?.({}));
  ws.on('error', () => socket.onerror?.({}));
  return socket;
}

const mention: Classify = async () => ({
  matched: true,
  own: false,
  brandId: 'acme',
  terms: ['acme'],
  autoQueue: true,
  triage: { priority: 70, reasons: [], complaint: true, question: false, praise: false },
});

interface Agent {
  db: ReplylineDb;
  sync: TeamSync;
  session: ClaimSession;
  memberId: string;
  /** Resolves once `check` holds, re-checked after every sync event. */
  until: (check: () => Promise<boolean>) => Promise<void>;
}

let server: RunningServer;
let leadInvite: string;

async function joinAs(displayName: string, inviteCode: string): Promise<Agent> {
  const db = freshDb();
  await saveBrand(db, brand());
  const joined = await new TeamApi(server.url, undefined, nodeFetch).join({ inviteCode, displayName, deviceName: `${displayName}'s laptop` });
  await saveMembership(db, {
    id: 'team',
    serverUrl: server.url,
    token: joined.token,
    teamId: joined.team.id,
    teamName: joined.team.name,
    memberId: joined.member.id,
    displayName: joined.member.displayName,
    role: joined.member.role,
    joinedAt: Date.now(),
  });
  const checks: { check: () => Promise<boolean>; resolve: () => void }[] = [];
  const onEvent = (_event: SyncEvent) => {
    for (const c of [...checks]) {
      void c.check().then((ok) => {
        if (ok && checks.includes(c)) {
          checks.splice(checks.indexOf(c), 1);
          c.resolve();
        }
      });
    }
  };
  const sync = new TeamSync({ db, fetch: nodeFetch, socket: wsSocket, scheduler: realScheduler, onEvent });
  const until = async (check: () => Promise<boolean>) => {
    if (await check()) return;
    await new Promise<void>((resolve) => checks.push({ check, resolve }));
  };
  await sync.start();
  await until(async () => (await getMembership(db))?.connection === 'connected');
  return { db, sync, session: new ClaimSession(sync), memberId: joined.member.id, until };
}

const agents: Agent[] = [];

beforeAll(async () => {
  server = await startServer({ joinsPerMinute: 1000 });
  leadInvite = server.leadInvite ?? '';
}, 60_000);

afterAll(async () => {
  for (const a of agents) a.sync.stop();
  await server?.stop();
});

describe('two agents and a lead on the real server', () => {
  it('one item for one post, one winner of a claim race, escalation with a notice, the reply in the lead log and not in the other agent\'s', async () => {
    const lead = await joinAs('Lena', leadInvite);
    agents.push(lead);
    const invite = async () => (await lead.sync.client()!.createInvite({ opId: crypto.randomUUID(), role: 'agent' })).code;
    const dana = await joinAs('Dana', await invite());
    const kim = await joinAs('Kim', await invite());
    agents.push(dana, kim);

    // Both agents capture the same post: the team has one item, in both queues.
    const seen = post('1860000000000000001', 'Acme my order never came');
    for (const a of [dana, kim]) {
      await ingestPosts(a.db, [seen], mention);
      await a.sync.queued([seen.key]);
    }
    await lead.until(async () => (await lead.db.queue.get(seen.key)) !== undefined);
    const items = await lead.sync.client()!.items();
    expect(items.items.map((i) => i.key)).toEqual([seen.key]);

    // Both claim: exactly one wins, the other is told who.
    const [a, b] = await Promise.all([dana.session.claim(seen.key), kim.session.claim(seen.key)]);
    const outcomes = [a.status, b.status].sort();
    expect(outcomes).toEqual(['mine', 'taken']);
    const [winner, loser] = a.status === 'mine' ? [dana, kim] : [kim, dana];
    const lost = a.status === 'mine' ? b : a;
    expect(lost).toMatchObject({ status: 'taken', owner: winner === dana ? 'Dana' : 'Kim' });
    await loser.until(async () => (await loser.db.teamItems.get(seen.key))?.claimOwnerId === winner.memberId);

    // The winner escalates to the loser with a note: it lands in their queue with a notice.
    await winner.session.close();
    await winner.sync.submit({ kind: 'assign', body: { key: seen.key, memberId: loser.memberId, note: 'VIP, refund approved', escalate: true } });
    await loser.until(async () => (await loser.db.teamItems.get(seen.key))?.notice?.kind === 'assigned');
    expect((await loser.db.teamItems.get(seen.key))?.notice?.note).toBe('VIP, refund approved');
    expect((await loser.db.queue.get(seen.key))?.state).toBe('escalated');

    // The loser replies: the lead's log has it, stamped with the sender the server knows.
    const logged = await recordReplySent(loser.db, { key: seen.key, text: 'So sorry, refund is on its way.', sentAt: Date.now(), insertionId: 'ins-1', context: {} });
    expect(logged.written).toBe(true);
    if (logged.written) await loser.sync.submit({ kind: 'replies', body: { entries: [logged.entry] } });
    await lead.until(async () => (await lead.db.teamReplies.count()) === 1);
    const [entry] = await lead.db.teamReplies.toArray();
    expect(entry?.agent).toBe(loser === dana ? 'Dana' : 'Kim');
    expect(entry?.memberId).toBe(loser.memberId);

    // The other agent's device moves past the reply's place in the feed but never learns the reply:
    // the team's log is the leads'.
    await winner.until(async () => ((await getMembership(winner.db))?.cursor ?? 0) >= (entry?.seq ?? Number.MAX_SAFE_INTEGER));
    expect([await winner.db.teamReplies.count(), await winner.db.replyLog.get(entry?.id ?? '')]).toEqual([0, undefined]);
  }, 60_000);
});
