/** Tells the agent when detection found nothing on a page that clearly has posts. */
import { i18n } from '#i18n';
import { useBrokenPages } from '@/lib/db/views/health';
import { count } from '@/lib/i18n/ui';

export function PageHealthBanner() {
  const broken = useBrokenPages();
  if (!broken || broken.length === 0) return null;
  return (
    <div className="banner warn" role="alert">
      {broken.map((h) => (
        <p key={h.tabId}>
          <strong>{i18n.t('health.cantRead')}</strong>{' '}
          {i18n.t('health.detail', [i18n.t(`site.${h.site}`), i18n.t(`pageKind.${h.pageKind}`), count(h.candidates), count(h.recognised)])}
        </p>
      ))}
    </div>
  );
}
