/**
 * The side panel from 320 px up, in English, Russian and Chinese: the queue, an open item and
 * every tab must fit the width (no horizontal scrolling, nothing past the right edge) and leave
 * every control whole — visible, or reachable by scrolling a container that scrolls.
 * The browser's UI language (what chrome.i18n serves) is chosen at launch, so one browser per locale.
 */
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test, expect } from '@playwright/test';
import { EXTENSION_PATH, extensionIdOf, extensionLaunchArgs, routeSites } from './support/extension';
import { xPage, type FakeTweet } from './support/xPage';
import { catalogue } from '../unit/support/i18n';

const LOCALES = [
  ['en', 'en-US'],
  ['ru', 'ru'],
  ['zh_CN', 'zh-CN'],
] as const;
const WIDTHS = [320, 400];

const ago = (min: number) => new Date(Date.now() - min * 60_000).toISOString();
// Long names and handles, several reasons each: what squeezes a row at 320 px.
const TWEETS: FakeTweet[] = [
  { id: '1840000000000000001', handle: 'jonathan_alexander_r', name: 'Jonathan Alexander Richardson', text: '@AcmeHelp my Summit tent pole snapped on the first night and my refund still has not arrived. Worst service ever, really disappointed.', createdAt: ago(20) },
  { id: '1840000000000000002', handle: 'jane_doe_hikes', name: 'Jane Doe', text: '@acmeoutdoor does the Trailblazer 2 come in size 12? Need it before Friday, please help', createdAt: ago(25) },
  { id: '1840000000000000003', handle: 'happy_hana_outdoors', name: 'Hana', text: 'Thanks @acmeoutdoor, the Summit tent kept us dry all weekend! Amazing ❤', createdAt: ago(30) },
];

async function launch(lang: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(mkdtempSync(path.join(tmpdir(), 'replyline-narrow-')), {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: !process.env.HEADED,
    viewport: { width: 400, height: 700 },
    locale: lang,
    args: [...extensionLaunchArgs(EXTENSION_PATH), `--lang=${lang}`],
    env: { ...process.env, LANGUAGE: lang.replace('-', '_'), LANG: `${lang.replace('-', '_')}.UTF-8` },
  });
}

interface Problem {
  what: string;
  el: string;
}

/** Horizontal overflow and clipped controls of the current view, described for the failure message. */
function problems(page: Page): Promise<Problem[]> {
  return page.evaluate(() => {
    const out: { what: string; el: string }[] = [];
    const doc = document.documentElement;
    const name = (el: Element) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ').join('.')}` : ''} "${(el.textContent ?? '').trim().slice(0, 40)}"`;
    if (doc.scrollWidth > doc.clientWidth) out.push({ what: `page scrolls sideways: ${doc.scrollWidth} > ${doc.clientWidth}`, el: 'html' });
    const visible = (el: Element) => {
      const r = el.getBoundingClientRect();
      const s = getComputedStyle(el);
      return r.width > 0 && r.height > 0 && s.visibility !== 'hidden';
    };
    for (const el of document.body.querySelectorAll('*')) {
      if (!visible(el)) continue;
      const r = el.getBoundingClientRect();
      // Inside a sideways-scrolling container (the tab strip) an element may sit past the edge.
      let scroller: Element | null = el.parentElement;
      let clippedBy: Element | null = null;
      let inScroller = false;
      for (; scroller && scroller !== document.body; scroller = scroller.parentElement) {
        const s = getComputedStyle(scroller);
        if (s.overflowX === 'auto' || s.overflowX === 'scroll') {
          inScroller = true;
          break;
        }
        if ((s.overflowX === 'hidden' || s.overflowX === 'clip') && clippedBy === null) {
          const c = scroller.getBoundingClientRect();
          if (r.right > c.right + 1 || r.left < c.left - 1) clippedBy = scroller;
        }
      }
      if (!inScroller && r.right > doc.clientWidth + 1) out.push({ what: `right edge ${Math.round(r.right)} past ${doc.clientWidth}`, el: name(el) });
      const control = el.matches('button, input:not([type=hidden]), select, textarea, [role=tab], [role=radio], .chip');
      if (control && clippedBy) out.push({ what: `control clipped by ${name(clippedBy)}`, el: name(el) });
      // A control's own text cut off (ellipsis or hidden overflow) hides what it does.
      if (control && el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'visible' && !el.matches('input, textarea, select')) {
        out.push({ what: `control text cut: ${el.scrollWidth} > ${el.clientWidth}`, el: name(el) });
      }
    }
    // Every section tab in sight: a tab strip that scrolls sideways hid "Settings" with no sign it was there.
    for (const tab of document.querySelectorAll('[role=tab]')) {
      const r = tab.getBoundingClientRect();
      if (r.left < -1 || r.right > doc.clientWidth + 1) out.push({ what: `tab out of sight (${Math.round(r.left)}–${Math.round(r.right)})`, el: name(tab) });
    }
    // A reason chip may shorten its detail, never its name, and never sits cut at the row's edge.
    for (const label of document.querySelectorAll('.reasons .reason-label')) {
      const chip = label.closest('.reason');
      const list = label.closest('.reasons');
      if (!chip || !list || !visible(label)) continue;
      const [l, c, r] = [label.getBoundingClientRect(), chip.getBoundingClientRect(), list.getBoundingClientRect()];
      if (l.right > c.right + 1 || c.right > r.right + 1 || label.scrollWidth > label.clientWidth + 1) out.push({ what: 'reason chip cut', el: name(chip) });
    }
    // A chip is one box: an inline chip broken over two lines reads as two half-framed ones.
    for (const chip of document.querySelectorAll('.chip')) {
      if (visible(chip) && chip.getClientRects().length > 1) out.push({ what: 'chip broken across lines', el: name(chip) });
    }
    // The time left is what a row is sorted and read by: it may not be cut ("Ответить в теч…").
    for (const due of document.querySelectorAll('.row .due')) {
      if (visible(due) && due.scrollWidth > due.clientWidth + 1) out.push({ what: `due time cut: ${due.scrollWidth} > ${due.clientWidth}`, el: name(due) });
    }
    // The author's name is who wrote in: it must not shrink to "J.." while the handle stays whole.
    for (const head of document.querySelectorAll('.row-head')) {
      const author = head.querySelector('strong');
      if (author && author.scrollWidth > author.clientWidth + 1 && author.clientWidth < 48) out.push({ what: `author name squeezed to ${author.clientWidth}px`, el: name(author) });
    }
    return out;
  });
}

