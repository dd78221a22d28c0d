import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { openDb } from '@/lib/db/db';
import { enqueue, getMembership, mergeItems, outboxHead, saveMembership } from '@/lib/db/team';
import { QueueItemSchema } from '@/lib/schemas/queue';
import { brand, post } from '../support/db';
import { V3_STORES, V4_STORES } from '../support/schemaHistory';
import { ME, membership, teamItem } from './fakeTransport';

const queued = (id: string) =>
  QueueItemSchema.parse({
    key: `x:${id}`,
    site: 'x',
    brandId: 'acme',
    state: 'inProgress',
    priority: 40,
    rank: 1,
    postCreatedAt: 1,
    queuedAt: 2,
    firstSeenAt: 2,
    updatedAt: 2,
    note: 'called them back',
  });

describe.each([
  ['version 3', 3, V3_STORES],
  ['version 4', 4, V4_STORES],
])('version 5 upgrade from a seeded %s database', (_label, version, stores) => {
  it('keeps the local queue, starts with no team, and takes team records', async () => {
    const name = `replyline-v${version}-${Math.random().toString(36).slice(2)}`;
    const old = new Dexie(name);
    old.version(version).stores(stores);
    await old.table('brands').put(brand());
    await old.table('posts').put(post('7', 'Acme where is my parcel'));
    await old.table('queue').put(queued('7'));
    await old.table('settings').put({ id: 'me', agentName: 'Dana', updatedAt: 1 });
    old.close();

    const db = openDb(name);
    expect(db.verno).toBe(5);
    expect((await db.queue.get('x:7'))?.note).toBe('called them back');
    expect(await getMembership(db)).toBeUndefined();
    expect(await db.teamOutbox.count()).toBe(0);

    // The new tables work: a membership, an outbox in order, a merge over the old local row.
    await saveMembership(db, membership());
    const first = await enqueue(db, { kind: 'release', body: { key: 'x:7' } }, 10);
    const second = await enqueue(db, { kind: 'state', body: { key: 'x:7', state: 'replied' } }, 11);
    expect((await outboxHead(db)).map((e) => e.opId)).toEqual([first.opId, second.opId]);
    await mergeItems(db, [teamItem('7', { version: 2, state: 'escalated', assignee: ME })], ME.id, 20);
    expect((await db.queue.get('x:7'))?.state).toBe('escalated');
    expect((await db.teamItems.get('x:7'))?.assigneeName).toBe('Dana');
    db.close();
  });
});
