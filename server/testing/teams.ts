/** A further team with a lead invite (the server creates only the first one itself). */
import type { Db } from '../db/types';
import { createInvite, createTeam, DEFAULT_INVITE_TTL_MS } from '../store/teams';

export async function createTeamWithLead(db: Db, name: string, now = Date.now()): Promise<{ teamId: string; leadInvite: string }> {
  const { teamId } = await createTeam(db, name, now);
  const invite = await createInvite(db, teamId, 'lead', null, DEFAULT_INVITE_TTL_MS, now);
  return { teamId, leadInvite: invite.code };
}
