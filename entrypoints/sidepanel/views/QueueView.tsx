/**
 * The agent's queue: one state at a time, highest priority first, read page by page from the
 * [state+rank] index and virtualised so 100,000 items scroll smoothly.
 */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useVirtualizer } from '@tanstack/react-virtual';
import { i18n } from '#i18n';
import { getDb } from '@/lib/db/db';
import { queueCount, queuePage } from '@/lib/db/queue';
import { QueueStateSchema, type QueueItem, type QueueState } from '@/lib/schemas';
import { QueueRow } from '@/components/QueueRow';
import { QueueItemDetail } from '@/components/QueueItemDetail';
import { EmptyState } from '@/components/EmptyState';
import { sendMessage } from '@/lib/messages';

const ROW_HEIGHT = 76;
const PAGE = 50;

export function QueueView({ onSetUpBrand }: { onSetUpBrand: () => void }) {
  const db = getDb();
  const [state, setState] = useState<QueueState>('new');
  const [selected, setSelected] = useState<string | undefined>();
  const [range, setRange] = useState({ start: 0, end: PAGE });
  const parentRef = useRef<HTMLDivElement>(null);

  const counts = useLiveQuery(
    async () => Object.fromEntries(await Promise.all(QueueStateSchema.options.map(async (s) => [s, await queueCount(db, s)] as const))),
    [],
  );
  const total = counts?.[state] ?? 0;
  const brandCount = useLiveQuery(() => db.brands.count(), []);
  const settings = useLiveQuery(() => db.settings.get('me'), []);

  // Only the rows near the viewport are read: a window around the visible range.
  const windowStart = Math.max(0, range.start - PAGE);
  const windowSize = range.end - range.start + 2 * PAGE;
  const rows = useLiveQuery(() => queuePage(db, state, windowSize, windowStart), [state, windowStart, windowSize]);

  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => parentRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });
  const virtualItems = virtualizer.getVirtualItems();
  const first = virtualItems[0]?.index ?? 0;
  const last = virtualItems[virtualItems.length - 1]?.index ?? 0;
  useEffect(() => {
    if (first < range.start || last > range.end) setRange({ start: first, end: Math.max(last, first + PAGE) });
  }, [first, last, range.start, range.end]);

  // "Open in Replyline" on a page badge focuses that item here.
  useEffect(() => {
    const key = settings?.focusKey;
    if (!key) return;
    void db.queue.get(key).then((item) => {
      if (!item) return;
      setState(item.state);
      setSelected(item.key);
      void sendMessage('settingsSave', { focusKey: undefined });
    });
  }, [settings?.focusKey, db]);

  const rowAt = (index: number): QueueItem | undefined => rows?.[index - windowStart];
  const selectedIndex = rows?.findIndex((r) => r.key === selected) ?? -1;

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement) return;
    const current = selectedIndex >= 0 ? windowStart + selectedIndex : -1;
    const move = (to: number) => {
      const clamped = Math.max(0, Math.min(total - 1, to));
      const item = rowAt(clamped);
      if (item) setSelected(item.key);
      virtualizer.scrollToIndex(clamped);
    };
    if (event.key === 'j' || event.key === 'ArrowDown') move(current + 1);
    else if (event.key === 'k' || event.key === 'ArrowUp') move(current - 1);
    else if (event.key === 'Escape') setSelected(undefined);
    else if (selected && event.key === 'd') void sendMessage('queueSetState', { key: selected, state: 'dismissed' });
    else if (selected && event.key === 's')
      void sendMessage('queueSetState', { key: selected, state: 'snoozed', snoozedUntil: Date.now() + 60 * 60 * 1000 });
    else return;
    event.preventDefault();
  };

  if (brandCount === 0) {
    return (
      <EmptyState title={i18n.t('queue.noBrandTitle')} body={i18n.t('queue.noBrandBody')}>
        <button type="button" className="primary" onClick={onSetUpBrand}>
          {i18n.t('queue.setUpBrand')}
        </button>
      </EmptyState>
    );
  }

  const selectedItem = selected ? rows?.find((r) => r.key === selected) : undefined;

  return (
    <div className="queue" onKeyDown={onKeyDown}>
      <div className="state-filter" role="radiogroup" aria-label={i18n.t('queue.stateFilter')}>
        {QueueStateSchema.options.map((s) => (
          <button
            key={s}
            type="button"
            role="radio"
            aria-checked={s === state}
            className={s === state ? 'chip active' : 'chip'}
            onClick={() => {
              setState(s);
              setSelected(undefined);
              setRange({ start: 0, end: PAGE });
            }}
          >
            {i18n.t(`state.${s}`)} <span className="count">{counts?.[s] ?? 0}</span>
          </button>
        ))}
      </div>
      <p className="hint">{i18n.t('queue.keyboardHint')}</p>
      {total === 0 ? (
        <EmptyState title={i18n.t(state === 'new' ? 'queue.emptyNewTitle' : 'queue.emptyStateTitle')} body={i18n.t(state === 'new' ? 'queue.emptyNewBody' : 'queue.emptyStateBody')} />
      ) : (
        <div ref={parentRef} className="queue-list" tabIndex={0} role="listbox" aria-label={i18n.t('queue.listLabel')}
          aria-activedescendant={selected ? `q-${selected}` : undefined}>
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualItems.map((v) => {
              const item = rowAt(v.index);
              return (
                <div key={v.key} style={{ position: 'absolute', top: 0, left: 0, right: 0, height: v.size, transform: `translateY(${v.start}px)` }}>
                  {item ? (
                    <QueueRow item={item} selected={item.key === selected} onSelect={() => setSelected(item.key)} />
                  ) : (
                    <div className="row placeholder" aria-hidden="true" />
                  )}
                </div>
              );
            })}
          </div>
        </div>
      )}
      {selectedItem && <QueueItemDetail item={selectedItem} onClose={() => setSelected(undefined)} />}
    </div>
  );
}
