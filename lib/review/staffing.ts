/**
 * Volume by local weekday × hour against staffed business hours: which busy hours nobody covers.
 */
import { staffedHoursGrid } from '../time/businessHours';
import type { BusinessHours } from '../schemas/settings';

export interface StaffingCell {
  weekday: number; // 0 = Sunday
  hour: number;
  mentions: number;
  replies: number;
  staffed: boolean;
}

export interface StaffingView {
  cells: StaffingCell[]; // 168, weekday-major
  mentionsOutsideHours: number;
  mentionsOutsideHoursPct: number | null;
}

/** Combines the metric grids (168 slots, `weekday*24+hour`) with the brand's staffed hours. */
export function volumeVsStaffing(mentionGrid: readonly number[], replyGrid: readonly number[], hours: BusinessHours): StaffingView {
  const staffed = staffedHoursGrid(hours);
  const cells: StaffingCell[] = [];
  let total = 0;
  let outside = 0;
  for (let weekday = 0; weekday < 7; weekday++) {
    for (let hour = 0; hour < 24; hour++) {
      const slot = weekday * 24 + hour;
      const isStaffed = staffed[weekday]?.[hour] ?? false;
      const mentions = mentionGrid[slot] ?? 0;
      total += mentions;
      if (!isStaffed) outside += mentions;
      cells.push({ weekday, hour, mentions, replies: replyGrid[slot] ?? 0, staffed: isStaffed });
    }
  }
  return { cells, mentionsOutsideHours: outside, mentionsOutsideHoursPct: total > 0 ? (100 * outside) / total : null };
}
