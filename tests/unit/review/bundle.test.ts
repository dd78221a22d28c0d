import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MAX_ISSUES, buildBundle, duplicateIds, mergeBundles, parseBundle, planImport, serialiseBundle, mentionFromQueueItem, type LogSet } from '../../../lib/review/bundle';
import { QueueItemSchema } from '../../../lib/schemas/queue';
import { GoalSchema, type Goal } from '../../../lib/schemas/review';
import { arbEntry, arbMention } from './fixtures';
import { entry, mention } from './helpers';

const SLOW = 60_000; // property runs on a loaded CI machine

const T = Date.UTC(2026, 10, 23, 12);

function validBundle(): Record<string, unknown> {
  const b = buildBundle({
    agent: 'ann',
    exportedAt: T,
    period: { from: T - 86_400_000, to: T },
    entries: [entry({ id: 'r-1', repliedAt: T - 1000 }), entry({ id: 'r-2', repliedAt: T - 2000 })],
    mentions: [mention({ key: 'x:m1', firstSeenAt: T - 5000 })],
  });
  return JSON.parse(serialiseBundle(b));
}

describe('parseBundle', () => {
  it('round-trips an exported bundle (object or JSON text)', () => {
    const raw = validBundle();
    const a = parseBundle(raw);
    const b = parseBundle(JSON.stringify(raw));
    expect(a.ok && a.bundle.entries.map((e) => e.id)).toEqual(['r-2', 'r-1']);
    expect(b).toEqual(a);
  });

  it.each<[string, string, (b: Record<string, unknown>) => unknown, string]>([
    ['foreign file', 'foreignFormat', (b) => ({ ...b, format: 'something.else' }), 'format: expected "replyline.log-bundle", received "something.else"'],
    ['plain array', 'notObject', () => [1, 2], '(root): expected object'],
    ['future version', 'futureVersion', (b) => ({ ...b, version: 2 }), 'version: version 2 is newer than 1'],
    ['string version', 'badVersion', (b) => ({ ...b, version: '1' }), 'version: expected a positive integer, received "1"'],
    [
      'bad entry field',
      'invalid',
      (b) => ({ ...b, entries: [Reflect.get(b, 'entries')].flat().map((e: unknown, i) => (i === 1 ? { ...Object(e), repliedAt: 'yesterday' } : e)) }),
      'entries[1].repliedAt: expected number, received string (id "r-1")',
    ],
    [
      'missing mention field',
      'invalid',
      (b) => ({ ...b, mentions: [{ key: 'x:m1', site: 'x', brandId: 'b', state: 'replied', postCreatedAt: 1 }] }),
      'mentions[0].firstSeenAt: expected number, received undefined (id "x:m1")',
    ],
    ['bad period', 'invalid', (b) => ({ ...b, period: { from: -1, to: 0 } }), 'period.from: Too small: expected number to be >=0'],
  ])('%s → %s', (_name, code, mutate, message) => {
    const r = parseBundle(mutate(validBundle()));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe(code);
    expect(r.error.message).toBe(message);
  });

  it('reports unparseable text as notJson, and reports the version found', () => {
    const r = parseBundle('{"format":');
    expect(!r.ok && r.error.code).toBe('notJson');
    const f = parseBundle({ ...validBundle(), version: 7 });
    expect(!f.ok && f.error.version).toBe(7);
  });

  it('never throws on arbitrary JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const r = parseBundle(v);
        expect(r.ok ? 'ok' : r.error.code).toMatch(/^(ok|notJson|notObject|foreignFormat)$/);
      }),
    );
  });
});

const goalV = (updatedAt: number, objective: string): Goal =>
  GoalSchema.parse({
    id: 'g1',
    objective,
    keyResults: [
      { id: 'k1', metric: 'slaMetPct', comparator: 'gte', target: 90 },
      { id: 'k2', metric: 'ignoredPct', comparator: 'lte', target: 5 },
    ],
    createdAt: 0,
    updatedAt,
  });

const arbSet: fc.Arbitrary<LogSet> = fc.record({
  entries: fc.array(arbEntry(10), { maxLength: 15 }),
  mentions: fc.array(arbMention(10), { maxLength: 15 }),
  goals: fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.constantFrom('A', 'B')).map(([u, o]) => goalV(u, o)), { maxLength: 3 }),
});

