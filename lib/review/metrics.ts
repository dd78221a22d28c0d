/**
 * Review metrics computed from rollups (never from raw rows). Definitions:
 * - FRT: first-response time of each reply, wall-clock and business-hours, in whole minutes;
 *   median / p90 conventions in stats.ts. `slaMetPct` = replies with `slaMet` / replies.
 * - A queued mention is *answered* when it has `repliedAt` or state `replied`; *dismissed* when
 *   not answered and state `dismissed` or `filtered` (a noise rule); *ignored* when not answered, not dismissed and not
 *   escalated (new, in progress or snoozed: nobody answered it). Rates are over mentions first
 *   seen in the period; `complaintsAnsweredPct` = answered complaints / complaints.
 * - Template use: replies with a templateId vs free text.
 * - Repeat rate: share of replies whose normalised text (normalise.ts) was sent ≥ 2 times within
 *   the filtered set. It is a property of the whole set, so it is not additive across groups.
 * - Grids: 168 slots, `weekday*24+hour` in the brand's time zone (Sunday = 0); replies by
 *   `repliedAt`, mentions by the post's own time (`postCreatedAt`).
 */
import type { ReviewFilter, Rollup } from '../schemas/review';
import { ALL_REASONS, dimensionsMatch } from './filter';
import { isoWeekOfDay, mergeCounts, pct, quantilesOfCounts, type Quantiles } from './stats';

export const GRID_SLOTS = 168;

export interface ReviewMetrics {
  replies: number;
  frtWallMin: Quantiles;
  frtBusinessMin: Quantiles;
  slaMet: number;
  slaMetPct: number | null;
  mentions: number;
  complaints: number;
  complaintsAnswered: number;
  complaintsAnsweredPct: number | null;
  answered: number;
  ignored: number;
  ignoredPct: number | null;
  dismissed: number;
  /** Dismiss reason → count; '' = dismissed without a reason; `filtered:…` = set aside by a noise rule. */
  dismissedByReason: Record<string, number>;
  templated: number;
  freeText: number;
  templatePct: number | null;
  repeatReplies: number;
  repeatRatePct: number | null;
  toneOverrides: number;
  repliesWithOverride: number;
  escalations: number;
  replyGrid: number[];
  mentionGrid: number[];
}

// FRT minutes below this are counted in a typed array (a quarter's merge is ~10^5 increments, and
// array slots are far cheaper than Map entries); the rare longer waits go to a Map.
const DENSE_MINUTES = 14 * 24 * 60;

class MinuteCounts {
  private dense = new Float64Array(DENSE_MINUTES);
  private sparse = new Map<number, number>();

  addAll(from: ReadonlyMap<number, number>): void {
    for (const [v, n] of from) {
      if (v >= 0 && v < DENSE_MINUTES && Number.isInteger(v)) this.dense[v] = (this.dense[v] ?? 0) + n;
      else this.sparse.set(v, (this.sparse.get(v) ?? 0) + n);
    }
  }

  toMap(): Map<number, number> {
    const out = new Map(this.sparse);
    for (let v = 0; v < DENSE_MINUTES; v++) {
      const n = this.dense[v] ?? 0;
      if (n !== 0) out.set(v, n);
    }
    return out;
  }
}

/** Running sums over rollups; `finish` turns them into metrics without changing the sums. */
export class Accumulator {
  replies = 0; slaMet = 0; templated = 0; toneOverrides = 0; repliesWithOverride = 0; escalations = 0;
  mentions = 0; complaints = 0; complaintsAnswered = 0; answered = 0; ignored = 0; dismissed = 0;
  frtWall = new MinuteCounts();
  frtBusiness = new MinuteCounts();
  hashes = new Map<string, number>();
  dismissReasons = new Map<string, number>();
  replyGrid = new Array<number>(GRID_SLOTS).fill(0);
  mentionGrid = new Array<number>(GRID_SLOTS).fill(0);

