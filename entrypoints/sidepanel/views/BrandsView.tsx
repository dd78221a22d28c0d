/** Brand profiles: what counts as a mention of the brand. Guided the first time. */
import { useState } from 'react';
import { i18n } from '#i18n';
import { useBrands } from '@/lib/db/views/records';
import { sendMessage } from '@/lib/messages';
import type { BrandProfile } from '@/lib/schemas/settings';
import { BrandForm } from '@/components/BrandForm';
import { EmptyState } from '@/components/EmptyState';

export function BrandsView() {
  const brands = useBrands();
  const [editing, setEditing] = useState<BrandProfile | 'new' | undefined>();
  // Right after the first brand: what to do next, until the agent closes it.
  const [nextSteps, setNextSteps] = useState(false);

  if (brands === undefined) return null;
  if (editing || brands.length === 0) {
    return (
      <BrandForm
        initial={editing === 'new' ? undefined : editing}
        firstTime={brands.length === 0}
        onDone={() => {
          if (brands.length === 0) setNextSteps(true);
          setEditing(undefined);
        }}
      />
    );
  }
  return (
    <section>
      {nextSteps && <NextSteps onClose={() => setNextSteps(false)} />}
      {brands.length === 0 && <EmptyState title={i18n.t('brands.emptyTitle')} body={i18n.t('brands.emptyBody')} />}
      <ul className="cards">
        {brands.map((b) => (
          <li key={b.id} className="card">
            <div>
              <strong>{b.name}</strong>
              <p className="muted">{[...b.handles.map((h) => `@${h}`), ...b.hashtags.map((h) => `#${h.replace(/^#/, '')}`), ...b.names].join(' · ')}</p>
            </div>
            <div className="actions">
              <button type="button" onClick={() => setEditing(b)}>{i18n.t('common.edit')}</button>
              <button
                type="button"
                onClick={() => {
                  if (confirm(i18n.t('brands.confirmDelete', [b.name]))) void sendMessage('brandDelete', { id: b.id });
                }}
              >
                {i18n.t('common.delete')}
              </button>
            </div>
          </li>
        ))}
      </ul>
      <button type="button" className="primary" onClick={() => setEditing('new')}>{i18n.t('brands.add')}</button>
    </section>
  );
}

/** After the first brand: where mentions come from, what the badge says, and a safe way to try. */
function NextSteps({ onClose }: { onClose: () => void }) {
  const [loaded, setLoaded] = useState(false);
  return (
    <section className="card next-steps" aria-labelledby="next-steps-title">
      <div>
        <h2 id="next-steps-title">{i18n.t('brands.next.title')}</h2>
        <ol>
          <li>{i18n.t('brands.next.browse')}</li>
          <li>{i18n.t('brands.next.badge')}</li>
          <li>{i18n.t('brands.next.reply')}</li>
        </ol>
        <p className="muted">{i18n.t('brands.next.demo')}</p>
      </div>
      <div className="actions">
        <button type="button" disabled={loaded} onClick={() => void sendMessage('demoLoad', {}).then(() => setLoaded(true))}>
          {loaded ? i18n.t('brands.next.demoLoaded') : i18n.t('settings.demoLoad')}
        </button>
        <button type="button" onClick={onClose}>{i18n.t('brands.next.gotIt')}</button>
      </div>
    </section>
  );
}
