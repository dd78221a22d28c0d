// @vitest-environment happy-dom
/**
 * Numbers and days the views used to write by hand ("12.5", "1234", "2026-10-01", "11-23") written
 * the way the interface language does, through Intl: a decimal comma, grouped thousands, day names.
 */
import type { ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { ImportWizard } from '@/components/customers/ImportWizard';
import { formatValue } from '@/components/review/GoalsView';
import { ImportPanel } from '@/components/review/ImportPanel';
import { dayRangeText, shortDayText } from '@/components/review/labels';
import { TemplateList } from '@/components/templates/TemplateList';
import { MAX_CSV_BYTES } from '@/lib/customers/csv';
import { MAX_BUNDLE_BYTES } from '@/lib/review/upload';
import { TemplateSchema } from '@/lib/schemas/templates';
import { localeGetMessage } from '../support/i18n';
import { until } from './live';

// What Intl writes in each language: Russian groups with a no-break space and uses a decimal comma.
const NUMBERS = {
  en: { thousands: '1,234', many: '12,345', decimal: '12.5', bundle: '157.3', big: '200.0', csv: '41.9', csvFile: '52.4', quarter: /^Oct 1\s–\sDec 31, 2026$/, tick: 'Nov 23' },
  ru: { thousands: '1\u00a0234', many: '12\u00a0345', decimal: '12,5', bundle: '157,3', big: '200,0', csv: '41,9', csvFile: '52,4', quarter: /^1 окт\.\s–\s31 дек\. 2026\sг\.$/, tick: '23 нояб.' },
  zh_CN: { thousands: '1,234', many: '12,345', decimal: '12.5', bundle: '157.3', big: '200.0', csv: '41.9', csvFile: '52.4', quarter: /^2026\/10\/1\s–\s2026\/12\/31$|^2026年10月1日\s?[至–-]\s?12月31日$/, tick: '11月23日' },
} as const;
const LOCALES = ['en', 'ru', 'zh_CN'] as const;

/** A file whose size says `bytes` without holding them: the views refuse it by size before reading. */
function hugeFile(name: string, bytes: number): File {
  const file = new File(['{}'], name, { type: 'application/json' });
  Object.defineProperty(file, 'size', { value: bytes });
  return file;
}

/** Mounts `node`, hands `files` to its file input, and waits until `ready`. */
async function pickFiles(node: ReactNode, files: File[], ready: (host: HTMLElement) => boolean): Promise<string> {
  const host = document.createElement('div');
  document.body.append(host);
  const root = createRoot(host);
  root.render(node);
  await until(host, () => host.querySelector('input[type="file"]') !== null);
  const input = host.querySelector<HTMLInputElement>('input[type="file"]');
  if (!input) throw new Error('no file input');
  Object.defineProperty(input, 'files', { value: files, configurable: true });
  input.dispatchEvent(new Event('change', { bubbles: true }));
  await until(host, () => ready(host));
  const text = host.textContent ?? '';
  root.unmount();
  host.remove();
  return text;
}

describe.each(LOCALES)('numbers and days in %s', (locale) => {
  const n = NUMBERS[locale];
  const act = globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean };
  let before: boolean | undefined;
  beforeEach(() => {
    before = act.IS_REACT_ACT_ENVIRONMENT;
    // The import views update as their reads finish; the tests wait for what they show.
    act.IS_REACT_ACT_ENVIRONMENT = false;
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(localeGetMessage(locale));
  });
  afterEach(() => {
    act.IS_REACT_ACT_ENVIRONMENT = before;
    vi.restoreAllMocks();
  });

  it.each([
    ['replies', 1234, n.thousands],
    ['escalations', 12.46, n.decimal],
  ] as const)('a goal of %s at %s reads %s', (metric, value, text) => {
    expect(formatValue(metric, value)).toBe(text);
  });

  it('a period of days and a chart tick', () => {
    expect(dayRangeText('2026-10-01', '2026-12-31')).toMatch(n.quarter);
    expect(shortDayText('2026-11-23')).toBe(n.tick);
    // The schema checks a key's shape only; an impossible day must not throw.
    expect(dayRangeText('2026-13-45', '2026-12-31')).toBe('2026-13-45 – 2026-12-31');
    expect(shortDayText('2026-13-45')).toBe('2026-13-45');
  });

  it('a template used 1234 times', () => {
    const template = TemplateSchema.parse({ id: 't1', shortCode: 'late', title: 'Late', scope: 'shared', bodies: ['Hi'], useCount: 1234, createdAt: 0, updatedAt: 0 });
    const html = renderToStaticMarkup(<TemplateList templates={[template]} agentName="Anna" onEdit={() => undefined} onDuplicate={() => undefined} />);
    expect(html).toContain(n.thousands);
    expect(html).not.toContain('1234');
  });

  it('a customer file too big to import', async () => {
    const text = await pickFiles(<ImportWizard onClose={() => undefined} />, [hugeFile('shop.csv', 52_400_000)], (h) => h.querySelector('[role="alert"], .banner.error') !== null);
    expect(MAX_CSV_BYTES / 1_000_000).toBeCloseTo(41.9, 1);
    expect(text).toContain(n.csv);
    expect(text).toContain(n.csvFile);
  });

  it('a log import: a bundle too big and the counts of the one imported', async () => {
    vi.spyOn(fakeBrowser.runtime, 'lastError', 'get').mockReturnValue(undefined);
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(((message: { type: string }, reply?: (response: unknown) => void) => {
      const res = message.type === 'reviewImport'
        ? { files: [{ name: 'anna.json', ok: true, agent: 'Anna', entries: 1234, mentions: 2, goals: 0 }], added: 1234, updated: 2, unchanged: 12_345 }
        : { ok: true };
      reply?.({ res });
      return Promise.resolve();
    }) as unknown as typeof fakeBrowser.runtime.sendMessage);
    const files = [hugeFile('year.json', 200_000_000), new File(['{"replyline":1}'], 'anna.json', { type: 'application/json' })];
    const text = await pickFiles(<ImportPanel />, files, (h) => h.querySelector('[data-testid="import-result"]') !== null);
    expect(MAX_BUNDLE_BYTES / 1_000_000).toBeCloseTo(157.3, 1);
    for (const shown of [n.big, n.bundle, n.thousands, n.many]) expect(text).toContain(shown);
    if (locale === 'ru') expect(text).not.toMatch(/\d\.\d|\d{4}/);
  });
});
