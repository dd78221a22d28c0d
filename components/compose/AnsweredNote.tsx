/** "Already answered by @AcmeHelp 20 min ago": seen in the thread before the agent writes again. */
import { i18n } from '#i18n';
import { relative } from '@/lib/i18n/ui';
import type { QueueItem } from '@/lib/schemas/queue';

export function AnsweredNote({ item, now = Date.now() }: { item: QueueItem; now?: number }) {
  if (!item.answeredBy) return null;
  const { handle, at } = item.answeredBy;
  return (
    <p className="banner info" data-answered-by={handle}>
      {at === undefined
        ? i18n.t('reply.alreadyAnsweredUndated', [handle])
        : i18n.t('reply.alreadyAnswered', [handle, relative(Math.min(0, at - now))])}
    </p>
  );
}
