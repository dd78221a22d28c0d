/**
 * Connection state, always visible in team mode: connected, reconnecting or offline with the number
 * of actions waiting. Nothing at all without a team.
 */
import { i18n } from '#i18n';
import { sendMessage } from '@/lib/messages';
import { count, plural } from '@/lib/i18n/ui';
import { useTeam } from '@/lib/db/views/team';

export function TeamStatusBar() {
  const team = useTeam();
  const membership = team?.membership;
  if (!membership) return null;
  const waiting = team.waiting;
  if (membership.revoked) {
    return (
      <div className="banner error team-status" role="status" data-team-connection="revoked">
        {i18n.t('team.status.revoked')}{' '}
        <button type="button" onClick={() => void sendMessage('teamLeave', {})}>{i18n.t('team.leave')}</button>
      </div>
    );
  }
  const state = membership.connection;
  const label = i18n.t(`team.status.${state}`, [membership.teamName]);
  return (
    <div className={`banner team-status ${state === 'connected' ? 'info' : 'warn'}`} role="status" aria-live="polite" data-team-connection={state}>
      <span>{label}</span>
      {waiting > 0 && <span data-team-waiting={waiting}> · {plural(i18n.t('team.status.waiting', [count(waiting)]), waiting)}</span>}
      {state !== 'connected' && state !== 'connecting' && (
        <>
          {' '}
          <button type="button" className="link" onClick={() => void sendMessage('teamReconnect', {})}>{i18n.t('team.status.retry')}</button>
        </>
      )}
    </div>
  );
}
