// @vitest-environment happy-dom
/**
 * Counts, percentages, times and file names the customer card and the queue row show, in each
 * interface language: formatted by Intl and the catalogue, never by hand or in English.
 */
import { createRoot } from 'react-dom/client';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { QueueRow } from '@/components/QueueRow';
import { Charts } from '@/components/review/Charts';
import { staffedUnion } from '@/components/review/model';
import { buildRollups, computeMetrics, groupMetrics } from '@/lib/review';
import { DEFAULT_BUSINESS_HOURS } from '@/lib/schemas/settings';
import { entry } from '../review/helpers';
import { badRowsFileName } from '@/components/customers/BadRows';
import { Evidence } from '@/components/customers/CustomerCard';
import { Interactions } from '@/components/customers/Interactions';
import { DueLabel } from '@/components/queue/ItemMeta';
import { getDb } from '@/lib/db/db';
import { formatDuration } from '@/lib/i18n/format';
import { QueueItemSchema } from '@/lib/schemas/queue';
import { localeGetMessage } from '../support/i18n';
import { until, withoutActEnvironment } from './live';
import { seedNothing } from './seed';

const T = Date.UTC(2026, 10, 23, 9);
const MIN = 60_000;
const speak = (locale: string) => vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(localeGetMessage(locale));
const textOf = (html: string, selector: string) => new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html').querySelector(selector);

afterEach(() => {
  vi.restoreAllMocks();
});

describe('match confidence', () => {
  it.each([
    ['en', 'Match confidence 80%:'],
    // Russian writes a (no-break) space before the sign; a hand-built "80%" did not.
    ['ru', 'Уверенность 80\u00a0%:'],
    ['zh_CN', '匹配把握 80%：'],
  ])('%s', (locale, text) => {
    speak(locale);
    const html = renderToStaticMarkup(<Evidence match={{ customerId: 'c1', confidence: 0.8, by: 'handle', why: 'handle @jane' }} />);
    expect(textOf(html, '.hint')?.firstChild?.textContent?.trim()).toBe(text);
  });
});

describe('the skipped rows download', () => {
  it.each([
    ['en', 'Shop Export.CSV', 'Shop Export-skipped-rows.csv'],
    ['ru', 'клиенты.csv', 'клиенты-пропущенные-строки.csv'],
    ['zh_CN', 'customers.csv', 'customers-跳过的行.csv'],
  ])('%s: %s → %s', (locale, file, name) => {
    speak(locale);
    expect(badRowsFileName(file)).toBe(name);
  });
});

describe('time left in a queue row', () => {
  const item = QueueItemSchema.parse({
    key: 'x:1', site: 'x', brandId: 'acme', state: 'new', priority: 80, rank: 1, reasons: [], reasonCodes: [],
    postCreatedAt: T, queuedAt: T, firstSeenAt: T, updatedAt: T, dueAt: T + 70 * MIN,
  });

  // `$1` is the wait as the platform's Intl writes it (DurationFormat where it has one).
  it.each([
    ['en', 0, 70, 60, 'due in $1', 'Reply due in $1'],
    ['ru', 0, 70, 60, 'через $1', 'Ответить в течение $1'],
    ['ru', 95, 25, 25, 'просрочка $1', 'Просрочено на $1'],
    ['ru', 70 - 3 * 1440 - 125, 3 * 1440 + 125, 3 * 1440, 'через $1', 'Ответить в течение $1'],
    ['zh_CN', 0, 70, 60, '$1 内', '$1 内需回复'],
  ])('%s, %s min on: the row shows the time in its largest unit, the hover text in full', (locale, elapsed, wait, rounded, short, full) => {
    speak(locale);
    const now = T + elapsed * MIN;
    const tag = locale.replace('_', '-');
    const time = formatDuration(wait, tag);
    const norm = (s: string | null | undefined) => (s ?? '').replace(/\s/g, ' ');
    const due = textOf(renderToStaticMarkup(<QueueRow item={item} selected={false} now={now} onSelect={() => undefined} />), '.due');
    expect(norm(due?.textContent)).toBe(norm(short.replace('$1', formatDuration(rounded, tag))));
    expect(norm(due?.getAttribute('title'))).toContain(norm(full.replace('$1', time)));
    // The open item has room for the sentence.
    expect(norm(textOf(renderToStaticMarkup(<DueLabel item={item} now={now} />), '.due')?.textContent)).toBe(norm(full.replace('$1', time)));
  });
});

