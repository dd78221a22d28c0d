/** Small read-outs shared by the row and the detail: due time, sentiment, matched terms. */
import { i18n } from '#i18n';
import { duration, fixed } from '@/lib/i18n/ui';
import { LABEL_THRESHOLD } from '@/lib/triage/sentiment';
import type { QueueItem } from '@/lib/schemas/queue';

/** 18 h 32 min → 18 h, 2 d 4 h → 2 d, 40 min → 40 min: rounded down, so a row never shows more time left than there is. */
function wholeLargestUnit(minutes: number): number {
  const m = Math.floor(minutes);
  if (m >= 1440) return m - (m % 1440);
  if (m >= 60) return m - (m % 60);
  return m;
}

/**
 * "Reply due in 40 min" / "Overdue by 2 h 5 min", from the item's business-hours `dueAt`.
 * `compact` (a queue row) shows just the time, in its largest unit ("due in 18 hr"): a 320 px row
 * cut the long wording before the time, the one part an agent reads a row by; the full sentence
 * stays in the hover text and the open item.
 */
export function DueLabel({ item, now, compact = false }: { item: Pick<QueueItem, 'dueAt' | 'state'>; now: number; compact?: boolean }) {
  if (item.dueAt === undefined || item.state === 'replied' || item.state === 'dismissed' || item.state === 'filtered') return null;
  const overdue = now >= item.dueAt;
  const minutes = Math.abs(now - item.dueAt) / 60_000;
  const full = i18n.t(overdue ? 'triageUi.overdueBy' : 'triageUi.dueIn', [duration(minutes)]);
  const text = compact ? i18n.t(overdue ? 'triageUi.overdueShort' : 'triageUi.dueShort', [duration(wholeLargestUnit(minutes))]) : full;
  return (
    <span className={overdue ? 'due overdue' : 'due'} title={compact ? `${full} (${i18n.t('triageUi.businessTime')})` : i18n.t('triageUi.businessTime')}>
      {text}
    </span>
  );
}

export type SentimentTone = 'negative' | 'neutral' | 'positive';

/** Same thresholds as lib/triage's sentiment label. */
export function sentimentTone(score: number | undefined): SentimentTone {
  if (score === undefined) return 'neutral';
  if (score <= -LABEL_THRESHOLD) return 'negative';
  if (score >= LABEL_THRESHOLD) return 'positive';
  return 'neutral';
}

export function SentimentBadge({ score }: { score: number | undefined }) {
  if (score === undefined) return null;
  const tone = sentimentTone(score);
  return (
    <span className={`sentiment ${tone}`}>
      {i18n.t('triageUi.sentimentLabel', [`${i18n.t(`triageUi.sentiment.${tone}`)} (${fixed(score, 2)})`])}
    </span>
  );
}

export function MatchedTerms({ terms }: { terms: readonly string[] }) {
  if (terms.length === 0) return null;
  return <span className="matched-terms">{i18n.t('triageUi.matchedTerms', [terms.join(', ')])}</span>;
}
