/**
 * The agent's queue: one state at a time, highest priority first (ties oldest first), filtered by
 * brand, site and reason. Windows are read from the [state+rank] / [brandId+state+rank] index
 * (lib/db/queue.ts queueWindow) and virtualised, so 100,000 items scroll without loading them all.
 * Keyboard-first: j/k or arrows move, Enter/o open, i start, e escalate, s snooze, d dismiss,
 * f follow up, r write the reply, z undo the last dismiss/snooze, Esc closes a form, then the
 * detail, then clears the selection. The list has the focus when the panel opens.
 */
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { i18n } from '#i18n';
import type { QueueFilter } from '@/lib/db/queue';
import { useDueFollowUps, useQueueCounts, useQueueWindow } from '@/lib/db/views/queue';
import { readQueueItem, useBrands, useQueueItem, useSettings } from '@/lib/db/views/records';
import type { QueueItem } from '@/lib/schemas/queue';
import { QueueRow } from '@/components/QueueRow';
import { QueueItemDetail, type DetailMode } from '@/components/QueueItemDetail';
import { EmptyState } from '@/components/EmptyState';
import { QueueFilters } from '@/components/queue/QueueFilters';
import { FollowUpBanner } from '@/components/queue/FollowUpBanner';
import { TeamNotices } from '@/components/team/TeamNotices';
import { useNow } from '@/components/queue/useNow';
import { sendMessage } from '@/lib/messages';
import { count as formatCount, plural } from '@/lib/i18n/ui';

const ROW_HEIGHT = 76;
const PAGE = 50;

/** The selected row: its key, its index in the list, and whether it was picked from the list. */
interface Selection {
  key?: string | undefined;
  index: number;
  /** False for items opened from elsewhere (a follow-up): they need not be in the current list. */
  inList: boolean;
  /**
   * Kept selected after leaving the list (started with `i`): the agent's next key or typed reply
   * is for this item. `index` is where it was, so j/k go on from there.
   */
  pinned?: boolean;
  /** Coming back (an undone dismiss/snooze): wait for it to reappear instead of moving on. */
  returning?: boolean;
}

/** The last dismiss or snooze, until undone with `z` or replaced by the next one. */
interface Undoable {
  key: string;
  state: QueueItem['state'];
  snoozedUntil?: number | undefined;
  index: number;
  done: 'dismissed' | 'snoozed';
}
const UNDO_SHOWN_MS = 15_000;
const NONE: Selection = { index: -1, inList: true };

const isTyping = (target: EventTarget) =>
  target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement || (target instanceof HTMLElement && target.isContentEditable);

