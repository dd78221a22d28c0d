/** Every past contact with a customer, newest first: what they posted and what we replied. */
import { i18n } from '#i18n';
import type { Interaction } from '@/lib/db/customers';
import { useCustomerInteractions } from '@/lib/db/views/customers';
import { count } from '@/lib/i18n/ui';
import { formatWhen, stateLabel } from './format';

function outcomeLabel(outcome: 'replied' | 'escalated' | 'resolved'): string {
  if (outcome === 'escalated') return i18n.t('customers.outcomeEscalated');
  if (outcome === 'resolved') return i18n.t('customers.outcomeResolved');
  return i18n.t('customers.outcomeReplied');
}

function Entry({ entry }: { entry: Interaction }) {
  if (entry.kind === 'queue') {
    const { item } = entry;
    return (
      <li className="interaction" data-interaction="queue" data-key={item.key}>
        <div className="interaction-head">
          <strong>{i18n.t('customers.theyPosted')}</strong>
          <span className="chip">{stateLabel(item.state)}</span>
          <span className="muted">{i18n.t('customers.priorityN', [String(item.priority)])}</span>
          <time className="muted" dateTime={new Date(entry.at).toISOString()}>
            {formatWhen(entry.at)}
          </time>
        </div>
        <p className="post-text">{entry.postText || item.key}</p>
      </li>
    );
  }
  const { entry: log } = entry;
  return (
    <li className="interaction reply" data-interaction="reply" data-key={log.postKey}>
      <div className="interaction-head">
        <strong>{i18n.t('customers.weReplied', [log.agent])}</strong>
        <span className="chip">{outcomeLabel(log.outcome)}</span>
        <time className="muted" dateTime={new Date(entry.at).toISOString()}>
          {formatWhen(entry.at)}
        </time>
      </div>
      <p className="post-text">{log.text}</p>
    </li>
  );
}

/** `excludeKey`: the queue item being looked at (its own post is already on screen). */
export function Interactions({ customerId, limit = 200, excludeKey }: { customerId: string; limit?: number; excludeKey?: string }) {
  const all = useCustomerInteractions(customerId);
  if (!all) return null;
  const others = all.filter((e) => !(e.kind === 'queue' && e.item.key === excludeKey));
  const shown = others.slice(0, limit);
  // Counted without the excluded item: it is on screen, not waiting in the Customers tab.
  const more = others.length - shown.length;
  return (
    <section className="interactions" aria-label={i18n.t('customers.historyTitle')}>
      <h3>{i18n.t('customers.historyTitle')}</h3>
      {shown.length === 0 ? (
        <p className="hint">{i18n.t('customers.historyEmpty')}</p>
      ) : (
        <ol className="interaction-list">
          {shown.map((e) => (
            <Entry key={e.kind === 'queue' ? `q:${e.item.key}` : `r:${e.entry.id}`} entry={e} />
          ))}
        </ol>
      )}
      {more > 0 && <p className="hint">{i18n.t('customers.historyMore', [count(more)])}</p>}
    </section>
  );
}
