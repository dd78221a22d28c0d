/**
 * Idempotent operations: the first request with an opId stores its answer in the same transaction
 * as its effect; a replay (an outbox retrying, a lost response) gets that answer back and changes
 * nothing. A concurrent replay waits on the row lock of the first and then reads its answer.
 */
import { z } from 'zod';
import type { Queryable } from '../db/types';
import { HttpError } from '../errors';
import type { Caller } from './context';

const StoredOp = z.object({ member_id: z.string(), kind: z.string(), response: z.unknown() });

export async function withOp<T>(
  tx: Queryable,
  caller: Caller,
  opId: string,
  kind: string,
  now: number,
  run: () => Promise<T>,
  parse: (stored: unknown) => T,
  /** Last writes of the transaction (the change sequence), after the answer is stored. */
  finish: () => Promise<unknown> = async () => undefined,
): Promise<T> {
  const inserted = await tx.query(
    'INSERT INTO ops (team_id, op_id, member_id, kind, created_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING op_id',
    [caller.teamId, opId, caller.memberId, kind, now],
  );
  if (inserted.length === 0) {
    const rows = await tx.query('SELECT member_id, kind, response FROM ops WHERE team_id = $1 AND op_id = $2', [caller.teamId, opId]);
    const stored = StoredOp.parse(rows[0]);
    if (stored.member_id !== caller.memberId || stored.kind !== kind) throw new HttpError('conflict', 'opId already used for another operation');
    return parse(stored.response);
  }
  const result = await run();
  await tx.query('UPDATE ops SET response = $3::jsonb WHERE team_id = $1 AND op_id = $2', [caller.teamId, opId, JSON.stringify(result)]);
  await finish();
  return result;
}
