import { describe, expect, it } from 'vitest';
import { followUpPresetAt, fromLocalInput, nextMonday, nextMorning, snoozePresetAt, toLocalInput } from '@/components/queue/times';

// Local-time constructors: the presets are about the agent's wall clock.
const at = (y: number, mo: number, d: number, h: number, mi = 0) => new Date(y, mo - 1, d, h, mi).getTime();

describe('snooze and follow-up presets', () => {
  it.each([
    ['before 9:00 → today 9:00', at(2026, 11, 23, 7), at(2026, 11, 23, 9)],
    ['after 9:00 → tomorrow 9:00', at(2026, 11, 23, 14), at(2026, 11, 24, 9)],
    ['exactly 9:00 → tomorrow', at(2026, 11, 23, 9), at(2026, 11, 24, 9)],
  ])('nextMorning: %s', (_l, now, expected) => {
    expect(nextMorning(now)).toBe(expected);
  });

  it.each([
    ['Monday → next Monday', at(2026, 11, 23, 10), at(2026, 11, 30, 9)],
    ['Sunday → tomorrow', at(2026, 11, 29, 10), at(2026, 11, 30, 9)],
    ['Wednesday → Monday', at(2026, 11, 25, 10), at(2026, 11, 30, 9)],
  ])('nextMonday: %s', (_l, now, expected) => {
    expect(nextMonday(now)).toBe(expected);
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
