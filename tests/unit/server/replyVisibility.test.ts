// @vitest-environment node
/**
 * Who reads the team's reply log: a lead every member's replies, an agent only their own, in
 * GET /v1/replies (paged by seq with teammates' rows in between), GET /v1/changes and the live feed,
 * where a teammate's reply reaches an agent as a content-free `withheld` change. On the embedded
 * database and, where its binaries are (always in CI), on a real PostgreSQL.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { InviteResponseSchema, type Change, type ServerMessage } from '../../../lib/team/protocol';
import {
  TeamClient,
  pgUnavailableReason,
  replyEntry,
  startPgCluster,
  startServer,
  type LiveConnection,
  type PgCluster,
  type RunningServer,
} from '../../../server/testing';

// The embedded database takes a while to start on a loaded machine; waits are for events, not time.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 180_000 });

type Member = TeamClient & { memberId: string; teamId: string };
type LiveChange = Extract<ServerMessage, { type: 'change' }>;

const unavailable = pgUnavailableReason();
const backends = [
  { name: 'embedded', skip: false },
  { name: 'PostgreSQL', skip: unavailable !== undefined },
];

/** Every entry `who` can read, page by page (`limit` per page), with the cursors it was given. */
async function readAll(who: TeamClient, since: number, limit: number) {
  const ids: string[] = [];
  const members = new Set<string>();
  const cursors: number[] = [];
  let cursor = since;
  for (let page = 0; page < 100; page++) {
    const answer = await who.repliesSince(cursor, limit);
    for (const e of answer.entries) {
      ids.push(e.id);
      members.add(e.memberId);
    }
    cursors.push(answer.cursor);
    cursor = answer.cursor;
    if (!answer.more) return { ids, members: [...members], cursor, cursors };
  }
  throw new Error('the reply log never ended: a cursor stalled');
}

