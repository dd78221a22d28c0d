/** The customer matcher's look-ups, answered from the customers table's indexes. */
import type { CustomerLookup } from '../customers/match';
import type { ReplylineDb } from './db';

export function dbCustomerLookup(db: ReplylineDb): CustomerLookup {
  return {
    byXHandle: (handle) => db.customers.where('xHandle').equals(handle).toArray(),
    byFacebookUrl: (url) => db.customers.where('facebookUrl').equals(url).toArray(),
    byNameKey: (nameKey) => db.customers.where('nameKey').equals(nameKey).limit(20).toArray(),
    byEmail: (email) => db.customers.where('email').equals(email).toArray(),
    byOrderNumber: (n) => db.customers.where('orderNumbers').equals(n).toArray(),
  };
}
