/** Waiting time against the brand's first-response target, counted in business hours. */
import type { BrandProfile } from '../schemas/settings';
import { addBusinessMs, businessMsBetween } from '../time/businessHours';

const MINUTE = 60_000;

/** When the first reply is due, or undefined when the post's time is unknown. */
export function dueAt(post: { createdAt?: number | undefined }, profile: Pick<BrandProfile, 'firstResponseTargetMinutes' | 'businessHours'>): number | undefined {
  if (post.createdAt === undefined || !Number.isFinite(post.createdAt)) return undefined;
  return addBusinessMs(post.createdAt, profile.firstResponseTargetMinutes * MINUTE, profile.businessHours);
}

export interface Waiting {
  businessMs: number;
  targetMs: number;
  overdue: boolean;
  /** True when the post is older than the look-back window and businessMs is a lower bound. */
  atLeast: boolean;
}

/**
 * Business time is walked day by day, so an archive post from years ago would cost thousands of
 * calendar steps. Past this window the post is long overdue anyway; we count only the window.
 */
export const WAITING_LOOKBACK_MS = 60 * 24 * 3_600_000;

export function waitingOf(createdAt: number | undefined, now: number, profile: Pick<BrandProfile, 'firstResponseTargetMinutes' | 'businessHours'>): Waiting | undefined {
  if (createdAt === undefined || !Number.isFinite(createdAt) || now <= createdAt) return undefined;
  const atLeast = now - createdAt > WAITING_LOOKBACK_MS;
  const businessMs = businessMsBetween(atLeast ? now - WAITING_LOOKBACK_MS : createdAt, now, profile.businessHours);
  const targetMs = profile.firstResponseTargetMinutes * MINUTE;
  return { businessMs, targetMs, overdue: businessMs >= targetMs, atLeast };
}

/** "3 h 10 min", "2 d 4 h", "45 min": compact, language-neutral units for reason details. */
export function formatDuration(ms: number): string {
  const totalMin = Math.floor(ms / MINUTE);
  const d = Math.floor(totalMin / 1440);
  const h = Math.floor((totalMin % 1440) / 60);
  const m = totalMin % 60;
  if (d > 0) return h > 0 ? `${d} d ${h} h` : `${d} d`;
  if (h > 0) return m > 0 ? `${h} h ${m} min` : `${h} h`;
  return `${m} min`;
}
