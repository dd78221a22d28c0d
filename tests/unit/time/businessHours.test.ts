import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addBusinessMs,
  businessMsBetween,
  formatDurationParts,
  isBusinessTime,
  staffedHoursGrid,
  zonedWeekdayHour,
} from '../../../lib/time/businessHours';
import type { BusinessHours, Shift } from '../../../lib/schemas/settings';

const H = 3_600_000;
const M = 60_000;
const at = (iso: string): number => Date.parse(iso);

const shift = (start: string, end: string): Shift => ({ start, end });
/** Mon–Fri with the given shifts, weekends closed. */
const weekdays = (timeZone: string, ...shifts: Shift[]): BusinessHours => ({
  timeZone,
  week: [[], shifts, shifts, shifts, shifts, shifts, []],
});
const everyDay = (timeZone: string, ...shifts: Shift[]): BusinessHours => ({
  timeZone,
  week: Array.from({ length: 7 }, () => shifts),
});
const nineToFive = shift('09:00', '17:00');

const NY = weekdays('America/New_York', nineToFive);
const NY_ALL_DAY = everyDay('America/New_York', shift('00:00', '24:00'));
const LONDON = weekdays('Europe/London', nineToFive);
const MOSCOW = weekdays('Europe/Moscow', shift('10:00', '19:00'));
const SHANGHAI = weekdays('Asia/Shanghai', shift('09:00', '18:00'));
const LA = weekdays('America/Los_Angeles', nineToFive);
const SYDNEY_ALL_DAY = everyDay('Australia/Sydney', shift('00:00', '24:00'));
const SPLIT = weekdays('UTC', shift('09:00', '12:00'), shift('13:00', '17:00'));
const UTC_9_5 = weekdays('UTC', nineToFive);
const NY_SUNDAY_NIGHT: BusinessHours = { timeZone: 'America/New_York', week: [[shift('01:00', '03:00')], [], [], [], [], [], []] };
const FRIDAY_NIGHT: BusinessHours = { timeZone: 'UTC', week: [[], [], [], [], [], [shift('22:00', '06:00')], []] };
const CLOSED: BusinessHours = { timeZone: 'Europe/Berlin', week: [[], [], [], [], [], [], []] };

