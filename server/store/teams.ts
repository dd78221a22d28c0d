/** Teams, members, devices and invites. Every read is scoped by the caller's team. */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { InviteCodeSchema, type JoinRequest, type JoinResponse, type Member, type Role } from '../../lib/team/protocol';
import type { Db, Queryable } from '../db/types';
import { HttpError } from '../errors';
import type { Caller } from './context';
import { newDeviceToken, newInviteCode, sha256 } from './tokens';
import { recordChanges } from './changes';

export const DEFAULT_INVITE_TTL_MS = 72 * 3600_000;

const RoleCol = z.enum(['lead', 'agent']);
const CallerRow = z.object({
  team_id: z.string(),
  team_name: z.string(),
  member_id: z.string(),
  display_name: z.string(),
  role: RoleCol,
  on_shift: z.boolean(),
  device_id: z.string(),
  last_seen_at: z.coerce.number().int(),
});

export async function createTeam(db: Db, name: string, now: number): Promise<{ teamId: string }> {
  const teamId = randomUUID();
  await db.query('INSERT INTO teams (id, name, created_at) VALUES ($1, $2, $3)', [teamId, name, now]);
  return { teamId };
}

export async function createInvite(
  q: Queryable,
  teamId: string,
  role: Role,
  createdBy: string | null,
  ttlMs: number,
  now: number,
): Promise<{ code: string; role: Role; expiresAt: number }> {
  const code = newInviteCode();
  const expiresAt = now + ttlMs;
  await q.query('INSERT INTO invites (code_hash, team_id, role, created_by, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6)', [
    sha256(code),
    teamId,
    role,
    createdBy,
    now,
    expiresAt,
  ]);
  return { code, role, expiresAt };
}

const TeamRow = z.object({ id: z.string(), name: z.string(), members: z.coerce.number().int() });

/** The first team (created on first start) and, when it has no members yet, a lead invite. */
export async function ensureFirstTeam(db: Db, name: string, now: number): Promise<{ teamId: string; leadInvite?: string }> {
  // Nodes starting together must not each create a first team.
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(7310417)');
    const rows = await tx.query('SELECT t.id, t.name, (SELECT count(*) FROM members m WHERE m.team_id = t.id) AS members FROM teams t ORDER BY t.created_at LIMIT 1');
    const team = rows[0] ? TeamRow.parse(rows[0]) : undefined;
    let teamId = team?.id;
    if (!teamId) {
      teamId = randomUUID();
      await tx.query('INSERT INTO teams (id, name, created_at) VALUES ($1, $2, $3)', [teamId, name, now]);
    }
    if (team && team.members > 0) return { teamId };
    const invite = await createInvite(tx, teamId, 'lead', null, DEFAULT_INVITE_TTL_MS, now);
    return { teamId, leadInvite: invite.code };
  });
}

const InviteRow = z.object({ team_id: z.string(), team_name: z.string(), role: RoleCol });

/** Redeems an invite (single use: the UPDATE claims it atomically) and issues a device token. */
export async function join(db: Db, input: JoinRequest, now: number): Promise<JoinResponse> {
  const code = InviteCodeSchema.parse(input.inviteCode);
  return db.transaction(async (tx) => {
    const memberId = randomUUID();
    const rows = await tx.query(
      `UPDATE invites v SET used_at = $2, used_by = NULL FROM teams t
       WHERE v.code_hash = $1 AND v.used_at IS NULL AND v.expires_at > $2 AND t.id = v.team_id
       RETURNING v.team_id, t.name AS team_name, v.role`,
      [sha256(code), now],
    );
    if (!rows[0]) throw new HttpError('invite_invalid', 'This invite code is unknown, used or expired.');
    const invite = InviteRow.parse(rows[0]);
    await tx.query('INSERT INTO members (id, team_id, display_name, role, on_shift, created_at) VALUES ($1, $2, $3, $4, false, $5)', [
      memberId,
      invite.team_id,
      input.displayName,
      invite.role,
      now,
    ]);
    await tx.query('UPDATE invites SET used_by = $2 WHERE code_hash = $1', [sha256(code), memberId]);
    const token = newDeviceToken();
    const deviceId = randomUUID();
    await tx.query(
      'INSERT INTO devices (id, team_id, member_id, token_hash, device_name, created_at, last_seen_at) VALUES ($1, $2, $3, $4, $5, $6, $6)',
      [deviceId, invite.team_id, memberId, sha256(token), input.deviceName, now],
    );
    await recordChanges(tx, invite.team_id, [{ kind: 'members', ref: '' }], now);
    return {
      token,
      deviceId,
      member: { id: memberId, displayName: input.displayName, role: invite.role, onShift: false },
      team: { id: invite.team_id, name: invite.team_name },
    };
  });
}

