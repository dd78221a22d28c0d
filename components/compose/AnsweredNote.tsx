/** "Already answered by @AcmeHelp 20 min ago": seen in the thread before the agent writes again. */
import { i18n } from '#i18n';
import type { QueueItem } from '@/lib/schemas/queue';

export function AnsweredNote({ item, now = Date.now() }: { item: QueueItem; now?: number }) {
  if (!item.answeredBy) return null;
  const { handle, at } = item.answeredBy;
  return (
    <p className="banner info" data-answered-by={handle}>
      {at === undefined
        ? i18n.t('reply.alreadyAnsweredUndated', [handle])
        : i18n.t('reply.alreadyAnswered', [handle, String(Math.max(0, Math.round((now - at) / 60_000)))])}
    </p>
  );
}