describe('mergeBundles', () => {
  it('is idempotent: merge(merge(a, b), b) = merge(a, b), merge(a, a) = merge(a, ∅)', () => {
    fc.assert(
      fc.property(arbSet, arbSet, (a, b) => {
        const ab = mergeBundles(a, b);
        expect(mergeBundles(ab, b)).toEqual(ab);
        const empty = { entries: [], mentions: [], goals: [] };
        expect(mergeBundles(a, a)).toEqual(mergeBundles(a, empty));
      }),
    );
  }, SLOW);

  it('is order-independent: merge(a, b) = merge(b, a), and associative', () => {
    fc.assert(
      fc.property(arbSet, arbSet, arbSet, (a, b, c) => {
        expect(mergeBundles(a, b)).toEqual(mergeBundles(b, a));
        expect(mergeBundles(mergeBundles(a, b), c)).toEqual(mergeBundles(a, mergeBundles(b, c)));
      }),
    );
  }, SLOW);

  it('conflicts: later reply wins; an answered mention beats an unanswered one; earliest answer wins', () => {
    const old = entry({ id: 'same', repliedAt: T, text: 'first' });
    const newer = { ...old, repliedAt: T + 1, text: 'edited' };
    const m0 = mention({ key: 'x:k', firstSeenAt: T, state: 'new' });
    const m1 = { ...m0, state: 'replied' as const, repliedAt: T + 60_000, agent: 'bob' };
    const m2 = { ...m0, state: 'replied' as const, repliedAt: T + 30_000, agent: 'cy' };
    const merged = mergeBundles({ entries: [newer], mentions: [m0, m1], goals: [goalV(2, 'new')] }, { entries: [old], mentions: [m2], goals: [goalV(1, 'old')] });
    expect(merged.entries).toEqual([newer]);
    expect(merged.mentions).toEqual([m2]);
    expect(merged.goals.map((g) => g.objective)).toEqual(['new']);
  });

  it('planImport lists only what changes; importing the same bundle twice plans nothing', () => {
    // Each id has one agent here (ownership conflicts have their own test below).
    const owned = (s: LogSet): LogSet => ({ ...s, entries: s.entries.map((e) => ({ ...e, agent: `agent-${e.id}` })) });
    fc.assert(
      fc.property(arbSet.map(owned), arbSet.map(owned), (a, b) => {
        const base = mergeBundles(a, { entries: [], mentions: [], goals: [] });
        const asMaps = (s: LogSet) => ({
          entries: new Map(s.entries.map((e) => [e.id, e])),
          mentions: new Map(s.mentions.map((m) => [m.key, m])),
          goals: new Map(s.goals.map((g) => [g.id, g])),
        });
        const plan = planImport(asMaps(base), b);
        // Applying the plan gives the merge.
        const applied = asMaps(base);
        for (const c of plan.entries) applied.entries.set(c.next.id, c.next);
        for (const c of plan.mentions) applied.mentions.set(c.next.key, c.next);
        for (const c of plan.goals) applied.goals.set(c.next.id, c.next);
        const merged = mergeBundles(base, b);
        expect(mergeBundles({ entries: [...applied.entries.values()], mentions: [...applied.mentions.values()], goals: [...applied.goals.values()] }, { entries: [], mentions: [], goals: [] })).toEqual(merged);
        const again = planImport(asMaps(merged), b);
        expect(again.entries.length + again.mentions.length + again.goals.length).toBe(0);
        expect(again.counts.added + again.counts.updated).toBe(0);
      }),
    );
  }, SLOW);
});

describe('buildBundle', () => {
  it('keeps replies in the period and mentions seen or answered in it; maps queue items', () => {
    const item = QueueItemSchema.parse({
      key: 'x:q1', site: 'x', brandId: 'b', state: 'dismissed', priority: 10, rank: 1, dismissReason: 'spam',
      postCreatedAt: T - 10, queuedAt: T - 5, firstSeenAt: T - 10 * 86_400_000, updatedAt: T, repliedAt: T - 100,
    });
    const b = buildBundle({
      agent: 'ann', exportedAt: T, period: { from: T - 1000, to: T },
      entries: [entry({ id: 'in', repliedAt: T - 10 }), entry({ id: 'out', repliedAt: T - 5000 })],
      mentions: [mentionFromQueueItem(item, 'ann'), mention({ key: 'x:old', firstSeenAt: T - 5000 })],
    });
    expect(b.entries.map((e) => e.id)).toEqual(['in']);
    expect(b.mentions.map((m) => [m.key, m.agent, m.dismissReason])).toEqual([['x:q1', 'ann', 'spam']]);
    expect(b).toMatchObject({ format: 'replyline.log-bundle', version: 1 });
  });
});

