/**
 * Team mode around the reply composer: opening the item claims it; while a teammate holds it the
 * composer is replaced by who is replying and an explicit "Take over" (which that teammate sees).
 * Also shows who else is looking at the item, and any notice (assigned to me, taken over, lost).
 * Without a team it renders the composer and nothing else.
 */
import { useEffect, useState, type ReactNode } from 'react';
import { i18n } from '#i18n';
import { sendMessage } from '@/lib/messages';
import type { ClaimOutcome } from '@/lib/team/messageSchemas';
import type { TeamMembership } from '@/lib/team/records';
import { TEAM_PANEL_PORT } from '@/lib/team/port';
import { useTeam, useTeamItem, useTeamMembers } from '@/lib/db/views/team';

function TeamNotice({ itemKey }: { itemKey: string }) {
  const fields = useTeamItem(itemKey);
  const notice = fields?.notice;
  if (!notice) return null;
  return (
    <div className="banner info team-notice" role="note" data-team-notice={notice.kind}>
      <p>{i18n.t(`team.notice.${notice.kind}`, [notice.by])}</p>
      {notice.note && <p className="post-text">{notice.note}</p>}
      <button type="button" onClick={() => void sendMessage('teamNoticeSeen', { key: itemKey })}>{i18n.t('team.notice.ok')}</button>
    </div>
  );
}

function Gate({ itemKey, membership, children }: { itemKey: string; membership: TeamMembership; children: ReactNode }) {
  const [outcome, setOutcome] = useState<ClaimOutcome | undefined>();
  const fields = useTeamItem(itemKey);
  const viewers = useTeamMembers()?.filter((m) => m.viewingKey === itemKey && m.id !== membership.memberId);

  useEffect(() => {
    // The port tells the background when the panel goes away, so the claim is freed at once.
    const port = browser.runtime.connect({ name: TEAM_PANEL_PORT });
    let live = true;
    void sendMessage('teamClaim', { key: itemKey }).then((result) => live && setOutcome(result));
    return () => {
      live = false;
      void sendMessage('teamRelease', { key: itemKey }).finally(() => port.disconnect());
    };
  }, [itemKey]);

  // The live record wins over the first answer: a take-over or a lapsed lease shows at once.
  const ownerId = fields?.claimOwnerId;
  const heldByOther = ownerId !== undefined && ownerId !== membership.memberId && (fields?.leaseUntil ?? Infinity) > Date.now();
  const owner = heldByOther ? fields?.claimOwnerName : outcome?.status === 'taken' && ownerId === undefined ? outcome.owner : undefined;
  const blocked = owner !== undefined;

  return (
    <>
      <TeamNotice itemKey={itemKey} />
      {viewers && viewers.length > 0 && (
        <p className="hint team-viewers" data-team-viewers>{i18n.t('team.claim.viewing', [viewers.map((v) => v.displayName).join(', ')])}</p>
      )}
      {blocked ? (
        <div className="banner warn team-claim" role="status" data-team-claim="taken">
          <p>{i18n.t('team.claim.taken', [owner])}</p>
          <button type="button" onClick={() => void sendMessage('teamClaim', { key: itemKey, takeover: true }).then(setOutcome)}>
            {i18n.t('team.claim.takeOver')}
          </button>{' '}
          <span className="muted">{i18n.t('team.claim.takeOverHint', [owner])}</span>
        </div>
      ) : (
        <>
          <p className="hint team-claim" role="status" data-team-claim={outcome?.status === 'pending' ? 'pending' : outcome ? 'mine' : 'claiming'}>
            {outcome?.status === 'pending' ? i18n.t('team.claim.pending') : outcome ? i18n.t('team.claim.mine') : i18n.t('team.claim.claiming')}
          </p>
          {children}
        </>
      )}
    </>
  );
}

export function TeamClaimGate({ itemKey, children }: { itemKey: string; children: ReactNode }) {
  const team = useTeam();
  if (team === undefined) return null; // loading: never flash a composer a teammate may hold
  if (!team.membership || team.membership.revoked) return <>{children}</>;
  return (
    <Gate itemKey={itemKey} membership={team.membership}>
      {children}
    </Gate>
  );
}