/** Seen-at is written at most once a minute per device: auth should not write on every request. */
const SEEN_EVERY_MS = 60_000;

export async function authenticate(db: Db, token: string, now: number): Promise<Caller | undefined> {
  if (!/^rlt_[A-Za-z0-9_-]{43}$/.test(token)) return undefined;
  const rows = await db.query(
    `SELECT d.team_id, t.name AS team_name, d.member_id, m.display_name, m.role, m.on_shift, d.id AS device_id, d.last_seen_at
     FROM devices d JOIN members m ON m.id = d.member_id AND m.team_id = d.team_id JOIN teams t ON t.id = d.team_id
     WHERE d.token_hash = $1 AND d.revoked_at IS NULL`,
    [sha256(token)],
  );
  if (!rows[0]) return undefined;
  const row = CallerRow.parse(rows[0]);
  if (now - row.last_seen_at > SEEN_EVERY_MS) await db.query('UPDATE devices SET last_seen_at = $2 WHERE id = $1', [row.device_id, now]);
  return {
    teamId: row.team_id,
    teamName: row.team_name,
    memberId: row.member_id,
    displayName: row.display_name,
    role: row.role,
    onShift: row.on_shift,
    deviceId: row.device_id,
  };
}

const MemberRow = z.object({ id: z.string(), display_name: z.string(), role: RoleCol, on_shift: z.boolean() });

export async function listMembers(q: Queryable, teamId: string): Promise<Member[]> {
  const rows = await q.query('SELECT id, display_name, role, on_shift FROM members WHERE team_id = $1 ORDER BY display_name, id', [teamId]);
  return rows.map((r) => {
    const m = MemberRow.parse(r);
    return { id: m.id, displayName: m.display_name, role: m.role, onShift: m.on_shift };
  });
}

const DeviceRow = z.object({
  id: z.string(),
  member_id: z.string(),
  device_name: z.string(),
  created_at: z.coerce.number().int(),
  last_seen_at: z.coerce.number().int(),
  revoked_at: z.coerce.number().int().nullable(),
});

export async function listDevices(q: Queryable, teamId: string) {
  const rows = await q.query('SELECT id, member_id, device_name, created_at, last_seen_at, revoked_at FROM devices WHERE team_id = $1 ORDER BY created_at', [
    teamId,
  ]);
  return rows.map((r) => {
    const d = DeviceRow.parse(r);
    return { id: d.id, memberId: d.member_id, deviceName: d.device_name, createdAt: d.created_at, lastSeenAt: d.last_seen_at, revoked: d.revoked_at !== null };
  });
}

/** Revokes a device of the caller's team (a lead) or the caller's own. */
export async function revokeDevice(db: Db, caller: Caller, deviceId: string, now: number): Promise<void> {
  await db.transaction(async (tx) => {
    const rows = await tx.query('UPDATE devices SET revoked_at = $3 WHERE team_id = $1 AND id = $2 AND revoked_at IS NULL RETURNING id', [
      caller.teamId,
      deviceId,
      now,
    ]);
    if (rows.length === 0) {
      const exists = await tx.query('SELECT id FROM devices WHERE team_id = $1 AND id = $2', [caller.teamId, deviceId]);
      if (exists.length === 0) throw new HttpError('not_found', 'no such device');
      return;
    }
    await tx.query('DELETE FROM presence WHERE team_id = $1 AND conn_id LIKE $2', [caller.teamId, `${deviceId}:%`]);
    await recordChanges(tx, caller.teamId, [{ kind: 'members', ref: '' }], now);
  });
}
