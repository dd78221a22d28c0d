/** The badge's words, as the background hands them to every tab. */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { BadgeLabelsSchema, PRIORITY_MARK, badgeLabels } from '@/lib/pipeline/badgeLabels';
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
      open: 'Open in Replyline',
      high: 'High priority',
      medium: 'Medium priority',
      low: 'Low priority',
    });
    expect(labels.label.replace(PRIORITY_MARK, '72')).toBe('Replyline — priority 72');
  });
});
