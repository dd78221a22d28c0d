/** Live customer reads for the views: key lookups, the indexed search and a paged list. */
import { useLiveQuery } from 'dexie-react-hooks';
import type { Customer } from '../../schemas/customers';
import { customerInteractions, customersPage, countExisting, searchCustomers } from '../customers';
import { getDb } from '../db';

/** The customer, or undefined (no id, not found, or still loading). */
export const useCustomer = (id: string | undefined) => useLiveQuery(() => (id ? getDb().customers.get(id) : undefined), [id]);

/** The customer; null once known to be missing (or without an id), undefined while loading. */
export const useCustomerOrNull = (id: string | undefined) =>
  useLiveQuery(async (): Promise<Customer | null> => (id ? ((await getDb().customers.get(id)) ?? null) : null), [id]);

export const useCustomerCount = () => useLiveQuery(() => getDb().customers.count(), []);

/** Search results for `query` (lib/db/customerSearch); undefined for an empty query or while loading. */
export const useCustomerSearch = (query: string, limit: number) =>
  useLiveQuery(() => (query ? searchCustomers(getDb(), query, limit) : undefined), [query, limit]);

/** One page of the customer list, in name order (the `nameKey` index). */
export const useCustomersPage = (size: number, start: number, enabled = true) =>
  useLiveQuery(() => (enabled ? customersPage(getDb(), size, start) : undefined), [enabled, size, start]);

export const useCustomerInteractions = (customerId: string) => useLiveQuery(() => customerInteractions(getDb(), customerId), [customerId]);

/** How many of `ids` are already stored (import preview). */
export const countExistingCustomers = (ids: readonly string[]) => countExisting(getDb(), ids);

/** Names of the customers with these ids, for exports (one bulk key read). */
export async function customerNames(ids: readonly string[]): Promise<Map<string, { name: string }>> {
  const customers = await getDb().customers.bulkGet([...new Set(ids)]);
  return new Map(customers.flatMap((c) => (c ? [[c.id, { name: c.name }] as const] : [])));
}
