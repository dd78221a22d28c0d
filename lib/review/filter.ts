/** Review filters: which rollups / raw rows a chart looks at. */
import type { ReplyLogEntry } from '../schemas/replies';
import type { MentionRecord, ReviewFilter } from '../schemas/review';

/** The rollup bucket holding every row regardless of reason code. */
export const ALL_REASONS = '*';

/** Time zone of a brand (from its BusinessHours); unknown brands should map to 'UTC'. */
export type TimeZoneOf = (brandId: string) => string;

export interface Dimensions {
  day: string;
  agent: string;
  site: string;
  brandId: string;
}

/** Whether a row with these dimensions is inside the filter (the reason is checked separately). */
export function dimensionsMatch(d: Dimensions, f: ReviewFilter): boolean {
  if (f.fromDay !== undefined && d.day < f.fromDay) return false;
  if (f.toDay !== undefined && d.day > f.toDay) return false;
  if (f.agents && !f.agents.includes(d.agent)) return false;
  if (f.sites && !f.sites.some((s) => s === d.site)) return false;
  if (f.brandIds && !f.brandIds.includes(d.brandId)) return false;
  return true;
}

export function reasonMatches(reasonCodes: readonly string[], f: ReviewFilter): boolean {
  return f.reason === undefined || reasonCodes.includes(f.reason);
}

export type EntryLike = Pick<ReplyLogEntry, 'agent' | 'site' | 'brandId' | 'reasonCodes'>;
export type MentionLike = Pick<MentionRecord, 'agent' | 'site' | 'brandId' | 'reasonCodes'>;
