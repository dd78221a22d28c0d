// @vitest-environment happy-dom
/**
 * The review page's views rendered in Russian and Chinese: no text may come from the English
 * catalogue (a missing translation, an English unit or plural) and no internal code may show
 * (`spam.giveaway`, `notForUs`, `complaint`). Only strings equal in every language are allowed
 * (brand names, numbers): those are exactly the messages the target catalogue leaves as in English.
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { BadRows } from '@/components/customers/BadRows';
import { Evidence } from '@/components/customers/CustomerCard';
import { CustomerSummary } from '@/components/customers/CustomerSummary';
import { ImportWizard } from '@/components/customers/ImportWizard';
import { QueueRow } from '@/components/QueueRow';
import { Charts } from '@/components/review/Charts';
import { TemplateList } from '@/components/templates/TemplateList';
import { FilterBar } from '@/components/review/FilterBar';
import { MetricTiles } from '@/components/review/MetricTiles';
import { defaultFilter, staffedUnion } from '@/components/review/model';
import { buildRollups, computeMetrics, groupMetrics } from '@/lib/review';
import { CustomerSchema } from '@/lib/schemas/customers';
import { QueueItemSchema } from '@/lib/schemas/queue';
import { TemplateSchema } from '@/lib/schemas/templates';
import { DEFAULT_BUSINESS_HOURS } from '@/lib/schemas/settings';
import { entry, mention, MIN } from '../review/helpers';
import { catalogue, localeGetMessage } from '../support/i18n';

const T = Date.UTC(2026, 10, 23, 9); // a Monday morning
const entries = [
  entry({ repliedAt: T, frtMin: 70, reasonCodes: ['complaint', 'customer'], agent: 'Anna' }),
  entry({ repliedAt: T + 90 * MIN, frtMin: 1500, reasonCodes: ['question'], agent: 'Li Wei' }),
  entry({ repliedAt: T + 7 * 86_400_000, frtMin: 1, templateId: 't1', toneWarningsOverridden: 1, agent: 'Anna' }),
];
const mentions = [
  mention({ firstSeenAt: T - MIN, state: 'replied', complaint: true, reasonCodes: ['complaint'] }),
  mention({ firstSeenAt: T, state: 'filtered', dismissReason: 'giveaway', reasonCodes: ['spam.giveaway'] }),
  mention({ firstSeenAt: T + MIN, state: 'dismissed', dismissReason: 'notForUs' }),
  mention({ firstSeenAt: T + 2 * MIN, state: 'dismissed' }),
  mention({ firstSeenAt: T + 3 * MIN, state: 'new', complaint: true }),
];
const rollups = [...buildRollups(entries, mentions, () => 'UTC').values()];
const metrics = computeMetrics(rollups);
const CODES = ['complaint', 'spam.giveaway', 'giveaway', 'notForUs', 'ownPost', 'question', 'customer'];

function renderViews(): string {
  const filter = { ...defaultFilter('2026-11-25'), reason: 'spam.giveaway' };
  return renderToStaticMarkup(
    <>
      <FilterBar filter={filter} today="2026-11-25" agents={['Anna', 'Li Wei']} brands={[{ id: 'acme', name: 'Acme' }]} reasons={['complaint', 'spam', 'spam.giveaway']} onChange={() => undefined} />
      <MetricTiles m={metrics} onDrill={() => undefined} />
      <Charts
        rollups={rollups}
        filter={{}}
        metrics={metrics}
        byAgent={groupMetrics(rollups, {}, 'agent')}
        byWeek={groupMetrics(rollups, {}, 'isoWeek')}
        staffed={staffedUnion([DEFAULT_BUSINESS_HOURS])}
        onDrill={() => undefined}
      />
    </>,
  );
}

const customer = CustomerSchema.parse({
  id: 'c1', name: 'Jane Doe', email: 'jane@example.com', xHandle: 'jane_doe', orderCount: 2, totalSpent: 389.5, currency: 'GBP',
  orderNumbers: ['10023', '10024'], tags: ['vip'], createdAt: T, updatedAt: T,
});
// Every wording the matcher stores (lib/customers/match.ts), as one suggestion's evidence.
const WHY = 'handle @jane_doe; profileUrl https://facebook.com/jane; email jane@example.com; order #10023 shared by 2; order #10024 + name "Jane Doe"; order #10025; name "Jane Doe" shared by 5; name "Jane"; conflicts with c2';
const SKIPPED = [{ row: 3, reason: 'invalidEmail', detail: 'jane@' }, { row: 4, reason: 'duplicateRow', detail: '', firstRow: 2 }];

const queueItem = QueueItemSchema.parse({
  key: 'x:1', site: 'x', brandId: 'acme', state: 'new', priority: 80, rank: 1,
  reasons: [
    { code: 'customer', points: 30, detail: 'Jane Doe, 2 orders, 389.50 spent', facts: { name: 'Jane Doe', orders: 2, spent: 389.5, currency: 'GBP' } },
    { code: 'overdue', points: 20, detail: '', facts: { waitingMin: 70, targetMin: 60, overdue: true } },
    { code: 'influence', points: 5, detail: '1 replies', facts: { followers: 12_300, replies: 1 } },
  ],
  reasonCodes: ['customer', 'overdue', 'influence'], postCreatedAt: T, queuedAt: T, firstSeenAt: T, updatedAt: T,
});
const templates = [TemplateSchema.parse({ id: 't1', shortCode: 'late', title: 'Late', scope: 'shared', bodies: ['Hi', 'Hello'], createdAt: T, updatedAt: T })];

/** The side panel's views: queue row with reasons, the item's customer card parts, import wizard, templates. */
function renderCustomerViews(): string {
  return renderToStaticMarkup(
    <>
      <CustomerSummary customer={customer} />
      <Evidence match={{ customerId: 'c1', confidence: 0.8, by: 'handle', why: WHY }} />
      <BadRows errors={SKIPPED} fileName="shop.csv" />
      <ImportWizard onClose={() => undefined} />
      <QueueRow item={queueItem} selected={false} now={T + 70 * MIN} onSelect={() => undefined} />
      <TemplateList templates={templates} agentName="Anna" onEdit={() => undefined} onDuplicate={() => undefined} />
    </>,
  );
}

