/**
 * Why an item ranks where it does, in the agent's language plus the post's own evidence.
 * Compact (rows): the strongest few, noise first so a filtered row says which rule caught it.
 * Full (detail): every reason with its points and quoted evidence.
 */
import { i18n } from '#i18n';
import type { Reason } from '@/lib/schemas/queue';
import { reasonLabel } from '@/lib/pipeline/reasonLabel';
import { reasonDetail } from '@/lib/pipeline/reasonDetail';

/** Noise reasons first, then by points, strongest first; stable for equal points. */
export function topReasons(reasons: readonly Reason[], count: number): Reason[] {
  const spam = (r: Reason) => (r.code.startsWith('spam.') ? 1 : 0);
  return [...reasons].sort((a, b) => spam(b) - spam(a) || b.points - a.points).slice(0, count);
}

export function ReasonChips({ reasons, compact = false }: { reasons: readonly Reason[]; compact?: boolean }) {
  if (reasons.length === 0) return compact ? null : <p className="muted">{i18n.t('triageUi.noReasons')}</p>;
  const shown = compact ? topReasons(reasons, 3) : reasons;
  return (
    <ul className={compact ? 'reasons compact' : 'reasons full'} aria-label={i18n.t('queue.reasons')}>
      {shown.map((r, i) => {
        const detail = reasonDetail(r);
        return (
        <li key={`${r.code}-${i}`} className={r.points < 0 || r.code.startsWith('spam.') ? 'reason negative' : 'reason'} data-reason={r.code} title={detail || undefined}>
          <span className="reason-label">{reasonLabel(r.code)}</span>
          {!compact && (
            <span className="points">
              {' '}
              {i18n.t('triageUi.points', [`${r.points > 0 ? '+' : ''}${r.points}`])}
            </span>
          )}
          {detail && <span className="detail-text">{compact ? ` · ${detail}` : ` — ${detail}`}</span>}
        </li>
        );
      })}
    </ul>
  );
}
