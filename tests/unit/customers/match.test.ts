import { describe, expect, it } from 'vitest';
import { AUTO_LINK_CONFIDENCE, isStrongMatch, matchAuthor, namesAgree, type CustomerLookup, type PostAuthor } from '../../../lib/customers/match';
import { normaliseName } from '../../../lib/customers/normalise';
import { CustomerSchema, type Customer } from '../../../lib/schemas/customers';

function customer(id: string, fields: Partial<Customer>): Customer {
  const name = fields.name ?? '';
  return CustomerSchema.parse({ id, createdAt: 0, updatedAt: 0, nameKey: normaliseName(name), ...fields });
}

/** In-memory stand-in for the Dexie indexes (same keys the DB layer will index). */
function memoryLookup(customers: Customer[]): CustomerLookup & { calls: string[] } {
  const calls: string[] = [];
  const by = (label: string, pick: (c: Customer) => string[]) => async (key: string) => {
    calls.push(`${label}:${key}`);
    return customers.filter((c) => pick(c).includes(key));
  };
  return {
    calls,
    byXHandle: by('x', (c) => [c.xHandle]),
    byFacebookUrl: by('fb', (c) => [c.facebookUrl]),
    byNameKey: by('name', (c) => [c.nameKey]),
    byEmail: by('email', (c) => [c.email]),
    byOrderNumber: by('order', (c) => c.orderNumbers),
  };
}

const jane = customer('c-jane', { name: 'Jane Doe', email: 'jane@example.com', xHandle: 'jane_doe', orderNumbers: ['1001'] });
const janeTwin = customer('c-jane2', { name: 'Jane Doe', email: 'other.jane@example.com' });
const ivan = customer('c-ivan', { name: 'Иван Петров', orderNumbers: ['4512'], facebookUrl: 'https://www.facebook.com/ivan.petrov.7' });
const wang = customer('c-wang', { name: '王芳', orderNumbers: ['883921'] });
const bob = customer('c-bob', { name: 'Bob Stone', email: 'bob@example.com', orderNumbers: ['7777'] });
const shared1 = customer('c-s1', { name: 'Amy Poe', orderNumbers: ['5555'] });
const shared2 = customer('c-s2', { name: 'Zed Poe', orderNumbers: ['5555'] });
const all = [jane, janeTwin, ivan, wang, bob, shared1, shared2];

const x = (handle: string, name: string): PostAuthor => ({ site: 'x', handle, name });

