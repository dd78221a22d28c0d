/**
 * Index-only fields Dexie writes next to a record, computed from it on every add/put (a DBCore
 * middleware), so no write path can forget them and no schema carries them:
 * - customers.searchTokens: the words a customer is found by (lib/customers/searchTokens.ts);
 * - posts.matchKeys: the identifiers the author matcher looks up (lib/customers/matchKeys.ts), so
 *   a new or edited customer finds the queue items to re-match by index, never by a scan.
 * Registered above Dexie's observability layer (default level 10), so live queries see the writes.
 */
import type Dexie from 'dexie';
import type { DBCoreMutateRequest } from 'dexie';
import { z } from 'zod';
import { pick } from 'zod/mini';
import { postMatchKeys } from '../customers/matchKeys';
import { searchTokensOf } from '../customers/searchTokens';
import { CustomerSchema } from '../schemas/customers';
import { PostSchema } from '../schemas/posts';

export const SEARCH_TOKENS = 'searchTokens';
export const MATCH_KEYS = 'matchKeys';

// Only what the derivations read: a cheap parse that also proves the record's shape.
const SearchableSchema = CustomerSchema.pick({ name: true, facebookName: true, email: true, xHandle: true, orderNumbers: true });
// PostSchema is a zod/mini object (the page parses it): its `pick` is a function.
const MatchableSchema = pick(PostSchema, { site: true, authorHandle: true, authorName: true, authorProfileUrl: true, text: true });
const RecordSchema = z.record(z.string(), z.unknown());

function derive(value: unknown, field: string, compute: (v: unknown) => string[] | undefined): unknown {
  const record = RecordSchema.safeParse(value);
  const derived = compute(value);
  if (!record.success || !derived) return value;
  return { ...record.data, [field]: derived };
}

export function customerSearchTokens(value: unknown): string[] | undefined {
  const parsed = SearchableSchema.safeParse(value);
  return parsed.success ? searchTokensOf(parsed.data) : undefined;
}

export function postMatchKeysOf(value: unknown): string[] | undefined {
  const parsed = MatchableSchema.safeParse(value);
  return parsed.success ? postMatchKeys(parsed.data) : undefined;
}

const DERIVED: Readonly<Record<string, (value: unknown) => unknown>> = {
  customers: (v) => derive(v, SEARCH_TOKENS, customerSearchTokens),
  posts: (v) => derive(v, MATCH_KEYS, postMatchKeysOf),
};

function withDerived(req: DBCoreMutateRequest, map: (value: unknown) => unknown): DBCoreMutateRequest {
  if (req.type !== 'add' && req.type !== 'put') return req;
  return { ...req, values: req.values.map((v: unknown) => map(v)) };
}

export function registerDerivedFields(db: Dexie): void {
  db.use({
    stack: 'dbcore',
    name: 'replylineDerivedFields',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        const map = DERIVED[name];
        if (!map) return table;
        return { ...table, mutate: (req) => table.mutate(withDerived(req, map)) };
      },
    }),
  });
}
