import { describe, expect, it } from 'vitest';
import { importCustomerCsv } from '@/lib/customers/csv';
import {
  ImportStaging,
  classifyHonouringLinks,
  commitImport,
  customerInteractions,
  deleteCustomer,
  linkCustomer,
  mergeCustomer,
  searchCustomers,
  unlinkCustomer,
  updateCustomerNotes,
  withLinkedCustomer,
} from '@/lib/db/customers';
import type { Classification } from '@/lib/db/ingest';
import { ingestPosts } from '@/lib/db/ingest';
import { classifyPost } from '@/lib/pipeline/classify';
import { CustomerSchema, type Customer } from '@/lib/schemas/customers';
import { ReplyLogEntrySchema } from '@/lib/schemas/replies';
import { brand, freshDb, post } from '../support/db';

const T0 = Date.UTC(2026, 0, 1);
const T1 = Date.UTC(2026, 5, 1);
const NOW = Date.UTC(2026, 10, 23, 12);
const noWait = (): Promise<void> => Promise.resolve();

const customer = (id: string, extra: Partial<Customer> = {}): Customer =>
  CustomerSchema.parse({ id, name: `Name ${id}`, nameKey: `name ${id}`, email: `${id}@example.com`, createdAt: T0, updatedAt: T0, ...extra });

const SHOPIFY_HEAD = 'Customer ID,First Name,Last Name,Email,Accepts Email Marketing,Total Spent,Total Orders,Note,Tax Exempt,Tags,Twitter';

describe('commitImport', () => {
  it('is atomic: an invalid record in a later chunk leaves existing customers untouched and adds nobody', async () => {
    const db = freshDb();
    const before = [customer('a', { notes: 'called twice', orderNumbers: ['1001'] }), customer('b')];
    await db.customers.bulkPut(before);
    const incoming: unknown[] = [
      customer('a', { name: 'Changed A', orderNumbers: ['2002'] }), // chunk 1: an update…
      customer('new1'), // …and an add, both written before chunk 2 fails
      customer('new2'),
      customer('new3'), // chunk 2
      { ...customer('broken'), email: 'x'.repeat(400) }, // longer than CustomerSchema allows
      customer('new4'),
    ];
    await expect(commitImport(db, incoming, ['name', 'email'], NOW, 3)).rejects.toThrow();
    expect(await db.customers.count()).toBe(2);
    // Parsed: stored rows also carry their index-only search tokens (lib/db/derivedFields.ts).
    expect((await db.customers.bulkGet(['a', 'b'])).map((c) => CustomerSchema.parse(c))).toEqual(before);
    expect(await db.customers.get('new1')).toBeUndefined();
  });

  it('counts adds and updates and writes all of them', async () => {
    const db = freshDb();
    await db.customers.put(customer('a'));
    const result = await commitImport(db, [customer('a'), customer('b'), customer('c')], ['email'], NOW, 2);
    expect(result).toEqual({ added: 2, updated: 1 });
    expect(await db.customers.count()).toBe(3);
  });

  it('re-importing the same CSV updates instead of duplicating, keeps createdAt, merges orders and notes', async () => {
    const db = freshDb();
    const first = [SHOPIFY_HEAD, "'1,Jane,Doe,jane@example.com,yes,120.00,2,VIP,no,vip,@jane_doe", "'2,Bob,Lee,bob@example.com,no,10.00,1,,no,,"].join('\n');
    const parsed1 = await importCustomerCsv(first, { now: T0, yieldToUi: noWait });
    expect(parsed1.parsed.format).toBe('shopify');
    await commitImport(db, parsed1.customers, ['firstName', 'lastName', 'email', 'totalSpent', 'orderCount', 'notes', 'tags'], T0);
    const jane = parsed1.customers.find((c) => c.email === 'jane@example.com');
    if (!jane) throw new Error('jane missing');
    // The agent wrote a note in Replyline between the two imports.
    await updateCustomerNotes(db, jane.id, { notes: 'Prefers DMs' }, T1);

    const second = [SHOPIFY_HEAD, "'1,Jane,Doe-Smith,jane@example.com,yes,180.00,3,VIP,no,loyal,@jane_doe"].join('\n');
    const parsed2 = await importCustomerCsv(second, { now: NOW, yieldToUi: noWait });
    const result = await commitImport(db, parsed2.customers, ['firstName', 'lastName', 'email', 'totalSpent', 'orderCount', 'notes', 'tags'], NOW);
    expect(result).toEqual({ added: 0, updated: 1 });
    expect(await db.customers.count()).toBe(2);
    const stored = await db.customers.get(jane.id);
    expect(stored).toMatchObject({ name: 'Jane Doe-Smith', createdAt: T0, updatedAt: NOW, orderCount: 3, totalSpent: 180, tags: ['vip', 'loyal'] });
    expect(stored?.notes).toBe('Prefers DMs\nVIP');
  });
});