describe('businessMsBetween', () => {
  it.each<[string, string, string, BusinessHours, number]>([
    ['NY: Fri 16:00 EST → Mon 10:00 EDT across spring-forward weekend', '2026-03-06T21:00:00Z', '2026-03-09T14:00:00Z', NY, 2 * H],
    ['NY: spring-forward local day is 23 h', '2026-03-08T05:00:00Z', '2026-03-09T04:00:00Z', NY_ALL_DAY, 23 * H],
    ['NY: fall-back local day is 25 h', '2026-11-01T04:00:00Z', '2026-11-02T05:00:00Z', NY_ALL_DAY, 25 * H],
    ['NY: 01:00–03:00 on fall-back Sunday is 3 real hours', '2026-11-01T00:00:00Z', '2026-11-02T00:00:00Z', NY_SUNDAY_NIGHT, 3 * H],
    ['NY: 01:00–03:00 on spring-forward Sunday is 1 real hour', '2026-03-08T00:00:00Z', '2026-03-09T00:00:00Z', NY_SUNDAY_NIGHT, 1 * H],
    ['NY: two full weeks across DST are 80 h', '2026-03-02T05:00:00Z', '2026-03-16T04:00:00Z', NY, 80 * H],
    ['London: Fri 16:00 GMT → Mon 10:00 BST', '2026-03-27T16:00:00Z', '2026-03-30T09:00:00Z', LONDON, 2 * H],
    ['London: Fri 16:00 BST → Mon 10:00 GMT (autumn)', '2026-10-23T15:00:00Z', '2026-10-26T10:00:00Z', LONDON, 2 * H],
    ['Moscow (+3, no DST): 09:00 → 20:00 local', '2026-03-02T06:00:00Z', '2026-03-02T17:00:00Z', MOSCOW, 9 * H],
    ['Shanghai: UTC Sunday is local Monday morning', '2026-03-01T23:00:00Z', '2026-03-02T03:00:00Z', SHANGHAI, 2 * H],
    ['Los Angeles: UTC Saturday 00:00 is local Friday 16:00', '2026-01-10T00:00:00Z', '2026-01-10T12:00:00Z', LA, 1 * H],
    ['Sydney: southern-hemisphere DST end day is 25 h', '2026-04-04T13:00:00Z', '2026-04-05T14:00:00Z', SYDNEY_ALL_DAY, 25 * H],
    ['split shift: Mon 11:00 → 14:00 skips lunch', '2026-03-02T11:00:00Z', '2026-03-02T14:00:00Z', SPLIT, 2 * H],
    ['split shift: whole Monday is 7 h', '2026-03-02T00:00:00Z', '2026-03-03T00:00:00Z', SPLIT, 7 * H],
    ['start on Saturday, end inside Monday shift', '2026-03-07T12:00:00Z', '2026-03-09T09:30:00Z', UTC_9_5, 30 * M],
    ['start and end inside one shift', '2026-03-02T10:15:00Z', '2026-03-02T10:45:00Z', UTC_9_5, 30 * M],
    ['start and end both outside, same night', '2026-03-02T18:00:00Z', '2026-03-03T08:00:00Z', UTC_9_5, 0],
    ['whole weekend is 0', '2026-03-06T17:00:00Z', '2026-03-09T09:00:00Z', UTC_9_5, 0],
    ['three weeks Mon 00:00 → Mon 00:00', '2026-03-02T00:00:00Z', '2026-03-23T00:00:00Z', UTC_9_5, 120 * H],
    ['overnight Friday shift runs into Saturday', '2026-03-06T23:00:00Z', '2026-03-07T12:00:00Z', FRIDAY_NIGHT, 6 * H + H],
    ['24/7 in New York for a whole year equals wall time (DST changes cancel out)', '2026-01-01T05:00:00Z', '2027-01-01T05:00:00Z', NY_ALL_DAY, 365 * 24 * H],
    ['no shifts at all: wall time', '2026-03-06T00:00:00Z', '2026-03-08T00:00:00Z', CLOSED, 48 * H],
    ['end before start', '2026-03-03T00:00:00Z', '2026-03-02T00:00:00Z', UTC_9_5, 0],
  ])('%s', (_label, start, end, hours, expected) => {
    expect(businessMsBetween(at(start), at(end), hours)).toBe(expected);
  });

  it('merges overlapping shifts instead of double-counting', () => {
    const overlapping = weekdays('UTC', shift('09:00', '13:00'), shift('12:00', '17:00'));
    expect(businessMsBetween(at('2026-03-02T00:00:00Z'), at('2026-03-03T00:00:00Z'), overlapping)).toBe(8 * H);
  });

  it('sees a week edited in place', () => {
    const editable: BusinessHours = { timeZone: 'UTC', week: [[], [shift('09:00', '10:00')], [], [], [], [], []] };
    const day: [number, number] = [at('2026-03-02T00:00:00Z'), at('2026-03-03T00:00:00Z')];
    expect(businessMsBetween(...day, editable)).toBe(1 * H);
    editable.week[1] = [shift('09:00', '12:00')];
    expect(businessMsBetween(...day, editable)).toBe(3 * H);
  });

  it('computes an unknown time zone as UTC', () => {
    const bogus = weekdays('Mars/Olympus_Mons', nineToFive);
    expect(businessMsBetween(at('2026-03-02T08:00:00Z'), at('2026-03-02T10:00:00Z'), bogus)).toBe(1 * H);
  });
});

