/**
 * The queue-item fields that follow from a classification. Shared by ingest (posts seen in the
 * page) and re-ranking, so both honour the agent's decisions the same way: a manual link or
 * unlink beats automatic matching, and a restored item is never filtered again.
 */
import { AUTO_LINK_CONFIDENCE } from '../customers/match';
import type { QueueItem } from '../schemas/queue';
import type { Classification } from './ingest';
import { queueRank } from './queueOrder';

type Triage = NonNullable<Classification['triage']>;

export type TriageFields = Pick<
  QueueItem,
  | 'priority' | 'rank' | 'reasons' | 'reasonCodes' | 'matchedTerms' | 'complaint' | 'question' | 'praise'
  | 'filteredBy' | 'sentiment' | 'dueAt' | 'customerMatch' | 'customerId'
>;

export function triageFields(
  triage: Triage,
  terms: string[],
  postCreatedAt: number,
  existing: Pick<QueueItem, 'customerMatch' | 'customerUnlinked' | 'restored'> | undefined,
): TriageFields {
  const manual = existing?.customerMatch?.by === 'manual' || existing?.customerUnlinked === true;
  const customerMatch = manual ? existing?.customerMatch : triage.customerMatch;
  // Only strong or manual links fill the indexed customerId; weak ones stay suggestions.
  const strong = customerMatch && (customerMatch.by === 'manual' || customerMatch.confidence >= AUTO_LINK_CONFIDENCE);
  return {
    priority: triage.priority,
    rank: queueRank(triage.priority, postCreatedAt),
    reasons: triage.reasons,
    reasonCodes: [...new Set(triage.reasons.map((r) => r.code))],
    matchedTerms: terms,
    complaint: triage.complaint,
    question: triage.question,
    praise: triage.praise,
    filteredBy: existing?.restored ? undefined : triage.filteredBy,
    sentiment: triage.sentiment,
    dueAt: triage.dueAt,
    customerMatch,
    customerId: strong ? customerMatch.customerId : undefined,
  };
}
