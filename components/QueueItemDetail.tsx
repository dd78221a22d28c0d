/**
 * The open queue item: the post (as text), why it ranks where it does (every reason with points
 * and evidence, due time, sentiment, matched terms), the noise rule that filtered it, and the state
 * actions. Snooze/Dismiss/Escalate/Follow up open small forms (components/queue/ActionForms.tsx);
 * QueueView drives them from the keyboard through `mode`.
 */
import { useState } from 'react';
import { i18n } from '#i18n';
import { usePost } from '@/lib/db/views/records';
import { sendMessage, type MessageInput } from '@/lib/messages';
import { count } from '@/lib/i18n/ui';
import { priorityBand } from '@/lib/pipeline/bands';
import { ruleCatches, ruleName } from '@/lib/pipeline/reasonLabel';
import type { QueueItem } from '@/lib/schemas/queue';
import { ReasonChips } from './ReasonChips';
import { ReplyComposer } from './compose/ReplyComposer';
import { CustomerCard } from './customers/CustomerCard';
import { DismissForm, EscalateForm, FollowUpForm, SnoozeForm, dismissReasonLabel } from './queue/ActionForms';
import { DueLabel, MatchedTerms, SentimentBadge } from './queue/ItemMeta';
import { PostContext } from './queue/PostContext';
import { formatWhen } from './queue/times';
import { TeamClaimGate } from './team/TeamClaimGate';
import { TeamAssignForm } from './team/TeamAssignForm';
import { useTeam } from '@/lib/db/views/team';

export type DetailMode = 'view' | 'snooze' | 'dismiss' | 'escalate' | 'followUp';

type StateChange = Omit<MessageInput<'queueSetState'>, 'key'>;

