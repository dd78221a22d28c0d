import { describe, expect, it } from 'vitest';
import { buildRollups } from '../../../lib/review/rollups';
import { computeMetrics, groupMetrics } from '../../../lib/review/metrics';
import { computeMetricsDirect } from '../../../lib/review/reference';
import { volumeVsStaffing } from '../../../lib/review/staffing';
import { BusinessHoursSchema } from '../../../lib/schemas/settings';
import { tzOf } from './fixtures';
import { entry, mention } from './helpers';

const MON = Date.UTC(2026, 10, 23); // Monday 2026-11-23 00:00 UTC
const H = 3_600_000;

const entries = [
  entry({ agent: 'ann', repliedAt: MON + 9 * H, frtMin: 5, templateId: 't1', text: 'Hi Anna, order 1 shipped', postAuthor: 'Anna', reasonCodes: ['complaint'] }),
  entry({ agent: 'ann', repliedAt: MON + 10 * H, frtMin: 10, templateId: 't1', text: 'Hi Boris, order 22 shipped', postAuthor: 'Boris' }),
  entry({ agent: 'bob', repliedAt: MON + 11 * H, frtMin: 20, text: 'Custom answer', reasonCodes: ['complaint', 'question'], toneWarningsOverridden: 2 }),
  entry({ agent: 'bob', repliedAt: MON + 24 * H + 9 * H, frtMin: 40, text: 'hi chen, order 333 shipped', postAuthor: 'Chen', escalated: true }),
  entry({ agent: 'bob', repliedAt: MON + 24 * H + 15 * H, frtMin: 120, frtBizMin: 60, site: 'facebook', text: 'Another custom one' }),
];
const mentions = [
  mention({ agent: 'ann', firstSeenAt: MON + 8 * H, complaint: true, state: 'replied', repliedAt: MON + 9 * H, reasonCodes: ['complaint'] }),
  mention({ agent: 'ann', firstSeenAt: MON + 8 * H, complaint: true, state: 'new', reasonCodes: ['complaint'] }),
  mention({ agent: 'bob', firstSeenAt: MON + 9 * H, complaint: false, state: 'dismissed', dismissReason: 'spam' }),
  mention({ agent: 'bob', firstSeenAt: MON + 9 * H, state: 'dismissed', dismissReason: 'spam' }),
  mention({ agent: 'bob', firstSeenAt: MON + 20 * H, state: 'dismissed' }),
  mention({ agent: 'bob', firstSeenAt: MON + 21 * H, state: 'escalated' }),
  mention({ agent: 'bob', firstSeenAt: MON + 22 * H, state: 'snoozed' }),
  mention({ agent: 'ann', firstSeenAt: MON + 23 * H, complaint: true, state: 'inProgress' }),
];
const rollups = [...buildRollups(entries, mentions, tzOf).values()];

describe('metrics on a hand-computed table', () => {
  const m = computeMetrics(rollups, {});

  it('first-response times: wall [5,10,20,40,120], business [5,10,20,40,60]', () => {
    expect(m.frtWallMin).toEqual({ count: 5, median: 20, p90: 120 });
    expect(m.frtBusinessMin).toEqual({ count: 5, median: 20, p90: 60 });
    expect(m.slaMet).toBe(5);
    expect(m.slaMetPct).toBe(100);
  });

  it('coverage: 3 complaints, 1 answered; 3 ignored of 8; dismissed by reason', () => {
    expect(m.complaints).toBe(3);
    expect(m.complaintsAnswered).toBe(1);
    expect(m.complaintsAnsweredPct).toBeCloseTo(100 / 3);
    // ignored = new + snoozed + inProgress (escalated and dismissed were handled)
    expect(m.ignored).toBe(3);
    expect(m.ignoredPct).toBe(37.5);
    expect(m.dismissed).toBe(3);
    expect(m.dismissedByReason).toEqual({ '': 1, spam: 2 });
  });

  it('quality: template share, repeats after normalising names and numbers, overrides, escalations', () => {
    expect(m.templated).toBe(2);
    expect(m.freeText).toBe(3);
    expect(m.templatePct).toBe(40);
    // "Hi Anna, order 1 shipped" ≈ "Hi Boris, order 22 shipped" ≈ "hi chen, order 333 shipped"
    expect(m.repeatReplies).toBe(3);
    expect(m.repeatRatePct).toBe(60);
    expect(m.toneOverrides).toBe(2);
    expect(m.repliesWithOverride).toBe(1);
    expect(m.escalations).toBe(1);
  });

  it('filters by agent, site, period and reason', () => {
    expect(computeMetrics(rollups, { agents: ['ann'] }).replies).toBe(2);
    expect(computeMetrics(rollups, { sites: ['facebook'] }).replies).toBe(1);
    expect(computeMetrics(rollups, { fromDay: '2026-11-24', toDay: '2026-11-24' }).replies).toBe(2);
    const complaint = computeMetrics(rollups, { reason: 'complaint' });
    expect(complaint.replies).toBe(2);
    expect(complaint.mentions).toBe(2);
    expect(complaint.frtWallMin.median).toBe(12.5);
    // Repeats are counted within the filtered set: alone, Anna's reply repeats nothing.
    expect(complaint.repeatReplies).toBe(0);
  });

  it('per-agent comparison and ISO-week trend', () => {
    const byAgent = groupMetrics(rollups, {}, 'agent');
    expect(Object.keys(byAgent)).toEqual(['ann', 'bob']);
    expect(byAgent.ann?.frtWallMin.median).toBe(7.5);
    expect(byAgent.bob?.frtWallMin).toEqual({ count: 3, median: 40, p90: 120 });
    expect(Object.keys(groupMetrics(rollups, {}, 'isoWeek'))).toEqual(['2026-W48']);
  });

  it('agrees with the direct reference implementation', () => {
    expect(computeMetrics(rollups, { reason: 'complaint' })).toEqual(computeMetricsDirect(entries, mentions, { reason: 'complaint' }, tzOf));
    expect(m).toEqual(computeMetricsDirect(entries, mentions, {}, tzOf));
  });
});