describe('mergeCustomer', () => {
  const old = customer('a', { orderNumbers: ['1001', '1002'], orderCount: 2, totalSpent: 50, currency: 'USD', notes: 'likes red', tags: ['vip'], xHandle: 'ann' });
  it.each<[string, Partial<Customer>, readonly ('orderCount' | 'totalSpent' | 'email')[], Partial<Customer>]>([
    ['unions order numbers, count never below them', { orderNumbers: ['1002', '1003'], orderCount: 0 }, ['email'], { orderNumbers: ['1001', '1002', '1003'], orderCount: 3 }],
    ['takes the file\'s count and total when it has those columns', { orderCount: 7, totalSpent: 99, currency: 'EUR' }, ['orderCount', 'totalSpent'], { orderCount: 7, totalSpent: 99, currency: 'EUR' }],
    ['keeps stored totals when the file has no such column', { totalSpent: 0, currency: '' }, ['email'], { totalSpent: 50, currency: 'USD' }],
    ['keeps stored text the file leaves empty', { xHandle: '', notes: '' }, ['email'], { xHandle: 'ann', notes: 'likes red' }],
    ['does not repeat a note it already holds', { notes: 'likes red' }, ['email'], { notes: 'likes red' }],
    ['keeps createdAt', {}, ['email'], { createdAt: T0, updatedAt: NOW }],
  ])('%s', (_label, incoming, fields, expected) => {
    expect(mergeCustomer(old, customer('a', { createdAt: NOW, updatedAt: NOW, ...incoming }), fields, NOW)).toMatchObject(expected);
  });

  it('a new customer gets now as createdAt', () => {
    expect(mergeCustomer(undefined, customer('z'), [], NOW)).toMatchObject({ createdAt: NOW, updatedAt: NOW });
  });
});

describe('ImportStaging', () => {
  it('keeps chunks until read, ignores a repeated chunk; discard forgets', async () => {
    const staging = new ImportStaging(freshDb());
    expect(await staging.add('imp', [customer('a'), customer('b')], NOW)).toEqual({ staged: 2 });
    expect(await staging.add('imp', [customer('b'), customer('c')], NOW)).toEqual({ staged: 3 });
    expect((await staging.read('imp'))?.map((c) => c.id)).toEqual(['a', 'b', 'c']);
    await staging.add('other', [customer('a')], NOW);
    expect(await staging.discard('other')).toBe(true);
    expect(await staging.read('other')).toBeUndefined();
    expect(await staging.discard('other')).toBe(false);
  });

  it('refuses an import larger than its cap', async () => {
    const staging = new ImportStaging(freshDb(), 2);
    await expect(staging.add('imp', [customer('a'), customer('b'), customer('c')], NOW)).rejects.toThrow();
    expect(await staging.read('imp')).toBeUndefined();
  });
});

