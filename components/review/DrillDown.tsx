/**
 * The interactions behind a number: a virtualised list (raw rows read by an indexed time range
 * and the cell's predicate, lib/db/review.ts), and the one opened: reply, original post, customer.
 */
import { useEffect, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { i18n } from '#i18n';
import type { DrillRows } from '@/lib/db/review';
import { useCustomer } from '@/lib/db/views/customers';
import { usePost, useRepliesTo } from '@/lib/db/views/records';
import { readDrillRows } from '@/lib/db/views/review';
import type { DrillCell } from '@/lib/review';
import type { TimeZoneOf } from '@/lib/review/filter';
import type { ReplyLogEntry } from '@/lib/schemas/replies';
import type { MentionRecord, ReviewFilter } from '@/lib/schemas/review';
import { CustomerSummary } from '@/components/customers/CustomerSummary';
import { dismissReasonText, formatDateTime, reasonCodesText, stateText } from './labels';
import { formatMinutes, msToMinutes } from './model';
import { count, plural } from '@/lib/i18n/ui';

type Row = { kind: 'entry'; at: number; id: string; e: ReplyLogEntry } | { kind: 'mention'; at: number; id: string; m: MentionRecord };

const ROW_HEIGHT = 52;

function rowsOf(data: DrillRows): Row[] {
  const rows: Row[] = [
    ...data.entries.map((e): Row => ({ kind: 'entry', at: e.repliedAt, id: e.id, e })),
    ...data.mentions.map((m): Row => ({ kind: 'mention', at: m.firstSeenAt, id: m.key, m })),
  ];
  return rows.sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1));
}

interface Props {
  filter: ReviewFilter;
  cell: DrillCell;
  title: string;
  tzOf: TimeZoneOf;
  repeated: ReadonlySet<string>;
  onClose: () => void;
}

export function DrillDown({ filter, cell, title, tzOf, repeated, onClose }: Props) {
  const [rows, setRows] = useState<Row[] | null>(null);
  const [open, setOpen] = useState<Row | null>(null);
  const parentRef = useRef<HTMLDivElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    let live = true;
    setRows(null);
    setOpen(null);
    void readDrillRows(filter, cell, tzOf, repeated).then((data) => live && setRows(rowsOf(data)));
    return () => { live = false; };
  }, [filter, cell, tzOf, repeated]);
  useEffect(() => headingRef.current?.focus(), [cell]);

  const virtualizer = useVirtualizer({ count: rows?.length ?? 0, getScrollElement: () => parentRef.current, estimateSize: () => ROW_HEIGHT, overscan: 8 });

  return (
    <section className="drill" aria-labelledby="drill-title" data-testid="drilldown">
      <div className="drill-head">
        <h2 id="drill-title" tabIndex={-1} ref={headingRef}>{title}</h2>
        <span className="muted" data-testid="drill-count">{rows === null ? i18n.t('teamReview.drill.loading') : plural(i18n.t('teamReview.drill.count', [count(rows.length)]), rows.length)}</span>
        <button type="button" onClick={onClose}>{i18n.t('teamReview.drill.close')}</button>
      </div>
      {rows !== null && rows.length === 0 && <p className="muted">{i18n.t('teamReview.drill.none')}</p>}
      <div className="drill-split">
        <div ref={parentRef} className="drill-list" role="listbox" aria-label={title}>
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((v) => {
              const row = rows?.[v.index];
              if (!row) return null;
              const selected = open?.id === row.id && open.kind === row.kind;
              return (
                <div
                  key={`${row.kind}:${row.id}`}
                  role="option"
                  aria-selected={selected}
                  tabIndex={0}
                  data-row-id={row.id}
                  className={`drill-row${selected ? ' selected' : ''}`}
                  style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${v.start}px)` }}
                  onClick={() => setOpen(row)}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); setOpen(row); }
                  }}
                >
                  <div className="row-head">
                    <strong>{row.kind === 'entry' ? row.e.agent : row.m.agent || '—'}</strong>
                    <span className="muted">{formatDateTime(row.at)}</span>
                    <span className="site">{row.kind === 'entry' ? row.e.site : row.m.site}</span>
                  </div>
                  <p className="row-text">{row.kind === 'entry' ? row.e.text : `${stateText(row.m.state)} · ${row.m.key}`}</p>
                </div>
              );
            })}
          </div>
        </div>
        {open && (open.kind === 'entry' ? <EntryDetail e={open.e} /> : <MentionDetail m={open.m} />)}
      </div>
    </section>
  );
}

function EntryDetail({ e }: { e: ReplyLogEntry }) {
  const customer = useCustomer(e.customerId);
  return (
    <article className="drill-detail" aria-label={i18n.t('teamReview.drill.detail')} data-testid="drill-detail">
      <h3>{i18n.t('teamReview.drill.reply')}</h3>
      <p className="post-text" data-testid="detail-reply">{e.text}</p>
      <p className="hint">
        {i18n.t('teamReview.drill.replyMeta', [e.agent, formatDateTime(e.repliedAt), formatMinutes(msToMinutes(e.frtWallMs)), formatMinutes(msToMinutes(e.frtBusinessMs))])}
        {e.templateShortCode || e.templateId ? ` · ${i18n.t('teamReview.drill.template', [e.templateShortCode ?? e.templateId ?? ''])}` : ` · ${i18n.t('teamReview.drill.freeText')}`}
        {e.slaMet ? '' : ` · ${i18n.t('teamReview.drill.slaMissed')}`}
      </p>
      <h3>{i18n.t('teamReview.drill.post')}</h3>
      <p className="hint">{e.postAuthor} · {formatDateTime(e.postCreatedAt)} · {e.postKey}</p>
      <p className="post-text" data-testid="detail-post">{e.postText || i18n.t('teamReview.drill.noPostText')}</p>
      {e.replyUrl && <p className="hint">{e.replyUrl}</p>}
      <h3>{i18n.t('teamReview.drill.customer')}</h3>
      {customer ? <CustomerSummary customer={customer} /> : <p className="muted">{e.customerId ? i18n.t('teamReview.drill.customerUnknown', [e.customerId]) : i18n.t('teamReview.drill.noCustomer')}</p>}
    </article>
  );
}

function MentionDetail({ m }: { m: MentionRecord }) {
  const post = usePost(m.key);
  const replies = useRepliesTo(m.key);
  return (
    <article className="drill-detail" aria-label={i18n.t('teamReview.drill.detail')} data-testid="drill-detail">
      <h3>{i18n.t('teamReview.drill.mention')}</h3>
      <p>
        {stateText(m.state)}
        {m.dismissReason !== undefined || m.state === 'filtered' ? ` · ${dismissReasonText(m.state === 'filtered' ? `filtered:${m.dismissReason ?? ''}` : m.dismissReason ?? '')}` : ''}
        {m.complaint ? ` · ${i18n.t('teamReview.drill.complaint')}` : ''}
      </p>
      <p className="hint">{i18n.t('teamReview.drill.mentionMeta', [m.agent || '—', formatDateTime(m.postCreatedAt), formatDateTime(m.firstSeenAt)])} · {m.key}</p>
      {m.reasonCodes.length > 0 && <p className="hint">{reasonCodesText(m.reasonCodes)}</p>}
      <h3>{i18n.t('teamReview.drill.post')}</h3>
      <p className="post-text">{post?.text ?? i18n.t('teamReview.drill.noPostText')}</p>
      {(replies ?? []).map((r) => (
        <div key={r.id}>
          <h3>{i18n.t('teamReview.drill.reply')}</h3>
          <p className="post-text">{r.text}</p>
        </div>
      ))}
    </article>
  );
}
