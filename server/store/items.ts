/**
 * Team queue items: reading them with their people, and the one-statement compare-and-set writes
 * (claim, renew, release, assign, state). Every statement is scoped by team_id.
 */
import { z } from 'zod';
import { CLAIM_LEASE_MS, TeamItemSchema, type ClaimResult, type ItemResult, type TeamItem } from '../../lib/team/protocol';
import type { QueueState } from '../../lib/schemas';
import type { Queryable } from '../db/types';
import { HttpError } from '../errors';
import type { Caller } from './context';

const nullableNumber = z.coerce.number().int().nullable();
const ItemRow = z.object({
  key: z.string(),
  data: z.record(z.string(), z.unknown()),
  state: z.string(),
  version: z.coerce.number().int(),
  assignment: z.unknown().nullable(),
  assignee_id: z.string().nullable(),
  assignee_name: z.string().nullable(),
  claim_member: z.string().nullable(),
  claim_name: z.string().nullable(),
  claim_until: nullableNumber,
  claim_taken_from: z.string().nullable(),
  taken_name: z.string().nullable(),
});

/** Columns of an item with its people's names; `src` is `items` or a CTE with its columns. */
export function itemSelect(src: string): string {
  return `SELECT i.key, i.data, i.state, i.version, i.assignment, i.assignee_id, am.display_name AS assignee_name,
      i.claim_member, cm.display_name AS claim_name, i.claim_until, i.claim_taken_from, tm.display_name AS taken_name
    FROM ${src} i
    LEFT JOIN members am ON am.id = i.assignee_id
    LEFT JOIN members cm ON cm.id = i.claim_member
    LEFT JOIN members tm ON tm.id = i.claim_taken_from`;
}

export function toTeamItem(raw: Record<string, unknown>): TeamItem {
  const row = ItemRow.parse(raw);
  const ref = (id: string | null, name: string | null) => (id && name ? { id, displayName: name } : undefined);
  const owner = ref(row.claim_member, row.claim_name);
  return TeamItemSchema.parse({
    ...row.data,
    key: row.key,
    state: row.state,
    version: row.version,
    assignee: ref(row.assignee_id, row.assignee_name),
    assignment: row.assignment ?? undefined,
    claim: owner && row.claim_until !== null ? { owner, leaseUntil: row.claim_until, takenOverFrom: ref(row.claim_taken_from, row.taken_name) } : undefined,
  });
}

export async function readItems(q: Queryable, teamId: string, keys: readonly string[]): Promise<TeamItem[]> {
  if (keys.length === 0) return [];
  const rows = await q.query(`${itemSelect('items')} WHERE i.team_id = $1 AND i.key = ANY($2::text[])`, [teamId, [...keys]]);
  return rows.map(toTeamItem);
}

export async function readItemPage(q: Queryable, teamId: string, after: string | undefined, limit: number): Promise<TeamItem[]> {
  const rows = await q.query(`${itemSelect('items')} WHERE i.team_id = $1 AND i.key > $2 ORDER BY i.key LIMIT $3`, [teamId, after ?? '', limit]);
  return rows.map(toTeamItem);
}

const KeyRow = z.object({ key: z.string() });

/** The item key a post key is filed under (any alias of it), or the key itself. */
export async function resolveKey(q: Queryable, teamId: string, key: string): Promise<string> {
  const rows = await q.query('SELECT key FROM aliases WHERE team_id = $1 AND alias = $2', [teamId, key]);
  return rows[0] ? KeyRow.parse(rows[0]).key : key;
}

async function mustRead(q: Queryable, teamId: string, key: string): Promise<TeamItem> {
  const [item] = await readItems(q, teamId, [key]);
  if (!item) throw new HttpError('not_found', `no team item ${key}`);
  return item;
}

