/**
 * The state chips' counts, loaded apart from the rows so the first row never waits for them, and
 * kept live by Dexie's storagemutated event (it also carries the background's writes) through a
 * recounter that never runs two counts at once (see ../recount.ts).
 */
import Dexie, { type ObservabilitySet } from 'dexie';
import { useEffect, useState } from 'react';
import { QueueStateSchema } from '../../schemas/queue';
import { getDb, type ReplylineDb } from '../db';
import { queueCounts } from '../queue';
import { startRecounter } from '../recount';

export type StateCounts = Record<string, number>;

/**
 * How long the panel waits after its first rows before counting. A count in flight cannot be
 * stopped, even by closing the panel: at 100k items it would hold up the rows of a panel reopened
 * within the next second, and nothing is lost by letting the first paint settle.
 */
export const COUNT_START_DELAY_MS = 500;

/** Counts every state (of one brand) after `delayMs`, then after every queue write until the returned stop. */
export function watchQueueCounts(db: ReplylineDb, brandId: string | undefined, publish: (counts: StateCounts) => void, delayMs = 0): () => void {
  const queueParts = `idb://${db.name}/queue/`;
  const recounter = startRecounter({
    count: () => queueCounts(db, QueueStateSchema.options, brandId),
    publish,
    firstDelayMs: delayMs,
    // Keep the last counts shown; the next queue write tries again.
    onError: (error) => console.warn('Replyline: counting the queue failed', error),
  });
  const onMutated = (parts: ObservabilitySet) => {
    if (Object.keys(parts).some((part) => part.startsWith(queueParts))) recounter.invalidate();
  };
  Dexie.on.storagemutated.subscribe(onMutated);
  return () => {
    Dexie.on.storagemutated.unsubscribe(onMutated);
    recounter.stop();
  };
}

/**
 * Per-state counts for `brandId` (all brands when undefined), undefined until the first count of
 * that brand arrives. Nothing is counted until `enabled`: the panel enables it once its first rows
 * are shown, so the counts never queue up in IndexedDB ahead of them.
 */
export function useQueueCounts(brandId: string | undefined, enabled: boolean): StateCounts | undefined {
  const [latest, setLatest] = useState<{ brandId: string | undefined; counts: StateCounts }>();
  useEffect(() => {
    if (!enabled) return undefined;
    return watchQueueCounts(getDb(), brandId, (counts) => setLatest({ brandId, counts }), COUNT_START_DELAY_MS);
  }, [brandId, enabled]);
  // Another brand's counts are never shown, not even for the render before its own arrive.
  return latest !== undefined && latest.brandId === brandId ? latest.counts : undefined;
}
