/**
 * Customers, searchable by name, email, handle or order number (each via its index), virtualised:
 * with no query, only a window of the name-ordered index around the viewport is read.
 */
import { useEffect, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { i18n } from '#i18n';
import { plural } from '@/lib/i18n/ui';
import { useCustomerCount, useCustomerSearch, useCustomersPage } from '@/lib/db/views/customers';
import type { Customer } from '@/lib/schemas/customers';
import { formatCount, formatMoney } from './format';

const ROW_HEIGHT = 52;
const PAGE = 50;

export function CustomerList({ query, onOpen }: { query: string; onOpen: (id: string) => void }) {
  const parentRef = useRef<HTMLDivElement>(null);
  const [range, setRange] = useState({ start: 0, end: PAGE });
  const q = query.trim();
  const total = useCustomerCount() ?? 0;
  const found = useCustomerSearch(q, 500);
  const windowStart = Math.max(0, range.start - PAGE);
  const windowSize = range.end - range.start + 2 * PAGE;
  const page = useCustomersPage(windowSize, windowStart, !q);

  const count = q ? (found?.length ?? 0) : total;
  const rowAt = (index: number): Customer | undefined => (q ? found?.[index] : page?.[index - windowStart]);

  const virtualizer = useVirtualizer({ count, getScrollElement: () => parentRef.current, estimateSize: () => ROW_HEIGHT, overscan: 8 });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  useEffect(() => {
    if (first < range.start || last > range.end) setRange({ start: first, end: Math.max(last, first + PAGE) });
  }, [first, last, range.start, range.end]);

  if (q && found && found.length === 0) return <p className="muted" role="status">{i18n.t('customers.noResults', [q])}</p>;
  return (
    <>
      <p className="hint" role="status">
        {q ? i18n.t('customers.resultsCount', [formatCount(count)]) : plural(i18n.t('customers.totalCount', [formatCount(total)]), total)}
      </p>
      <div ref={parentRef} className="customer-list queue-list" role="list" aria-label={i18n.t('customers.listLabel')}>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((v) => {
            const c = rowAt(v.index);
            return (
              <div key={v.key} role="listitem" style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${v.start}px)` }}>
                {c ? (
                  <button type="button" className="customer-row" data-customer-row={c.id} onClick={() => onOpen(c.id)}>
                    <span className="row-head">
                      <strong>{c.name || c.facebookName || c.email || `@${c.xHandle}`}</strong>
                      {c.xHandle && <span className="muted">@{c.xHandle}</span>}
                    </span>
                    <span className="muted row-text">
                      {[c.email, i18n.t('customers.ordersLine', [formatCount(c.orderCount), formatMoney(c.totalSpent, c.currency)])].filter(Boolean).join(' · ')}
                    </span>
                  </button>
                ) : (
                  <span className="muted customer-row">…</span>
                )}
              </div>
            );
          })}
        </div>
      </div>
    </>
  );
}
