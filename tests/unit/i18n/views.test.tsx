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
import { TEMPLATE_VARIABLES } from '@/lib/templates/variables';
import { SAMPLE_CONTEXT } from '@/lib/compose';
import { entry, mention, MIN } from '../review/helpers';
import { catalogue, localeGetMessage } from '../support/i18n';
import { formatCount, pickPlural } from '@/lib/i18n/format';
import { renderBanners, renderBusinessHours, renderEmptyStates, renderOpenItem, renderGoals, renderRemovedDevice, renderSettings, renderTeamLog, renderTemplatesTab, withoutActEnvironment } from './live';
import { answerLikeTheBackground, SENT_TODAY, seedBanners, seedNothing, seedTeamShop } from './seed';

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

/** Every text node, every accessible or hover text and every text field's value in the rendered markup. */
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
  // What the view itself fills in (an example's title and tags), not only what it labels.
  for (const input of doc.querySelectorAll<HTMLInputElement>('input[value]:not([type]), input[value][type="text"], input[value][type="search"]')) {
    if (input.value.trim()) out.push(input.value.trim());
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
    expect(strings.filter((s) => HAND_DATE.test(s))).toEqual([]);
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

/** What any translated view must not show: English catalogue text, units, dates or decimals, raw codes or keys. */
function leaksIn(strings: string[], locale: string): string[] {
  // Whole words only: "Reply" is English, "Replyline" (the product's name) is not.
  const fragments = englishFragments(locale).map((f) => [f, new RegExp(`(?<!\\p{L})${f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?!\\p{L})`, 'u')] as const);
  return [
    ...strings.flatMap((s) => fragments.filter(([, re]) => re.test(withoutData(s))).map(([f]) => `${JSON.stringify(s)} ⊃ ${JSON.stringify(f)}`)),
    ...strings.filter((s) => ENGLISH_UNITS.test(s) || ENGLISH_DATES.test(s)).map((s) => `English unit or date: ${JSON.stringify(s)}`),
    ...strings.filter((s) => HAND_DATE.test(s)).map((s) => `non-Intl date: ${JSON.stringify(s)}`),
    ...strings.filter((s) => CODES.includes(s) || /\bspam\.\w+/.test(s) || RAW_KEY.test(s)).map((s) => `raw code: ${JSON.stringify(s)}`),
    // Russian writes a decimal comma (Intl does): a point between digits is a number formatted by hand.
    ...untranslatedWords(strings, locale).map((w) => `untranslated: ${w}`),
    ...(locale === 'ru' ? strings.filter((s) => /\d\.\d/.test(s) && !/\d\.\d+\.\d/.test(s)).map((s) => `non-Intl number: ${JSON.stringify(s)}`) : []),
  ];
}

/**
 * Latin words a translated view may show: the seeded records' names, handles, codes and devices
 * (page and customer data stay as written). Any other Latin word not in the target catalogue is
 * text written into a component by hand.
 */
const DATA_WORDS = new Set(['Acme', 'AcmeHelp', 'Care', 'Jane', 'Anna', 'Wang', 'Linux', 'MacIntel', 'late', 'thanks', 'acme', ...(SAMPLE_CONTEXT.post?.authorHandle ?? '').split('_')]);

// Addresses, handles, hashtags and e-mails are data, whatever their letters; template variables
// (`order.status`) are the syntax agents type in every language.
const DATA = new RegExp(String.raw`\bhttps?://\S+|[\w.+-]+@[\w.-]+|[@#]\w+|\b(?:${TEMPLATE_VARIABLES.map((v) => v.name.replace('.', '\\.')).join('|')})\b`, 'g');
const withoutData = (s: string): string => s.replace(DATA, ' ');

function untranslatedWords(strings: string[], locale: string): string[] {
  const known = new Set([...catalogue(locale).values()].flatMap((v) => v.match(/[A-Za-z]{4,}/g) ?? []));
  return strings.flatMap((s) => (withoutData(s).match(/[A-Za-z]{4,}/g) ?? []).filter((w) => !known.has(w) && !DATA_WORDS.has(w)).map((w) => `${w} in ${JSON.stringify(s)}`));
}

/** A day written as its storage key (`2026-12-31`) or a slice of it (`11-23`): Intl writes days. */
const HAND_DATE = /\b\d{4}-\d{2}-\d{2}\b|^\d{2}-\d{2}$/;
const ENGLISH_DATES = /\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b|\b\d{1,2}:\d{2}\s?(AM|PM)\b|\bago\b/;
/** A message key shown as such (`team.notice.assigned`, `triageUi.dismiss.spam`). */
const RAW_KEY = /^[a-z][a-zA-Z]+(\.[a-zA-Z0-9]+){1,3}$/;

const LIVE_VIEWS: Array<[string, () => Promise<string>, number]> = [
  ['the open item in team mode (claim, composer, template picker, assign, action forms)', renderOpenItem, 60],
  ['Settings in team mode (lead tools, shift, leave), the join form, status bar and notices, the brand form', renderSettings, 60],
  ['the status bar of a device removed from the team', renderRemovedDevice, 1],
  ['the templates tab (templates, tone notes, tone rules)', renderTemplatesTab, 30],
  ["the review page's goals (a goal's check-in)", renderGoals, 8],
  ['the business hours editor', renderBusinessHours, 20],
  ['the banners (page health, reload tabs, evicted, storage)', renderBanners, 8],
  ["the team's live reply log", renderTeamLog, 8],
  ['the empty states of every tab and of the review page', renderEmptyStates, 20],
];

/** The live views' world: the seeded shop, the background's answers, `locale`'s catalogue. */
function liveSetup(locale: string): void {
  withoutActEnvironment(async () => {
    // Test files share a worker: leave no spy, seeded record or fake background behind.
    vi.restoreAllMocks();
    fakeBrowser.reset();
    await seedNothing();
  });
  beforeEach(async () => {
    fakeBrowser.reset();
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(localeGetMessage(locale));
    vi.spyOn(fakeBrowser.runtime, 'connect').mockImplementation(() => fakePort());
    answerLikeTheBackground();
    await seedTeamShop();
    await seedBanners();
  });
}

describe.each(['ru', 'zh_CN'])('live panel views in %s', { timeout: 30_000 }, (locale) => {
  liveSetup(locale);

  it.each(LIVE_VIEWS)('%s: no English, no raw codes, Intl numbers and dates', async (_name, render, least) => {
    const strings = visibleStrings(await render());
    expect(strings.length).toBeGreaterThan(least);
    expect(leaksIn(strings, locale)).toEqual([]);
  });
});

/**
 * Warnings an agent must act on, worded in the interface language: a missing message renders
 * empty, one left in English renders the English text, and both fail here (the leak check above
 * sees neither an empty string nor text the target catalogue also holds).
 */
describe.each(['en', 'ru', 'zh_CN'])('device removed and same reply sent today in %s', { timeout: 30_000 }, (locale) => {
  liveSetup(locale);
  const own = catalogue(locale);
  const english = catalogue('en');
  const tag = locale.replace('_', '-');
  const textOf = (html: string, selector: string): string => new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html').querySelector(selector)?.textContent ?? '';
  /** The locale's message for `key`, and for a translation, proof it is not the English one. */
  const translated = (key: string): string => {
    const message = own.get(key) ?? '';
    expect(message, `${locale} has ${key}`).not.toBe('');
    if (locale !== 'en') expect(message, `${key} is translated`).not.toBe(english.get(key));
    return message;
  };

  it('the status bar says the device was removed', async () => {
    const bar = textOf(await renderRemovedDevice(), '[data-team-connection="revoked"]');
    expect(bar).toContain(translated('team.status.revoked'));
    expect(bar).toContain(translated('team.leave'));
  });

  it('the composer warns that the reply went to others today and to this customer before', async () => {
    const html = await renderOpenItem();
    const today = pickPlural(translated('tone.repeatedToday').replaceAll('$1', formatCount(SENT_TODAY, tag)), SENT_TODAY, tag);
    expect(textOf(html, '[data-tone-code="tone.repeatedToday"] .finding-why')).toBe(today);
    expect(textOf(html, '[data-tone-code="tone.repeatedToAuthor"] .finding-why')).toBe(translated('tone.repeatedToAuthor'));
  });
});

/** The port the claim gate opens to the background (the fake browser has none). */
function fakePort(): ReturnType<typeof fakeBrowser.runtime.connect> {
  const event = { addListener: () => undefined, removeListener: () => undefined, hasListener: () => false, hasListeners: () => false };
  return { name: 'team-panel', disconnect: () => undefined, postMessage: () => undefined, onMessage: event, onDisconnect: event } as unknown as ReturnType<typeof fakeBrowser.runtime.connect>;
}

describe('the check itself', () => {
  it('catches English text, dates and hand-written words in the live views when the catalogue is English', { timeout: 30_000 }, async () => {
    const act = globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean };
    const before = act.IS_REACT_ACT_ENVIRONMENT;
    act.IS_REACT_ACT_ENVIRONMENT = false;
    try {
      fakeBrowser.reset();
      vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(localeGetMessage('en'));
      vi.spyOn(fakeBrowser.runtime, 'connect').mockImplementation(() => fakePort());
      answerLikeTheBackground();
      await seedTeamShop();
      const leaks = leaksIn(visibleStrings(await renderSettings()), 'ru');
      expect(leaks.some((l) => l.includes('⊃'))).toBe(true);
      expect(leaks.some((l) => l.startsWith('English unit or date'))).toBe(true);
      expect(leaksIn(['Team devices'], 'ru')).toContain('untranslated: devices in "Team devices"');
    } finally {
      act.IS_REACT_ACT_ENVIRONMENT = before;
      vi.restoreAllMocks();
      await seedNothing();
    }
  });

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
