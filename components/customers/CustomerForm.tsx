/** Add a customer by hand. Validated by the same row mapper as imports, so ids match a later import. */
import { useState, type FormEvent } from 'react';
import { i18n } from '#i18n';
import { mapRows } from '@/lib/customers/csv';
import { sendMessage } from '@/lib/messages';
import type { CustomerColumnMapping, CustomerImportField } from '@/lib/schemas/customers';
import { fieldLabel, importReasonLabel } from './format';
import { errorText } from '../notSaved';

const FORM_FIELDS: readonly CustomerImportField[] = ['name', 'email', 'xHandle', 'facebookName', 'facebookUrl', 'orderNumbers', 'totalSpent', 'tags', 'notes'];
const IDENTITY: CustomerColumnMapping = Object.fromEntries(FORM_FIELDS.map((f) => [f, f]));

export function CustomerForm({ onSaved, onCancel }: { onSaved: (id: string) => void; onCancel: () => void }) {
  const [values, setValues] = useState<Record<string, string>>({});
  const [error, setError] = useState('');

  async function submit(event: FormEvent) {
    event.preventDefault();
    const { customers, errors } = mapRows([values], IDENTITY, { source: 'manual' });
    const customer = customers[0];
    if (!customer) {
      setError(errors.map((e) => `${importReasonLabel(e.reason)} ${e.detail}`).join('; ') || i18n.t('customers.reason.noIdentifier'));
      return;
    }
    try {
      const { id } = await sendMessage('customerSave', customer);
      onSaved(id);
    } catch (e) {
      setError(errorText(e));
    }
  }

  return (
    <form className="form card-block" aria-label={i18n.t('customers.addTitle')} onSubmit={(e) => void submit(e)}>
      <h2>{i18n.t('customers.addTitle')}</h2>
      {FORM_FIELDS.map((field) => (
        <label key={field} className="field">
          <span>{fieldLabel(field)}</span>
          {field === 'notes' ? (
            <textarea rows={2} value={values[field] ?? ''} onChange={(e) => setValues({ ...values, [field]: e.target.value })} />
          ) : (
            <input value={values[field] ?? ''} onChange={(e) => setValues({ ...values, [field]: e.target.value })} />
          )}
        </label>
      ))}
      <p className="hint">{i18n.t('customers.addHint')}</p>
      {error && (
        <p className="banner error" role="alert">
          {error}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="primary">
          {i18n.t('common.save')}
        </button>
        <button type="button" onClick={onCancel}>
          {i18n.t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
