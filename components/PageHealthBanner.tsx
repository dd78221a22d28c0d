/** Tells the agent when detection found nothing on a page that clearly has posts. */
import { useLiveQuery } from 'dexie-react-hooks';
import { i18n } from '#i18n';
import { getDb } from '@/lib/db/db';

export function PageHealthBanner() {
  const broken = useLiveQuery(() => getDb().pageHealth.filter((h) => !h.ok).toArray(), []);
  if (!broken || broken.length === 0) return null;
  return (
    <div className="banner warn" role="alert">
      {broken.map((h) => (
        <p key={h.tabId}>
          <strong>{i18n.t('health.cantRead')}</strong>{' '}
          {i18n.t('health.detail', [i18n.t(`site.${h.site}`), i18n.t(`pageKind.${h.pageKind}`), String(h.candidates), String(h.recognised)])}
        </p>
      ))}
    </div>
  );
}
