/** Display helpers shared by the customer components (translated labels, money, dates, CSV). */
import { i18n } from '#i18n';
import type { CustomerImportField } from '@/lib/schemas/customers';
import type { QueueState } from '@/lib/schemas/queue';

export { csvCell } from '@/lib/spreadsheet/csvCell';

/** Import reason codes (lib/customers IMPORT_ERROR) → translated text; unknown codes show as they are. */
export function importReasonLabel(code: string): string {
  const labels: Record<string, () => string> = {
    noIdentifier: () => i18n.t('customers.reason.noIdentifier'),
    invalidEmail: () => i18n.t('customers.reason.invalidEmail'),
    invalidHandle: () => i18n.t('customers.reason.invalidHandle'),
    invalidFacebookUrl: () => i18n.t('customers.reason.invalidFacebookUrl'),
    invalidTotalSpent: () => i18n.t('customers.reason.invalidTotalSpent'),
    invalidOrderCount: () => i18n.t('customers.reason.invalidOrderCount'),
    duplicateEmail: () => i18n.t('customers.reason.duplicateEmail'),
    duplicateHandle: () => i18n.t('customers.reason.duplicateHandle'),
    duplicateFacebookUrl: () => i18n.t('customers.reason.duplicateFacebookUrl'),
    duplicateRow: () => i18n.t('customers.reason.duplicateRow'),
    invalidRow: () => i18n.t('customers.reason.invalidRow'),
    malformedCsv: () => i18n.t('customers.reason.malformedCsv'),
    tooManyFields: () => i18n.t('customers.reason.tooManyFields'),
  };
  return labels[code]?.() ?? code;
}

export function fieldLabel(field: CustomerImportField): string {
  const labels: Record<CustomerImportField, () => string> = {
    name: () => i18n.t('customers.field.name'),
    firstName: () => i18n.t('customers.field.firstName'),
    lastName: () => i18n.t('customers.field.lastName'),
    email: () => i18n.t('customers.field.email'),
    xHandle: () => i18n.t('customers.field.xHandle'),
    facebookName: () => i18n.t('customers.field.facebookName'),
    facebookUrl: () => i18n.t('customers.field.facebookUrl'),
    orderCount: () => i18n.t('customers.field.orderCount'),
    totalSpent: () => i18n.t('customers.field.totalSpent'),
    orderNumbers: () => i18n.t('customers.field.orderNumbers'),
    notes: () => i18n.t('customers.field.notes'),
    tags: () => i18n.t('customers.field.tags'),
  };
  return labels[field]();
}

export function stateLabel(state: QueueState): string {
  const labels: Record<QueueState, () => string> = {
    new: () => i18n.t('state.new'),
    inProgress: () => i18n.t('state.inProgress'),
    replied: () => i18n.t('state.replied'),
    escalated: () => i18n.t('state.escalated'),
    snoozed: () => i18n.t('state.snoozed'),
    dismissed: () => i18n.t('state.dismissed'),
    filtered: () => i18n.t('state.filtered'),
  };
  return labels[state]();
}

/** "$1,234.50" when the currency code is known to Intl, else "1,234.50 XYZ". */
export function formatMoney(amount: number, currency: string): string {
  const locale = i18n.t('customers.locale');
  if (/^[A-Z]{3}$/.test(currency)) {
    try {
      return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(amount);
    } catch {
      // Unknown code: fall through to the plain number.
    }
  }
  const plain = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(amount);
  return currency ? `${plain} ${currency}` : plain;
}

export function formatCount(n: number): string {
  return new Intl.NumberFormat(i18n.t('customers.locale')).format(n);
}

export function formatWhen(ms: number): string {
  return new Intl.DateTimeFormat(i18n.t('customers.locale'), { dateStyle: 'medium', timeStyle: 'short' }).format(ms);
}

/** Starts a download of `text` as a file (object URL, revoked right after), with one UTF-8 BOM for Excel. */
export function downloadText(filename: string, text: string, type = 'text/csv;charset=utf-8'): void {
  // A second BOM (the text may carry one) would end up inside the first header cell.
  const url = URL.createObjectURL(new Blob([text.startsWith('\uFEFF') ? text : `\uFEFF${text}`], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
