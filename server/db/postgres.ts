/** A real PostgreSQL through `pg`: a pool for queries, one dedicated client for LISTEN. */
import pg from 'pg';
import { withRetry, type Db, type Queryable } from './types';

export interface PostgresOptions {
  connectionString: string;
  poolSize?: number;
  /** Told when the LISTEN connection dropped and was re-established (a node may have missed NOTIFYs). */
  onListenReconnect?: () => void;
  onError?: (error: Error) => void;
}

export async function openPostgres(options: PostgresOptions): Promise<Db> {
  const pool = new pg.Pool({ connectionString: options.connectionString, max: options.poolSize ?? 10 });
  pool.on('error', (error) => options.onError?.(error));
  const listeners = new Map<string, Set<(payload: string) => void>>();
  let listenClient: pg.Client | undefined;
  let closed = false;

  const connectListener = async (): Promise<void> => {
    const client = new pg.Client({ connectionString: options.connectionString });
    client.on('notification', (msg) => {
      for (const fn of listeners.get(msg.channel) ?? []) fn(msg.payload ?? '');
    });
    client.on('error', (error) => {
      options.onError?.(error);
      if (listenClient === client) listenClient = undefined;
      void client.end().catch(() => undefined);
      if (!closed) void reconnect();
    });
    await client.connect();
    for (const channel of listeners.keys()) await client.query(`LISTEN ${quoteIdent(channel)}`);
    listenClient = client;
  };
  const reconnect = async (): Promise<void> => {
    for (let delay = 200; !closed; delay = Math.min(delay * 2, 5000)) {
      try {
        await connectListener();
        options.onListenReconnect?.();
        return;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
  };

  // Fail fast on a wrong DATABASE_URL.
  await pool.query('SELECT 1');
  const asQueryable = (q: Pick<pg.PoolClient, 'query'>): Queryable => ({
    async exec(sql) {
      await q.query(sql);
    },
    async query(sql, params = []) {
      const result = await q.query<Record<string, unknown>>(sql, [...params]);
      return result.rows;
    },
  });

  return {
    kind: 'postgres',
    ...asQueryable(pool),
    transaction: (fn) =>
      withRetry(async () => {
        const client = await pool.connect();
        try {
          await client.query('BEGIN');
          const result = await fn(asQueryable(client));
          await client.query('COMMIT');
          return result;
        } catch (error) {
          await client.query('ROLLBACK').catch(() => undefined);
          throw error;
        } finally {
          client.release();
        }
      }),
    async listen(channel, onPayload) {
      let set = listeners.get(channel);
      if (!set) {
        set = new Set();
        listeners.set(channel, set);
        if (!listenClient) await connectListener();
        else await listenClient.query(`LISTEN ${quoteIdent(channel)}`);
      }
      set.add(onPayload);
      return async () => {
        set.delete(onPayload);
      };
    },
    async close() {
      closed = true;
      await listenClient?.end().catch(() => undefined);
      await pool.end();
    },
  };
}

function quoteIdent(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`bad channel name ${name}`);
  return `"${name}"`;
}