async function expectFits(page: Page, view: string): Promise<void> {
  const found = await problems(page);
  expect(found, `${view} at ${page.viewportSize()?.width}px`).toEqual([]);
}

for (const [locale, lang] of LOCALES) {
  test(`the panel fits 320 and 400 px in ${locale}`, async () => {
    test.setTimeout(180_000);
    const t = catalogue(locale);
    const context = await launch(lang);
    try {
      await routeSites(context, new Map([['/home', xPage(TWEETS)]]));
      const id = await extensionIdOf(context);
      const panel = await context.newPage();
      await panel.goto(`chrome-extension://${id}/sidepanel.html`);
      // The browser really serves this locale's words.
      await expect(panel.locator('#tab-queue')).toHaveText(t.get('nav.queue') ?? '');
      await panel.locator('#tab-settings').click();
      await panel.getByRole('button', { name: t.get('settings.demoLoad') ?? '', exact: true }).click();
      await panel.locator('#tab-queue').click();
      const site = await context.newPage();
      await site.goto('https://x.com/home');
      await expect(site.locator('[data-replyline-priority]')).toHaveCount(TWEETS.length);
      await site.close();
      await expect(panel.locator('[role=listbox] [data-queue-key]')).toHaveCount(TWEETS.length);

      for (const width of WIDTHS) {
        await panel.setViewportSize({ width, height: 700 });
        await panel.locator('#tab-queue').click();
        await expect(panel.locator('[role=listbox] [data-queue-key]').first()).toBeVisible();
        await expectFits(panel, 'queue');
        await panel.locator('[role=listbox] [data-queue-key]').first().click();
        await expect(panel.locator('[data-detail-key]')).toBeVisible();
        await expectFits(panel, 'open item');
        // A known customer's item: the card with the matcher's evidence chips.
        await panel.locator('[role=listbox] [data-queue-key="x:1840000000000000002"]').click();
        await expect(panel.locator('.chip.evidence').first()).toBeVisible();
        await expectFits(panel, 'open item with a customer');
        for (const tab of ['customers', 'templates', 'brands', 'settings']) {
          await panel.locator(`#tab-${tab}`).click();
          await expect(panel.locator(`#tab-${tab}`)).toHaveAttribute('aria-selected', 'true');
          await expectFits(panel, tab);
        }
        // The brand form, business hours included, with a split and an overnight shift.
        await panel.locator('#tab-brands').click();
        await panel.getByRole('button', { name: t.get('common.edit') ?? '', exact: true }).first().click();
        await panel.locator('.hours-shifts > button').first().click();
        await expect(panel.locator('.business-hours input[type=time]').first()).toBeVisible();
        await expectFits(panel, 'brand form');
        await panel.locator('.business-hours').screenshot({ path: test.info().outputPath(`hours-${locale}-${width}.png`) });
        await panel.screenshot({ path: test.info().outputPath(`settings-${locale}-${width}.png`), fullPage: false });
      }
      // The review page opened in a narrow window: its charts' hidden tables once widened it to 561 px.
      const review = await context.newPage();
      await review.setViewportSize({ width: 320, height: 700 });
      await review.goto(`chrome-extension://${id}/review.html`);
      await expect(review.locator('svg.chart.trend')).toBeVisible();
      expect(await review.evaluate(() => document.documentElement.scrollWidth), 'review page width at 320px').toBeLessThanOrEqual(320);
      // The weekly trend and the per-agent bars are drawn at the width they have, not shrunk: their labels stay readable.
      for (const chart of ['trend', 'bars']) {
        const label = review.locator(`svg.chart.${chart} text.tick`).last();
        await expect.poll(() => label.evaluate((t) => t.getBoundingClientRect().height), { message: `${chart} label height (px)` }).toBeGreaterThanOrEqual(9);
      }
    } finally {
      await context.close();
    }
  });
}
