/** On a queue row in team mode: who is replying to it now. Nothing without a claim. */
import { i18n } from '#i18n';
import { useTeamItem } from '@/lib/db/views/team';

export function TeamRowMark({ itemKey, now }: { itemKey: string; now: number }) {
  const fields = useTeamItem(itemKey);
  if (!fields?.claimOwnerName || (fields.leaseUntil !== undefined && fields.leaseUntil <= now)) return null;
  return <span className="team-row-mark muted" data-team-owner={fields.claimOwnerName}>{i18n.t('team.claim.rowOwner', [fields.claimOwnerName])}</span>;
}
