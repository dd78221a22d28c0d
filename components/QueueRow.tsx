/** One queue row: priority, author, the post's text (as text, never markup) and top reasons. */
import { useLiveQuery } from 'dexie-react-hooks';
import { i18n } from '#i18n';
import { getDb } from '@/lib/db/db';
import { priorityBand } from '@/lib/pipeline/bands';
import type { QueueItem } from '@/lib/schemas';
import { ReasonChips } from './ReasonChips';

export function QueueRow({ item, selected, onSelect }: { item: QueueItem; selected: boolean; onSelect: () => void }) {
  const post = useLiveQuery(() => getDb().posts.get(item.key), [item.key]);
  return (
    <div
      id={`q-${item.key}`}
      role="option"
      aria-selected={selected}
      className={selected ? 'row selected' : 'row'}
      data-queue-key={item.key}
      onClick={onSelect}
    >
      <span className={`prio ${priorityBand(item.priority)}`} title={i18n.t('queue.priority')}>
        {item.priority}
      </span>
      <div className="row-body">
        <div className="row-head">
          <strong>{post?.authorName || post?.authorHandle || item.key}</strong>
          {post?.authorHandle && <span className="muted">@{post.authorHandle}</span>}
          <span className="muted site">{i18n.t(`site.${item.site}`)}</span>
        </div>
        <p className="row-text">{post?.text ?? ''}</p>
        <ReasonChips reasons={item.reasons.slice(0, 3)} compact />
      </div>
    </div>
  );
}