describe('addBusinessMs', () => {
  it.each<[string, string, number, BusinessHours, string]>([
    ['NY: Friday-evening post with 1 h target is due Monday 10:00 (EDT)', '2026-03-06T23:00:00Z', 1 * H, NY, '2026-03-09T14:00:00.000Z'],
    ['NY: Friday 16:30 + 1 h → Monday 09:30 after fall back', '2026-10-30T20:30:00Z', 1 * H, NY, '2026-11-02T14:30:00.000Z'],
    ['London: Friday 16:00 GMT + 2 h → Monday 10:00 BST', '2026-03-27T16:00:00Z', 2 * H, LONDON, '2026-03-30T09:00:00.000Z'],
    ['Shanghai: Friday 17:00 + 2 h → Monday 10:00 local', '2026-03-06T09:00:00Z', 2 * H, SHANGHAI, '2026-03-09T02:00:00.000Z'],
    ['Moscow: Saturday + 30 min → Monday 10:30 MSK', '2026-03-07T09:00:00Z', 30 * M, MOSCOW, '2026-03-09T07:30:00.000Z'],
    ['split shift: 11:30 + 1 h → 13:30', '2026-03-02T11:30:00Z', 1 * H, SPLIT, '2026-03-02T13:30:00.000Z'],
    ['ending exactly at shift end stays on that day', '2026-03-02T09:00:00Z', 8 * H, UTC_9_5, '2026-03-02T17:00:00.000Z'],
    ['multi-week: 100 business hours from Monday 09:00 (2 weeks + Mon, Tue, half Wed)', '2026-03-02T09:00:00Z', 100 * H, UTC_9_5, '2026-03-18T13:00:00.000Z'],
    ['zero target returns the start', '2026-03-07T12:00:00Z', 0, UTC_9_5, '2026-03-07T12:00:00.000Z'],
    ['no shifts at all: wall time', '2026-03-07T12:00:00Z', 5 * H, CLOSED, '2026-03-07T17:00:00.000Z'],
  ])('%s', (_label, start, ms, hours, expected) => {
    expect(new Date(addBusinessMs(at(start), ms, hours)).toISOString()).toBe(expected);
  });
});

describe('isBusinessTime', () => {
  it.each<[string, BusinessHours, boolean]>([
    ['2026-03-09T13:00:00Z', NY, true], // 09:00 EDT, shift start inclusive
    ['2026-03-09T12:59:59Z', NY, false],
    ['2026-03-09T21:00:00Z', NY, false], // 17:00 EDT, end exclusive
    ['2026-01-10T00:00:00Z', LA, true], // Friday 16:00 PST
    ['2026-03-01T23:30:00Z', SHANGHAI, false], // Monday 07:30 local
    ['2026-03-02T01:00:00Z', SHANGHAI, true], // Monday 09:00 local
    ['2026-03-02T12:30:00Z', SPLIT, false], // lunch
    ['2026-03-07T02:00:00Z', FRIDAY_NIGHT, true], // Saturday 02:00, Friday's overnight shift
    ['2026-03-07T06:00:00Z', FRIDAY_NIGHT, false],
    ['2026-03-07T06:00:00Z', CLOSED, true],
  ])('%s', (iso, hours, expected) => {
    expect(isBusinessTime(at(iso), hours)).toBe(expected);
  });
});

describe('zonedWeekdayHour', () => {
  it.each<[string, string, { weekday: number; hour: number; dayKey: string }]>([
    ['2026-03-08T07:30:00Z', 'America/New_York', { weekday: 0, hour: 3, dayKey: '2026-03-08' }],
    ['2026-11-01T05:30:00Z', 'America/New_York', { weekday: 0, hour: 1, dayKey: '2026-11-01' }],
    ['2026-11-01T06:30:00Z', 'America/New_York', { weekday: 0, hour: 1, dayKey: '2026-11-01' }],
    ['2026-03-01T23:00:00Z', 'Asia/Shanghai', { weekday: 1, hour: 7, dayKey: '2026-03-02' }],
    ['2026-01-10T00:00:00Z', 'America/Los_Angeles', { weekday: 5, hour: 16, dayKey: '2026-01-09' }],
    ['2026-12-31T21:00:00Z', 'Europe/Moscow', { weekday: 5, hour: 0, dayKey: '2027-01-01' }],
    ['2026-07-01T23:30:00Z', 'Europe/London', { weekday: 4, hour: 0, dayKey: '2026-07-02' }],
    ['2026-07-01T23:30:00Z', 'Nowhere/Invalid', { weekday: 3, hour: 23, dayKey: '2026-07-01' }],
  ])('%s in %s', (iso, zone, expected) => {
    expect(zonedWeekdayHour(at(iso), zone)).toEqual(expected);
  });
});

