/**
 * The in-page badge's words, looked up by the background and handed to each tab. In a content
 * script the first `chrome.i18n` lookup blocks the page while the browser sends the whole message
 * catalogue over (tens of ms, measured on the bench's X page); the service worker has it at hand.
 */
import { i18n } from '#i18n';
import * as z from 'zod/mini';

/** `label` holds PRIORITY_MARK where the priority number goes. */
export const PRIORITY_MARK = '\u0001';

const words = z.string().check(z.maxLength(200));

export const BadgeLabelsSchema = z.object({
  label: words,
  addToQueue: words,
  queued: words,
  /** A post a noise rule set aside: it is not waiting in the queue. */
  filtered: words,
  open: words,
  /** Shown when the panel cannot open from the page (Firefox): where to click instead. */
  openHint: words,
  /** The in-page notice an orphaned copy shows after an extension update (see content/lifetime.ts). */
  reloadNotice: z.string().check(z.maxLength(300)),
  high: words,
  medium: words,
  low: words,
});
export type BadgeLabels = z.infer<typeof BadgeLabelsSchema>;

export function badgeLabels(): BadgeLabels {
  return {
    label: i18n.t('badge.label', [PRIORITY_MARK]),
    addToQueue: i18n.t('badge.addToQueue'),
    queued: i18n.t('badge.queued'),
    filtered: i18n.t('badge.filtered'),
    open: i18n.t('badge.open'),
    openHint: i18n.t('badge.openHint'),
    reloadNotice: i18n.t('reload.page'),
    high: i18n.t('priority.high'),
    medium: i18n.t('priority.medium'),
    low: i18n.t('priority.low'),
  };
}

/** What the badge's queue button says: filtered beats queued (a filtered post has an item, in Filtered). */
export type BadgeQueueState = 'add' | 'queued' | 'filtered';

export function badgeQueueState(verdict: { queued: boolean; filtered: boolean }): BadgeQueueState {
  if (verdict.filtered) return 'filtered';
  return verdict.queued ? 'queued' : 'add';
}