describe('hour × weekday in the brand time zone', () => {
  const slotCounts = (es: ReturnType<typeof entry>[]): Record<number, number> => {
    const grid = computeMetrics([...buildRollups(es, [], tzOf).values()], {}).replyGrid;
    return Object.fromEntries(grid.flatMap((n, i) => (n ? [[i, n]] : [])));
  };

  it('Shanghai (UTC+8): Monday 23:30 UTC is Tuesday 07:30 there, and on the next local day', () => {
    const e = entry({ brandId: 'huawen', repliedAt: MON + 23.5 * H });
    expect(slotCounts([e])).toEqual({ [2 * 24 + 7]: 1 });
    const r = [...buildRollups([e], [], tzOf).values()];
    expect(computeMetrics(r, { fromDay: '2026-11-24', toDay: '2026-11-24' }).replies).toBe(1);
    expect(computeMetrics(r, { fromDay: '2026-11-23', toDay: '2026-11-23' }).replies).toBe(0);
  });

  it('New York spring-forward (2026-03-08): 01:30 EST then 03:30 EDT, no 02:00 hour', () => {
    const es = [entry({ brandId: 'acme', repliedAt: Date.UTC(2026, 2, 8, 6, 30) }), entry({ brandId: 'acme', repliedAt: Date.UTC(2026, 2, 8, 7, 30) })];
    expect(slotCounts(es)).toEqual({ 1: 1, 3: 1 });
  });

  it('New York fall-back (2026-11-01): 01:30 EDT and 01:30 EST both land in Sunday 01:00', () => {
    const es = [entry({ brandId: 'acme', repliedAt: Date.UTC(2026, 10, 1, 5, 30) }), entry({ brandId: 'acme', repliedAt: Date.UTC(2026, 10, 1, 6, 30) })];
    expect(slotCounts(es)).toEqual({ 1: 2 });
  });

  it('staffed hours: split shifts and closed weekends mark which volume is uncovered', () => {
    const hours = BusinessHoursSchema.parse({
      timeZone: 'UTC',
      week: [[], [{ start: '09:00', end: '12:00' }, { start: '14:00', end: '18:00' }], [], [], [], [], []],
    });
    const grid = new Array<number>(168).fill(0);
    grid[24 + 10] = 4; // Monday 10:00, staffed
    grid[24 + 12] = 3; // Monday 12:00, lunch gap
    grid[0 * 24 + 10] = 2; // Sunday, closed
    grid[24 + 17] = 1; // Monday 17:00, staffed until 18:00
    const view = volumeVsStaffing(grid, new Array<number>(168).fill(0), hours);
    expect(view.mentionsOutsideHours).toBe(5);
    expect(view.mentionsOutsideHoursPct).toBe(50);
    expect(view.cells.filter((c) => c.staffed).map((c) => c.hour)).toEqual([9, 10, 11, 14, 15, 16, 17]);
  });
});
