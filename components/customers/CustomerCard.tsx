/** Who wrote the post, when we know them: the linked (or suggested) customer. */
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '@/lib/db/db';
import type { QueueItem } from '@/lib/schemas';

export function CustomerCard({ item }: { item: QueueItem }) {
  const id = item.customerId ?? item.customerMatch?.customerId;
  const customer = useLiveQuery(() => (id ? getDb().customers.get(id) : undefined), [id]);
  if (!customer) return null;
  return (
    <section className="card customer-card" data-customer-id={customer.id}>
      <div>
        <strong>{customer.name}</strong>
        <p className="muted">
          {customer.orderCount} · {customer.totalSpent} {customer.currency}
        </p>
      </div>
    </section>
  );
}
