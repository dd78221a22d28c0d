/** The Customers tab: search and browse customers, open one, import a CSV, add one by hand. */
import { useState } from 'react';
import { i18n } from '#i18n';
import { useCustomerCount } from '@/lib/db/views/customers';
import { EmptyState } from '@/components/EmptyState';
import { CustomerList } from '@/components/customers/CustomerList';
import { CustomerProfile } from '@/components/customers/CustomerProfile';
import { CustomerForm } from '@/components/customers/CustomerForm';
import { ImportWizard } from '@/components/customers/ImportWizard';

type Panel = 'list' | 'import' | 'add';

export function CustomersView() {
  const [panel, setPanel] = useState<Panel>('list');
  const [query, setQuery] = useState('');
  const [openId, setOpenId] = useState<string | undefined>();
  const total = useCustomerCount();

  if (openId) return <CustomerProfile id={openId} onBack={() => setOpenId(undefined)} />;

  return (
    <section className="customers queue" aria-label={i18n.t('customers.title')}>
      <div className="actions">
        <button type="button" className={panel === 'import' ? 'primary' : ''} onClick={() => setPanel(panel === 'import' ? 'list' : 'import')}>
          {i18n.t('customers.importCsv')}
        </button>
        <button type="button" onClick={() => setPanel(panel === 'add' ? 'list' : 'add')}>
          {i18n.t('customers.add')}
        </button>
      </div>
      {panel === 'import' && <ImportWizard onClose={() => setPanel('list')} />}
      {panel === 'add' && (
        <CustomerForm
          onCancel={() => setPanel('list')}
          onSaved={(id) => {
            setPanel('list');
            setOpenId(id);
          }}
        />
      )}
      {total === 0 && panel === 'list' && (
        <EmptyState title={i18n.t('customers.emptyTitle')} body={i18n.t('customers.emptyBody')}>
          <button type="button" className="primary" onClick={() => setPanel('import')}>
            {i18n.t('customers.importCsv')}
          </button>
        </EmptyState>
      )}
      {total !== undefined && total > 0 && (
        <>
          <label className="field">
            <span>{i18n.t('customers.searchLabel')}</span>
            <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder={i18n.t('customers.searchPlaceholder')} />
          </label>
          <CustomerList query={query} onOpen={setOpenId} />
        </>
      )}
    </section>
  );
}