export function QueueItemDetail({ item, now, mode, onMode, onClose, onActed, onStarted, onUndoable, focusReply = false, onReplyFocused }: {
  item: QueueItem;
  now: number;
  mode: DetailMode;
  onMode: (mode: DetailMode) => void;
  onClose: () => void;
  /** Called after a change that takes the item out of the current list (QueueView selects the next). */
  onActed: () => void;
  /** Started (In progress): the item stays selected though it may leave the list. */
  onStarted?: () => void;
  /** A dismiss or snooze the agent may take back (QueueView's Undo toast, `z`). */
  onUndoable?: (before: QueueItem, done: 'dismissed' | 'snoozed') => void;
  /** The `r` key: the reply box takes the focus once, then reports it. */
  focusReply?: boolean;
  onReplyFocused?: () => void;
}) {
  const post = usePost(item.key);
  const [note, setNote] = useState(item.note ?? '');
  const move = (change: StateChange) => {
    onMode('view');
    if (change.state === 'inProgress' && onStarted) onStarted();
    else onActed();
    if (change.state === 'dismissed' || change.state === 'snoozed') onUndoable?.(item, change.state);
    void sendMessage('queueSetState', { key: item.key, note: note.trim() || undefined, ...change });
  };
  const band = priorityBand(item.priority);
  const team = useTeam()?.membership;

  return (
    <section className="detail" aria-label={i18n.t('queue.detailLabel')} data-detail-key={item.key}>
      <header className="detail-head">
        <span className={`prio ${band}`}>{item.priority}</span>
        <strong>{post?.authorName}</strong> {post?.authorHandle && <span className="muted">@{post.authorHandle}</span>}
        <span className="muted">{i18n.t(`site.${item.site}`)} · {i18n.t(`state.${item.state}`)}</span>
        <button type="button" className="icon" onClick={onClose} aria-label={i18n.t('common.close')}>
          ×
        </button>
      </header>
      {post && <PostContext post={post} />}
      <p className="post-text">{post?.text}</p>
      {post?.url && (
        <a href={post.url} target="_blank" rel="noreferrer noopener">
          {i18n.t('queue.openPost')}
        </a>
      )}

      {item.filteredBy && (
        <div className="banner info filtered-by" role="note">
          <p>{i18n.t('triageUi.filteredBy', [ruleName(item.filteredBy.rule), item.filteredBy.detail])}</p>
          <p className="muted">{i18n.t('triageUi.filteredWhat', [ruleCatches(item.filteredBy.rule)])}</p>
          <button type="button" className="primary" onClick={() => move({ state: 'new' })}>
            {i18n.t('triageUi.restore')}
          </button>{' '}
          <span className="muted">{i18n.t('triageUi.restoreHint')}</span>
        </div>
      )}

      <h3>{i18n.t('triageUi.why', [count(item.priority)])}</h3>
      <p className="meta-line">
        <DueLabel item={item} now={now} /> <SentimentBadge score={item.sentiment} /> <MatchedTerms terms={item.matchedTerms} />
      </p>
      <ReasonChips reasons={item.reasons} />

      <ul className="state-facts">
        {item.assignedAgent && <li>{i18n.t('triageUi.assignedTo', [item.assignedAgent])}</li>}
        {item.state === 'snoozed' && item.snoozedUntil !== undefined && <li>{i18n.t('triageUi.snoozedUntil', [formatWhen(item.snoozedUntil)])}</li>}
        {item.followUpAt !== undefined && <li>{i18n.t('triageUi.followUpAt', [formatWhen(item.followUpAt)])}</li>}
        {item.state === 'dismissed' && item.dismissReason && <li>{i18n.t('triageUi.dismissedBecause', [dismissReasonLabel(item.dismissReason)])}</li>}
      </ul>

      <CustomerCard item={item} />
      <TeamClaimGate itemKey={item.key}>
        <ReplyComposer key={item.key} item={item} focusNow={focusReply} onFocused={onReplyFocused} />
      </TeamClaimGate>
      <label className="field">
        <span>{i18n.t('queue.note')}</span>
        <textarea value={note} onChange={(e) => setNote(e.target.value)} rows={2} maxLength={2000} />
      </label>

      {mode === 'snooze' && <SnoozeForm onSubmit={(until) => move({ state: 'snoozed', snoozedUntil: until })} onCancel={() => onMode('view')} />}
      {mode === 'dismiss' && <DismissForm onSubmit={(reason) => move({ state: 'dismissed', dismissReason: reason })} onCancel={() => onMode('view')} />}
      {mode === 'escalate' && team && (
        <TeamAssignForm
          meId={team.memberId}
          initialNote={note}
          onSubmit={(memberId, text, escalate) => {
            onMode('view');
            onActed();
            void sendMessage('teamAssign', { key: item.key, memberId, note: text, escalate });
          }}
          onCancel={() => onMode('view')}
        />
      )}
      {mode === 'escalate' && !team && (
        <EscalateForm
          initialNote={note}
          onSubmit={(text, colleague) => move({ state: 'escalated', note: text || undefined, assignedAgent: colleague || undefined })}
          onCancel={() => onMode('view')}
        />
      )}
      {mode === 'followUp' && (
        <FollowUpForm
          onSubmit={(at) => {
            onMode('view');
            void sendMessage('queueFollowUp', { key: item.key, followUpAt: at });
          }}
          onCancel={() => onMode('view')}
        />
      )}

      {mode === 'view' && (
        <div className="actions">
          {item.state !== 'inProgress' && item.state !== 'filtered' && (
            <button type="button" onClick={() => move({ state: 'inProgress' })}>{i18n.t('triageUi.action.start')}</button>
          )}
          <button type="button" onClick={() => onMode('escalate')}>{i18n.t('triageUi.action.escalate')}</button>
          <button type="button" onClick={() => onMode('snooze')}>{i18n.t('triageUi.action.snooze')}</button>
          <button type="button" onClick={() => onMode('dismiss')}>{i18n.t('triageUi.action.dismiss')}</button>
          {item.state !== 'replied' && item.state !== 'filtered' && (
            <button type="button" onClick={() => move({ state: 'replied' })}>{i18n.t('triageUi.action.replied')}</button>
          )}
          <button type="button" onClick={() => onMode('followUp')}>{i18n.t('triageUi.action.followUp')}</button>
          {item.state !== 'new' && item.state !== 'filtered' && (
            <button type="button" onClick={() => move({ state: 'new' })}>{i18n.t('triageUi.action.reopen')}</button>
          )}
        </div>
      )}
    </section>
  );
}
