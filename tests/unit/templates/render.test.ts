import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TemplateSchema, RenderResultSchema, type TemplateContext } from '../../../lib/schemas/templates';
import { parseTemplate, pickVariant, renderTemplate, renderBody, TEMPLATE_VARIABLES } from '../../../lib/templates';

const template = (bodies: string[], siteBodies: { x?: string[]; facebook?: string[] } = {}) =>
  TemplateSchema.parse({ id: 't1', shortCode: 'ref', title: 'Refund', scope: 'shared', bodies, siteBodies, createdAt: 0, updatedAt: 0 });

const ctx: TemplateContext = {
  customer: { name: 'Anna Petrova', email: 'anna@example.com' },
  order: { number: 'A-1001', status: 'shipped' },
  agent: { name: 'Jo Doe', initials: 'JD' },
  post: { authorHandle: 'anna_p', authorName: 'Анна' },
  brand: { name: 'Acme', supportEmail: 'help@acme.test' },
};

const render = (body: string, context: TemplateContext = ctx, answers: Record<string, string> = {}) =>
  renderTemplate(template([body]), 'x', context, { answers });

describe('renderTemplate: values and fallbacks', () => {
  it.each([
    ['Hi {{customer.first_name}}!', ctx, 'Hi Anna!'], // derived from customer.name
    ['Hi {{ customer.first_name || "there" }}!', {}, 'Hi there!'],
    ["Hi {{customer.first_name || 'there'}}!", {}, 'Hi there!'],
    ['Hi {{customer.first_name || post.author_name || "there"}}', { post: { authorName: 'Анна' } }, 'Hi Анна'],
    ['Hi {{customer.first_name || post.author_name || "there"}}', { post: { authorName: '  ' } }, 'Hi there'],
    ['Order {{order.number}} — {{agent.name}}', ctx, 'Order A-1001 — Jo Doe'],
    ['@{{post.author_handle}} mail {{brand.support_email}}', ctx, '@anna_p mail help@acme.test'],
    ['{{brand.name}}: {{customer.name}}', ctx, 'Acme: Anna Petrova'],
    ['Say {{x.y || "a \\"quoted\\" word"}}'.replace('x.y', 'agent.name'), {}, 'Say a "quoted" word'],
    ["{{customer.first_name || 'it\\'s you'}}", {}, "it's you"],
    ['{{customer.first_name || "}}"}}', {}, '}}'],
    ['{{customer.first_name || ""}}Hello', {}, 'Hello'], // an explicit empty fallback is the author's choice
    ['{{customer.first_name}}', { customer: { firstName: 'Zoë', name: 'Anna' } }, 'Zoë'],
    ['{{agent.first_name}}^{{agent.initials}}', ctx, 'Jo^JD'],
    ['您好 {{customer.first_name || "朋友"}}', {}, '您好 朋友'],
  ])('%s', (body, context, expected) => {
    const r = render(body, context);
    expect(r).toMatchObject({ ok: true, text: expected });
  });

  it.each(['undefined', 'null', ' NULL ', '', '   '])('a value spelled %j counts as missing', (value) => {
    const r = render('Hi {{customer.first_name}}', { customer: { firstName: value } });
    expect(r.ok).toBe(false);
  });
});

describe('renderTemplate: blocking', () => {
  it('reports a missing variable with its position instead of a blank', () => {
    const body = 'Hi {{customer.first_name}}, order {{order.number}} shipped.';
    const r = render(body, { customer: { name: 'Bo' } });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.missing).toHaveLength(1);
    const m = r.missing[0]!;
    expect(m.variable).toBe('order.number');
    expect(body.slice(m.start, m.end)).toBe('{{order.number}}');
  });

  it('a chain with no value anywhere reports its first variable', () => {
    const body = '{{customer.first_name || post.author_name}}';
    const r = render(body, {});
    expect(r).toMatchObject({ ok: false, missing: [{ variable: 'customer.first_name', start: 0, end: body.length }] });
  });

  it('reports prompts and fills them from answers', () => {
    const body = 'Sorry about {{?what went wrong}}. Fixed by {{? when }}.';
    const open = render(body);
    expect(open.ok).toBe(false);
    expect(open.prompts.map((p) => [p.label, body.slice(p.start, p.end), p.answered])).toEqual([
      ['what went wrong', '{{?what went wrong}}', false],
      ['when', '{{? when }}', false],
    ]);
    const partly = render(body, ctx, { 'what went wrong': 'the late parcel' });
    expect(partly.ok).toBe(false);
    const done = render(body, ctx, { 'what went wrong': 'the late parcel', when: 'Friday' });
    expect(done).toMatchObject({ ok: true, text: 'Sorry about the late parcel. Fixed by Friday.' });
  });

  it.each([
    ['Hi {{customer.nickname}}', 'unknownVariable', '{{customer.nickname}}'],
    ['Hi {{customer.first_name || nope.x || "a"}}', 'unknownVariable', '{{customer.first_name || nope.x || "a"}}'],
    ['A {{}} B', 'malformed', '{{}}'],
    ['A {{customer.name customer.email}} B', 'malformed', '{{customer.name customer.email}}'],
    ['A {{customer.name || }} B', 'malformed', '{{customer.name || }}'],
    ['A {{ "unterminated }} B', 'malformed', '{{ "unterminated }}'],
    ['A {{?}} B', 'emptyPrompt', '{{?}}'],
  ])('%s → %s', (body, code, span) => {
    const r = render(body);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toHaveLength(1);
    const e = r.errors[0]!;
    expect(e.code).toBe(code);
    expect(body.slice(e.start, e.end)).toBe(span);
  });

  it.each([
    ['Use {{ to open', 'Use {{ to open'],
    ['a {{ b {{brand.name}}', 'a {{ b Acme'],
    ['set {a} and }} here', 'set {a} and }} here'],
    ["{{it's}} nope {{brand.name}}", undefined],
  ])('lone braces are text: %s', (body, expected) => {
    const r = render(body);
    if (expected === undefined) expect(r.ok).toBe(false);
    else expect(r).toMatchObject({ ok: true, text: expected });
  });
});