export function QueueView({ onSetUpBrand }: { onSetUpBrand: () => void }) {
  const now = useNow();
  const [filter, setFilterState] = useState<QueueFilter>({ state: 'new' });
  const [sel, setSel] = useState<Selection>(NONE);
  const [open, setOpen] = useState(false);
  const [mode, setMode] = useState<DetailMode>('view');
  const [range, setRange] = useState({ start: 0, end: PAGE });
  const rootRef = useRef<HTMLDivElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const [undo, setUndo] = useState<Undoable | undefined>();
  // The item whose reply box should take the focus (`r`), until it has.
  const [replyFocusKey, setReplyFocusKey] = useState<string | undefined>();
  const replyFocused = useCallback(() => setReplyFocusKey(undefined), []);

  // Opening the panel catches up on snoozes that woke while the service worker slept.
  useEffect(() => {
    void sendMessage('queueWake', {});
  }, []);

  const brands = useBrands();
  const settings = useSettings();
  const followUps = useDueFollowUps(filter.state === 'new', now, filter.brandId);

  // Only the rows near the viewport are read: a window around the visible range.
  const windowStart = Math.max(0, range.start - PAGE);
  const windowSize = range.end - range.start + 2 * PAGE;
  const win = useQueueWindow(filter, windowStart, windowSize);
  // The chips' counts are O(n) at 100k items: they start once the first rows are in (so they never
  // queue ahead of them in IndexedDB) and arrive on their own.
  const counts = useQueueCounts(filter.brandId, win !== undefined);
  const residual = filter.site !== undefined || filter.reason !== undefined;
  // The list's length: exact once a read reached its end; else the state's count when it is known
  // (it is the length of an unfiltered list); until then one more row than found, so the
  // virtualiser asks for the next window as the agent scrolls and grows as rows arrive.
  const known = residual ? undefined : counts?.[filter.state];
  const count = win === undefined ? 0 : win.total ?? Math.max(win.found + 1, known ?? 0);

  const virtualizer = useVirtualizer({ count, getScrollElement: () => listRef.current, estimateSize: () => ROW_HEIGHT, overscan: 8 });
  const virtualItems = virtualizer.getVirtualItems();
  const first = virtualItems[0]?.index ?? 0;
  const last = virtualItems[virtualItems.length - 1]?.index ?? 0;
  useEffect(() => {
    if (first < range.start || last > range.end) setRange({ start: first, end: Math.max(last, first + PAGE) });
  }, [first, last, range.start, range.end]);

  const rowAt = (index: number): QueueItem | undefined => (win ? win.items[index - win.start] : undefined);

  const focusList = useCallback(() => {
    (listRef.current ?? rootRef.current)?.focus({ preventScroll: true });
  }, []);

  // The panel opens ready for j/k: the list (or the queue, while it loads or is empty) has focus,
  // unless the agent already put it somewhere.
  const hasList = win !== undefined && count > 0;
  useEffect(() => {
    const active = document.activeElement;
    if (active === null || active === document.body || active === rootRef.current) focusList();
  }, [hasList, focusList]);

  useEffect(() => {
    if (!undo) return;
    const timer = setTimeout(() => setUndo(undefined), UNDO_SHOWN_MS);
    return () => clearTimeout(timer);
  }, [undo]);

  // The started item stays selected (and open) though it leaves this list.
  const pinSelection = () => {
    if (filter.state !== 'inProgress') setSel((s) => (s.key === undefined ? s : { ...s, inList: true, pinned: true }));
    focusList();
  };

  const undoLast = () => {
    if (!undo) return;
    setUndo(undefined);
    void sendMessage('queueSetState', { key: undo.key, state: undo.state, snoozedUntil: undo.snoozedUntil });
    // Back where it was, selected again, once the list shows it.
    setSel({ key: undo.key, index: undo.index, inList: true, returning: true });
    focusList();
  };

  const setFilter = (next: QueueFilter) => {
    setFilterState(next);
    setSel(NONE);
    setOpen(false);
    setMode('view');
    setRange({ start: 0, end: PAGE });
    listRef.current?.scrollTo({ top: 0 });
  };

  // Keep the selection on its item; when the item leaves the list (dismissed, snoozed, restored…)
  // select whatever now sits at its place, so the agent goes straight on to the next one.
  useEffect(() => {
    if (!win || !sel.inList || sel.pinned) return;
    const found = sel.key === undefined ? -1 : win.items.findIndex((r) => r.key === sel.key);
    if (found >= 0) {
      if (win.start + found !== sel.index || sel.returning) setSel({ key: sel.key, index: win.start + found, inList: true });
      return;
    }
    if (sel.returning) return;
    if (sel.index < 0) return; // focused from a badge, not (yet) in the loaded window
    const local = sel.index - win.start;
    if (local < 0 || local > win.items.length) return; // outside the loaded window: wait for it
    const at = Math.min(local, win.items.length - 1);
    const next = win.items[at];
    if (!next) {
      setSel(NONE);
      setOpen(false);
    } else if (next.key !== sel.key) setSel({ key: next.key, index: win.start + at, inList: true });
  }, [win, sel]);

  // A live view keeps the previous result until the new key's read resolves: never act on a stale item.
  const loadedItem = useQueueItem(sel.key);
  const detailItem = loadedItem?.key === sel.key ? loadedItem : undefined;

  // "Open in Replyline" on a page badge focuses that item here.
  useEffect(() => {
    const key = settings?.focusKey;
    if (!key) return;
    void readQueueItem(key).then((item) => {
      if (!item) return;
      setFilter({ state: item.state });
      setSel({ key: item.key, index: -1, inList: true });
      setOpen(true);
      void sendMessage('settingsSave', { focusKey: undefined });
    });
  }, [settings?.focusKey]);

  // Back from a form (submitted or cancelled): the list gets the keys again.
  const changeMode = (next: DetailMode) => {
    setMode(next);
    if (next === 'view') requestAnimationFrame(focusList);
  };

  const select = (index: number) => {
    if (count === 0) return;
    const clamped = Math.max(0, Math.min(count - 1, index));
    const item = rowAt(clamped);
    setSel({ key: item?.key, index: clamped, inList: true });
    setMode('view');
    virtualizer.scrollToIndex(clamped);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      if (mode !== 'view') changeMode('view');
      else if (open) setOpen(false);
      else setSel(NONE);
      focusList();
      event.preventDefault();
      return;
    }
    if (isTyping(event.target) || event.ctrlKey || event.metaKey || event.altKey) return;
    const current = sel.inList ? sel.index : -1;
    const key = sel.key;
    switch (event.key) {
      case 'j':
      case 'ArrowDown':
        // A pinned item left the list: the one now at its place is the next.
        select(sel.pinned ? sel.index : current + 1);
        break;
      case 'k':
      case 'ArrowUp':
        select(current < 0 ? 0 : current - 1);
        break;
      case 'r':
        if (!key) return;
        setOpen(true);
        setMode('view');
        setReplyFocusKey(key);
        break;
      case 'z':
        if (!undo) return;
        undoLast();
        break;
      case 'Enter':
        // Enter on a button is that button's click, not "open".
        if (event.target !== listRef.current) return;
        if (key) setOpen(true);
        break;
      case 'o':
        if (key) setOpen(true);
        break;
      case 'i':
        if (!key || detailItem?.state === 'inProgress') return;
        pinSelection();
        setOpen(true);
        void sendMessage('queueSetState', { key, state: 'inProgress' });
        break;
      case 'd':
      case 's':
      case 'e':
      case 'f':
        if (!key) return;
        setOpen(true);
        setMode(event.key === 'd' ? 'dismiss' : event.key === 's' ? 'snooze' : event.key === 'e' ? 'escalate' : 'followUp');
        break;
      default:
        return;
    }
    event.preventDefault();
  };

  if (brands?.length === 0) {
    return (
      <EmptyState title={i18n.t('queue.noBrandTitle')} body={i18n.t('queue.noBrandBody')}>
        <button type="button" className="primary" onClick={onSetUpBrand}>
          {i18n.t('queue.setUpBrand')}
        </button>
      </EmptyState>
    );
  }

  const empty = () => {
    if (residual || filter.brandId !== undefined) {
      return (
        <EmptyState title={i18n.t('triageUi.emptyFilterTitle')} body={i18n.t('triageUi.emptyFilterBody')}>
          <button type="button" onClick={() => setFilter({ state: filter.state })}>{i18n.t('triageUi.filters.clear')}</button>
        </EmptyState>
      );
    }
    if (filter.state === 'new') return <EmptyState title={i18n.t('queue.emptyNewTitle')} body={i18n.t('queue.emptyNewBody')} />;
    if (filter.state === 'filtered') return <EmptyState title={i18n.t('triageUi.emptyFilteredTitle')} body={i18n.t('triageUi.emptyFilteredBody')} />;
    return <EmptyState title={i18n.t('triageUi.emptyStateTitle')} body={i18n.t('triageUi.emptyStateBody')} />;
  };

  return (
    <div className="queue" ref={rootRef} tabIndex={-1} onKeyDown={onKeyDown}>
      <QueueFilters filter={filter} counts={counts} brands={brands ?? []} onChange={setFilter} />
      <p className="hint" id="queue-keys">{i18n.t('triageUi.keyboardHint')}</p>
      <TeamNotices
        onOpen={(key) => {
          setSel({ key, index: -1, inList: false });
          setOpen(true);
        }}
      />
      {filter.state === 'new' && (
        <FollowUpBanner
          items={followUps ?? []}
          onOpen={(item) => {
            setSel({ key: item.key, index: -1, inList: false });
            setOpen(true);
          }}
        />
      )}
      {win !== undefined && count === 0 ? (
        empty()
      ) : (
        <div
          ref={listRef}
          className="queue-list"
          tabIndex={0}
          role="listbox"
          aria-label={i18n.t('queue.listLabel')}
          aria-describedby="queue-keys"
          aria-activedescendant={sel.key && sel.inList && !sel.pinned ? `q-${sel.key}` : undefined}
        >
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualItems.map((v) => {
              const item = rowAt(v.index);
              return (
                <div key={v.key} style={{ position: 'absolute', top: 0, left: 0, right: 0, height: v.size, transform: `translateY(${v.start}px)` }}>
                  {item ? (
                    <QueueRow
                      item={item}
                      now={now}
                      selected={item.key === sel.key}
                      onSelect={() => {
                        setSel({ key: item.key, index: v.index, inList: true });
                        setOpen(true);
                      }}
                    />
                  ) : (
                    <div className="row placeholder" aria-hidden="true">
                      {residual && win && !win.exhausted && v.index >= win.found ? i18n.t('triageUi.looking') : null}
                    </div>
                  )}
                </div>
              );
            })}
          </div>
        </div>
      )}
      {residual && win && !win.exhausted && <p className="hint">{plural(i18n.t('triageUi.moreMatches', [formatCount(win.found)]), win.found)}</p>}
      {open && detailItem && (
        <QueueItemDetail
          key={detailItem.key}
          item={detailItem}
          now={now}
          mode={mode}
          onMode={changeMode}
          onClose={() => {
            setOpen(false);
            setMode('view');
            focusList();
          }}
          onActed={focusList}
          onStarted={pinSelection}
          onUndoable={(before, done) => setUndo({ key: before.key, state: before.state, snoozedUntil: before.snoozedUntil, index: sel.index, done })}
          focusReply={replyFocusKey === detailItem.key}
          onReplyFocused={replyFocused}
        />
      )}
      {undo && (
        <div className="undo-toast" aria-live="polite" data-undo-key={undo.key}>
          <span>{i18n.t(undo.done === 'dismissed' ? 'queue.undo.dismissed' : 'queue.undo.snoozed')}</span>
          <button type="button" onClick={undoLast} aria-keyshortcuts="z">
            {i18n.t('queue.undo.action')}
          </button>
        </div>
      )}
    </div>
  );
}
