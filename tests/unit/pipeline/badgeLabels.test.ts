/** The badge's words, as the background hands them to every tab. */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { BadgeLabelsSchema, PRIORITY_MARK, badgeLabels, badgeQueueState } from '@/lib/pipeline/badgeLabels';
import { englishGetMessage } from '../support/i18n';

beforeAll(() => {
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(englishGetMessage());
});

describe('badgeLabels', () => {
  it('answers every label in the browser language, with a mark where the priority goes', () => {
    const labels = BadgeLabelsSchema.parse(badgeLabels());
    expect(labels).toEqual({
      label: `Replyline — priority ${PRIORITY_MARK}`,
      addToQueue: 'Add to queue',
      queued: 'In queue',
      filtered: 'Filtered — not queued',
      open: 'Open in Replyline',
      openHint: 'Ready — click Replyline in the toolbar',
      reloadNotice: 'Replyline was updated. Reload this tab to keep collecting mentions.',
      high: 'High priority',
      medium: 'Medium priority',
      low: 'Low priority',
    });
    expect(labels.label.replace(PRIORITY_MARK, '72')).toBe('Replyline — priority 72');
  });
});

describe('badgeQueueState', () => {
  it.each([
    // [queued, filtered, what the button says]
    [false, false, 'add'],
    [true, false, 'queued'],
    // A noise rule's item exists (state Filtered) but waits nowhere: never "In queue".
    [true, true, 'filtered'],
    [false, true, 'filtered'],
  ] as const)('queued=%s filtered=%s → %s', (queued, filtered, expected) => {
    expect(badgeQueueState({ queued, filtered })).toBe(expected);
  });
});
