import { describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { ImportStaging, commitImport, searchCustomers } from '@/lib/db/customers';
import { openDb } from '@/lib/db/db';
import { CustomerSchema, type Customer } from '@/lib/schemas/customers';
import { freshDb, post } from '../support/db';
import { V3_STORES } from '../support/schemaHistory';

const NOW = Date.UTC(2026, 11, 6, 10);
const customer = (id: string, extra: Partial<Customer> = {}): Customer =>
  CustomerSchema.parse({ id, name: `Name ${id}`, nameKey: `name ${id}`, email: `${id}@example.com`, createdAt: NOW, updatedAt: NOW, ...extra });

describe('import staging outlives the service worker', () => {
  it('a worker stopped between preview and confirm: a new one finds the staged import and commits it', async () => {
    const name = `replyline-staging-${Math.random().toString(36).slice(2)}`;
    // The first worker stages two chunks (the preview), then Chrome stops it.
    const first = openDb(name);
    const staging = new ImportStaging(first);
    await staging.add('imp-1', [customer('a'), customer('b')], NOW);
    expect(await staging.add('imp-1', [customer('c')], NOW)).toEqual({ staged: 3 });
    first.close();
    // The agent clicks "Import" later: a fresh worker, fresh objects, the same database.
    const second = openDb(name);
    const restarted = new ImportStaging(second);
    const staged = await restarted.read('imp-1');
    expect(staged?.map((c) => c.id)).toEqual(['a', 'b', 'c']);
    expect(await commitImport(second, staged ?? [], ['name', 'email'], NOW)).toEqual({ added: 3, updated: 0 });
    expect(await restarted.discard('imp-1')).toBe(true);
    expect(await second.importStaging.count()).toBe(0);
    second.close();
  });

  it('forgets imports abandoned for a day', async () => {
    const staging = new ImportStaging(freshDb());
    await staging.add('old', [customer('a')], NOW);
    await staging.add('new', [customer('b')], NOW + 25 * 3_600_000);
    expect(await staging.read('old')).toBeUndefined();
    expect((await staging.read('new'))?.map((c) => c.id)).toEqual(['b']);
  });
});

describe('searchCustomers (indexed, any word)', () => {
  const people = [
    customer('ivan', { name: 'Иван Петров', nameKey: 'иван петров', email: 'ivan.petrov@mail.ru', orderNumbers: ['A-2291'] }),
    customer('jose', { name: 'José Núñez', nameKey: 'jose nunez', email: 'jn@shop.es', xHandle: 'pepe_n' }),
    customer('lee', { name: 'Lee Smith', nameKey: 'lee smith', email: 'lee@example.com' }),
    customer('leeds', { name: 'Leeds Bakery', nameKey: 'leeds bakery', email: 'hello@leeds.example' }),
    customer('wang', { name: '王小明', nameKey: '王小明', email: 'wang@qq.com' }),
  ];

  it.each<[string, string, string[]]>([
    ['surname in Cyrillic', 'петров', ['ivan']],
    ['surname in Latin', 'Petrov', ['ivan']],
    ['part of the email', 'mail.ru', ['ivan']],
    ['order number digits', '2291', ['ivan']],
    ['order number as written', '#A-2291', ['ivan']],
    ['diacritics ignored', 'nunez', ['jose']],
    ['handle', '@pepe', ['jose']],
    ['Chinese given name', '小明', ['wang']],
    ['two words', 'smith lee', ['lee']],
    // A whole word before a word it only starts.
    ['exact word first', 'lee', ['lee', 'leeds']],
    ['nothing', 'sidorov', []],
  ])('%s: %j', async (_label, query, expected) => {
    const db = freshDb();
    await db.customers.bulkPut(people);
    expect((await searchCustomers(db, query)).map((c) => c.id)).toEqual(expected);
  });
});

describe('version 4 upgrade', () => {
  it('keeps every v3 row and makes old customers searchable and old posts re-matchable', async () => {
    const name = `replyline-v3-${Math.random().toString(36).slice(2)}`;
    const v3 = new Dexie(name);
    v3.version(3).stores(V3_STORES);
    await v3.table('customers').put(customer('olga', { name: 'Ольга Смирнова', nameKey: 'ольга смирнова', email: 'olga@example.com' }));
    await v3.table('posts').put(post('9', '@acme mail me: olga@example.com'));
    await v3.table('postAliases').put({ alias: 'facebook:fbh-1', key: 'facebook:pfbid1' });
    v3.close();

    const db = openDb(name);
    expect(await db.postAliases.count()).toBe(1);
    expect((await searchCustomers(db, 'smirnova')).map((c) => c.id)).toEqual(['olga']);
    expect(await db.posts.where('matchKeys').equals('e:olga@example.com').primaryKeys()).toEqual(['x:9']);
    expect(await db.importStaging.count()).toBe(0);
    db.close();
  });
});
