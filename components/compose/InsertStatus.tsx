/** What "insert" did: in the site's reply box, or on the clipboard with how to paste it. */
import { i18n } from '#i18n';
import type { InsertResult } from '@/lib/schemas/replies';

type Reason = NonNullable<InsertResult['reason']>;

const REASON_TEXT: Record<Reason, () => string> = {
  noPost: () => i18n.t('reply.reason.noPost'),
  noEditor: () => i18n.t('reply.reason.noEditor'),
  notVerified: () => i18n.t('reply.reason.notVerified'),
  postDisabled: () => i18n.t('reply.reason.postDisabled'),
  noTab: () => i18n.t('reply.reason.noTab'),
  claimed: () => i18n.t('reply.reason.claimed'),
};

function statusText(result: InsertResult): string {
  if (result.ok) return i18n.t('reply.inserted');
  // Not a failure to paste: the background refused because a teammate holds the item.
  if (result.reason === 'claimed' && result.claimedBy) return i18n.t('reply.claimedBy', [result.claimedBy]);
  const why = REASON_TEXT[result.reason ?? 'notVerified']();
  return result.copied ? i18n.t('reply.pasteCopied', [why]) : i18n.t('reply.pasteManual', [why]);
}

export function InsertStatus({ result }: { result: InsertResult }) {
  return (
    <p
      role="status"
      className={result.ok ? 'banner ok' : 'banner warn'}
      data-insert-result={result.ok ? 'ok' : (result.reason ?? 'failed')}
      data-insert-strategy={result.strategy}
      data-insert-fallback={result.fallback ?? ''}
    >
      {statusText(result)}
    </p>
  );
}
