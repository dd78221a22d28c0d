/** Registers every /v1 HTTP route (lib/team/protocol.ts lists them). */
import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/types';
import type { Live } from '../live';
import type { Clock } from '../store/context';
import { accountRoutes } from './account';
import { itemRoutes } from './items';
import { logRoutes } from './log';

export interface RouteDeps {
  db: Db;
  clock: Clock;
  live: Live;
  joinsPerMinute: number;
}

export async function registerRoutes(app: FastifyInstance, deps: RouteDeps): Promise<void> {
  accountRoutes(app, deps);
  itemRoutes(app, deps);
  logRoutes(app, deps);
}
