/**
 * Customer search for the Customers tab and "Link to a customer…": any word of the name, email,
 * X handle or an order number, as typed ("petrov", "Петров", "gmail", "@jane", "2291"), through the
 * multi-entry `searchTokens` index (lib/customers/searchTokens.ts). The longest query word is the
 * index probe (fewest candidates); the other words filter what the probe finds.
 */
import { queryTokens, searchTokensOf, tokensMatch } from '../customers/searchTokens';
import type { Customer } from '../schemas/customers';
import type { ReplylineDb } from './db';

export async function searchCustomers(db: ReplylineDb, query: string, limit = 100): Promise<Customer[]> {
  const words = queryTokens(query);
  const probe = [...words].sort((a, b) => b.length - a.length)[0];
  if (!probe) return [];
  const found = await db.customers
    .where('searchTokens')
    .startsWith(probe)
    .distinct()
    .filter((c) => tokensMatch(searchTokensOf(c), words))
    .limit(limit)
    .toArray();
  // A word typed in full ("lee") before one it only starts ("leeds"); then by name.
  const exact = (c: Customer) => {
    const tokens = searchTokensOf(c);
    return words.filter((w) => tokens.includes(w)).length;
  };
  return found.map((c) => ({ c, score: exact(c) })).sort((a, b) => b.score - a.score || a.c.nameKey.localeCompare(b.c.nameKey)).map(({ c }) => c);
}
