import { describe, expect, it } from 'vitest';
import { followUpPresetAt, fromLocalInput, snoozePresetAt, toLocalInput } from '@/components/queue/times';

// Local-time constructors: the presets are about the agent's wall clock.
const at = (y: number, mo: number, d: number, h: number, mi = 0) => new Date(y, mo - 1, d, h, mi).getTime();

describe('snooze and follow-up presets', () => {
  // Zone and DST cases: tests/unit/time/presets.test.ts. Here: the panel's wrappers use the local zone.
  it('“Tomorrow 9:00” before 9:00 is tomorrow, not today (local zone)', () => {
    expect(snoozePresetAt('tomorrow', at(2026, 11, 23, 7))).toBe(at(2026, 11, 24, 9));
    expect(followUpPresetAt('tomorrow', at(2026, 11, 23, 7))).toBe(at(2026, 11, 24, 9));
    expect(snoozePresetAt('nextWeek', at(2026, 11, 29, 10))).toBe(at(2026, 11, 30, 9));
  });

  it('relative presets add their hours', () => {
    const now = at(2026, 11, 23, 10);
    expect(snoozePresetAt('in1h', now) - now).toBe(3_600_000);
    expect(snoozePresetAt('in3h', now) - now).toBe(3 * 3_600_000);
    expect(followUpPresetAt('in3d', now) - now).toBe(72 * 3_600_000);
  });

  it.each(['2026-11-23T09:05', '2027-01-01T00:00'])('datetime-local round trip %s', (value) => {
    const ms = fromLocalInput(value);
    expect(ms).toBeTypeOf('number');
    expect(toLocalInput(ms ?? 0)).toBe(value);
  });

  it.each(['', 'tomorrow', '2026-11-23 09:05'])('rejects %j', (value) => {
    expect(fromLocalInput(value)).toBeUndefined();
  });
});