  add(r: Rollup): void {
    this.replies += r.replies; this.slaMet += r.slaMet; this.templated += r.templated;
    this.toneOverrides += r.toneOverrides; this.repliesWithOverride += r.repliesWithOverride;
    this.escalations += r.escalations; this.mentions += r.mentions; this.complaints += r.complaints;
    this.complaintsAnswered += r.complaintsAnswered; this.answered += r.answered;
    this.ignored += r.ignored; this.dismissed += r.dismissed;
    this.frtWall.addAll(r.frtWallMin);
    this.frtBusiness.addAll(r.frtBusinessMin);
    mergeCounts(this.hashes, r.textHashes);
    mergeCounts(this.dismissReasons, r.dismissReasons);
    for (const [s, n] of r.replySlots) this.replyGrid[s] = (this.replyGrid[s] ?? 0) + n;
    for (const [s, n] of r.mentionSlots) this.mentionGrid[s] = (this.mentionGrid[s] ?? 0) + n;
  }

  finish(): ReviewMetrics {
    let repeatReplies = 0;
    for (const n of this.hashes.values()) if (n >= 2) repeatReplies += n;
    const dismissedByReason: Record<string, number> = {};
    for (const k of [...this.dismissReasons.keys()].sort()) {
      const n = this.dismissReasons.get(k) ?? 0;
      if (n !== 0) dismissedByReason[k] = n;
    }
    return {
      replies: this.replies,
      frtWallMin: quantilesOfCounts(this.frtWall.toMap()),
      frtBusinessMin: quantilesOfCounts(this.frtBusiness.toMap()),
      slaMet: this.slaMet,
      slaMetPct: pct(this.slaMet, this.replies),
      mentions: this.mentions,
      complaints: this.complaints,
      complaintsAnswered: this.complaintsAnswered,
      complaintsAnsweredPct: pct(this.complaintsAnswered, this.complaints),
      answered: this.answered,
      ignored: this.ignored,
      ignoredPct: pct(this.ignored, this.mentions),
      dismissed: this.dismissed,
      dismissedByReason,
      templated: this.templated,
      freeText: this.replies - this.templated,
      templatePct: pct(this.templated, this.replies),
      repeatReplies,
      repeatRatePct: pct(repeatReplies, this.replies),
      toneOverrides: this.toneOverrides,
      repliesWithOverride: this.repliesWithOverride,
      escalations: this.escalations,
      replyGrid: [...this.replyGrid],
      mentionGrid: [...this.mentionGrid],
    };
  }
}

export function rollupMatches(r: Rollup, filter: ReviewFilter): boolean {
  return r.reason === (filter.reason ?? ALL_REASONS) && dimensionsMatch(r, filter);
}

/** All metrics for the filter. Reads only the matching buckets; cost ∝ distinct values, not rows. */
export function computeMetrics(rollups: Iterable<Rollup>, filter: ReviewFilter = {}): ReviewMetrics {
  const acc = new Accumulator();
  for (const r of rollups) if (rollupMatches(r, filter)) acc.add(r);
  return acc.finish();
}

export type GroupBy = 'agent' | 'site' | 'brandId' | 'isoWeek' | 'day';

export function groupKeyOf(r: { day: string; agent: string; site: string; brandId: string }, by: GroupBy): string {
  switch (by) {
    case 'agent': return r.agent;
    case 'site': return r.site;
    case 'brandId': return r.brandId;
    case 'day': return r.day;
    case 'isoWeek': return isoWeekOfDay(r.day);
  }
}

/** Metrics per agent (comparison), per ISO week (trend), … — keys sorted. */
export function groupMetrics(rollups: Iterable<Rollup>, filter: ReviewFilter, by: GroupBy): Record<string, ReviewMetrics> {
  const groups = new Map<string, Accumulator>();
  for (const r of rollups) {
    // Records emptied by removals must not show up as empty groups.
    if (!rollupMatches(r, filter) || (r.replies === 0 && r.mentions === 0)) continue;
    const k = groupKeyOf(r, by);
    let acc = groups.get(k);
    if (!acc) groups.set(k, (acc = new Accumulator()));
    acc.add(r);
  }
  const out: Record<string, ReviewMetrics> = {};
  for (const k of [...groups.keys()].sort()) {
    const acc = groups.get(k);
    if (acc) out[k] = acc.finish();
  }
  return out;
}
