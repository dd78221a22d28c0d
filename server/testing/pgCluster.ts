/**
 * A throw-away PostgreSQL cluster for tests, the chaos run and the bench: Debian's binaries
 * (initdb, pg_ctl), run as the `postgres` user when we are root (PostgreSQL refuses root), on
 * 127.0.0.1 and a free port, data in a fresh folder under /tmp. Durability is off: it is thrown away.
 */
import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface PgCluster {
  /** postgres://postgres@127.0.0.1:<port>/postgres */
  url: string;
  port: number;
  dataDir: string;
  /** A fresh, empty database on this cluster; its URL. */
  createDatabase(name: string): Promise<string>;
  stop(): Promise<void>;
}

/** PG_BIN, else Debian's newest installed PostgreSQL (15 on bookworm). */
export function postgresBinDir(): string {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => /^\d+$/.test(v) && Number(v) >= 15).sort((a, b) => Number(b) - Number(a)) : [];
  return path.join(root, versions[0] ?? '15', 'bin');
}

/** Why a cluster cannot start here, or undefined when it can. */
export function pgUnavailableReason(): string | undefined {
  const bin = postgresBinDir();
  if (!existsSync(path.join(bin, 'initdb')) || !existsSync(path.join(bin, 'pg_ctl'))) {
    return `PostgreSQL binaries not found in ${bin} (install Debian's "postgresql" package or set PG_BIN)`;
  }
  if (process.getuid?.() === 0 && !existsSync('/usr/sbin/runuser')) return 'running as root without runuser to switch to the postgres user';
  return undefined;
}

/** In CI the real-PostgreSQL tests are required: a missing cluster fails instead of skipping. */
export const realPgRequired = (): boolean => process.env.CI === 'true';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function postgresUser(): Promise<{ uid: number; gid: number } | undefined> {
  if (process.getuid?.() !== 0) return undefined;
  const { stdout: uid } = await run('id', ['-u', 'postgres']);
  const { stdout: gid } = await run('id', ['-g', 'postgres']);
  return { uid: Number(uid.trim()), gid: Number(gid.trim()) };
}

export async function startPgCluster(): Promise<PgCluster> {
  const why = pgUnavailableReason();
  if (why) throw new Error(why);
  const bin = postgresBinDir();
  const owner = await postgresUser();
  const asPostgres = (cmd: string, args: string[]) =>
    owner ? run('/usr/sbin/runuser', ['-u', 'postgres', '--', cmd, ...args]) : run(cmd, args);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'replyline-pg-'));
  if (owner) chownSync(dataDir, owner.uid, owner.gid);
  const port = await freePort();
  const pgdata = path.join(dataDir, 'data');
  const logFile = path.join(dataDir, 'postgres.log');
  try {
    if (owner) {
      writeFileSync(logFile, '');
      chownSync(logFile, owner.uid, owner.gid);
    }
    await asPostgres(path.join(bin, 'initdb'), ['-D', pgdata, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync', '--no-instructions']);
    const settings = [
      `-p ${port}`,
      `-k ${dataDir}`,
      '-c listen_addresses=127.0.0.1',
      '-c fsync=off',
      '-c synchronous_commit=off',
      '-c full_page_writes=off',
      '-c max_connections=300',
    ].join(' ');
    await asPostgres(path.join(bin, 'pg_ctl'), ['-D', pgdata, '-o', settings, '-l', logFile, '-w', '-t', '60', 'start']);
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  let stopped = false;
  return {
    url,
    port,
    dataDir,
    async createDatabase(name) {
      if (!/^[a-z_][a-z0-9_]{0,40}$/.test(name)) throw new Error(`bad database name ${name}`);
      const pg = await import('pg');
      const client = new pg.default.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${name}`);
      } finally {
        await client.end();
      }
      return `postgres://postgres@127.0.0.1:${port}/${name}`;
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      await asPostgres(path.join(bin, 'pg_ctl'), ['-D', pgdata, '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