describe('queue links', () => {
  const classify = (p: Parameters<typeof classifyPost>[0], d: Parameters<typeof classifyPost>[1]) => classifyPost(p, d, NOW);

  async function seeded() {
    const db = freshDb();
    await db.brands.put(brand());
    await db.customers.bulkPut([
      // Only the display name agrees: a weak suggestion, never linked on its own.
      customer('weak', { name: 'Mary Major', nameKey: 'mary major', orderCount: 4, totalSpent: 300 }),
      customer('strong', { name: 'Jane Doe', nameKey: 'jane doe', xHandle: 'jane_doe', orderCount: 2 }),
    ]);
    return db;
  }

  it('a weak match is only a suggestion; Link makes it manual, confidence 1, and re-scores with the customer reason', async () => {
    const db = await seeded();
    await ingestPosts(db, [post('1', '@acme where is my parcel?', { authorHandle: 'mm_1990', authorName: 'Mary Major' })], classify, NOW);
    const before = await db.queue.get('x:1');
    expect(before?.customerMatch).toMatchObject({ customerId: 'weak', by: 'name' });
    expect(before?.customerId).toBeUndefined();
    expect(before?.reasonCodes).not.toContain('customer');

    const linked = await linkCustomer(db, 'x:1', 'weak', NOW + 1);
    expect(linked).toMatchObject({ customerId: 'weak', customerUnlinked: false, customerMatch: { customerId: 'weak', by: 'manual', confidence: 1 } });
    expect(linked.reasonCodes).toContain('customer');
    expect(linked.priority).toBeGreaterThan(before?.priority ?? 100);
    expect(linked.reasons.find((r) => r.code === 'customer')?.detail).toContain('Mary Major');

    // The post is seen again on the page: the agent's link wins over automatic matching.
    await ingestPosts(db, [post('1', '@acme where is my parcel?', { authorHandle: 'mm_1990', authorName: 'Mary Major' })], classifyHonouringLinks(NOW + 2), NOW + 2);
    const again = await db.queue.get('x:1');
    expect(again).toMatchObject({ customerId: 'weak', customerMatch: { by: 'manual' } });
    expect(again?.reasonCodes).toContain('customer');
  });

  it('Unlink clears a strong automatic link, removes the customer reason, and automatic matching stays off', async () => {
    const db = await seeded();
    const p = post('2', '@acme broken again', { authorHandle: 'jane_doe', authorName: 'Jane Doe' });
    await ingestPosts(db, [p], classify, NOW);
    const auto = await db.queue.get('x:2');
    expect(auto).toMatchObject({ customerId: 'strong', customerMatch: { by: 'handle' } });
    expect(auto?.reasonCodes).toContain('customer');

    const unlinked = await unlinkCustomer(db, 'x:2', NOW + 1);
    expect(unlinked.customerId).toBeUndefined();
    expect(unlinked.customerMatch).toBeUndefined();
    expect(unlinked.customerUnlinked).toBe(true);
    expect(unlinked.reasonCodes).not.toContain('customer');
    expect(unlinked.priority).toBeLessThan(auto?.priority ?? 0);

    await ingestPosts(db, [p], classifyHonouringLinks(NOW + 2), NOW + 2);
    const again = await db.queue.get('x:2');
    expect(again).toMatchObject({ customerUnlinked: true });
    expect(again?.customerId).toBeUndefined();
    expect(again?.reasonCodes).not.toContain('customer');

    // Linking by hand afterwards turns matching back on for this item.
    const relinked = await linkCustomer(db, 'x:2', 'strong', NOW + 3);
    expect(relinked).toMatchObject({ customerId: 'strong', customerUnlinked: false });
    expect(relinked.reasonCodes).toContain('customer');
  });

  it.each([
    ['an unknown queue item', 'x:404', 'weak'],
    ['an unknown customer', 'x:1', 'nobody'],
  ])('refuses to link %s', async (_label, key, customerId) => {
    const db = await seeded();
    await ingestPosts(db, [post('1', '@acme hi')], classify, NOW);
    await expect(linkCustomer(db, key, customerId, NOW)).rejects.toThrow();
  });

  it('deleting a customer detaches their queue items', async () => {
    const db = await seeded();
    await ingestPosts(db, [post('2', '@acme hi', { authorHandle: 'jane_doe' })], classify, NOW);
    await deleteCustomer(db, 'strong', NOW + 1);
    expect(await db.customers.get('strong')).toBeUndefined();
    const item = await db.queue.get('x:2');
    expect(item?.customerId).toBeUndefined();
    expect(item?.customerMatch).toBeUndefined();
  });
});

