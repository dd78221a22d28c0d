// @vitest-environment node
/** The chaos run's double-claim check counts only overlaps it can be sure of. */
import { describe, expect, it } from 'vitest';
import { countDoubleClaims, type Holding } from '../../../server/chaos';

const h = (memberId: string, from: number, to: number, key = 'x:1', team: 'A' | 'B' = 'A'): Holding => ({ key, team, memberId, from, to });

describe('countDoubleClaims', () => {
  it.each([
    ['one holder', [h('ann', 0, 10)], 0],
    ['one after the other', [h('ann', 0, 10), h('bob', 10, 20)], 0],
    ['overlapping members', [h('ann', 0, 10), h('bob', 5, 20)], 1],
    ['the same member twice', [h('ann', 0, 10), h('ann', 5, 20)], 0],
    ['other items', [h('ann', 0, 10), h('bob', 5, 20, 'x:2')], 0],
    ['other teams', [h('ann', 0, 10), h('bob', 5, 20, 'x:1', 'B')], 0],
    ['three at once', [h('ann', 0, 10), h('bob', 1, 10), h('cy', 2, 10)], 3],
  ])('%s', (_label, holdings, expected) => {
    expect(countDoubleClaims(holdings)).toBe(expected);
  });
});
