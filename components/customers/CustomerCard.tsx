/**
 * Who wrote the queue item, when we know them: the linked customer with their orders and history,
 * or a SUGGESTED match (weak evidence is never linked automatically) the agent confirms or rejects.
 */
import { useState } from 'react';
import { i18n } from '#i18n';
import { useCustomerOrNull } from '@/lib/db/views/customers';
import { sendMessage } from '@/lib/messages';
import type { CustomerMatch, QueueItem } from '@/lib/schemas/queue';
import { CustomerPicker } from './CustomerPicker';
import { CustomerSummary } from './CustomerSummary';
import { evidenceText } from './evidence';
import { Interactions } from './Interactions';
import { percent } from '@/lib/i18n/ui';
import { errorText } from '../notSaved';

/** 0.8 → "80%" / "80 %" (ru): the sign's place and spacing are the locale's, not the message's. */
const sure = (confidence: number): string => percent(Math.round(confidence * 100));

/** The matcher's evidence ("handle @jane; order #10023") as separate chips. */
export function Evidence({ match }: { match: CustomerMatch }) {
  if (match.by === 'manual') return <p className="hint">{i18n.t('customers.linkedByAgent')}</p>;
  return (
    <p className="hint">
      {i18n.t('customers.evidence', [sure(match.confidence)])}{' '}
      {match.why.split('; ').map((w) => (
        <span key={w} className="chip evidence">
          {evidenceText(w)}
        </span>
      ))}
    </p>
  );
}

export function CustomerCard({ item }: { item: QueueItem }) {
  const suggestion = !item.customerId ? item.customerMatch : undefined;
  const id = item.customerId ?? suggestion?.customerId;
  // null = the matched customer no longer exists; undefined = loading.
  const customer = useCustomerOrNull(id);
  const [picking, setPicking] = useState(false);
  const [error, setError] = useState('');
  const run = (p: Promise<unknown>) => {
    setError('');
    p.then(
      () => setPicking(false),
      (e: unknown) => setError(errorText(e)),
    );
  };
  const link = (customerId: string) => run(sendMessage('queueLinkCustomer', { key: item.key, customerId }));
  const unlink = () => run(sendMessage('queueUnlinkCustomer', { key: item.key }));
  if (customer === undefined) return null;

  const linked = item.customerId && customer ? customer : undefined;
  const suggested = !linked && suggestion && customer ? customer : undefined;

  return (
    <section className="card-block customer-card" aria-label={i18n.t('customers.cardLabel')} data-customer-id={linked?.id} data-suggested-id={suggested?.id}>
      {linked && (
        <>
          <h3>{i18n.t('customers.linkedTitle')}</h3>
          <CustomerSummary customer={linked} />
          {item.customerMatch && <Evidence match={item.customerMatch} />}
          {linked.notes && <p className="customer-notes">{linked.notes}</p>}
          <div className="actions">
            <button type="button" onClick={unlink}>
              {i18n.t('customers.unlink')}
            </button>
            <button type="button" onClick={() => setPicking(true)}>
              {i18n.t('customers.linkOther')}
            </button>
          </div>
          <Interactions customerId={linked.id} limit={5} excludeKey={item.key} />
        </>
      )}
      {suggested && suggestion && (
        <>
          <h3>{i18n.t('customers.suggestedTitle')}</h3>
          <CustomerSummary customer={suggested} />
          <Evidence match={suggestion} />
          <div className="actions">
            <button type="button" className="primary" onClick={() => link(suggested.id)}>
              {i18n.t('customers.link')}
            </button>
            <button type="button" onClick={unlink}>
              {i18n.t('customers.notThisPerson')}
            </button>
            <button type="button" onClick={() => setPicking(true)}>
              {i18n.t('customers.linkOther')}
            </button>
          </div>
        </>
      )}
      {!linked && !suggested && (
        <>
          <p className="muted">{item.customerUnlinked ? i18n.t('customers.unlinkedNote') : i18n.t('customers.noneLinked')}</p>
          {!picking && (
            <button type="button" onClick={() => setPicking(true)}>
              {i18n.t('customers.linkTo')}
            </button>
          )}
        </>
      )}
      {picking && <CustomerPicker onPick={link} onCancel={() => setPicking(false)} />}
      {error && (
        <p className="banner error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
