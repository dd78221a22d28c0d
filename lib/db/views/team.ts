/** Team mode's live reads for the panels: membership and connection, team fields, teammates, log. */
import { useLiveQuery } from 'dexie-react-hooks';
import type { TeamReplyEntry } from '../../team/protocol';
import type { TeamItemFields, TeamMember, TeamMembership } from '../../team/records';
import { getDb } from '../db';
import { getMembership, recentTeamReplies } from '../team';

export interface TeamStatus {
  /** Undefined: no team (the extension is local-only). */
  membership: TeamMembership | undefined;
  /** Actions waiting in the outbox for the server. */
  waiting: number;
}

/** Undefined while loading. */
export function useTeam(): TeamStatus | undefined {
  return useLiveQuery(async () => {
    const db = getDb();
    return db.transaction('r', db.teamMembership, db.teamOutbox, async () => ({ membership: await getMembership(db), waiting: await db.teamOutbox.count() }));
  }, []);
}

export function useTeamItem(key: string): TeamItemFields | undefined {
  return useLiveQuery(() => getDb().teamItems.get(key), [key]);
}

/** Teammates, leads first, then by name. */
export function useTeamMembers(): TeamMember[] | undefined {
  return useLiveQuery(async () => {
    const all = await getDb().teamMembers.toArray();
    return all.sort((a, b) => Number(b.role === 'lead') - Number(a.role === 'lead') || a.displayName.localeCompare(b.displayName));
  }, []);
}

/** Items with something the agent should see (assigned to them, taken over, claim lost). */
export function useTeamNotices(limit = 20): TeamItemFields[] | undefined {
  return useLiveQuery(() => getDb().teamItems.filter((fields) => fields.notice !== undefined).limit(limit).toArray(), [limit]);
}

/** The team's reply log as the server streamed it, newest first. */
export function useTeamReplies(limit = 100): TeamReplyEntry[] | undefined {
  return useLiveQuery(() => recentTeamReplies(getDb(), limit), [limit]);
}
