/**
 * Team server nodes as child processes on one PostgreSQL (`npm run server` with DATABASE_URL), so
 * the chaos run can SIGKILL one for real.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface ServerNode {
  url: string;
  leadInvite?: string;
  process: ChildProcess;
  /** SIGKILL: no shutdown, open requests and sockets just die. */
  kill(): void;
  /** SIGTERM and wait for the exit. */
  stop(): Promise<void>;
}

/** `nodeArgs`: extra Node options, e.g. `--cpu-prof` (not allowed in NODE_OPTIONS). */
export function startNode(databaseUrl: string, env: Record<string, string> = {}, nodeArgs: string[] = []): Promise<ServerNode> {
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', path.join(ROOT, 'server/main.ts')], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: '0', LOG_LEVEL: 'warn', REPLYLINE_JOINS_PER_MINUTE: '100000', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr = (stderr + d.toString('utf8')).slice(-4000);
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const onData = (d: Buffer) => {
      out += d.toString('utf8');
      const url = /Replyline team server on (http:\/\/\S+)/.exec(out)?.[1];
      if (!url) return;
      // The invite line follows the URL line in the same write or the next.
      const invite = /First lead invite code[^:]*: (\S+)/.exec(out)?.[1];
      child.stdout?.off('data', onData);
      resolve({
        url,
        ...(invite ? { leadInvite: invite } : {}),
        process: child,
        kill: () => child.kill('SIGKILL'),
        stop: async () => {
          if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
          await exited;
        },
      });
    };
    child.stdout?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`server node exited (${code}) before starting: ${stderr}`)));
  });
}
