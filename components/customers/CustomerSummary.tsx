/** Who the customer is and what they bought; shared by the Customers tab and the queue item's card. */
import { i18n } from '#i18n';
import type { Customer } from '@/lib/schemas/customers';
import { formatCount, formatMoney } from './format';

export function CustomerSummary({ customer }: { customer: Customer }) {
  const facebookUrl = customer.facebookUrl.startsWith('https://') ? customer.facebookUrl : '';
  return (
    <div className="customer-summary">
      <strong className="customer-name">{customer.name || customer.facebookName || customer.email || `@${customer.xHandle}`}</strong>
      <ul className="customer-ids muted">
        {customer.email && <li>{customer.email}</li>}
        {customer.xHandle && <li>@{customer.xHandle}</li>}
        {customer.facebookName && <li>{customer.facebookName}</li>}
        {facebookUrl && (
          <li>
            <a href={facebookUrl} target="_blank" rel="noreferrer noopener">
              {i18n.t('customers.facebookProfile')}
            </a>
          </li>
        )}
      </ul>
      <p className="customer-orders" data-customer-orders>
        {i18n.t('customers.ordersLine', [formatCount(customer.orderCount), formatMoney(customer.totalSpent, customer.currency)])}
      </p>
      {customer.orderNumbers.length > 0 && (
        <p className="order-numbers">
          <span className="muted">{i18n.t('customers.orderNumbers')}</span>{' '}
          {customer.orderNumbers.slice(0, 20).map((n) => (
            <span key={n} className="chip">
              #{n}
            </span>
          ))}
          {customer.orderNumbers.length > 20 && <span className="muted"> +{customer.orderNumbers.length - 20}</span>}
        </p>
      )}
      {customer.tags.length > 0 && (
        <ul className="reasons" aria-label={i18n.t('customers.field.tags')}>
          {customer.tags.map((t) => (
            <li key={t} className="reason">
              {t}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
