import { describe, expect, it } from 'vitest';
import { followUpPresetAt, nextMondayAt, snoozePresetAt, tomorrowAt } from '@/lib/time/presets';

const iso = (s: string) => Date.parse(s);

describe('“Tomorrow 9:00” and “Next Monday 9:00” in the agent’s zone (injected clock)', () => {
  it.each<[string, string, string, string]>([
    ['before 9:00 is still tomorrow', 'Europe/London', '2026-11-23T07:00:00Z', '2026-11-24T09:00:00Z'],
    ['exactly 9:00', 'Europe/London', '2026-11-23T09:00:00Z', '2026-11-24T09:00:00Z'],
    ['after 9:00', 'Europe/London', '2026-11-23T14:00:00Z', '2026-11-24T09:00:00Z'],
    ['one minute after midnight', 'Europe/London', '2026-11-23T00:01:00Z', '2026-11-24T09:00:00Z'],
    ['one minute before midnight', 'Europe/London', '2026-11-23T23:59:00Z', '2026-11-24T09:00:00Z'],
    // Moscow is UTC+3 all year: 23:30 UTC is already the next day there.
    ['Moscow, where it is already tomorrow', 'Europe/Moscow', '2026-11-23T23:30:00Z', '2026-11-25T06:00:00Z'],
    ['Shanghai before 9:00', 'Asia/Shanghai', '2026-11-23T23:00:00Z', '2026-11-25T01:00:00Z'],
    ['Los Angeles, evening', 'America/Los_Angeles', '2026-11-24T04:00:00Z', '2026-11-24T17:00:00Z'],
    // DST: the night the clocks change lies between now and 9:00 tomorrow.
    ['London, clocks go forward overnight', 'Europe/London', '2026-03-28T20:00:00Z', '2026-03-29T08:00:00Z'],
    ['London, clocks go back overnight', 'Europe/London', '2026-10-24T20:00:00Z', '2026-10-25T09:00:00Z'],
    ['New York, spring forward', 'America/New_York', '2026-03-08T04:00:00Z', '2026-03-08T13:00:00Z'],
    ['Sydney, autumn back', 'Australia/Sydney', '2026-04-04T12:00:00Z', '2026-04-04T23:00:00Z'],
    ['half-hour zone', 'Asia/Kolkata', '2026-11-23T01:00:00Z', '2026-11-24T03:30:00Z'],
  ])('tomorrow: %s (%s)', (_label, zone, now, expected) => {
    expect(new Date(tomorrowAt(iso(now), zone)).toISOString()).toBe(new Date(iso(expected)).toISOString());
    expect(snoozePresetAt('tomorrow', iso(now), zone)).toBe(iso(expected));
    expect(followUpPresetAt('tomorrow', iso(now), zone)).toBe(iso(expected));
  });

  it.each<[string, string, string, string]>([
    ['Monday morning → next week', 'Europe/London', '2026-11-23T07:00:00Z', '2026-11-30T09:00:00Z'],
    ['Sunday → tomorrow', 'Europe/London', '2026-11-29T10:00:00Z', '2026-11-30T09:00:00Z'],
    ['Sunday night UTC is Monday in Tokyo → the Monday after', 'Asia/Tokyo', '2026-11-29T20:00:00Z', '2026-12-07T00:00:00Z'],
    ['across spring forward', 'America/New_York', '2026-03-05T15:00:00Z', '2026-03-09T13:00:00Z'],
  ])('next Monday: %s', (_label, zone, now, expected) => {
    expect(nextMondayAt(iso(now), zone)).toBe(iso(expected));
    expect(snoozePresetAt('nextWeek', iso(now), zone)).toBe(iso(expected));
  });

  it('relative presets ignore the zone', () => {
    const now = iso('2026-03-29T00:30:00Z');
    expect(snoozePresetAt('in3h', now, 'Europe/London') - now).toBe(3 * 3_600_000);
    expect(followUpPresetAt('in3d', now, 'Asia/Tokyo') - now).toBe(72 * 3_600_000);
  });
});