describe('customerInteractions', () => {
  it('lists queue items and logged replies for the customer only, newest first', async () => {
    const db = freshDb();
    await db.brands.put(brand());
    await db.customers.bulkPut([customer('c1', { xHandle: 'c_one' }), customer('c2', { xHandle: 'c_two' })]);
    const at = (h: number) => Date.UTC(2026, 10, 20, h);
    await ingestPosts(
      db,
      [
        post('10', '@acme first question', { authorHandle: 'c_one', createdAt: at(1) }),
        post('11', '@acme second complaint', { authorHandle: 'c_one', createdAt: at(5) }),
        post('12', '@acme someone else', { authorHandle: 'c_two', createdAt: at(3) }),
      ],
      (p, d) => classifyPost(p, d, NOW),
      NOW,
    );
    const entry = (id: string, postKey: string, customerId: string, repliedAt: number) =>
      ReplyLogEntrySchema.parse({
        id, postKey, site: 'x', brandId: 'acme', agent: 'Ann', customerId, text: `reply ${id}`, postCreatedAt: at(0), firstSeenAt: at(0),
        repliedAt, frtWallMs: 1, frtBusinessMs: 1, slaMet: true,
      });
    await db.replyLog.bulkPut([entry('r1', 'x:10', 'c1', at(2)), entry('r2', 'x:11', 'c1', at(6)), entry('r3', 'x:12', 'c2', at(4))]);

    const seen = await customerInteractions(db, 'c1');
    expect(seen.map((i) => (i.kind === 'queue' ? `post ${i.item.key}` : `reply ${i.entry.id}`))).toEqual(['reply r2', 'post x:11', 'reply r1', 'post x:10']);
    const firstPost = seen.find((i) => i.kind === 'queue');
    expect(firstPost?.kind === 'queue' && firstPost.postText).toBe('@acme second complaint');
    expect(await customerInteractions(db, 'nobody')).toEqual([]);
  });
});

describe('searchCustomers', () => {
  it.each([
    ['name start', 'mary', 'm'],
    ['email start', 'bob@ex', 'b'],
    ['handle with @', '@jane_d', 'j'],
    ['order number with #', '#a-1002', 'b'],
  ])('finds by %s', async (_label, query, expected) => {
    const db = freshDb();
    await db.customers.bulkPut([
      customer('m', { name: 'Mary Major', nameKey: 'mary major', email: 'mm@example.com' }),
      customer('b', { name: 'Bob Lee', nameKey: 'bob lee', email: 'bob@example.com', orderNumbers: ['A-1002'] }),
      customer('j', { name: 'Jane Doe', nameKey: 'jane doe', email: 'jd@example.com', xHandle: 'jane_doe' }),
    ]);
    expect((await searchCustomers(db, query)).map((c) => c.id)).toEqual([expected]);
  });
});

describe('withLinkedCustomer', () => {
  const classification = (reasons: { code: string; points: number }[]): Classification => ({
    matched: true,
    own: false,
    brandId: 'acme',
    terms: ['acme'],
    autoQueue: true,
    triage: {
      priority: Math.max(0, Math.min(100, reasons.reduce((s, r) => s + r.points, 0))),
      reasons: reasons.map((r) => ({ ...r, detail: '' })),
      complaint: false,
      question: false,
      praise: false,
    },
  });
  const buyer = customer('c', { name: 'Jane Doe', orderCount: 2, totalSpent: 10 });

  it.each<[string, { code: string; points: number }[], Customer | undefined, string[], number]>([
    ['adds the linked customer (full weight with orders)', [{ code: 'complaint', points: 25 }], buyer, ['customer', 'complaint'], 55],
    ['replaces an automatic customer reason', [{ code: 'customer', points: 21 }, { code: 'question', points: 15 }], buyer, ['customer', 'question'], 45],
    ['removes it when unlinked', [{ code: 'customer', points: 30 }, { code: 'question', points: 15 }], undefined, ['question'], 15],
    ['keeps a filtered post at 0 by re-balancing the noise damper', [{ code: 'question', points: 15 }, { code: 'spam.giveaway', points: -15 }], buyer, ['customer', 'question', 'spam.giveaway'], 0],
  ])('%s', (_label, reasons, linked, codes, priority) => {
    const out = withLinkedCustomer(classification(reasons), brand(), linked, NOW);
    expect(out.triage?.reasons.map((r) => r.code)).toEqual(codes);
    expect(out.triage?.priority).toBe(priority);
  });
});