describe('matchAuthor', () => {
  it.each<[string, PostAuthor, string, string | undefined, string | undefined, boolean]>([
    ['X handle', x('@Jane_Doe', 'JD'), 'hello', 'c-jane', 'handle', true],
    ['Facebook profile URL', { site: 'facebook', handle: '', name: 'Ваня', profileUrl: 'https://m.facebook.com/Ivan.Petrov.7/' }, 'привет', 'c-ivan', 'profileUrl', true],
    ['email in the post', x('someone', 'Someone'), 'my email is BOB@example.com', 'c-bob', 'email', true],
    ['order number + agreeing name', x('bobby', 'Bob Stone'), 'order #7777 is late', 'c-bob', 'orderNumber', true],
    ['order number + first name only agrees', x('bobby', 'Bob'), 'order #7777 is late', 'c-bob', 'orderNumber', true],
    ['order number alone', x('anon', 'Mystery Person'), 'order #7777 is late', 'c-bob', 'orderNumber', false],
    ['Russian order number + name', x('vanya', 'Иван Петров'), 'где мой заказ №4512?', 'c-ivan', 'orderNumber', true],
    ['Chinese order number + name', x('wf', '王 芳'), '我的订单号 883921 还没发货', 'c-wang', 'orderNumber', true],
    ['unique full name alone', x('ivan_p', 'Иван ПЕТРОВ'), 'привет', 'c-ivan', 'name', false],
    ['nothing known', x('nobody', 'Nobody Here'), 'great product', undefined, undefined, false],
  ])('%s', async (_label, author, text, customerId, by, strong) => {
    const { match } = await matchAuthor(author, text, memoryLookup(all));
    expect(match?.customerId).toBe(customerId);
    expect(match?.by).toBe(by);
    expect(isStrongMatch(match)).toBe(strong);
  });

  it('uses the confidence scale from the brief', async () => {
    const conf = async (author: PostAuthor, text: string): Promise<number | undefined> => (await matchAuthor(author, text, memoryLookup(all))).match?.confidence;
    expect(await conf(x('jane_doe', ''), '')).toBeCloseTo(0.95);
    expect(await conf(x('zz', ''), 'bob@example.com')).toBeCloseTo(0.9);
    expect(await conf(x('zz', 'Mystery Person'), 'order 7777')).toBeCloseTo(0.7);
    expect(await conf(x('zz', 'Иван Петров'), '')).toBeCloseTo(0.5);
  });

  it('quotes the evidence in `why`', async () => {
    const { match } = await matchAuthor(x('jane_doe', 'Jane Doe'), 'order #1001, mail jane@example.com', memoryLookup(all));
    expect(match?.why).toContain('handle @jane_doe');
    expect(match?.why).toContain('email jane@example.com');
    expect(match?.why).toContain('order #1001');
    expect(match?.confidence).toBeGreaterThan(0.95); // three kinds of evidence agree
    expect(match?.confidence).toBeLessThan(1);
  });

  it('never picks one of several customers with the same name', async () => {
    const { match, candidates } = await matchAuthor(x('jd_fan', 'Jane Doe'), 'hi', memoryLookup(all));
    expect(match).toBeUndefined();
    expect(candidates.map((c) => c.customerId).sort()).toEqual(['c-jane', 'c-jane2']);
    expect(candidates.every((c) => c.confidence < AUTO_LINK_CONFIDENCE)).toBe(true);
  });

  it('treats a single first name as weak even when unique', async () => {
    const lookup = memoryLookup([customer('c-cher', { name: 'Cher' })]);
    const { match } = await matchAuthor(x('cher_fan', 'Cher'), '', lookup);
    expect(match?.customerId).toBe('c-cher');
    expect(match?.confidence).toBeLessThan(0.5);
  });

  it('keeps an order number shared by two customers weak', async () => {
    const { match, candidates } = await matchAuthor(x('zz', 'Q'), 'order 5555', memoryLookup(all));
    expect(match).toBeUndefined();
    expect(candidates).toHaveLength(2);
  });

  it('caps conflicting strong evidence below the auto-link threshold and lists the runner-up', async () => {
    // The handle says Jane, the email in the post says Bob.
    const { match, candidates } = await matchAuthor(x('jane_doe', 'Jane Doe'), 'reply to bob@example.com', memoryLookup(all));
    expect(match?.customerId).toBe('c-jane');
    expect(isStrongMatch(match)).toBe(false);
    expect(match?.why).toContain('conflicts with c-bob');
    expect(candidates[0]?.customerId).toBe('c-bob');
  });

  it('looks up normalised keys only', async () => {
    const lookup = memoryLookup(all);
    await matchAuthor(x('https://x.com/Jane_Doe', 'Jane  DOE'), 'Order #a-10023 JANE@EXAMPLE.COM', lookup);
    expect(lookup.calls.sort()).toEqual(['email:jane@example.com', 'name:jane doe', 'order:A-10023', 'x:jane_doe']);
  });

  it('does not look up a Facebook URL for X authors or a handle for Facebook authors', async () => {
    const lookup = memoryLookup(all);
    await matchAuthor({ site: 'facebook', handle: 'jane_doe', name: '', profileUrl: 'https://www.facebook.com/profile.php?id=123' }, '', lookup);
    expect(lookup.calls).toEqual(['fb:https://www.facebook.com/profile.php?id=123']);
  });
});

describe('namesAgree', () => {
  it.each<[string, string, boolean]>([
    ['Jane Doe', 'jane doe', true],
    ['Jane Doe', 'Jane', true],
    ['Jane', 'Jane Doe', true],
    ['Jane Doe', 'John Doe', false],
    ['王芳', '王 芳', true],
    ['王芳', '芳', false],
    ['Иван Петров', 'Иван', true],
    ['Иван Петров', '', false],
  ])('%s ~ %s = %s', (customerName, authorName, expected) => {
    expect(namesAgree(customer('c', { name: customerName }), authorName)).toBe(expected);
  });
});
