/**
 * A reason's detail in the agent's language, worded from its facts (plural forms, money in the
 * customer's currency, durations through Intl). Reasons stored before facts existed, and those
 * whose detail is the post's own words (complaint, question, praise), keep their detail as is;
 * a score triage wrote before those words is read back in the agent's locale.
 */
import { i18n } from '#i18n';
import type { Reason, ReasonFacts } from '@/lib/schemas/queue';
import { compact, duration, fixed, money, plural } from '@/lib/i18n/ui';

const counted = (forms: string, n: number): string => plural(forms, n);

function customerDetail(f: ReasonFacts): string[] {
  const parts: string[] = [];
  if (f.name) parts.push(f.name);
  if (f.orders !== undefined) parts.push(counted(i18n.t('triageUi.facts.orders', [compact(f.orders)]), f.orders));
  if (f.spent !== undefined) parts.push(i18n.t('triageUi.facts.spent', [money(f.spent, f.currency ?? '')]));
  return parts;
}

function influenceDetail(f: ReasonFacts): string[] {
  const parts: string[] = [];
  if (f.followers !== undefined) parts.push(counted(i18n.t('triageUi.facts.followers', [compact(f.followers)]), f.followers));
  if (f.verified) parts.push(i18n.t('triageUi.facts.verified'));
  if (f.replies !== undefined) parts.push(counted(i18n.t('triageUi.facts.replies', [compact(f.replies)]), f.replies));
  if (f.reposts !== undefined) parts.push(counted(i18n.t('triageUi.facts.reposts', [compact(f.reposts)]), f.reposts));
  if (f.likes !== undefined) parts.push(counted(i18n.t('triageUi.facts.likes', [compact(f.likes)]), f.likes));
  return parts;
}

function waitingDetail(f: ReasonFacts): string[] {
  if (f.waitingMin === undefined || f.targetMin === undefined) return [];
  const waited = duration(f.waitingMin);
  const target = duration(f.targetMin);
  const text = f.atLeast ? i18n.t('triageUi.facts.waitingOver', [waited, target]) : i18n.t('triageUi.facts.waiting', [waited, target]);
  return f.overdue ? [text, i18n.t('triageUi.facts.overdue')] : [text];
}

/** `0.86: "refunded", "still"` (complaint), `-0.79: "worst"` (sentiment): a ru agent read "0.86" as a date or a typo. */
function scoredDetail(detail: string): string {
  const m = /^(-?\d+\.\d+)(: [\s\S]*)?$/.exec(detail);
  return m?.[1] ? `${fixed(Number(m[1]), 2)}${m[2] ?? ''}` : detail;
}

export function reasonDetail(reason: Pick<Reason, 'code' | 'detail' | 'facts'>): string {
  const f = reason.facts;
  if (reason.code === 'complaint' || reason.code === 'sentiment') return scoredDetail(reason.detail);
  if (!f) return reason.detail;
  const parts =
    reason.code === 'customer' ? customerDetail(f)
    : reason.code === 'influence' ? influenceDetail(f)
    : reason.code === 'waiting' || reason.code === 'overdue' ? waitingDetail(f)
    : [];
  return parts.length > 0 ? parts.join(i18n.t('triageUi.facts.separator')) : reason.detail;
}
