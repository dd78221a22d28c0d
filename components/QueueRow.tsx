/** One queue row: priority band, author, the post's text (as text, never markup), top reasons, due time. */
import { i18n } from '#i18n';
import { usePost } from '@/lib/db/views/records';
import { priorityBand } from '@/lib/pipeline/bands';
import type { QueueItem } from '@/lib/schemas/queue';
import { ReasonChips } from './ReasonChips';
import { DueLabel } from './queue/ItemMeta';
import { TeamRowMark } from './team/TeamRowMark';

export function QueueRow({ item, selected, now, onSelect }: { item: QueueItem; selected: boolean; now: number; onSelect: () => void }) {
  const post = usePost(item.key);
  const band = priorityBand(item.priority);
  return (
    <div
      id={`q-${item.key}`}
      role="option"
      aria-selected={selected}
      className={`row band-${band}${selected ? ' selected' : ''}`}
      data-queue-key={item.key}
      data-priority={item.priority}
      onClick={onSelect}
    >
      <span className={`prio ${band}`} title={`${i18n.t('queue.priority')}: ${i18n.t(`priority.${band}`)}`}>
        {item.priority}
      </span>
      <div className="row-body">
        <div className="row-head">
          {/* The key is internal: until the post loads (or if it is gone) say so in words. */}
          <strong>{post?.authorName || post?.authorHandle || i18n.t('queue.unknownAuthor')}</strong>
          {post?.authorHandle && <span className="muted">@{post.authorHandle}</span>}
          <DueLabel item={item} now={now} compact />
          <TeamRowMark itemKey={item.key} now={now} />
          <span className="muted site">{i18n.t(`site.${item.site}`)}</span>
        </div>
        <p className="row-text">{post?.text ?? ''}</p>
        <ReasonChips reasons={item.reasons} compact />
      </div>
    </div>
  );
}
