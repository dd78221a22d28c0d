/** Small read-outs shared by the row and the detail: due time, sentiment, matched terms. */
import { i18n } from '#i18n';
import { duration, fixed } from '@/lib/i18n/ui';
import { LABEL_THRESHOLD } from '@/lib/triage/sentiment';
import type { QueueItem } from '@/lib/schemas/queue';

/** "Reply due in 40 min" / "Overdue by 2 h 5 min", from the item's business-hours `dueAt`. */
export function DueLabel({ item, now }: { item: Pick<QueueItem, 'dueAt' | 'state'>; now: number }) {
  if (item.dueAt === undefined || item.state === 'replied' || item.state === 'dismissed' || item.state === 'filtered') return null;
  const overdue = now >= item.dueAt;
  const text = overdue
    ? i18n.t('triageUi.overdueBy', [duration((now - item.dueAt) / 60_000)])
    : i18n.t('triageUi.dueIn', [duration((item.dueAt - now) / 60_000)]);
  return (
    <span className={overdue ? 'due overdue' : 'due'} title={i18n.t('triageUi.businessTime')}>
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
