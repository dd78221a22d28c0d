/**
 * Queue housekeeping handlers: follow-up reminders, waking snoozed items and re-ranking a brand's
 * open items after its triage settings change. chrome.alarms would need a new manifest
 * permission, so a timer wakes snoozed items while the worker is alive; `postsSeen` and the panel
 * (`queueWake` on open) catch up after the worker slept.
 */
import type { ReplylineDb } from '../db/db';
import { rerankQueue, setFollowUp, wakeSnoozed } from '../db/queue';
import { handle } from '../messages';
import { classifyHonouringLinks } from '../db/customerLinks';

export const WAKE_INTERVAL_MS = 30_000;

export function registerQueueHandlers(db: ReplylineDb): void {
  handle('queueFollowUp', async ({ key, followUpAt }) => {
    await setFollowUp(db, key, followUpAt);
    return { ok: true };
  });

  handle('queueWake', async () => ({ woken: await wakeSnoozed(db) }));

  // One re-rank per brand at a time: a second click waits for the running one instead of doubling it.
  const running = new Map<string, Promise<number>>();
  handle('queueRerank', async ({ brandId }) => {
    let job = running.get(brandId);
    if (!job) {
      // Same classifier as page ingestion: an agent's manual customer link keeps its reason.
      job = rerankQueue(db, brandId, classifyHonouringLinks()).finally(() => running.delete(brandId));
      running.set(brandId, job);
    }
    return { rescored: await job };
  });

  setInterval(() => {
    // A failed wake-up is retried on the next tick; log it so it is not silent.
    void wakeSnoozed(db).catch((error: unknown) => console.warn('Replyline: waking snoozed items failed', error));
  }, WAKE_INTERVAL_MS);
}
