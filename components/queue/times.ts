/**
 * Time presets for snooze and follow-up pickers, and the conversions a `datetime-local` input
 * needs. Pure (the clock is a parameter) so the presets are table-tested.
 */
const HOUR = 3_600_000;

/** The next 09:00 local time after `now` (tomorrow when it is already past 09:00 today). */
export function nextMorning(now: number, hour = 9): number {
  const d = new Date(now);
  d.setHours(hour, 0, 0, 0);
  if (d.getTime() <= now) d.setDate(d.getDate() + 1);
  return d.getTime();
}

/** Next Monday 09:00 local time (a week ahead when today is Monday). */
export function nextMonday(now: number, hour = 9): number {
  const d = new Date(now);
  const days = ((8 - d.getDay()) % 7) || 7;
  d.setDate(d.getDate() + days);
  d.setHours(hour, 0, 0, 0);
  return d.getTime();
}

export type SnoozePreset = 'in1h' | 'in3h' | 'tomorrow' | 'nextWeek';
export type FollowUpPreset = 'in1h' | 'tomorrow' | 'in3d';

export function snoozePresetAt(preset: SnoozePreset, now: number): number {
  switch (preset) {
    case 'in1h': return now + HOUR;
    case 'in3h': return now + 3 * HOUR;
    case 'tomorrow': return nextMorning(now);
    case 'nextWeek': return nextMonday(now);
  }
}

export function followUpPresetAt(preset: FollowUpPreset, now: number): number {
  switch (preset) {
    case 'in1h': return now + HOUR;
    case 'tomorrow': return nextMorning(now);
    case 'in3d': return now + 72 * HOUR;
  }
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** Epoch ms → the `YYYY-MM-DDTHH:MM` local string a datetime-local input shows. */
export function toLocalInput(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A datetime-local value → epoch ms, or undefined when empty or malformed. */
export function fromLocalInput(value: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!m) return undefined;
  const [, y, mo, d, h, mi] = m.map(Number);
  if (y === undefined || mo === undefined || d === undefined || h === undefined || mi === undefined) return undefined;
  const date = new Date(y, mo - 1, d, h, mi);
  return Number.isNaN(date.getTime()) ? undefined : date.getTime();
}

/** Short local date-time for "snoozed until", "follow up at". */
export function formatWhen(ms: number): string {
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(ms);
}
