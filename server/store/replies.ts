/**
 * The team reply log. Entries are idempotent by id; the agent is the token's member, whatever the
 * payload says. Logging a reply marks its item replied and frees the sender's claim on it.
 */
import { z } from 'zod';
import { TeamReplyEntrySchema, type ReplyEntryInput, type RepliesResponse, type TeamReplyEntry, ReplyEntryInputSchema } from '../../lib/team/protocol';
import type { Queryable } from '../db/types';
import type { Caller } from './context';

const ReplyRow = z.object({ data: z.record(z.string(), z.unknown()), member_id: z.string(), seq: z.coerce.number().int(), received_at: z.coerce.number().int() });
const IdRow = z.object({ id: z.string() });
const KeyRow = z.object({ key: z.string() });

function toEntry(raw: Record<string, unknown>): TeamReplyEntry {
  const row = ReplyRow.parse(raw);
  return TeamReplyEntrySchema.parse({ ...row.data, memberId: row.member_id, seq: row.seq, receivedAt: row.received_at });
}

export async function readRepliesByIds(q: Queryable, teamId: string, ids: readonly string[]): Promise<TeamReplyEntry[]> {
  if (ids.length === 0) return [];
  const rows = await q.query('SELECT data, member_id, seq, received_at FROM replies WHERE team_id = $1 AND id = ANY($2::text[])', [teamId, [...ids]]);
  return rows.map(toEntry);
}

/** One row per entry, or a single row of nulls (but `top`) when there is none. */
const PageRow = z.object({ seq: z.union([z.null(), z.coerce.number().int()]), top: z.coerce.number().int() });

/**
 * Entries after `since` that member `viewerId` may read (store/visibility.ts: a lead all, an agent
 * their own), decided in one statement with the member's role as it is now. An agent's page skips
 * teammates' rows in SQL, so a full page is a full page of theirs. The last page's cursor moves to
 * the end of the log, so the next call does not scan the same teammates' rows again: entries get
 * their seq in the transaction that commits them, in seq order (store/changes.ts), so the statement
 * sees a prefix of the log and nothing below its end can appear later.
 */
export async function readRepliesSince(
  q: Queryable,
  teamId: string,
  viewerId: string,
  since: number,
  limit: number,
): Promise<{ entries: TeamReplyEntry[]; cursor: number; more: boolean }> {
  const rows = await q.query(
    `WITH viewer AS (SELECT id, role FROM members WHERE team_id = $1 AND id = $4::uuid),
     page AS (
       SELECT r.data, r.member_id, r.seq, r.received_at FROM replies r, viewer v
       WHERE r.team_id = $1 AND r.seq > $2 AND (v.role = 'lead' OR r.member_id = v.id)
       ORDER BY r.seq LIMIT $3),
     top AS (SELECT coalesce(max(seq), 0) AS seq FROM replies WHERE team_id = $1)
     SELECT page.data, page.member_id, page.seq, page.received_at, top.seq AS top FROM top LEFT JOIN page ON true ORDER BY page.seq`,
    [teamId, since, limit, viewerId],
  );
  const parsed = rows.map((r) => PageRow.parse(r));
  const entries = rows.filter((_, i) => parsed[i]?.seq !== null).map(toEntry);
  const more = entries.length === limit;
  const last = entries[entries.length - 1]?.seq ?? since;
  const top = parsed[0]?.top ?? since;
  return { entries, cursor: more ? last : Math.max(since, last, top), more };
}

/** Inserts new entries (seq filled in by `assignReplySeqs` once the change seqs are known). */
export async function storeReplies(
  tx: Queryable,
  caller: Caller,
  input: readonly ReplyEntryInput[],
  now: number,
): Promise<{ response: RepliesResponse; itemKeys: string[] }> {
  const entries = input.map((e) => ({ ...ReplyEntryInputSchema.parse(e), agent: caller.displayName }));
  const stored = (
    await tx.query(
      `INSERT INTO replies (team_id, id, member_id, data, seq, received_at)
         SELECT $1, e->>'id', $2, e, 0, $4 FROM jsonb_array_elements($3::jsonb) AS e
       ON CONFLICT DO NOTHING RETURNING id`,
      [caller.teamId, caller.memberId, JSON.stringify(entries), now],
    )
  ).map((r) => IdRow.parse(r).id);
  const storedSet = new Set(stored);
  const fresh = entries.filter((e) => storedSet.has(e.id));
  const response = { stored: fresh.map((e) => e.id), duplicates: entries.filter((e) => !storedSet.has(e.id)).map((e) => e.id) };
  if (fresh.length === 0) return { response, itemKeys: [] };
  const postKeys = [...new Set(fresh.map((e) => e.postKey))];
  const latest = Math.max(...fresh.map((e) => e.repliedAt));
  const itemKeys = (
    await tx.query(
      `WITH k AS (
         SELECT DISTINCT coalesce(a.key, p.k) AS key FROM unnest($2::text[]) AS p(k)
         LEFT JOIN aliases a ON a.team_id = $1 AND a.alias = p.k),
       locked AS (SELECT i.key FROM items i JOIN k ON k.key = i.key WHERE i.team_id = $1 ORDER BY i.key FOR UPDATE OF i)
       UPDATE items i SET state = 'replied',
         data = jsonb_set(jsonb_set(i.data, '{repliedAt}', to_jsonb(coalesce((i.data->>'repliedAt')::bigint, $4::bigint))), '{updatedAt}', to_jsonb($5::bigint)),
         claim_member = CASE WHEN i.claim_member = $3 THEN NULL ELSE i.claim_member END,
         claim_until = CASE WHEN i.claim_member = $3 THEN NULL ELSE i.claim_until END,
         claim_taken_from = CASE WHEN i.claim_member = $3 THEN NULL ELSE i.claim_taken_from END,
         version = i.version + 1, updated_at = $5
       FROM locked WHERE i.team_id = $1 AND i.key = locked.key AND (i.state <> 'replied' OR i.claim_member = $3)
       RETURNING i.key`,
      [caller.teamId, postKeys, caller.memberId, latest, now],
    )
  ).map((r) => KeyRow.parse(r).key);
  return { response, itemKeys };
}

/** Reply entries take the change seq they were announced with (GET /v1/replies?since=…). */
export async function assignReplySeqs(tx: Queryable, teamId: string, ids: readonly string[], seqs: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
  await tx.query('UPDATE replies r SET seq = s.seq FROM unnest($2::text[], $3::bigint[]) AS s(id, seq) WHERE r.team_id = $1 AND r.id = s.id', [
    teamId,
    [...ids],
    [...seqs],
  ]);
}
