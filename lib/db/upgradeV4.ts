/** Version 4 upgrade: fills the derived index fields (./derivedFields.ts) of rows written before. */
import type { Transaction } from 'dexie';
import { MATCH_KEYS, SEARCH_TOKENS, customerSearchTokens, postMatchKeysOf } from './derivedFields';

export async function upgradeToSearchV4(tx: Transaction): Promise<void> {
  await tx
    .table('customers')
    .toCollection()
    .modify((record: Record<string, unknown>) => {
      record[SEARCH_TOKENS] = customerSearchTokens(record) ?? [];
    });
  await tx
    .table('posts')
    .toCollection()
    .modify((record: Record<string, unknown>) => {
      record[MATCH_KEYS] = postMatchKeysOf(record) ?? [];
    });
}
