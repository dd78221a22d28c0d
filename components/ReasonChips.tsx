/** Why an item ranks where it does, in the agent's language plus the post's own evidence. */
import { i18n } from '#i18n';
import type { Reason } from '@/lib/schemas';
import { reasonLabel } from '@/lib/pipeline/reasonLabel';

export function ReasonChips({ reasons, compact = false }: { reasons: Reason[]; compact?: boolean }) {
  if (reasons.length === 0) return compact ? null : <p className="muted">{i18n.t('queue.noReasons')}</p>;
  return (
    <ul className={compact ? 'reasons compact' : 'reasons'} aria-label={i18n.t('queue.reasons')}>
      {reasons.map((r, i) => (
        <li key={`${r.code}-${i}`} className={r.points < 0 ? 'reason negative' : 'reason'}>
          {reasonLabel(r.code)}
          {r.detail && <span className="detail">: {r.detail}</span>}
          {!compact && <span className="points"> ({r.points > 0 ? '+' : ''}{r.points})</span>}
        </li>
      ))}
    </ul>
  );
}
