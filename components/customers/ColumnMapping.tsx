/** The column-mapping step: a select per customer field, pre-filled, with a live preview of the first rows. */
import { useMemo } from 'react';
import { i18n } from '#i18n';
import { plural } from '@/lib/i18n/ui';
import { mapRows } from '@/lib/customers/csv';
import { CustomerImportFieldSchema, type CustomerColumnMapping, type CustomerImportField } from '@/lib/schemas/customers';
import { fieldLabel, formatMoney, importReasonLabel } from './format';

const FIELDS = CustomerImportFieldSchema.options;
const IDENTIFYING: readonly CustomerImportField[] = ['name', 'firstName', 'lastName', 'email', 'xHandle', 'facebookName', 'facebookUrl', 'orderNumbers'];
const PREVIEW_ROWS = 5;

export function hasIdentifier(mapping: CustomerColumnMapping): boolean {
  return IDENTIFYING.some((f) => mapping[f] !== undefined);
}

interface Props {
  headers: readonly string[];
  rows: readonly Record<string, string>[];
  rowNumbers: readonly number[];
  mapping: CustomerColumnMapping;
  onChange: (mapping: CustomerColumnMapping) => void;
}

export function ColumnMapping({ headers, rows, rowNumbers, mapping, onChange }: Props) {
  const preview = useMemo(
    () => mapRows(rows.slice(0, PREVIEW_ROWS), mapping, { rowNumbers: rowNumbers.slice(0, PREVIEW_ROWS), source: 'preview' }),
    [rows, rowNumbers, mapping],
  );
  const set = (field: CustomerImportField, header: string) => {
    const next: CustomerColumnMapping = { ...mapping };
    if (header) next[field] = header;
    else delete next[field];
    onChange(next);
  };
  return (
    <section className="mapping" aria-label={i18n.t('customers.mappingTitle')}>
      <h3>{i18n.t('customers.mappingTitle')}</h3>
      <p className="hint">{i18n.t('customers.mappingHint')}</p>
      <div className="mapping-grid">
        {FIELDS.map((field) => (
          <label key={field} className="field">
            <span>{fieldLabel(field)}</span>
            <select value={mapping[field] ?? ''} onChange={(e) => set(field, e.target.value)} data-field={field}>
              <option value="">{i18n.t('customers.notImported')}</option>
              {headers.map((h) => (
                <option key={h} value={h}>
                  {h}
                </option>
              ))}
            </select>
          </label>
        ))}
      </div>
      {!hasIdentifier(mapping) && <p className="banner warn">{i18n.t('customers.needIdentifier')}</p>}
      <h3>{plural(i18n.t('customers.previewTitle', [String(Math.min(PREVIEW_ROWS, rows.length))]), Math.min(PREVIEW_ROWS, rows.length))}</h3>
      <div className="preview-scroll">
        <table className="table preview" aria-label={plural(i18n.t('customers.previewTitle', [String(Math.min(PREVIEW_ROWS, rows.length))]), Math.min(PREVIEW_ROWS, rows.length))}>
          <thead>
            <tr>
              <th>{fieldLabel('name')}</th>
              <th>{fieldLabel('email')}</th>
              <th>{fieldLabel('xHandle')}</th>
              <th>{fieldLabel('orderCount')}</th>
              <th>{fieldLabel('totalSpent')}</th>
              <th>{fieldLabel('tags')}</th>
            </tr>
          </thead>
          <tbody>
            {preview.customers.map((c) => (
              <tr key={c.id}>
                <td>{c.name || c.facebookName}</td>
                <td>{c.email}</td>
                <td>{c.xHandle && `@${c.xHandle}`}</td>
                <td>{c.orderCount}</td>
                <td>{formatMoney(c.totalSpent, c.currency)}</td>
                <td>{c.tags.join(', ')}</td>
              </tr>
            ))}
            {preview.errors.map((e) => (
              <tr key={`e${e.row}${e.reason}`} className="preview-error">
                <td colSpan={6}>
                  {i18n.t('customers.rowN', [String(e.row)])}: {importReasonLabel(e.reason)} {e.detail}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
