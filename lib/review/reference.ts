/**
 * Direct reference implementation of the review metrics from raw rows. Too slow for the review
 * page (it needs every row), but simple enough to trust: tests check that rollup metrics equal it.
 */
import { zonedWeekdayHour } from '../time/businessHours';
import type { ReplyLogEntry } from '../schemas/replies';
import type { MentionRecord, ReviewFilter } from '../schemas/review';
import { dimensionsMatch, reasonMatches, type TimeZoneOf } from './filter';
import { GRID_SLOTS, groupKeyOf, type GroupBy, type ReviewMetrics } from './metrics';
import { normaliseReplyText } from './normalise';
import { dismissReasonKey, isEscalation, mentionOutcome } from './rollups';
import { msToMinutes, pct, quantilesOfValues } from './stats';

export function entryInFilter(e: ReplyLogEntry, f: ReviewFilter, tzOf: TimeZoneOf): boolean {
  const day = zonedWeekdayHour(e.repliedAt, tzOf(e.brandId)).dayKey;
  return dimensionsMatch({ day, agent: e.agent, site: e.site, brandId: e.brandId }, f) && reasonMatches(e.reasonCodes, f);
}

export function mentionInFilter(m: MentionRecord, f: ReviewFilter, tzOf: TimeZoneOf): boolean {
  const day = zonedWeekdayHour(m.firstSeenAt, tzOf(m.brandId)).dayKey;
  return dimensionsMatch({ day, agent: m.agent, site: m.site, brandId: m.brandId }, f) && reasonMatches(m.reasonCodes, f);
}

function metricsOfRows(entries: readonly ReplyLogEntry[], mentions: readonly MentionRecord[], tzOf: TimeZoneOf): ReviewMetrics {
  const texts = new Map<string, number>();
  for (const e of entries) {
    const t = normaliseReplyText(e.text, e.postAuthor);
    texts.set(t, (texts.get(t) ?? 0) + 1);
  }
  const replyGrid = new Array<number>(GRID_SLOTS).fill(0);
  for (const e of entries) {
    const { weekday, hour } = zonedWeekdayHour(e.repliedAt, tzOf(e.brandId));
    replyGrid[weekday * 24 + hour] = (replyGrid[weekday * 24 + hour] ?? 0) + 1;
  }
  const mentionGrid = new Array<number>(GRID_SLOTS).fill(0);
  for (const m of mentions) {
    const { weekday, hour } = zonedWeekdayHour(m.firstSeenAt, tzOf(m.brandId));
    mentionGrid[weekday * 24 + hour] = (mentionGrid[weekday * 24 + hour] ?? 0) + 1;
  }
  const outcomes = mentions.map((m) => ({ m, o: mentionOutcome(m) }));
  const dismissed = outcomes.filter((x) => x.o.dismissed);
  const reasonCounts = new Map<string, number>();
  for (const { m } of dismissed) reasonCounts.set(dismissReasonKey(m), (reasonCounts.get(dismissReasonKey(m)) ?? 0) + 1);
  const dismissedByReason: Record<string, number> = {};
  for (const k of [...reasonCounts.keys()].sort()) dismissedByReason[k] = reasonCounts.get(k) ?? 0;

  const replies = entries.length;
  const slaMet = entries.filter((e) => e.slaMet).length;
  const templated = entries.filter((e) => e.templateId !== undefined).length;
  const repeatReplies = entries.filter((e) => (texts.get(normaliseReplyText(e.text, e.postAuthor)) ?? 0) >= 2).length;
  const complaints = mentions.filter((m) => m.complaint).length;
  const complaintsAnswered = outcomes.filter((x) => x.m.complaint && x.o.answered).length;
  const ignored = outcomes.filter((x) => x.o.ignored).length;
  return {
    replies,
    frtWallMin: quantilesOfValues(entries.map((e) => msToMinutes(e.frtWallMs))),
    frtBusinessMin: quantilesOfValues(entries.map((e) => msToMinutes(e.frtBusinessMs))),
    slaMet,
    slaMetPct: pct(slaMet, replies),
    mentions: mentions.length,
    complaints,
    complaintsAnswered,
    complaintsAnsweredPct: pct(complaintsAnswered, complaints),
    answered: outcomes.filter((x) => x.o.answered).length,
    ignored,
    ignoredPct: pct(ignored, mentions.length),
    dismissed: dismissed.length,
    dismissedByReason,
    templated,
    freeText: replies - templated,
    templatePct: pct(templated, replies),
    repeatReplies,
    repeatRatePct: pct(repeatReplies, replies),
    toneOverrides: entries.reduce((s, e) => s + e.toneWarningsOverridden, 0),
    repliesWithOverride: entries.filter((e) => e.toneWarningsOverridden > 0).length,
    escalations: entries.filter(isEscalation).length,
    replyGrid,
    mentionGrid,
  };
}

export function computeMetricsDirect(entries: readonly ReplyLogEntry[], mentions: readonly MentionRecord[], filter: ReviewFilter, tzOf: TimeZoneOf): ReviewMetrics {
  return metricsOfRows(
    entries.filter((e) => entryInFilter(e, filter, tzOf)),
    mentions.filter((m) => mentionInFilter(m, filter, tzOf)),
    tzOf,
  );
}

export function groupMetricsDirect(entries: readonly ReplyLogEntry[], mentions: readonly MentionRecord[], filter: ReviewFilter, by: GroupBy, tzOf: TimeZoneOf): Record<string, ReviewMetrics> {
  const keyE = (e: ReplyLogEntry): string => groupKeyOf({ ...e, day: zonedWeekdayHour(e.repliedAt, tzOf(e.brandId)).dayKey }, by);
  const keyM = (m: MentionRecord): string => groupKeyOf({ ...m, day: zonedWeekdayHour(m.firstSeenAt, tzOf(m.brandId)).dayKey }, by);
  const es = entries.filter((e) => entryInFilter(e, filter, tzOf));
  const ms = mentions.filter((m) => mentionInFilter(m, filter, tzOf));
  const keys = [...new Set([...es.map(keyE), ...ms.map(keyM)])].sort();
  const out: Record<string, ReviewMetrics> = {};
  for (const k of keys) out[k] = metricsOfRows(es.filter((e) => keyE(e) === k), ms.filter((m) => keyM(m) === k), tzOf);
  return out;
}
