/**
 * Time presets for snooze and follow-up pickers, and the conversions a `datetime-local` input
 * needs. Pure (the clock is a parameter) so the presets are table-tested.
 */
import { dateTime } from '@/lib/i18n/ui';
import { agentTimeZone, followUpPresetAt as followUpAt, snoozePresetAt as snoozeAt, type FollowUpPreset, type SnoozePreset } from '@/lib/time/presets';

export type { FollowUpPreset, SnoozePreset };

/** The shared presets (lib/time/presets.ts) in the agent's own time zone. */
export function snoozePresetAt(preset: SnoozePreset, now: number, timeZone = agentTimeZone()): number {
  return snoozeAt(preset, now, timeZone);
}

export function followUpPresetAt(preset: FollowUpPreset, now: number, timeZone = agentTimeZone()): number {
  return followUpAt(preset, now, timeZone);
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

/** Short local date-time for "snoozed until", "follow up at", in the interface's language. */
export function formatWhen(ms: number): string {
  return dateTime(ms);
}