/** The item a key names: its own key or any alias of it ($1 team, $2 key), resolved in the statement. */
const ITEM_KEY = `coalesce((SELECT a.key FROM aliases a WHERE a.team_id = $1 AND a.alias = $2), $2)`;

const touch = `version = i.version + 1, updated_at = $now, data = jsonb_set(i.data, '{updatedAt}', to_jsonb($now::bigint))`;

/** `$now` placeholders in a statement body become the given parameter number. */
function sql(text: string, nowParam: number): string {
  return text.replaceAll('$now', `$${nowParam}`);
}

/**
 * Compare-and-set in one statement: the caller gets the claim if nobody holds it, they hold it, it
 * expired, or they take it over. Concurrent claims queue on the row lock and re-check the condition,
 * so there are never two owners.
 */
export async function claimItem(tx: Queryable, caller: Caller, rawKey: string, takeover: boolean, now: number): Promise<{ result: ClaimResult; changed: boolean }> {
  // The refusal is read by a later statement, which may see the owner's release commit in between:
  // then the item is free and the compare-and-set is simply tried again.
  for (let attempt = 0; attempt < 5; attempt++) {
    const rows = await tx.query(
      sql(
        `WITH u AS (
          UPDATE items i SET claim_member = $3, claim_until = $5,
            claim_taken_from = CASE WHEN i.claim_member = $3 THEN i.claim_taken_from
                                    WHEN i.claim_member IS NOT NULL AND i.claim_until > $4 THEN i.claim_member
                                    ELSE NULL END,
            ${touch}
          WHERE i.team_id = $1 AND i.key = ${ITEM_KEY}
            AND (i.claim_member IS NULL OR i.claim_member = $3 OR i.claim_until <= $4 OR $6::boolean)
          RETURNING i.*)
        ${itemSelect('u')}`,
        4,
      ),
      [caller.teamId, rawKey, caller.memberId, now, now + CLAIM_LEASE_MS, takeover],
    );
    if (rows[0]) return { result: { ok: true, item: toTeamItem(rows[0]) }, changed: true };
    const refused = heldByOther(await mustRead(tx, caller.teamId, await resolveKey(tx, caller.teamId, rawKey)), caller, now);
    if (refused) return { result: refused, changed: false };
  }
  throw new HttpError('conflict', 'the item kept changing; try again');
}

/** The refusal when a teammate holds a live claim on the item, else undefined. */
function heldByOther(item: TeamItem, caller: Caller, now: number): ClaimResult | undefined {
  const claim = item.claim;
  if (!claim || claim.leaseUntil <= now || claim.owner.id === caller.memberId) return undefined;
  return { ok: false, owner: claim.owner, leaseUntil: claim.leaseUntil, item };
}

/** Extends the caller's own claim; fails (with the new owner) when it was lost meanwhile. */
export async function renewClaim(tx: Queryable, caller: Caller, rawKey: string, now: number): Promise<{ result: ClaimResult; changed: boolean }> {
  const rows = await tx.query(
    sql(`WITH u AS (UPDATE items i SET claim_until = $4, ${touch} WHERE i.team_id = $1 AND i.key = ${ITEM_KEY} AND i.claim_member = $3 RETURNING i.*) ${itemSelect('u')}`, 5),
    [caller.teamId, rawKey, caller.memberId, now + CLAIM_LEASE_MS, now],
  );
  if (rows[0]) return { result: { ok: true, item: toTeamItem(rows[0]) }, changed: true };
  const key = await resolveKey(tx, caller.teamId, rawKey);
  const item = await mustRead(tx, caller.teamId, key);
  // Nobody took it: renewing an expired or released claim is claiming it again.
  const refused = heldByOther(item, caller, now);
  return refused ? { result: refused, changed: false } : claimItem(tx, caller, key, false, now);
}

