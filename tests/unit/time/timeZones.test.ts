/** The business-hours time-zone picker accepts IANA names only, in their canonical spelling. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTimeZone, timeZoneNames } from '@/lib/time/timeZones';

describe('parseTimeZone', () => {
  it.each<[string, string | undefined]>([
    ['Europe/Moscow', 'Europe/Moscow'],
    ['  europe/moscow ', 'Europe/Moscow'],
    ['America/New_York', 'America/New_York'],
    ['Asia/Shanghai', 'Asia/Shanghai'],
    ['UTC', 'UTC'],
    ['utc', 'UTC'],
    // The bug: a city that is no zone was stored and silently computed as UTC.
    ['Moscow', undefined],
    ['EST', undefined],
    ['Europe/Mosco', undefined],
    ['', undefined],
    ['Europe/Moscow/Extra', undefined],
  ])('%j → %j', (input, expected) => {
    expect(parseTimeZone(input)).toBe(expected);
  });

  it('accepts every listed zone as itself, in any letter case (property)', () => {
    const zones = timeZoneNames();
    expect(zones.length).toBeGreaterThan(300);
    fc.assert(
      fc.property(fc.constantFrom(...zones), fc.boolean(), (zone, upper) => {
        expect(parseTimeZone(upper ? zone.toUpperCase() : zone.toLowerCase())).toBe(zone);
      }),
    );
  });

  it('rejects any name without an area (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }).filter((s) => !s.includes('/') && s.trim().toUpperCase() !== 'UTC'), (s) => {
        expect(parseTimeZone(s)).toBeUndefined();
      }),
    );
  });
});
