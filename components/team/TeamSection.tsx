/** Settings' team section: the join form without a team, the team's tools with one. */
import { JoinTeamForm } from './JoinTeamForm';
import { TeamSettings } from './TeamSettings';
import { useTeam } from '@/lib/db/views/team';

export function TeamSection({ agentName }: { agentName: string }) {
  const team = useTeam();
  if (team === undefined) return null;
  return team.membership ? <TeamSettings membership={team.membership} /> : <JoinTeamForm defaultName={agentName} />;
}
