/**
 * The review heat map: volume by the hour customers posted (not when a browser saw the post), and
 * cover by the replies agents logged in that hour (not by the business hours on paper).
 */
import { describe, expect, it } from 'vitest';
import { heatCells, staffedUnion } from '@/components/review/model';
import { buildRollups, computeMetrics } from '@/lib/review';
import { DEFAULT_BUSINESS_HOURS } from '@/lib/schemas/settings';
import { drillDown } from '@/lib/review/drilldown';
import { entry, mention, MIN } from '../review/helpers';

const HOUR = 60 * MIN;
// Saturday 2026-11-28 02:00 UTC; the agent's browser saw every post on Sunday 08:00.
const SAT_0200 = Date.UTC(2026, 10, 28, 2);
const SUN_0800 = Date.UTC(2026, 10, 29, 8);
const posted = Array.from({ length: 9 }, (_, i) => SAT_0200 + i * 3.5 * HOUR); // Sat 02:00 … Sun 06:00
const mentions = posted.map((postCreatedAt) => mention({ postCreatedAt, firstSeenAt: SUN_0800 }));
const staffed = staffedUnion([DEFAULT_BUSINESS_HOURS]);

describe('heat map by the post’s own time', () => {
  it('files each post under the weekday and hour it was posted', () => {
    const m = computeMetrics(buildRollups([], mentions, () => 'UTC').values());
    const cells = heatCells(m.mentionGrid, m.replyGrid, staffed);
    const busy = cells.filter((c) => c.value > 0).map((c) => `${c.weekday}@${c.hour}:${c.value}`);
    expect(busy).toEqual(['0@2:1', '0@6:1', '6@2:1', '6@5:1', '6@9:1', '6@12:1', '6@16:1', '6@19:1', '6@23:1']);
    expect(cells.find((c) => c.weekday === 0 && c.hour === 8)?.value).toBe(0);
    expect(cells.reduce((s, c) => s + c.value, 0)).toBe(9);
  });

  it('drills into the same posts the cell counts', () => {
    const p = drillDown({}, { kind: 'mentionSlot', weekday: 6, hour: 2 }, () => 'UTC');
    expect(mentions.filter(p.mention)).toHaveLength(1);
    const seenHour = drillDown({}, { kind: 'mentionSlot', weekday: 0, hour: 8 }, () => 'UTC');
    expect(mentions.filter(seenHour.mention)).toHaveLength(0);
  });
});

describe('cover by logged activity', () => {
  const grid = new Array<number>(168).fill(0);
  const replies = new Array<number>(168).fill(0);
  grid[6 * 24 + 10] = 5; // Saturday 10:00, busy, nobody replied
  grid[6 * 24 + 14] = 5; // Saturday 14:00, busy, an agent replied (weekend cover)
  replies[6 * 24 + 14] = 2;
  grid[1 * 24 + 10] = 5; // Monday 10:00, business hours, but no reply logged
  grid[1 * 24 + 11] = 1; // quiet
  const at = (cells: ReturnType<typeof heatCells>, d: number, h: number) => cells[d * 24 + h];

  it.each([
    [6, 10, true, 'busy, off hours, no reply'],
    [6, 14, false, 'busy, off hours, covered by replies'],
    [1, 10, true, 'busy in business hours with nobody replying'],
    [1, 11, false, 'quiet'],
    [3, 3, false, 'empty'],
  ])('%i@%i peak=%s (%s)', (d, h, peak) => {
    expect(at(heatCells(grid, replies, staffed), d, h)?.peak).toBe(peak);
  });

  it('marks staffed hours as such, independent of cover', () => {
    const cells = heatCells(grid, replies, staffed);
    expect(at(cells, 1, 10)?.staffed).toBe(true);
    expect(at(cells, 6, 14)?.staffed).toBe(false);
  });

  it('counts replies from the reply log into the cover', () => {
    const sat14 = Date.UTC(2026, 10, 28, 14, 20);
    const m = computeMetrics(buildRollups([entry({ repliedAt: sat14 })], [], () => 'UTC').values());
    expect(m.replyGrid[6 * 24 + 14]).toBe(1);
  });
});