export async function releaseClaim(tx: Queryable, caller: Caller, rawKey: string, now: number): Promise<{ result: ItemResult; changed: boolean }> {
  const rows = await tx.query(
    sql(
      `WITH u AS (UPDATE items i SET claim_member = NULL, claim_until = NULL, claim_taken_from = NULL, ${touch}
        WHERE i.team_id = $1 AND i.key = ${ITEM_KEY} AND i.claim_member = $3 RETURNING i.*) ${itemSelect('u')}`,
      4,
    ),
    [caller.teamId, rawKey, caller.memberId, now],
  );
  if (rows[0]) return { result: { ok: true, item: toTeamItem(rows[0]) }, changed: true };
  const item = await mustRead(tx, caller.teamId, await resolveKey(tx, caller.teamId, rawKey));
  if (item.claim && item.claim.leaseUntil > now) {
    return { result: { ok: false, reason: 'notOwner', item, owner: item.claim.owner, leaseUntil: item.claim.leaseUntil }, changed: false };
  }
  return { result: { ok: true, item }, changed: false };
}

const MemberNameRow = z.object({ id: z.string(), display_name: z.string() });

export async function memberOfTeam(q: Queryable, teamId: string, memberId: string): Promise<{ id: string; displayName: string }> {
  const rows = await q.query('SELECT id, display_name FROM members WHERE team_id = $1 AND id = $2', [teamId, memberId]);
  if (!rows[0]) throw new HttpError('not_found', 'no such teammate');
  const m = MemberNameRow.parse(rows[0]);
  return { id: m.id, displayName: m.display_name };
}

/** Assigns (or escalates) to a teammate with a note; the caller's own claim goes with it. */
export async function assignItem(
  tx: Queryable,
  caller: Caller,
  input: { key: string; memberId: string; note: string; escalate: boolean },
  now: number,
): Promise<TeamItem> {
  const key = await resolveKey(tx, caller.teamId, input.key);
  const to = await memberOfTeam(tx, caller.teamId, input.memberId);
  const assignment = { to, by: { id: caller.memberId, displayName: caller.displayName }, note: input.note, escalate: input.escalate, at: now };
  const rows = await tx.query(
    sql(
      `WITH u AS (UPDATE items i SET assignee_id = $3, assignment = $4::jsonb,
          state = CASE WHEN $5::boolean THEN 'escalated' WHEN i.state IN ('dismissed', 'filtered', 'snoozed', 'replied') THEN 'new' ELSE i.state END,
          claim_member = CASE WHEN i.claim_member = $6 THEN NULL ELSE i.claim_member END,
          claim_until = CASE WHEN i.claim_member = $6 THEN NULL ELSE i.claim_until END,
          claim_taken_from = CASE WHEN i.claim_member = $6 THEN NULL ELSE i.claim_taken_from END,
          ${touch}
        WHERE i.team_id = $1 AND i.key = $2 RETURNING i.*) ${itemSelect('u')}`,
      7,
    ),
    [caller.teamId, key, to.id, JSON.stringify(assignment), input.escalate, caller.memberId, now],
  );
  if (!rows[0]) throw new HttpError('not_found', `no team item ${key}`);
  return toTeamItem(rows[0]);
}

export interface StateChange {
  key: string;
  state: QueueState;
  note?: string | undefined;
  dismissReason?: string | undefined;
  snoozedUntil?: number | undefined;
  followUpAt?: number | undefined;
  baseVersion?: number | undefined;
}

const FINISHED: readonly QueueState[] = ['replied', 'dismissed'];

/**
 * Sets the state unless a teammate holds a live claim or the item moved on since `baseVersion`:
 * both conditions are in the UPDATE's WHERE, so a refusal is never a half-applied write.
 */
