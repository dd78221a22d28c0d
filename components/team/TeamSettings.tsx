/**
 * Settings → Team, once joined: who is on shift (presence), "End my shift" (release or hand over
 * every item I hold in one step), leaving the team, and for leads: invites, devices, sharing the
 * brands, templates and tone notes.
 */
import { useState } from 'react';
import { i18n } from '#i18n';
import { useTeamMembers } from '@/lib/db/views/team';
import { sendMessage } from '@/lib/messages';
import type { TeamMembership } from '@/lib/team/records';
import { TeamLeadTools } from './TeamLeadTools';

export function TeamSettings({ membership }: { membership: TeamMembership }) {
  const members = useTeamMembers();
  const [ending, setEnding] = useState(false);
  const [reassignTo, setReassignTo] = useState('');
  const [note, setNote] = useState('');
  const [confirmLeave, setConfirmLeave] = useState(false);
  const others = (members ?? []).filter((m) => m.id !== membership.memberId);

  return (
    <section className="card-block team-settings" aria-labelledby="team-title">
      <h2 id="team-title">{i18n.t('team.settings.title', [membership.teamName])}</h2>
      <p className="muted">
        {i18n.t('team.settings.you', [membership.displayName, i18n.t(`team.role.${membership.role}`)])} · {membership.serverUrl}
      </p>

      <h3>{i18n.t('team.presence.title')}</h3>
      {members && members.length > 0 ? (
        <ul className="team-members">
          {members.map((m) => (
            <li key={m.id} data-team-member={m.displayName}>
              <strong>{m.displayName}</strong>{' '}
              <span className="muted">
                {i18n.t(`team.role.${m.role}`)} · {m.online ? (m.onShift ? i18n.t('team.presence.onShift') : i18n.t('team.presence.online')) : i18n.t('team.presence.away')}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{i18n.t('team.presence.empty')}</p>
      )}

      {membership.onShift ? (
        ending ? (
          <form
            className="form"
            aria-label={i18n.t('team.shift.end')}
            onSubmit={(e) => {
              e.preventDefault();
              setEnding(false);
              void sendMessage('teamEndShift', { reassignTo: reassignTo || undefined, note: note.trim() });
            }}
          >
            <label className="field">
              <span>{i18n.t('team.shift.handTo')}</span>
              <select value={reassignTo} onChange={(e) => setReassignTo(e.target.value)}>
                <option value="">{i18n.t('team.shift.releaseAll')}</option>
                {others.map((m) => (
                  <option key={m.id} value={m.id}>{m.displayName}</option>
                ))}
              </select>
            </label>
            <label className="field">
              <span>{i18n.t('team.shift.note')}</span>
              <textarea rows={2} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />
            </label>
            <div className="actions">
              <button type="submit" className="primary">{i18n.t('team.shift.confirm')}</button>
              <button type="button" onClick={() => setEnding(false)}>{i18n.t('triageUi.cancel')}</button>
            </div>
          </form>
        ) : (
          <div className="actions">
            <button type="button" onClick={() => setEnding(true)}>{i18n.t('team.shift.end')}</button>
          </div>
        )
      ) : (
        <div className="actions">
          <span className="muted">{i18n.t('team.shift.off')}</span>
          <button type="button" className="primary" onClick={() => void sendMessage('teamShiftStart', {})}>{i18n.t('team.shift.start')}</button>
        </div>
      )}

      {membership.role === 'lead' && <TeamLeadTools membership={membership} />}

      <div className="actions">
        {confirmLeave ? (
          <>
            <span>{i18n.t('team.leaveConfirm')}</span>
            <button type="button" className="primary" onClick={() => void sendMessage('teamLeave', {})}>{i18n.t('team.leave')}</button>
            <button type="button" onClick={() => setConfirmLeave(false)}>{i18n.t('triageUi.cancel')}</button>
          </>
        ) : (
          <button type="button" onClick={() => setConfirmLeave(true)}>{i18n.t('team.leave')}</button>
        )}
      </div>
    </section>
  );
}