describe('renderTemplate: plain text only', () => {
  it('template markup stays literal text', () => {
    const body = '<b>Hi</b> <script>alert(1)</script> {{brand.name}} &amp;';
    expect(render(body)).toMatchObject({ ok: true, text: '<b>Hi</b> <script>alert(1)</script> Acme &amp;' });
  });
  it('variable values are inserted verbatim and never expanded again', () => {
    const evil = '<img src=x onerror=alert(1)> {{brand.support_email}}';
    const r = render('Hi {{customer.first_name}}', { customer: { firstName: evil }, brand: { supportEmail: 'LEAK' } });
    expect(r).toMatchObject({ ok: true, text: `Hi ${evil}` });
    const full = render('Hi {{customer.name}}', { customer: { name: evil }, brand: { supportEmail: 'LEAK' } });
    expect(full).toMatchObject({ ok: true, text: `Hi ${evil}` });
  });
});

describe('variants', () => {
  const t = template(['A {{brand.name}}', 'B {{brand.name}}', 'C'], { x: ['X1', 'X2'], facebook: ['  '] });
  it('per-site bodies replace the shared ones', () => {
    expect(renderTemplate(t, 'x', ctx, { variantIndex: 1 })).toMatchObject({ ok: true, text: 'X2', variantCount: 2 });
    // Blank site bodies fall back to the shared wordings.
    expect(renderTemplate(t, 'facebook', ctx, { variantIndex: 1 })).toMatchObject({ ok: true, text: 'B Acme', variantCount: 3 });
  });
  it.each([
    [0, 0],
    [4, 1],
    [-1, 2],
    [Number.NaN, 0],
  ])('variantIndex %d wraps to %d', (requested, index) => {
    expect(renderTemplate(t, 'facebook', ctx, { variantIndex: requested }).variantIndex).toBe(index);
  });
  it('pickVariant rotates by number and is stable by string seed', () => {
    expect([0, 1, 2, 3].map((n) => pickVariant(t, 'facebook', n).body)).toEqual(['A {{brand.name}}', 'B {{brand.name}}', 'C', 'A {{brand.name}}']);
    expect(pickVariant(t, 'facebook', 'x:123').index).toBe(pickVariant(t, 'facebook', 'x:123').index);
    const seen = new Set(Array.from({ length: 40 }, (_, i) => pickVariant(t, 'facebook', `x:${i}`).index));
    expect(seen.size).toBe(3);
  });
});

describe('catalogue', () => {
  it('every catalogued variable renders from a full context', () => {
    for (const v of TEMPLATE_VARIABLES) {
      expect(renderBody(`{{${v.name}}}`, ctx).missing, v.name).toEqual([]);
    }
  });
});

describe('properties', () => {
  const names = TEMPLATE_VARIABLES.map((v) => v.name);
  const piece = fc.oneof(
    fc.string({ maxLength: 12 }),
    fc.constantFrom(...names).map((n) => `{{${n}}}`),
    fc.tuple(fc.constantFrom(...names), fc.string({ maxLength: 6 })).map(([n, s]) => `{{${n} || ${JSON.stringify(s)}}}`),
    fc.constantFrom('{{', '}}', '{{?why}}', '{{ | }}', '"', "'", '\\', '{{customer.name ||'),
  );
  const body = fc.array(piece, { maxLength: 8 }).map((p) => p.join(''));
  const value = fc.option(fc.oneof(fc.string({ maxLength: 10 }), fc.constantFrom('undefined', 'null', ' ', '')), { nil: undefined });
  const context = fc.record(
    {
      customer: fc.record({ name: value, firstName: value, email: value }, { requiredKeys: [] }),
      order: fc.record({ number: value }, { requiredKeys: [] }),
      agent: fc.record({ name: value, initials: value }, { requiredKeys: [] }),
      post: fc.record({ authorHandle: value, authorName: value }, { requiredKeys: [] }),
      brand: fc.record({ name: value, supportEmail: value }, { requiredKeys: [] }),
    },
    { requiredKeys: [] },
  );
  const hasWord = (s: string) => /undefined|null/iu.test(s);

  it('never throws, always matches the schema, never emits undefined/null it was not given', () => {
    fc.assert(
      fc.property(body, context, fc.integer(), (b, c, vi) => {
        const r = renderTemplate(template([b.length > 0 ? b : 'x']), 'x', c, { variantIndex: vi, answers: { why: 'because' } });
        expect(RenderResultSchema.safeParse(r).success).toBe(true);
        if (r.ok && !hasWord(b)) expect(hasWord(r.text)).toBe(false);
      }),
      { numRuns: 300 },
    );
  }, 30_000); // generous: CI machines here are shared and slow

  it('parses arbitrary strings without throwing and covers the body with ordered segments', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (s) => {
        const { segments } = parseTemplate(s);
        let at = 0;
        for (const seg of segments) {
          expect(seg.start).toBe(at);
          at = seg.end;
        }
        expect(at).toBe(s.length);
      }),
    );
  });

  it('a body without braces renders to itself', () => {
    fc.assert(
      fc.property(fc.string().filter((s) => !s.includes('{{') && s.trim() !== ''), (s) => {
        expect(renderTemplate(template([s]), 'x', {})).toMatchObject({ ok: true, text: s });
      }),
    );
  });
});
