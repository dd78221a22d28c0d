/**
 * The browser deleted Replyline's database for lack of disk space (lib/db/eviction.ts noticed it on
 * start): say what was lost and what to do, until the agent dismisses it.
 */
import { i18n } from '#i18n';
import { dismissEvictedNotice, useEvictedNotice } from '@/lib/db/views/evicted';

export function EvictedBanner() {
  const notice = useEvictedNotice();
  if (!notice) return null;
  const locale = i18n.t('customers.locale');
  const num = new Intl.NumberFormat(locale);
  const when = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(notice.lost.at);
  const { brands, queue, replies, team } = notice.lost;
  return (
    <div className="banner error" role="alert" data-testid="evicted-banner">
      <p>
        <strong>{i18n.t('safety.evicted.title')}</strong> {i18n.t('safety.evicted.why')}
      </p>
      <p data-testid="evicted-lost">{i18n.t('safety.evicted.lost', [when, num.format(brands), num.format(queue), num.format(replies)])}</p>
      <p>{i18n.t('safety.evicted.todo')}</p>
      {team && <p>{i18n.t('safety.evicted.team')}</p>}
      <button type="button" onClick={() => void dismissEvictedNotice()}>
        {i18n.t('safety.notSaved.dismiss')}
      </button>
    </div>
  );
}
