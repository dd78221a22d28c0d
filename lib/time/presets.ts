/**
 * Snooze and follow-up presets ("In 1 hour", "Tomorrow 9:00", "Next Monday 9:00", "In 3 days"),
 * shared by both pickers. Pure: the clock (`now`) and the agent's time zone are parameters, so
 * the presets are table-tested across zones and daylight-saving changes. "Tomorrow" is always the
 * next calendar day, as the label says — at 07:00 it is not today's 09:00.
 */
import { DAY_MS, HOUR_MS, localDayNumber, wallToUtc, weekdayOfDayNumber } from './zoned';

export type SnoozePreset = 'in1h' | 'in3h' | 'tomorrow' | 'nextWeek';
export type FollowUpPreset = 'in1h' | 'tomorrow' | 'in3d';

export const SNOOZE_PRESETS: readonly SnoozePreset[] = ['in1h', 'in3h', 'tomorrow', 'nextWeek'];
export const FOLLOW_UP_PRESETS: readonly FollowUpPreset[] = ['in1h', 'tomorrow', 'in3d'];

/** The agent's own zone (the browser's); a preset without one would follow the machine's. */
export function agentTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** `hour`:00 on the local calendar day `days` after today's, in `timeZone`. */
function dayAt(now: number, timeZone: string, days: number, hour: number): number {
  const day = localDayNumber(now, timeZone) + days;
  return wallToUtc(day * DAY_MS + hour * HOUR_MS, timeZone);
}

/** 09:00 on the next calendar day, whatever the time now. */
export function tomorrowAt(now: number, timeZone: string, hour = 9): number {
  return dayAt(now, timeZone, 1, hour);
}

/** 09:00 next Monday (a week ahead when today is Monday). */
export function nextMondayAt(now: number, timeZone: string, hour = 9): number {
  const weekday = weekdayOfDayNumber(localDayNumber(now, timeZone));
  return dayAt(now, timeZone, (8 - weekday) % 7 || 7, hour);
}

export function snoozePresetAt(preset: SnoozePreset, now: number, timeZone: string): number {
  switch (preset) {
    case 'in1h': return now + HOUR_MS;
    case 'in3h': return now + 3 * HOUR_MS;
    case 'tomorrow': return tomorrowAt(now, timeZone);
    case 'nextWeek': return nextMondayAt(now, timeZone);
  }
}

export function followUpPresetAt(preset: FollowUpPreset, now: number, timeZone: string): number {
  switch (preset) {
    case 'in1h': return now + HOUR_MS;
    case 'tomorrow': return tomorrowAt(now, timeZone);
    case 'in3d': return now + 72 * HOUR_MS;
  }
}
