import { describe, expect, it } from 'vitest';
import { buildTemplateContext, initialsOf, latestOrder, withOverrides } from '../../../lib/compose';
import { renderTemplate } from '../../../lib/templates';

const customer = { name: 'Jane Doe', email: 'jane@example.com', orders: [], orderNumbers: ['10023', '10419'] };
const post = { text: 'my tent is broken', authorHandle: 'jane_doe_hikes', authorName: 'Jane D.' };
const brand = { name: 'Acme Outdoor', supportEmail: 'help@acme.example' };

describe('buildTemplateContext', () => {
  it.each([
    ['order number written in the post wins', 'order #10023 never came', '10023'],
    ['keyword order in Russian', 'заказ 10388 не пришёл', '10388'],
    ['no number in the post → the customer’s latest order', 'still waiting!', '10419'],
    ['a year hashtag is not an order', 'best tent of #2025', '10419'],
  ])('%s', (_name, text, expected) => {
    const ctx = buildTemplateContext({ post: { ...post, text }, customer, agentName: 'Sam Lee', brand });
    expect(ctx.order?.number).toBe(expected);
  });

  it('fills every variable the demo templates use', () => {
    const ctx = buildTemplateContext({ post, customer, agentName: ' Sam Lee ', brand });
    expect(ctx).toMatchObject({
      customer: { name: 'Jane Doe', firstName: 'Jane', email: 'jane@example.com' },
      agent: { name: 'Sam Lee', initials: 'SL' },
      post: { authorHandle: 'jane_doe_hikes', authorName: 'Jane D.' },
      brand: { name: 'Acme Outdoor', supportEmail: 'help@acme.example' },
    });
  });

  it('leaves unknown data absent (so rendering blocks or falls back, never "undefined")', () => {
    const ctx = buildTemplateContext({ post: { text: 'hi', authorHandle: '', authorName: '' }, agentName: '' });
    const r = renderTemplate({ bodies: ['Hi {{customer.first_name}} – {{agent.name}}'], siteBodies: {} }, 'x', ctx);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.missing.map((m) => m.variable)).toEqual(['customer.first_name', 'agent.name']);
  });

  it('uses the dated latest order and its status only for that order', () => {
    const withOrders = { ...customer, orders: [{ number: 'A1', date: 5, status: 'shipped' }, { number: 'B2', date: 9, status: 'packed' }] };
    expect(latestOrder(withOrders)).toEqual({ number: 'B2', status: 'packed' });
    expect(buildTemplateContext({ post, customer: withOrders }).order).toEqual({ number: 'B2', status: 'packed' });
    expect(buildTemplateContext({ post: { ...post, text: 'order #10023' }, customer: withOrders }).order).toEqual({ number: '10023', status: undefined });
  });

  it.each([
    ['Sam Lee', 'SL'],
    ['sam', 'S'],
    ['  ', undefined],
    ['Анна Петрова', 'АП'],
  ])('initialsOf(%j) = %j', (name, expected) => {
    expect(initialsOf(name)).toBe(expected);
  });

  it('agent-typed values fill the fields their variables read', () => {
    const ctx = withOverrides({}, { 'customer.first_name': ' Jo ', 'order.number': '777', 'nope.x': 'ignored' });
    const r = renderTemplate({ bodies: ['Hi {{customer.first_name}}, order {{order.number}}'], siteBodies: {} }, 'x', ctx);
    expect(r).toMatchObject({ ok: true, text: 'Hi Jo, order 777' });
  });
});
