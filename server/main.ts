/**
 * `npm run server`: the Replyline team server. Configuration by environment:
 *   PORT (default 8787), HOST (default 127.0.0.1), DATABASE_URL (a PostgreSQL 15+; several nodes may
 *   share it), REPLYLINE_DATA_DIR (embedded database folder, default ./.replyline-server-data),
 *   REPLYLINE_TEAM_NAME (the first team's name), LOG_LEVEL (default info),
 *   REPLYLINE_JOINS_PER_MINUTE (invite redemptions per client address and minute, default 10),
 *   TRUST_PROXY (behind a reverse proxy: `true`, or the proxy's address/CIDR, so X-Forwarded-For counts).
 */
import { startServer } from './start';

const env = process.env;
const port = env.PORT === undefined ? 8787 : Number(env.PORT);
const host = env.HOST ?? '127.0.0.1';

const server = await startServer({
  ...(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : { dataDir: env.REPLYLINE_DATA_DIR ?? '.replyline-server-data' }),
  port,
  host,
  teamName: env.REPLYLINE_TEAM_NAME ?? 'My team',
  logger: { level: env.LOG_LEVEL ?? 'info' },
  joinsPerMinute: Number(env.REPLYLINE_JOINS_PER_MINUTE ?? 10) || 10,
  ...(env.TRUST_PROXY ? { trustProxy: env.TRUST_PROXY === 'true' ? true : env.TRUST_PROXY } : {}),
});

// One write, so whoever reads the first line has the invite too.
const invite = server.leadInvite ? `\nFirst lead invite code (single use, 72 h): ${server.leadInvite}` : '';
console.log(`Replyline team server on ${server.url}${invite}`);

let stopping = false;
const shutdown = (signal: string): void => {
  if (stopping) return;
  stopping = true;
  server.app.log.info({ signal }, 'shutting down');
  server.stop().then(
    () => process.exit(0),
    (error: unknown) => {
      server.app.log.error({ err: error }, 'shutdown failed');
      process.exit(1);
    },
  );
};
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