describe('staffedHoursGrid', () => {
  const hoursOf = (row: boolean[] | undefined): number[] => (row ?? []).flatMap((on, h) => (on ? [h] : []));

  it('marks every hour a split shift touches', () => {
    const grid = staffedHoursGrid(weekdays('UTC', shift('09:00', '12:00'), shift('13:00', '17:30')));
    expect(grid).toHaveLength(7);
    expect(hoursOf(grid[1])).toEqual([9, 10, 11, 13, 14, 15, 16, 17]);
    expect(hoursOf(grid[0])).toEqual([]);
    expect(hoursOf(grid[6])).toEqual([]);
  });

  it('carries overnight shifts into the next weekday, Saturday wrapping to Sunday', () => {
    const grid = staffedHoursGrid({ timeZone: 'UTC', week: [[], [], [], [], [], [shift('22:00', '02:00')], [shift('23:30', '01:00')]] });
    expect(hoursOf(grid[5])).toEqual([22, 23]);
    expect(hoursOf(grid[6])).toEqual([0, 1, 23]);
    expect(hoursOf(grid[0])).toEqual([0]);
  });

  it('treats 24:00 as end of day and an empty week as always staffed', () => {
    expect(hoursOf(staffedHoursGrid(everyDay('UTC', shift('20:00', '24:00')))[3])).toEqual([20, 21, 22, 23]);
    expect(staffedHoursGrid(CLOSED).every((row) => row.every(Boolean))).toBe(true);
  });
});

describe('formatDurationParts', () => {
  it.each<[number, { days: number; hours: number; minutes: number }]>([
    [0, { days: 0, hours: 0, minutes: 0 }],
    [59_999, { days: 0, hours: 0, minutes: 0 }],
    [90 * M, { days: 0, hours: 1, minutes: 30 }],
    [26 * H + 61_000, { days: 1, hours: 2, minutes: 1 }],
    [-5 * H, { days: 0, hours: 0, minutes: 0 }],
    [Number.NaN, { days: 0, hours: 0, minutes: 0 }],
  ])('%d ms', (ms, expected) => {
    expect(formatDurationParts(ms)).toEqual(expected);
  });
});

// ---------------------------------------------------------------- properties
const ZONES = ['UTC', 'America/New_York', 'Europe/London', 'Europe/Moscow', 'Asia/Shanghai', 'Australia/Sydney', 'Asia/Kolkata', 'America/Santiago'];
const clock = fc
  .tuple(fc.integer({ min: 0, max: 24 }), fc.constantFrom(0, 15, 30, 45))
  .map(([h, m]) => (h === 24 ? '24:00' : `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`));
const shiftArb = fc.record({ start: clock.filter((c) => c !== '24:00'), end: clock });
const hoursArb: fc.Arbitrary<BusinessHours> = fc.oneof(
  fc.record({
    timeZone: fc.constantFrom(...ZONES),
    week: fc.array(fc.array(shiftArb, { maxLength: 3 }), { minLength: 7, maxLength: 7 }),
  }),
  // Round-the-clock and overnight-chained weeks: contiguous business time with no gaps at all.
  fc.record({
    timeZone: fc.constantFrom(...ZONES),
    week: fc.constantFrom(
      Array.from({ length: 7 }, () => [shift('00:00', '24:00')]),
      Array.from({ length: 7 }, () => [shift('08:00', '08:00'), shift('06:00', '06:00'), shift('20:00', '20:00'), shift('12:00', '12:00'), shift('00:00', '12:00'), shift('12:00', '24:00')]),
      Array.from({ length: 7 }, () => [shift('18:00', '06:00'), shift('06:00', '18:00')]),
    ),
  }),
);
// 2025-01-01 .. 2027-12-31, spanning several DST changes in both hemispheres.
const instant = fc.integer({ min: at('2025-01-01T00:00:00Z'), max: at('2027-12-31T00:00:00Z') });
const span = fc.integer({ min: 0, max: 40 * 24 * H });

