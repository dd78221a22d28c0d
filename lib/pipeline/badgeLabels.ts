/**
 * The in-page badge's words, looked up by the background and handed to each tab. In a content
 * script the first `chrome.i18n` lookup blocks the page while the browser sends the whole message
 * catalogue over (tens of ms, measured on the bench's X page); the service worker has it at hand.
 */
import { i18n } from '#i18n';
import { z } from 'zod';

/** `label` holds PRIORITY_MARK where the priority number goes. */
export const PRIORITY_MARK = '\u0001';

export const BadgeLabelsSchema = z.object({
  label: z.string().max(200),
  addToQueue: z.string().max(200),
  queued: z.string().max(200),
  open: z.string().max(200),
  high: z.string().max(200),
  medium: z.string().max(200),
  low: z.string().max(200),
});
export type BadgeLabels = z.infer<typeof BadgeLabelsSchema>;

export function badgeLabels(): BadgeLabels {
  return {
    label: i18n.t('badge.label', [PRIORITY_MARK]),
    addToQueue: i18n.t('badge.addToQueue'),
    queued: i18n.t('badge.queued'),
    open: i18n.t('badge.open'),
    high: i18n.t('priority.high'),
    medium: i18n.t('priority.medium'),
    low: i18n.t('priority.low'),
  };
}
