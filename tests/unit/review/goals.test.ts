import { describe, expect, it } from 'vitest';
import { goalProgress, meetsTarget, quarterOf, trendOf } from '../../../lib/review/goals';
import { buildRollups } from '../../../lib/review/rollups';
import { GoalSchema } from '../../../lib/schemas/review';
import { tzOf } from './fixtures';
import { entry, mention } from './helpers';

const DAY = 86_400_000;
const W1 = Date.UTC(2026, 9, 5, 12); // Monday 2026-10-05 (ISO week 41)

const goal = GoalSchema.parse({
  id: 'g1',
  objective: 'Answer every unhappy customer while they still care',
  keyResults: [
    { id: 'answered', metric: 'complaintsAnsweredPct', comparator: 'gte', target: 75 },
    { id: 'frt', metric: 'medianFrtBusinessMin', comparator: 'lte', target: 30 },
  ],
  createdAt: 0,
  updatedAt: 0,
});

// Week 41: 1 of 2 complaints answered, FRT 60 min. Week 42: 2 of 2 answered, FRT 10 and 20 min.
const entries = [
  entry({ agent: 'ann', repliedAt: W1, frtMin: 60 }),
  entry({ agent: 'ann', repliedAt: W1 + 7 * DAY, frtMin: 10 }),
  entry({ agent: 'bob', repliedAt: W1 + 8 * DAY, frtMin: 20 }),
];
const mentions = [
  mention({ agent: 'ann', firstSeenAt: W1 - 3_600_000, complaint: true, state: 'replied', repliedAt: W1 }),
  mention({ agent: 'bob', firstSeenAt: W1, complaint: true, state: 'new' }),
  mention({ agent: 'ann', firstSeenAt: W1 + 7 * DAY, complaint: true, state: 'replied', repliedAt: W1 + 7 * DAY }),
  mention({ agent: 'bob', firstSeenAt: W1 + 8 * DAY, complaint: true, state: 'replied', repliedAt: W1 + 8 * DAY }),
];
const rollups = [...buildRollups(entries, mentions, tzOf).values()];

describe('goal progress', () => {
  const p = goalProgress(goal, rollups, '2026-10-14');

  it('defaults to the current quarter and stops at today', () => {
    expect(p).toMatchObject({ fromDay: '2026-10-01', toDay: '2026-12-31', asOfDay: '2026-10-14' });
  });

  it('weekly check-in: value per week, value to date, on track', () => {
    const answered = p.keyResults[0];
    expect(answered?.value).toBe(75);
    expect(answered?.met).toBe(true);
    expect(answered?.weekly.map((w) => [w.week, w.value, w.toDate, w.onTrack])).toEqual([
      ['2026-W40', null, null, null], // 1–4 Oct: no complaints yet
      ['2026-W41', 50, 50, false],
      ['2026-W42', 100, 75, true],
    ]);
    expect(answered?.trend).toBe('improving');
    const frt = p.keyResults[1];
    expect(frt?.value).toBe(20);
    expect(frt?.weekly.map((w) => w.value)).toEqual([null, 60, 15]);
    expect(frt?.trend).toBe('improving'); // falling FRT is good for a ≤ target
    expect(p.keyResultsMet).toBe(2);
  });

  it('contributors: per-agent values', () => {
    expect(p.keyResults[1]?.contributors).toEqual([
      { agent: 'ann', value: 35, met: false },
      { agent: 'bob', value: 20, met: true },
    ]);
    expect(p.keyResults[0]?.contributors).toEqual([
      { agent: 'ann', value: 100, met: true },
      { agent: 'bob', value: 50, met: false },
    ]);
  });

  it('an explicit period and scope are honoured', () => {
    const scoped = GoalSchema.parse({ ...goal, period: { fromDay: '2026-10-12', toDay: '2026-10-18' }, scope: { agents: ['bob'] } });
    const q = goalProgress(scoped, rollups, '2026-12-01');
    expect(q.asOfDay).toBe('2026-10-18');
    expect(q.keyResults.map((k) => k.value)).toEqual([100, 20]);
  });
});

describe('goal helpers', () => {
  it.each([
    ['2026-01-01', '2026-01-01', '2026-03-31'],
    ['2026-05-31', '2026-04-01', '2026-06-30'],
    ['2026-11-23', '2026-10-01', '2026-12-31'],
    ['2028-02-29', '2028-01-01', '2028-03-31'],
  ])('quarter of %s is %s…%s', (day, fromDay, toDay) => {
    expect(quarterOf(day)).toEqual({ fromDay, toDay });
  });

  it.each([
    [[1, 2, 3], 'gte', 'improving'],
    [[1, 2, 3], 'lte', 'worsening'],
    [[5, null, 5], 'gte', 'flat'],
    [[null, 4], 'gte', 'unknown'],
    [[90, 80, 85, 70], 'gte', 'worsening'],
  ] as const)('trend of %j (%s) is %s', (values, cmp, trend) => {
    expect(trendOf(values, cmp)).toBe(trend);
  });

  it.each([
    [95, 'gte', 95, true],
    [94.9, 'gte', 95, false],
    [30, 'lte', 30, true],
    [null, 'lte', 30, null],
  ] as const)('%s %s %s → %s', (value, comparator, target, met) => {
    expect(meetsTarget(value, { comparator, target })).toBe(met);
  });
});