describe.each(backends)('reply log visibility ($name)', ({ name, skip }) => {
  let cluster: PgCluster | undefined;
  let server: RunningServer;
  let lead: Member;
  let ann: Member;
  let bob: Member;
  /** Ids in the order they were logged, by sender. */
  const sent: { by: string; id: string }[] = [];
  const open: LiveConnection[] = [];

  const invite = async (role: 'agent' | 'lead' = 'agent') => (await lead.call(InviteResponseSchema, 'POST', '/v1/invites', { opId: randomUUID(), role })).code;
  const log = async (who: Member, n = 1) => {
    for (let i = 0; i < n; i++) {
      const entry = replyEntry(`x:${sent.length + 1}`, { text: `reply ${sent.length + 1} by ${who.memberId}` });
      await who.replies([entry]);
      sent.push({ by: who.memberId, id: entry.id });
    }
  };
  const idsOf = (...who: Member[]) => sent.filter((s) => who.some((w) => w.memberId === s.by)).map((s) => s.id);

  beforeAll(async () => {
    if (skip) return;
    if (name === 'PostgreSQL') {
      cluster = await startPgCluster();
      server = await startServer({ databaseUrl: await cluster.createDatabase('visibility'), joinsPerMinute: 1000 });
    } else {
      server = await startServer({ joinsPerMinute: 1000 });
    }
    lead = await TeamClient.join(server.url, server.leadInvite ?? '', 'Lena');
    ann = await TeamClient.join(server.url, await invite(), 'Ann');
    bob = await TeamClient.join(server.url, await invite(), 'Bob');
    // Ann's replies sit between runs of Bob's and the lead's, longer than a page.
    await log(bob, 3);
    await log(ann);
    await log(bob, 4);
    await log(lead);
    await log(ann, 2);
    await log(bob, 5);
    await log(ann);
    await log(bob, 2);
  });

  afterAll(async () => {
    await Promise.all(open.map((c) => c.close()));
    await server?.stop();
    await cluster?.stop();
  });

  it.skipIf(skip).each([1, 2, 3, 1000])('an agent pages through only their own replies (%i a page), never stalling or skipping', async (limit) => {
    const read = await readAll(ann, 0, limit);
    expect(read.ids).toEqual(idsOf(ann));
    expect(read.members).toEqual([ann.memberId]);
    // Cursors only move forward, and the last one is past teammates' later rows (nothing rescanned).
    expect(read.cursors).toEqual([...read.cursors].sort((a, b) => a - b));
    expect((await ann.repliesSince(read.cursor, limit)).entries).toEqual([]);
    expect(read.cursor).toBe((await readAll(lead, 0, 1000)).cursor);
  });

  it.skipIf(skip)('the lead reads every member, in order; each agent exactly their own', async () => {
    const [leads, anns, bobs] = await Promise.all([readAll(lead, 0, 2), readAll(ann, 0, 2), readAll(bob, 0, 2)]);
    expect(leads.ids).toEqual(sent.map((s) => s.id));
    expect([anns.ids, bobs.ids]).toEqual([idsOf(ann), idsOf(bob)]);
  });

  it.skipIf(skip)('an agent reading on from an earlier cursor gets their reply logged after teammates moved it on', async () => {
    const { cursor } = await readAll(ann, 0, 1000);
    await log(bob, 2);
    await log(ann);
    await log(bob);
    const later = await readAll(ann, cursor, 1);
    expect(later.ids).toEqual(idsOf(ann).slice(-1));
    expect((await readAll(lead, cursor, 1)).ids).toEqual(sent.slice(-4).map((s) => s.id));
  });

  it.skipIf(skip)('the changes feed withholds teammates\' replies from an agent, and keeps its seqs gapless', async () => {
    const kinds = (changes: Change[]) => changes.filter((c) => c.kind === 'reply' || c.kind === 'withheld');
    const anns = (await ann.changes(0, 1000)).changes;
    const leads = (await lead.changes(0, 1000)).changes;
    expect(anns.map((c) => c.seq)).toEqual(leads.map((c) => c.seq));
    const annReplies = kinds(anns).flatMap((c) => (c.kind === 'reply' ? [c.entry.id] : []));
    expect(annReplies).toEqual(idsOf(ann));
    expect(kinds(anns).filter((c) => c.kind === 'withheld')).toHaveLength(sent.length - idsOf(ann).length);
    expect(JSON.stringify(kinds(anns).filter((c) => c.kind === 'withheld'))).not.toMatch(/reply \d+ by|entry|memberId/);
    expect(kinds(leads).flatMap((c) => (c.kind === 'reply' ? [c.entry.id] : []))).toEqual(sent.map((s) => s.id));
  });

  it.skipIf(skip)('pushes a teammate\'s reply to an agent without its content, and in full to the lead and its sender', async () => {
    const [annLive, leadLive, bobLive] = await Promise.all([ann.live(), lead.live(), bob.live()]);
    open.push(annLive, leadLive, bobLive);
    const marker = `pushed ${randomUUID()}`;
    const entry = replyEntry('x:9999', { text: marker });
    await bob.replies([entry]);
    const at = (conn: LiveConnection) =>
      conn.next((m): m is LiveChange => m.type === 'change' && (m.change.kind === 'withheld' || (m.change.kind === 'reply' && m.change.entry.id === entry.id)));
    const [toAnn, toLead, toBob] = await Promise.all([at(annLive), at(leadLive), at(bobLive)]);
    expect([toAnn.change.kind, toLead.change.kind, toBob.change.kind]).toEqual(['withheld', 'reply', 'reply']);
    expect(toAnn.cursor).toBe(toLead.cursor);
    expect(JSON.stringify(annLive.messages)).not.toContain(marker);
    sent.push({ by: bob.memberId, id: entry.id });
  });

  it.skipIf(skip)('an agent promoted to lead reads the whole log, at once over HTTP and live after the next member change', async () => {
    const cat = await TeamClient.join(server.url, await invite(), 'Cat');
    await log(cat);
    const catLive = await cat.live();
    open.push(catLive);
    expect((await readAll(cat, 0, 2)).ids).toEqual(idsOf(cat));

    await server.db.query("UPDATE members SET role = 'lead' WHERE id = $1", [cat.memberId]);
    expect((await readAll(cat, 0, 2)).ids).toEqual(sent.map((s) => s.id));
    expect((await cat.changes(0, 1000)).changes.some((c) => c.kind === 'withheld')).toBe(false);

    // A member change (someone joins) makes the open connection re-read who it serves.
    await TeamClient.join(server.url, await invite(), 'Dev');
    const marker = `after promotion ${randomUUID()}`;
    const entry = replyEntry('x:9998', { text: marker });
    await bob.replies([entry]);
    const pushed = await catLive.next((m): m is LiveChange => m.type === 'change' && (m.change.kind === 'withheld' || m.change.kind === 'reply'));
    expect(pushed.change.kind === 'reply' && pushed.change.entry.text).toBe(marker);
  });
});
