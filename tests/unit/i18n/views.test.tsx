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
import { Charts } from '@/components/review/Charts';
import { FilterBar } from '@/components/review/FilterBar';
import { MetricTiles } from '@/components/review/MetricTiles';
import { defaultFilter, staffedUnion } from '@/components/review/model';
import { buildRollups, computeMetrics, groupMetrics } from '@/lib/review';
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

describe('the check itself', () => {
  it('catches English text, units and codes when the catalogue is English', () => {
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(localeGetMessage('en'));
    const strings = visibleStrings(renderViews());
    const fragments = englishFragments('ru');
    expect(strings.some((s) => fragments.some((f) => s.includes(f)))).toBe(true);
    expect(strings.some((s) => ENGLISH_UNITS.test(s))).toBe(true);
  });
});