export async function setItemState(tx: Queryable, caller: Caller, input: StateChange, now: number): Promise<{ result: ItemResult; changed: boolean }> {
  const key = await resolveKey(tx, caller.teamId, input.key);
  const patch: Record<string, unknown> = {};
  if (input.note !== undefined) patch.note = input.note;
  if (input.dismissReason !== undefined) patch.dismissReason = input.dismissReason;
  if (input.snoozedUntil !== undefined) patch.snoozedUntil = input.snoozedUntil;
  if (input.followUpAt !== undefined) patch.followUpAt = input.followUpAt;
  if (input.state === 'replied') patch.repliedAt = now;
  const finished = FINISHED.includes(input.state);
  for (let attempt = 0; attempt < 5; attempt++) {
    const rows = await tx.query(
      sql(
        `WITH u AS (UPDATE items i SET state = $3, data = jsonb_set(i.data || $4::jsonb, '{updatedAt}', to_jsonb($now::bigint)),
            version = i.version + 1, updated_at = $now,
            claim_member = CASE WHEN $7::boolean AND i.claim_member = $5 THEN NULL ELSE i.claim_member END,
            claim_until = CASE WHEN $7::boolean AND i.claim_member = $5 THEN NULL ELSE i.claim_until END,
            claim_taken_from = CASE WHEN $7::boolean AND i.claim_member = $5 THEN NULL ELSE i.claim_taken_from END
          WHERE i.team_id = $1 AND i.key = $2
            AND ($8::integer IS NULL OR i.version = $8)
            AND (i.claim_member IS NULL OR i.claim_member = $5 OR i.claim_until <= $6)
          RETURNING i.*) ${itemSelect('u')}`,
        6,
      ),
      [caller.teamId, key, input.state, JSON.stringify(patch), caller.memberId, now, finished, input.baseVersion ?? null],
    );
    if (rows[0]) return { result: { ok: true, item: toTeamItem(rows[0]) }, changed: true };
    const item = await mustRead(tx, caller.teamId, key);
    if (input.baseVersion !== undefined && item.version !== input.baseVersion) return { result: { ok: false, reason: 'stale', item }, changed: false };
    const refused = heldByOther(item, caller, now);
    if (refused && !refused.ok) return { result: { ok: false, reason: 'claimed', item, owner: refused.owner, leaseUntil: refused.leaseUntil }, changed: false };
    // Released between the two statements: try again.
  }
  throw new HttpError('conflict', 'the item kept changing; try again');
}

/** End of shift: the caller's claims are freed and their open assigned items released or re-assigned. */
export async function endShift(
  tx: Queryable,
  caller: Caller,
  input: { reassignTo?: string | undefined; note: string },
  now: number,
): Promise<{ released: string[]; reassigned: string[] }> {
  const to = input.reassignTo ? await memberOfTeam(tx, caller.teamId, input.reassignTo) : undefined;
  // Lock in key order: multi-item writes elsewhere (sightings, replies) lock in the same order.
  const open = (
    await tx.query(
      `SELECT key FROM items WHERE team_id = $1
         AND (claim_member = $2 OR (assignee_id = $2 AND state NOT IN ('replied', 'dismissed')))
       ORDER BY key FOR UPDATE`,
      [caller.teamId, caller.memberId],
    )
  ).map((r) => KeyRow.parse(r).key);
  await tx.query('UPDATE members SET on_shift = false WHERE team_id = $1 AND id = $2', [caller.teamId, caller.memberId]);
  if (open.length === 0) return { released: [], reassigned: [] };
  const assignment = to ? { to, by: { id: caller.memberId, displayName: caller.displayName }, note: input.note, escalate: false, at: now } : null;
  await tx.query(
    sql(
      `UPDATE items i SET claim_member = NULL, claim_until = NULL, claim_taken_from = NULL,
         assignee_id = $3, assignment = $4::jsonb, ${touch}
       WHERE i.team_id = $1 AND i.key = ANY($2::text[])`,
      5,
    ),
    [caller.teamId, open, to?.id ?? null, assignment ? JSON.stringify(assignment) : null, now],
  );
  return to ? { released: [], reassigned: open } : { released: open, reassigned: [] };
}