describe('business-hours properties', () => {
  it('addBusinessMs is the inverse of businessMsBetween', () => {
    fc.assert(
      fc.property(hoursArb, instant, fc.integer({ min: 0, max: 200 * H }), (hours, a, d) => {
        const due = addBusinessMs(a, d, hours);
        expect(due).toBeGreaterThanOrEqual(a);
        expect(businessMsBetween(a, due, hours)).toBe(d);
      }),
    );
  });

  it('never exceeds wall time, and is monotonic in the end', () => {
    fc.assert(
      fc.property(hoursArb, instant, span, span, (hours, a, d1, d2) => {
        const [short, long] = d1 <= d2 ? [d1, d2] : [d2, d1];
        const b1 = businessMsBetween(a, a + short, hours);
        const b2 = businessMsBetween(a, a + long, hours);
        expect(b1).toBeGreaterThanOrEqual(0);
        expect(b1).toBeLessThanOrEqual(short);
        expect(b2).toBeGreaterThanOrEqual(b1);
      }),
    );
  });

  it('is additive over a split point', () => {
    fc.assert(
      fc.property(hoursArb, instant, span, span, (hours, a, d1, d2) => {
        const b = a + d1;
        const c = b + d2;
        expect(businessMsBetween(a, c, hours)).toBe(businessMsBetween(a, b, hours) + businessMsBetween(b, c, hours));
      }),
    );
  });

  it('the millisecond before a positive due time is business time, and due times grow with the target', () => {
    fc.assert(
      fc.property(hoursArb, instant, fc.integer({ min: 1, max: 100 * H }), fc.integer({ min: 0, max: 10 * H }), (hours, a, d, extra) => {
        const due = addBusinessMs(a, d, hours);
        expect(isBusinessTime(due - 1, hours)).toBe(true);
        expect(addBusinessMs(a, d + extra, hours)).toBeGreaterThanOrEqual(due);
      }),
    );
  });

  it('isBusinessTime agrees with the one-millisecond interval', () => {
    fc.assert(
      fc.property(hoursArb, instant, (hours, t) => {
        expect(isBusinessTime(t, hours)).toBe(businessMsBetween(t, t + 1, hours) === 1);
      }),
    );
  });
});

// ---------------------------------------------------------------- holidays and 24×7
const withHolidays = (hours: BusinessHours, ...holidays: string[]): BusinessHours => ({ ...hours, holidays });
// 2026-12-25 is a Friday, 2026-12-31 a Thursday.
const OVERNIGHT_WEEKDAYS = weekdays('Europe/Moscow', shift('22:00', '06:00'));

