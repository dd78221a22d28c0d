/**
 * Review page in team mode: the team's reply log as the server streams it (newest first), with who
 * sent each reply and its first-response time. The team's log is the leads': an agent is told so
 * and sees their own replies. Teams without a server keep importing bundles.
 */
import { i18n } from '#i18n';
import { duration } from '@/lib/i18n/ui';
import { formatWhen } from '../queue/times';
import { useTeam, useTeamReplies } from '@/lib/db/views/team';

export function TeamLiveLog() {
  const team = useTeam();
  const entries = useTeamReplies(100);
  const membership = team?.membership;
  if (!membership) return null;
  const lead = membership.role === 'lead';
  return (
    <section className="card-block team-live-log" aria-labelledby="team-live-title" data-team-live-log={lead ? 'team' : 'own'}>
      <h2 id="team-live-title">{i18n.t(lead ? 'team.review.title' : 'team.review.own.title', [membership.teamName])}</h2>
      {!lead && (
        <p className="banner info" role="note" data-team-leads-only>
          {i18n.t('team.review.own.leadsOnly')}
        </p>
      )}
      <p className="muted" role="status">{i18n.t(`team.status.${membership.connection}`, [membership.teamName])}</p>
      {entries && entries.length === 0 ? (
        <p className="muted">{i18n.t(lead ? 'team.review.empty' : 'team.review.own.empty')}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th>{i18n.t('team.review.when')}</th>
              {lead && <th>{i18n.t('team.review.agent')}</th>}
              <th>{i18n.t('team.review.to')}</th>
              <th>{i18n.t('team.review.reply')}</th>
              <th>{i18n.t('team.review.frt')}</th>
            </tr>
          </thead>
          <tbody>
            {(entries ?? []).map((e) => (
              <tr key={e.id} data-team-reply={e.id}>
                <td>{formatWhen(e.repliedAt)}</td>
                {lead && <td>{e.agent}</td>}
                <td>{e.postAuthor}</td>
                <td className="post-text">{e.text}</td>
                <td>
                  {duration(Math.round(e.frtBusinessMs / 60_000))} {e.slaMet ? '' : i18n.t('team.review.late')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
