/** The Customers tab's card: identity, orders, editable notes and tags, full history, delete. */
import { useEffect, useState } from 'react';
import { i18n } from '#i18n';
import { splitTags } from '@/lib/customers/normalise';
import { useCustomerOrNull } from '@/lib/db/views/customers';
import { sendMessage } from '@/lib/messages';
import { CustomerSummary } from './CustomerSummary';
import { Interactions } from './Interactions';
import { formatWhen } from './format';
import { errorText } from '../notSaved';

export function CustomerProfile({ id, onBack }: { id: string; onBack: () => void }) {
  // null = no such customer (deleted); undefined = still loading.
  const customer = useCustomerOrNull(id);
  const [notes, setNotes] = useState('');
  const [tags, setTags] = useState('');
  const [status, setStatus] = useState('');
  const [confirming, setConfirming] = useState(false);

  // Load the stored text once per customer; later live updates must not clobber typing.
  const loadedId = customer?.id;
  useEffect(() => {
    if (!customer) return;
    setNotes(customer.notes);
    setTags(customer.tags.join(', '));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a new customer id reloads: live updates must not clobber typing
  }, [loadedId]);

  if (customer === undefined) return null;
  if (customer === null) return <p className="muted">{i18n.t('customers.notFound')}</p>;

  const dirty = notes !== customer.notes || tags !== customer.tags.join(', ');
  const save = async () => {
    try {
      await sendMessage('customerNotesSave', { id, notes, tags: splitTags(tags) });
      setStatus(i18n.t('common.saved'));
    } catch (e) {
      setStatus(errorText(e));
    }
  };

  return (
    <section className="customer-profile" aria-label={i18n.t('customers.profileLabel')} data-customer-id={customer.id}>
      <div className="actions">
        <button type="button" className="link" onClick={onBack}>
          ← {i18n.t('customers.backToList')}
        </button>
      </div>
      <CustomerSummary customer={customer} />
      <p className="hint">{i18n.t('customers.sourceLine', [customer.source, formatWhen(customer.createdAt), formatWhen(customer.updatedAt)])}</p>
      <label className="field">
        <span>{i18n.t('customers.field.notes')}</span>
        <textarea rows={3} value={notes} onChange={(e) => setNotes(e.target.value)} maxLength={5000} />
      </label>
      <label className="field">
        <span>{i18n.t('customers.tagsEdit')}</span>
        <input value={tags} onChange={(e) => setTags(e.target.value)} />
      </label>
      <div className="actions">
        <button type="button" className="primary" disabled={!dirty} onClick={() => void save()}>
          {i18n.t('customers.saveNotes')}
        </button>
        <span role="status" className="muted">
          {!dirty && status}
        </span>
        {!confirming ? (
          <button type="button" className="danger" onClick={() => setConfirming(true)}>
            {i18n.t('customers.delete')}
          </button>
        ) : (
          <span className="confirm" role="group" aria-label={i18n.t('customers.deleteConfirm')}>
            {i18n.t('customers.deleteConfirm')}{' '}
            <button
              type="button"
              className="danger"
              onClick={() => {
                void sendMessage('customerDelete', { id }).then(onBack);
              }}
            >
              {i18n.t('customers.deleteYes')}
            </button>{' '}
            <button type="button" onClick={() => setConfirming(false)}>
              {i18n.t('common.cancel')}
            </button>
          </span>
        )}
      </div>
      <Interactions customerId={customer.id} />
    </section>
  );
}