describe("a customer's history: how many more contacts the Customers tab holds", () => {
  withoutActEnvironment(seedNothing);
  const queued = (n: number) =>
    QueueItemSchema.parse({
      key: `x:18610000000000000${String(n).padStart(2, '0')}`, site: 'x', brandId: 'acme', state: 'replied', priority: 40, rank: 1, reasons: [], reasonCodes: [],
      postCreatedAt: T - n * 86_400_000, queuedAt: T, firstSeenAt: T, updatedAt: T, customerId: 'c1',
    });

  // The card shows 5 and leaves out the open item (it is on screen already).
  it.each([
    ['7 contacts, the open one among them', 7, 0, 1],
    ['6 contacts, the open one among them', 6, 0, 0],
    ['6 contacts, the open one not linked yet', 6, 99, 1],
    ['12 contacts', 12, 0, 6],
  ])('%s → %s more', async (_name, total, open, more) => {
    speak('ru');
    await seedNothing();
    await getDb().queue.bulkPut(Array.from({ length: total }, (_, i) => queued(i)));
    const host = document.createElement('div');
    document.body.append(host);
    const root = createRoot(host);
    root.render(<Interactions customerId="c1" limit={5} excludeKey={queued(open).key} />);
    await until(host, () => host.querySelectorAll('.interaction').length > 0);
    const hint = host.querySelector('.interactions > p.hint');
    expect(hint?.textContent ?? null).toBe(more === 0 ? null : `Ещё ${more} — на вкладке «Клиенты».`);
    expect(host.querySelectorAll('.interaction')).toHaveLength(5);
    root.unmount();
    host.remove();
  });
});

describe("the review's weekly trend: a week's drill-down is titled by its days", () => {
  const entries = [entry({ repliedAt: T, frtMin: 70, agent: 'Anna' }), entry({ repliedAt: T + 7 * 86_400_000, frtMin: 5, agent: 'Anna' })];
  const rollups = [...buildRollups(entries, [], () => 'UTC').values()];

  it.each([
    ['en', 'Interactions in the week of Nov 23 – 29, 2026'],
    ['ru', 'Обращения за неделю 23–29 нояб. 2026 г.'],
    // Chinese medium dates differ between ICU versions: the range as this platform writes it.
    ['zh_CN', `${new Intl.DateTimeFormat('zh-CN', { dateStyle: 'medium', timeZone: 'UTC' }).formatRange(Date.UTC(2026, 10, 23), Date.UTC(2026, 10, 29))} 这一周的互动`],
  ])('%s', async (locale, title) => {
    speak(locale);
    const act = globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean };
    const before = act.IS_REACT_ACT_ENVIRONMENT;
    act.IS_REACT_ACT_ENVIRONMENT = false;
    const titles: string[] = [];
    const host = document.createElement('div');
    document.body.append(host);
    const root = createRoot(host);
    root.render(
      <Charts
        rollups={rollups}
        filter={{}}
        metrics={computeMetrics(rollups)}
        byAgent={groupMetrics(rollups, {}, 'agent')}
        byWeek={groupMetrics(rollups, {}, 'isoWeek')}
        staffed={staffedUnion([DEFAULT_BUSINESS_HOURS])}
        onDrill={(_cell, t) => titles.push(t)}
      />,
    );
    await until(host, () => host.querySelector('circle[data-week="2026-W48"]') !== null);
    host.querySelector('circle[data-week="2026-W48"]')?.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    await until(host, () => titles.length > 0);
    root.unmount();
    host.remove();
    act.IS_REACT_ACT_ENVIRONMENT = before;
    expect(titles.map((t) => t.replace(/\s/g, ' '))).toEqual([title.replace(/\s/g, ' ')]);
  });
});
