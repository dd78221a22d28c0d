/** Request helpers: the caller (set by the auth hook), leads-only guard, idempotent mutations. */
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Db, Queryable } from '../db/types';
import { HttpError } from '../errors';
import type { Caller, Clock } from '../store/context';
import { recordChanges, type ChangeRef } from '../store/changes';
import { withOp } from '../store/ops';

export function callerOf(request: FastifyRequest): Caller {
  if (!request.caller) throw new HttpError('unauthorized', 'missing device token');
  return request.caller;
}

export function leadOf(request: FastifyRequest): Caller {
  const caller = callerOf(request);
  if (caller.role !== 'lead') throw new HttpError('forbidden', 'only a team lead can do this');
  return caller;
}

/**
 * One transaction: the opId check, the effect, its changes (last, see store/changes.ts) and the
 * stored answer. A replayed opId returns the stored answer, parsed with `schema`.
 */
export function mutate<S extends z.ZodType>(
  db: Db,
  clock: Clock,
  caller: Caller,
  opId: string,
  kind: string,
  schema: S,
  run: (tx: Queryable, now: number) => Promise<{ result: z.infer<S>; changes: ChangeRef[] }>,
): Promise<z.infer<S>> {
  const now = clock();
  return db.transaction((tx) => {
    let changes: ChangeRef[] = [];
    return withOp(
      tx,
      caller,
      opId,
      kind,
      now,
      async () => {
        const done = await run(tx, now);
        changes = done.changes;
        return done.result;
      },
      (stored) => schema.parse(stored),
      () => recordChanges(tx, caller.teamId, changes, now),
    );
  });
}

export const itemChange = (key: string): ChangeRef => ({ kind: 'item', ref: key });
