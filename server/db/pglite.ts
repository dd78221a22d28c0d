/** Embedded PostgreSQL (PGlite, WASM): one in-process connection, data in a local folder. */
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { withRetry, type Db, type Queryable } from './types';

/** `dataDir` undefined = in memory (tests). */
export async function openEmbedded(dataDir?: string): Promise<Db> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const pg = await PGlite.create(dataDir);
  const asQueryable = (q: Pick<PGlite, 'query' | 'exec'>): Queryable => ({
    async exec(sql) {
      await q.exec(sql);
    },
    async query(sql, params = []) {
      const result = await q.query<Record<string, unknown>>(sql, [...params]);
      return result.rows;
    },
  });
  return {
    kind: 'embedded',
    ...asQueryable(pg),
    transaction: (fn) => withRetry(() => pg.transaction((tx) => fn(asQueryable(tx)))),
    async listen(channel, onPayload) {
      const unlisten = await pg.listen(channel, onPayload);
      return () => unlisten();
    },
    close: () => pg.close(),
  };
}
