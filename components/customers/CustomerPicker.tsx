/** "Link to a customer…": search by name, email, handle or order number and pick one. */
import { useState } from 'react';
import { i18n } from '#i18n';
import { useCustomerSearch } from '@/lib/db/views/customers';
import { formatCount } from './format';

export function CustomerPicker({ onPick, onCancel, initialQuery = '' }: { onPick: (id: string) => void; onCancel: () => void; initialQuery?: string }) {
  const [query, setQuery] = useState(initialQuery);
  const results = useCustomerSearch(query, 20);
  return (
    <div className="customer-picker" role="group" aria-label={i18n.t('customers.linkTo')}>
      <label className="field">
        <span>{i18n.t('customers.searchLabel')}</span>
        <input
          type="search"
          autoFocus
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') onCancel();
          }}
          placeholder={i18n.t('customers.searchPlaceholder')}
        />
      </label>
      {query.trim() && results?.length === 0 && <p className="muted">{i18n.t('customers.noResults', [query.trim()])}</p>}
      <ul className="cards">
        {(results ?? []).map((c) => (
          <li key={c.id}>
            <button type="button" className="customer-row" data-pick-customer={c.id} onClick={() => onPick(c.id)}>
              <strong>{c.name || c.facebookName || c.email}</strong> <span className="muted">{[c.email, c.xHandle && `@${c.xHandle}`, formatCount(c.orderCount)].filter(Boolean).join(' · ')}</span>
            </button>
          </li>
        ))}
      </ul>
      <button type="button" onClick={onCancel}>
        {i18n.t('common.cancel')}
      </button>
    </div>
  );
}