describe('holidays and 24×7', () => {
  it.each<[string, string, string, BusinessHours, number]>([
    ['a holiday closes its day', '2026-12-25T00:00:00Z', '2026-12-26T00:00:00Z', withHolidays(UTC_9_5, '2026-12-25'), 0],
    ['the next working day still counts', '2026-12-24T00:00:00Z', '2026-12-29T00:00:00Z', withHolidays(UTC_9_5, '2026-12-25'), 2 * 8 * H],
    ['holidays are local days (New York)', '2026-12-25T00:00:00Z', '2026-12-26T05:00:00Z', withHolidays(NY, '2026-12-25'), 0],
    ['a holiday on a closed day changes nothing', '2026-12-26T00:00:00Z', '2026-12-29T00:00:00Z', withHolidays(UTC_9_5, '2026-12-27'), 8 * H],
    // Thursday 22:00 MSK runs into Friday's holiday; Friday's own 22:00 shift is gone.
    ['an overnight shift into a holiday still ends as planned', '2026-12-24T03:00:00Z', '2026-12-26T00:00:00Z', withHolidays(OVERNIGHT_WEEKDAYS, '2026-12-25'), 8 * H],
    ['a split shift on a holiday is closed too', '2026-12-25T00:00:00Z', '2026-12-26T00:00:00Z', withHolidays(SPLIT, '2026-12-25'), 0],
    ['24×7 counts the wall clock, weekends and holidays too', '2026-12-25T00:00:00Z', '2026-12-28T00:00:00Z', { ...withHolidays(UTC_9_5, '2026-12-25'), alwaysOpen: true }, 72 * H],
    ['24×7 off keeps the week', '2026-12-26T00:00:00Z', '2026-12-28T00:00:00Z', { ...UTC_9_5, alwaysOpen: false }, 0],
  ])('%s', (_label, from, to, hours, expected) => {
    expect(businessMsBetween(at(from), at(to), hours)).toBe(expected);
  });

  it.each<[string, string, number, BusinessHours, string]>([
    ['Christmas Eve 16:00, 2 h target, Friday holiday → Monday 10:00', '2026-12-24T16:00:00Z', 2 * H, withHolidays(UTC_9_5, '2026-12-25'), '2026-12-28T10:00:00.000Z'],
    ['two holidays in a row are both skipped', '2026-12-24T16:00:00Z', 2 * H, withHolidays(UTC_9_5, '2026-12-25', '2026-12-28'), '2026-12-29T10:00:00.000Z'],
    ['24×7: due one hour later on a Saturday', '2026-12-26T03:00:00Z', H, { ...UTC_9_5, alwaysOpen: true }, '2026-12-26T04:00:00.000Z'],
  ])('addBusinessMs: %s', (_label, from, ms, hours, expected) => {
    expect(new Date(addBusinessMs(at(from), ms, hours)).toISOString()).toBe(expected);
  });

  it('isBusinessTime: closed all holiday, open the day after; 24×7 staffs every hour', () => {
    const hours = withHolidays(UTC_9_5, '2026-12-25');
    expect(isBusinessTime(at('2026-12-25T10:00:00Z'), hours)).toBe(false);
    expect(isBusinessTime(at('2026-12-24T10:00:00Z'), hours)).toBe(true);
    expect(staffedHoursGrid({ ...CLOSED, week: UTC_9_5.week, alwaysOpen: true }).every((row) => row.every(Boolean))).toBe(true);
  });

  const dayArb = fc.integer({ min: at('2025-01-01T00:00:00Z') / (24 * H), max: at('2027-12-31T00:00:00Z') / (24 * H) }).map((d) => new Date(d * 24 * H).toISOString().slice(0, 10));

  it('holidays never add business time, and the laws hold with them (property)', () => {
    fc.assert(
      fc.property(hoursArb, fc.array(dayArb, { maxLength: 30 }), instant, span, fc.integer({ min: 0, max: 100 * H }), (hours, days, a, d, target) => {
        const closed = withHolidays(hours, ...days);
        expect(businessMsBetween(a, a + d, closed)).toBeLessThanOrEqual(businessMsBetween(a, a + d, hours));
        const due = addBusinessMs(a, target, closed);
        expect(businessMsBetween(a, due, closed)).toBe(target);
        expect(due).toBeGreaterThanOrEqual(addBusinessMs(a, target, hours));
      }),
      { numRuns: 60 },
    );
  });

  it('24×7 is wall-clock time (property)', () => {
    fc.assert(
      fc.property(hoursArb, instant, span, (hours, a, d) => {
        expect(businessMsBetween(a, a + d, { ...hours, alwaysOpen: true })).toBe(d);
      }),
    );
  });
});
