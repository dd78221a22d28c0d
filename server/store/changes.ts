/**
 * The team's change sequence. `recordChanges` must be the LAST write of a transaction: it takes the
 * team row's lock, so transactions that record changes commit in sequence order and the committed
 * changes are always exactly 1..change_seq (no gaps, nothing committed late behind a cursor).
 */
import { z } from 'zod';
import { ChangeSchema, type Change } from '../../lib/team/protocol';
import type { Queryable } from '../db/types';
import { readItems } from './items';
import { readRepliesByIds } from './replies';

export const CHANGES_CHANNEL = 'replyline_changes';

export type ChangeKind = Change['kind'];
export interface ChangeRef {
  kind: ChangeKind;
  ref: string;
}

const SeqRow = z.object({ seq: z.coerce.number().int() });

/** Appends the changes and tells every node (delivered on commit). Returns their seqs, in order. */
export async function recordChanges(tx: Queryable, teamId: string, refs: readonly ChangeRef[], now: number): Promise<number[]> {
  if (refs.length === 0) return [];
  // One statement, so the team row's lock is held only for it and the commit. Identical NOTIFYs
  // in one transaction are delivered once.
  const rows = await tx.query(
    `WITH s AS (UPDATE teams SET change_seq = change_seq + $2 WHERE id = $1 RETURNING change_seq),
     ins AS (
       INSERT INTO changes (team_id, seq, kind, ref, at)
         SELECT $1, s.change_seq - $2 + c.ord, c.kind, c.ref, $5
         FROM s, unnest($3::text[], $4::text[]) WITH ORDINALITY AS c(kind, ref, ord)
       RETURNING seq)
     SELECT ins.seq, pg_notify($6, $1::text || ':' || s.change_seq::text) AS notified FROM ins, s`,
    [teamId, refs.length, refs.map((r) => r.kind), refs.map((r) => r.ref), now, CHANGES_CHANNEL],
  );
  return rows.map((r) => SeqRow.parse(r).seq).sort((a, b) => a - b);
}

export function parseNotice(payload: string): { teamId: string; seq: number } | undefined {
  const [teamId, seq] = payload.split(':');
  const n = Number(seq);
  return teamId && Number.isInteger(n) ? { teamId, seq: n } : undefined;
}

const TeamSeqRow = z.object({ change_seq: z.coerce.number().int() });
export async function teamCursor(q: Queryable, teamId: string): Promise<number> {
  const rows = await q.query('SELECT change_seq FROM teams WHERE id = $1', [teamId]);
  return TeamSeqRow.parse(rows[0]).change_seq;
}

const ChangeRow = z.object({ seq: z.coerce.number().int(), kind: z.string(), ref: z.string(), at: z.coerce.number().int() });

/**
 * Changes in (since, since+limit]. `coalesce`: an item or reply appears once, at its latest seq
 * (it carries its current state anyway). Live pushes do not coalesce, so their seqs have no gaps.
 */
export async function readChanges(
  q: Queryable,
  teamId: string,
  since: number,
  limit: number,
  coalesce: boolean,
): Promise<{ changes: Change[]; cursor: number; more: boolean }> {
  const rows = (
    await q.query('SELECT seq, kind, ref, at FROM changes WHERE team_id = $1 AND seq > $2 AND seq <= $3 ORDER BY seq', [
      teamId,
      since,
      since + limit,
    ])
  ).map((r) => ChangeRow.parse(r));
  const cursor = rows.length > 0 ? (rows[rows.length - 1]?.seq ?? since) : since;
  let picked = rows;
  if (coalesce) {
    const latest = new Map<string, number>();
    for (const r of rows) latest.set(`${r.kind}\u0000${r.ref}`, r.seq);
    picked = rows.filter((r) => latest.get(`${r.kind}\u0000${r.ref}`) === r.seq);
  }
  const itemKeys = [...new Set(picked.filter((r) => r.kind === 'item').map((r) => r.ref))];
  const replyIds = [...new Set(picked.filter((r) => r.kind === 'reply').map((r) => r.ref))];
  const items = new Map((await readItems(q, teamId, itemKeys)).map((i) => [i.key, i]));
  const replies = new Map((await readRepliesByIds(q, teamId, replyIds)).map((e) => [e.id, e]));
  const changes: Change[] = [];
  for (const r of picked) {
    const base = { seq: r.seq, at: r.at };
    if (r.kind === 'item') {
      const item = items.get(r.ref);
      if (item) changes.push(ChangeSchema.parse({ ...base, kind: 'item', item }));
    } else if (r.kind === 'reply') {
      const entry = replies.get(r.ref);
      if (entry) changes.push(ChangeSchema.parse({ ...base, kind: 'reply', entry }));
    } else if (r.kind === 'config') {
      changes.push(ChangeSchema.parse({ ...base, kind: 'config', section: r.ref }));
    } else if (r.kind === 'members') {
      changes.push(ChangeSchema.parse({ ...base, kind: 'members' }));
    }
  }
  return { changes, cursor, more: rows.length === limit };
}