/** Every text node and every accessible or hover text of the rendered markup. */
function visibleStrings(html: string): string[] {
  const doc = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  const out: string[] = [];
  const walker = doc.createTreeWalker(doc.body, 4 /* NodeFilter.SHOW_TEXT */);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) if (n.textContent?.trim()) out.push(n.textContent.trim());
  for (const el of doc.querySelectorAll('[aria-label], [title], [placeholder]')) {
    for (const a of ['aria-label', 'title', 'placeholder']) {
      const v = el.getAttribute(a);
      if (v) out.push(v);
    }
  }
  return out;
}

/** The literal pieces of English messages the target locale translates differently. */
function englishFragments(locale: string): string[] {
  const en = catalogue('en');
  const other = catalogue(locale);
  const kept = new Set([...other.values()].flatMap((v) => v.split(/\$\d| \| /)));
  return [...en]
    .filter(([key, value]) => other.get(key) !== value)
    .flatMap(([, value]) => value.split(/\$\d| \| /))
    .map((s) => s.trim())
    // Fragments of a word or two ("of", ": ") say nothing; real leaks are words of text.
    .filter((s) => /[a-z]{3,}/i.test(s) && s.length >= 4 && !kept.has(s));
}

// English duration units, plural endings and percent forms as Intl writes them for `en`.
const ENGLISH_UNITS = /\b\d+\s?(min|hr|hrs|h|d|day|days|replies|mentions)\b/;

describe.each(['ru', 'zh_CN'])('review page in %s', (locale) => {
  beforeEach(() => {
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(localeGetMessage(locale));
  });

  it('shows no English catalogue text, no English units and no raw codes', () => {
    const strings = visibleStrings(renderViews());
    expect(strings.length).toBeGreaterThan(50);
    const fragments = englishFragments(locale);
    const leaks = strings.flatMap((s) => fragments.filter((f) => s.includes(f)).map((f) => `${JSON.stringify(s)} ⊃ ${JSON.stringify(f)}`));
    expect(leaks).toEqual([]);
    expect(strings.filter((s) => ENGLISH_UNITS.test(s))).toEqual([]);
    expect(strings.filter((s) => CODES.includes(s) || /\bspam\.\w+/.test(s))).toEqual([]);
  });
});

describe.each(['ru', 'zh_CN'])('side panel views in %s', (locale) => {
  beforeEach(() => {
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(localeGetMessage(locale));
  });

  it('shows no English catalogue text, no English plurals and no raw codes', () => {
    const strings = visibleStrings(renderCustomerViews());
    expect(strings.length).toBeGreaterThan(15);
    const fragments = englishFragments(locale);
    const leaks = strings.flatMap((s) => fragments.filter((f) => s.includes(f)).map((f) => `${JSON.stringify(s)} ⊃ ${JSON.stringify(f)}`));
    expect(leaks).toEqual([]);
    expect(strings.filter((s) => /\b(rows?|customers?|shared by|conflicts with|handle|profileUrl|invalidEmail|duplicateRow)\b/.test(s))).toEqual([]);
    expect(strings.filter((s) => ENGLISH_UNITS.test(s) || CODES.includes(s) || s === queueItem.key)).toEqual([]);
  });
});

describe('the check itself', () => {
  it('catches English evidence, plurals and text in the customer views when the catalogue is English', () => {
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(localeGetMessage('en'));
    const strings = visibleStrings(renderCustomerViews());
    const fragments = englishFragments('ru');
    expect(strings.some((s) => fragments.some((f) => s.includes(f)))).toBe(true);
    expect(strings).toContain('2 rows skipped');
    expect(strings).toContain('order #10023 shared by 2 customers');
  });

  it('catches English text, units and codes when the catalogue is English', () => {
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(localeGetMessage('en'));
    const strings = visibleStrings(renderViews());
    const fragments = englishFragments('ru');
    expect(strings.some((s) => fragments.some((f) => s.includes(f)))).toBe(true);
    expect(strings.some((s) => ENGLISH_UNITS.test(s))).toBe(true);
  });
});
