/** Opens the database, migrates, builds the app and listens: used by main.ts, tests and the chaos run. */
import type { FastifyBaseLogger } from 'fastify';
import { buildApp, type TeamServer } from './app';
import { migrate } from './db/migrate';
import { openEmbedded } from './db/pglite';
import { openPostgres } from './db/postgres';
import type { Db } from './db/types';
import type { Clock } from './store/context';
import { ensureFirstTeam } from './store/teams';

export interface StartOptions {
  /** A PostgreSQL URL; without it the embedded database in `dataDir` (undefined = in memory). */
  databaseUrl?: string;
  dataDir?: string;
  port?: number;
  host?: string;
  teamName?: string;
  logger?: boolean | { level: string };
  clock?: Clock;
  joinsPerMinute?: number;
  trustProxy?: boolean | string;
}

export interface RunningServer extends TeamServer {
  url: string;
  port: number;
  /** A lead invite when the first team has no members yet. */
  leadInvite?: string;
  stop(): Promise<void>;
}

export async function openDb(options: Pick<StartOptions, 'databaseUrl' | 'dataDir'>, log?: () => FastifyBaseLogger, onReconnect?: () => void): Promise<Db> {
  if (!options.databaseUrl) return openEmbedded(options.dataDir);
  return openPostgres({
    connectionString: options.databaseUrl,
    onError: (error) => log?.().warn({ err: error }, 'database connection error'),
    onListenReconnect: onReconnect,
  });
}

const OPS_KEPT_MS = 7 * 24 * 3600_000;

export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  const clock = options.clock ?? Date.now;
  let server: TeamServer | undefined;
  const db = await openDb(
    options,
    () => server?.app.log ?? noLog,
    () => server?.live.resync(),
  );
  try {
    await migrate(db);
    // Idempotency answers are kept a week: long enough for any outbox to replay.
    await db.query('DELETE FROM ops WHERE created_at < $1', [clock() - OPS_KEPT_MS]);
    const first = await ensureFirstTeam(db, options.teamName ?? 'My team', clock());
    server = await buildApp({ db, clock, logger: options.logger ?? false, joinsPerMinute: options.joinsPerMinute, trustProxy: options.trustProxy });
    const running = server;
    await running.live.start();
    await running.app.listen({ port: options.port ?? 0, host: options.host ?? '127.0.0.1' });
    const address = running.app.server.address();
    const port = typeof address === 'object' && address ? address.port : (options.port ?? 0);
    let stopped = false;
    return {
      ...running,
      port,
      url: `http://${options.host ?? '127.0.0.1'}:${port}`,
      ...(first.leadInvite ? { leadInvite: first.leadInvite } : {}),
      async stop() {
        if (stopped) return;
        stopped = true;
        await running.live.close();
        await running.app.close();
        await db.close();
      },
    };
  } catch (error) {
    await db.close().catch(() => undefined);
    throw error;
  }
}

const noop = (): void => undefined;
const noLog: FastifyBaseLogger = {
  level: 'silent',
  fatal: noop,
  error: noop,
  warn: noop,
  info: noop,
  debug: noop,
  trace: noop,
  silent: noop,
  child: () => noLog,
};