describe("ownership: an agent's entries are changed only by that agent", () => {
  const asMap = (entries: readonly ReturnType<typeof entry>[]) => new Map(entries.map((e) => [e.id, e]));
  const none = { mentions: new Map(), goals: new Map() };

  it("a second agent's later copy of the first agent's entry id changes nothing and is a conflict", () => {
    const anns = entry({ id: 'r-1', agent: 'ann', repliedAt: T, text: 'ann wrote this' });
    const bobs = { ...anns, agent: 'bob', repliedAt: T + 60_000, text: 'bob overwrote it' };
    const plan = planImport({ entries: asMap([anns]), ...none }, { entries: [bobs], mentions: [], goals: [] });
    expect(plan.entries).toEqual([]);
    expect(plan.conflicts).toEqual([{ id: 'r-1', owner: 'ann', claimedBy: 'bob' }]);
    // The owner's own later export still updates it.
    const again = planImport({ entries: asMap([anns]), ...none }, { entries: [{ ...anns, repliedAt: T + 1 }], mentions: [], goals: [] });
    expect(again.entries).toHaveLength(1);
    expect(again.conflicts).toEqual([]);
  });

  it('property: no stored entry ever changes agent; every other claim is reported; file order does not matter', () => {
    fc.assert(
      fc.property(fc.array(arbEntry(8), { maxLength: 12 }), fc.array(arbEntry(8), { maxLength: 12 }), (stored, incoming) => {
        const existing = asMap(stored);
        const plan = planImport({ entries: existing, ...none }, { entries: incoming, mentions: [], goals: [] });
        for (const c of plan.entries) {
          const prev = existing.get(c.next.id);
          if (prev) expect(c.next.agent).toBe(prev.agent);
        }
        const written = new Set(plan.entries.map((c) => `${c.next.id}|${c.next.agent}`));
        for (const e of incoming) {
          const owner = existing.get(e.id)?.agent;
          if (owner !== undefined && owner !== e.agent) {
            expect(plan.conflicts).toContainEqual({ id: e.id, owner, claimedBy: e.agent });
            expect(written.has(`${e.id}|${e.agent}`)).toBe(false);
          }
        }
        const reversed = planImport({ entries: existing, ...none }, { entries: [...incoming].reverse(), mentions: [], goals: [] });
        expect(reversed.entries).toEqual(plan.entries);
        expect(reversed.conflicts).toEqual(plan.conflicts);
      }),
    );
  }, SLOW);
});

describe('bundles that cannot sink an import', () => {
  it('300,000 bad rows: rejected with the first issues named, never thrown', () => {
    const raw = validBundle();
    const bad = { id: 'r-x', repliedAt: 'yesterday' };
    const r = parseBundle({ ...raw, entries: Array.from({ length: 300_000 }, () => bad) });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('invalid');
    expect(r.error.issues.length).toBe(MAX_ISSUES);
    expect(r.error.message).toMatch(/^entries\[0\]\.\w+: .*\(id "r-x"\)$/);
  });

  it('a reply with more reason codes than the bound is named, not stored', () => {
    const raw = validBundle();
    const entries: unknown = Reflect.get(raw, 'entries');
    if (!Array.isArray(entries)) throw new Error('fixture');
    const codes = Array.from({ length: 200 }, (_, i) => `code${i}`);
    const r = parseBundle({ ...raw, entries: entries.map((e: unknown, i) => (i === 0 ? { ...Object(e), reasonCodes: codes } : e)) });
    expect(!r.ok && r.error.message).toMatch(/^entries\[0\]\.reasonCodes: /);
  });

  it('duplicate ids inside one file are listed', () => {
    const e1 = entry({ id: 'dup', repliedAt: T });
    const m = mention({ key: 'x:twice', firstSeenAt: T });
    expect(duplicateIds({ entries: [e1, { ...e1, repliedAt: T + 1 }, entry({ id: 'solo', repliedAt: T })], mentions: [m, m], goals: [] })).toEqual({ ids: ['entries:dup', 'mentions:x:twice'], total: 2 });
    expect(duplicateIds({ entries: [e1], mentions: [m], goals: [] })).toEqual({ ids: [], total: 0 });
  });
});

