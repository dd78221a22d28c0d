/** Brand profiles: what counts as a mention of the brand. Guided the first time. */
import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { i18n } from '#i18n';
import { getDb } from '@/lib/db/db';
import { sendMessage } from '@/lib/messages';
import type { BrandProfile } from '@/lib/schemas';
import { BrandForm } from '@/components/BrandForm';
import { EmptyState } from '@/components/EmptyState';

export function BrandsView() {
  const brands = useLiveQuery(() => getDb().brands.toArray(), []);
  const [editing, setEditing] = useState<BrandProfile | 'new' | undefined>();

  if (brands === undefined) return null;
  if (editing || brands.length === 0) {
    return (
      <BrandForm
        initial={editing === 'new' ? undefined : editing}
        firstTime={brands.length === 0}
        onDone={() => setEditing(undefined)}
      />
    );
  }
  return (
    <section>
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
