/** The open queue item: the post, why it ranks, and the state actions. */
import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { i18n } from '#i18n';
import { getDb } from '@/lib/db/db';
import { sendMessage } from '@/lib/messages';
import type { QueueItem, QueueState } from '@/lib/schemas';
import { ReasonChips } from './ReasonChips';
import { ReplyComposer } from './compose/ReplyComposer';
import { CustomerCard } from './customers/CustomerCard';

const SNOOZE_OPTIONS = [
  { key: 'queue.snooze1h', ms: 60 * 60 * 1000 },
  { key: 'queue.snooze4h', ms: 4 * 60 * 60 * 1000 },
  { key: 'queue.snooze1d', ms: 24 * 60 * 60 * 1000 },
] as const;

export function QueueItemDetail({ item, onClose }: { item: QueueItem; onClose: () => void }) {
  const post = useLiveQuery(() => getDb().posts.get(item.key), [item.key]);
  const [note, setNote] = useState(item.note ?? '');
  const move = (state: QueueState, extra: { snoozedUntil?: number; dismissReason?: string } = {}) =>
    void sendMessage('queueSetState', { key: item.key, state, note: note || undefined, ...extra });

  return (
    <section className="detail" aria-label={i18n.t('queue.detailLabel')}>
      <header className="detail-head">
        <strong>{post?.authorName}</strong> {post?.authorHandle && <span className="muted">@{post.authorHandle}</span>}
        <button type="button" className="icon" onClick={onClose} aria-label={i18n.t('common.close')}>
          ×
        </button>
      </header>
      <p className="post-text">{post?.text}</p>
      {post?.url && (
        <a href={post.url} target="_blank" rel="noreferrer noopener">
          {i18n.t('queue.openPost')}
        </a>
      )}
      <h3>{i18n.t('queue.why', [String(item.priority)])}</h3>
      <ReasonChips reasons={item.reasons} />
      {item.filteredBy && (
        <p className="banner info">
          {i18n.t('queue.filteredBy', [item.filteredBy.rule])} {item.filteredBy.detail}
        </p>
      )}
      <CustomerCard item={item} />
      <ReplyComposer key={item.key} item={item} />
      <label className="field">
        <span>{i18n.t('queue.note')}</span>
        <textarea value={note} onChange={(e) => setNote(e.target.value)} rows={2} />
      </label>
      <div className="actions">
        <button type="button" onClick={() => move('inProgress')}>{i18n.t('queue.actionStart')}</button>
        <button type="button" onClick={() => move('escalated')}>{i18n.t('queue.actionEscalate')}</button>
        {SNOOZE_OPTIONS.map((o) => (
          <button key={o.key} type="button" onClick={() => move('snoozed', { snoozedUntil: Date.now() + o.ms })}>
            {i18n.t(o.key)}
          </button>
        ))}
        <button type="button" onClick={() => move('dismissed', { dismissReason: note || undefined })}>{i18n.t('queue.actionDismiss')}</button>
        {item.state !== 'new' && <button type="button" onClick={() => move('new')}>{i18n.t('queue.actionReopen')}</button>}
      </div>
    </section>
  );
}
