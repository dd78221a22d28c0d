/** Leads only: invite codes, the team's devices (remove one), sharing this device's brand set-up. */
import { useState } from 'react';
import { i18n } from '#i18n';
import { sendMessage, type MessageOutput } from '@/lib/messages';
import type { TeamMembership } from '@/lib/team/records';
import { formatWhen } from '../queue/times';

type Invite = MessageOutput<'teamInvite'>;
type Devices = MessageOutput<'teamDevices'>['devices'];

export function TeamLeadTools({ membership }: { membership: TeamMembership }) {
  const [role, setRole] = useState<'agent' | 'lead'>('agent');
  const [invite, setInvite] = useState<Invite | undefined>();
  const [devices, setDevices] = useState<Devices | undefined>();
  const [status, setStatus] = useState<string | undefined>();
  const fail = () => setStatus(i18n.t('team.lead.failed'));

  const loadDevices = () => void sendMessage('teamDevices', {}).then((r) => setDevices(r.devices), fail);

  return (
    <section className="team-lead" aria-labelledby="team-lead-title">
      <h3 id="team-lead-title">{i18n.t('team.lead.title')}</h3>
      <div className="actions">
        <label className="field inline">
          <span>{i18n.t('team.lead.inviteRole')}</span>
          <select value={role} onChange={(e) => setRole(e.target.value === 'lead' ? 'lead' : 'agent')}>
            <option value="agent">{i18n.t('team.role.agent')}</option>
            <option value="lead">{i18n.t('team.role.lead')}</option>
          </select>
        </label>
        <button type="button" onClick={() => void sendMessage('teamInvite', { role }).then(setInvite, fail)}>{i18n.t('team.lead.invite')}</button>
      </div>
      {invite && (
        <p role="status">
          {i18n.t('team.lead.inviteCode', [formatWhen(invite.expiresAt)])} <code data-invite-code>{invite.code}</code>
        </p>
      )}
      <div className="actions">
        <button type="button" onClick={loadDevices}>{i18n.t('team.lead.devices')}</button>
        <button type="button" onClick={() => void sendMessage('teamPublishConfig', {}).then(() => setStatus(i18n.t('team.lead.published')), fail)}>
          {i18n.t('team.lead.publish')}
        </button>
      </div>
      {devices && (
        <ul className="team-devices">
          {devices.filter((d) => !d.revoked).map((d) => (
            <li key={d.id}>
              {d.deviceName} <span className="muted">{i18n.t('team.lead.lastSeen', [formatWhen(d.lastSeenAt)])}</span>{' '}
              {d.memberId !== membership.memberId && (
                <button type="button" onClick={() => void sendMessage('teamDeviceRevoke', { id: d.id }).then(loadDevices, fail)}>
                  {i18n.t('team.lead.removeDevice')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {status && <p role="status">{status}</p>}
    </section>
  );
}
