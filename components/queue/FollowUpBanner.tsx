/** Due follow-up reminders, shown above the New list until the agent marks them done. */
import { i18n } from '#i18n';
import { usePost } from '@/lib/db/views/records';
import { sendMessage } from '@/lib/messages';
import type { QueueItem } from '@/lib/schemas/queue';
import { count } from '@/lib/i18n/ui';
import { formatWhen } from './times';

function FollowUpLine({ item, onOpen }: { item: QueueItem; onOpen: (item: QueueItem) => void }) {
  const post = usePost(item.key);
  return (
    <li data-follow-up={item.key}>
      <button type="button" className="link" onClick={() => onOpen(item)}>
        {post?.authorName || post?.authorHandle || item.key}
      </button>{' '}
      <span className="muted">{i18n.t('triageUi.followUpDue', [formatWhen(item.followUpAt ?? 0)])}</span>{' '}
      <span className="row-text">{post?.text.slice(0, 120)}</span>{' '}
      <button type="button" onClick={() => void sendMessage('queueFollowUp', { key: item.key })}>
        {i18n.t('triageUi.followUpDone')}
      </button>
    </li>
  );
}

export function FollowUpBanner({ items, onOpen }: { items: readonly QueueItem[]; onOpen: (item: QueueItem) => void }) {
  if (items.length === 0) return null;
  return (
    <section className="banner follow-ups" aria-label={i18n.t('triageUi.followUpsTitle', [count(items.length)])}>
      <h3>{i18n.t('triageUi.followUpsTitle', [count(items.length)])}</h3>
      <ul>
        {items.map((item) => (
          <FollowUpLine key={item.key} item={item} onOpen={onOpen} />
        ))}
      </ul>
    </section>
  );
}
