/**
 * The in-page badge sits by the author's name, in a closed shadow root, and takes no layout space
 * unless it must: it may never hide what it is about. On every post kind (X posts, Facebook feed
 * posts, Facebook comments) and from 320 px up, with the longest labels (Russian), its box stays
 * inside its post and off the author's name, the first line of the text and the site's own controls
 * at the end of the author line (X's "More" post menu and Grok button); where the whole badge
 * has no room it shows compact (the priority, the rest behind a button), still reachable by keyboard.
 */
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test, expect, EXTENSION_PATH, extensionIdOf, extensionLaunchArgs, routeSites } from './support/extension';
import { createBrand } from './support/panel';
import { readBadges, xPage, type FakeTweet } from './support/xPage';
import { fbPage, type FakeFbPost } from './support/fbPage';
import { catalogue } from '../unit/support/i18n';

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** What CDP tells of one badge: its box and its parts (closed shadow root). */
interface BadgeParts {
  postKey: string;
  compact: boolean;
  box: Box | null;
  /** The compact badge's button: its accessible name, tooltip and state. */
  toggle: { label: string; title: string; expanded: string } | null;
  /** Boxes of the queue and open buttons; null while not shown. */
  buttons: (Box | null)[];
}

interface CdpNode {
  backendNodeId: number;
  nodeType: number;
  nodeName: string;
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
}

const attr = (node: CdpNode, name: string): string | undefined => {
  const a = node.attributes ?? [];
  for (let i = 0; i + 1 < a.length; i += 2) if (a[i] === name) return a[i + 1];
  return undefined;
};

function descendants(node: CdpNode, out: CdpNode[] = []): CdpNode[] {
  for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) {
    if (child.nodeType === 1) out.push(child);
    descendants(child, out);
  }
  return out;
}

async function badgeParts(page: Page): Promise<BadgeParts[]> {
  const cdp = await page.context().newCDPSession(page);
  const boxOf = async (node: CdpNode): Promise<Box | null> => {
    try {
      const { model } = await cdp.send('DOM.getBoxModel', { backendNodeId: node.backendNodeId });
      const [x1 = 0, y1 = 0, , , x3 = 0, y3 = 0] = model.border;
      return { left: x1, top: y1, right: x3, bottom: y3 };
    } catch {
      return null; // not rendered (display: none)
    }
  };
  try {
    const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
    const found: { postKey: string; host: CdpNode }[] = [];
    const walk = (node: CdpNode, postKey: string | undefined): void => {
      const key = attr(node, 'data-replyline-post') ?? postKey;
      if (node.nodeName === 'REPLYLINE-BADGE' && key) found.push({ postKey: key, host: node });
      for (const child of node.children ?? []) walk(child, key);
    };
    walk(root, undefined);
    const out: BadgeParts[] = [];
    for (const { postKey, host } of found) {
      const inside = (host.shadowRoots ?? []).flatMap((r) => descendants(r));
      const badge = inside.find((n) => (attr(n, 'class') ?? '').split(' ').includes('badge'));
      const toggle = inside.find((n) => attr(n, 'class') === 'mark' && n.nodeName === 'BUTTON');
      const buttons = inside.filter((n) => n.nodeName === 'BUTTON' && n !== toggle);
      out.push({
        postKey,
        compact: (attr(badge ?? host, 'class') ?? '').split(' ').includes('compact'),
        box: badge ? await boxOf(badge) : null,
        toggle: toggle ? { label: attr(toggle, 'aria-label') ?? '', title: attr(toggle, 'title') ?? '', expanded: attr(toggle, 'aria-expanded') ?? '' } : null,
        buttons: await Promise.all(buttons.map(boxOf)),
      });
    }
    return out;
  } finally {
    await cdp.detach();
  }
}

/** Where the post's author name, first text line and own controls are, as selectors inside the post element. */
interface PostKind {
  name: string;
  text: string;
  /** The site's controls at the end of the author line, which the agent must still reach. */
  ends?: string;
}
const X_POST: PostKind = {
  name: '[data-testid="User-Name"] a span',
  text: '[data-testid="tweetText"]',
  ends: '[data-testid="caret"], button[aria-label="Grok actions"]',
};
const FB_POST: PostKind = { name: 'h2 a span', text: '[data-ad-rendering-role="story_message"]' };
const FB_COMMENT: PostKind = { name: ':scope > div > a span[dir="auto"]', text: ':scope > div > div [dir="auto"]' };

/** The post's box, its name's boxes and its text's first line. */
function pageBoxes(page: Page, key: string, kind: PostKind) {
  return page.evaluate(
    ({ key, kind }) => {
      const post = document.querySelector(`[data-replyline-post="${key}"]`);
      if (!post) return null;
      const plain = (r: DOMRect) => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom });
      // One box per line a wrapped name takes, each cut to what its link shows.
      const names = [...post.querySelectorAll(kind.name)].flatMap((el) => {
        const clip = el.closest('a')?.getBoundingClientRect();
        return [...el.getClientRects()].map((own) => ({
          left: Math.max(own.left, clip?.left ?? own.left),
          top: own.top,
          right: Math.min(own.right, clip?.right ?? own.right),
          bottom: own.bottom,
        }));
      });
      const textEl = post.querySelector(kind.text);
      const walker = textEl ? document.createTreeWalker(textEl, NodeFilter.SHOW_TEXT) : null;
      const node = walker?.nextNode();
      const range = document.createRange();
      if (node) range.selectNodeContents(node);
      const firstLine = node ? range.getClientRects()[0] : undefined;
      const ends = kind.ends ? [...post.querySelectorAll(kind.ends)].map((el) => plain(el.getBoundingClientRect())) : [];
      return { post: plain(post.getBoundingClientRect()), names, firstLine: firstLine ? plain(firstLine) : null, ends };
    },
    { key, kind },
  );
}

const overlaps = (a: Box, b: Box): boolean => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** Everything wrong with where the badges sit, described for the failure message. */
async function fitProblems(page: Page, kinds: Record<string, PostKind>): Promise<string[]> {
  const out: string[] = [];
  const badges = await badgeParts(page);
  for (const [key, kind] of Object.entries(kinds)) {
    const badge = badges.find((b) => b.postKey === key);
    const boxes = await pageBoxes(page, key, kind);
    if (!badge?.box || !boxes) {
      out.push(`${key}: no badge drawn`);
      continue;
    }
    const b = badge.box;
    const where = `${key} badge ${JSON.stringify(b)}`;
    if (b.right - b.left <= 0) out.push(`${where} has no width`);
    const p = boxes.post;
    if (b.left < p.left || b.right > p.right || b.top < p.top || b.bottom > p.bottom) out.push(`${where} leaves its post ${JSON.stringify(p)}`);
    for (const name of boxes.names) if (overlaps(b, name)) out.push(`${where} covers the author ${JSON.stringify(name)}`);
    if (!boxes.firstLine) out.push(`${key}: no text line found`);
    else if (overlaps(b, boxes.firstLine)) out.push(`${where} covers the first text line ${JSON.stringify(boxes.firstLine)}`);
    if (kind.ends && boxes.ends.length === 0) out.push(`${key}: no author-line controls found`);
    for (const end of boxes.ends) if (overlaps(b, end)) out.push(`${where} covers the site's control ${JSON.stringify(end)}`);
    // The full badge's buttons, when shown, are inside the badge (they are what it is for).
    for (const button of badge.buttons) if (button && (button.left < b.left || button.right > b.right)) out.push(`${where}: a button sits outside it`);
  }
  return out;
}

test('on short Facebook comments the badge stays inside the comment, off the name and the text', async ({ context, sitePages, openPanel }) => {
  const post: FakeFbPost = {
    id: '5566778899',
    page: 'AcmeBakery',
    author: 'Acme Bakery',
    text: 'Holiday orders open Monday!',
    createdAt: 'November 20, 2026 at 10:00 AM',
    comments: [
      // Shorter than the badge: it shows compact beside the name.
      { id: '91001', author: 'Jo', profile: 'jo.k', text: 'Refund?' },
      // Wider than the badge, but the name ends near the bubble's edge.
      { id: '91002', author: 'Maximiliana Fitzgerald-Oyelaran', profile: 'max.fo', text: 'Where is my cake order from Acme, it was due on Friday' },
      // Room beside the name for the whole badge.
      { id: '91003', author: 'Ann', profile: 'ann.b', text: 'Acme, my order 10501 still shows "processing" after three weeks, can someone check?' },
    ],
  };
  sitePages.set('/', fbPage([post]));
  const panel = await openPanel();
  await createBrand(panel, { name: 'Acme', handles: 'AcmeBakery', names: 'Acme' });
  const site = await context.newPage();
  await site.setViewportSize({ width: 800, height: 700 });
  await site.goto('https://www.facebook.com/');
  const keys = ['facebook:91001', 'facebook:91002', 'facebook:91003'];
  await expect.poll(async () => (await readBadges(site)).map((b) => b.postKey).sort()).toEqual(keys);
  // The fit is applied right after the badge is drawn: wait for it.
  await expect.poll(() => fitProblems(site, Object.fromEntries(keys.map((k) => [k, FB_COMMENT])))).toEqual([]);
  await site.screenshot({ path: test.info().outputPath('badges.png') });
  const parts = await badgeParts(site);
  expect(parts.map((b) => [b.postKey, b.compact])).toEqual([
    ['facebook:91001', true],
    ['facebook:91002', true],
    ['facebook:91003', false],
  ]);
  // Where the whole badge fits, both its buttons are on screen.
  expect(parts[2]?.buttons).toHaveLength(2);
  expect(parts[2]?.buttons.every((box) => box !== null)).toBe(true);
});

// ------------------------------------------------------------- narrow windows, Russian labels

const WIDTHS = [320, 400, 560];
const ru = catalogue('ru');

async function launchRussian(): Promise<BrowserContext> {
  return chromium.launchPersistentContext(mkdtempSync(path.join(tmpdir(), 'replyline-badgefit-')), {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: !process.env.HEADED,
    viewport: { width: 800, height: 900 },
    locale: 'ru',
    args: [...extensionLaunchArgs(EXTENSION_PATH), '--lang=ru'],
    env: { ...process.env, LANGUAGE: 'ru', LANG: 'ru_RU.UTF-8' },
  });
}

const FB_NARROW: FakeFbPost[] = [
  {
    id: '7700000001',
    page: 'acmeoutdoor',
    author: 'Acme Outdoor',
    text: 'Ремонтная мастерская работает всё лето.',
    createdAt: 'November 20, 2026 at 10:00 AM',
    comments: [
      { id: '92001', author: 'Яна', profile: 'yana.k', text: 'Возврат?' },
      // The name is the bubble's widest line: no room beside it.
      { id: '92002', author: 'Максимилиана Фицджеральд-Оеларан', profile: 'max.fo', text: 'ок' },
      { id: '92003', author: 'Ольга', profile: 'olga.k', text: 'Acme, почему ремонт стоит так дорого? Это же гарантийный случай!' },
    ],
  },
  // A visitor's post on the brand's page.
  { id: '7700000002', page: 'konstantin.konstantinopolsky', author: 'Константин Константинопольский-Старший', text: 'Акме, где мой заказ 10388? Жду уже две недели.', createdAt: 'November 21, 2026 at 9:00 AM', comments: [] },
];
const FB_KINDS: Record<string, PostKind> = { 'facebook:92001': FB_COMMENT, 'facebook:92002': FB_COMMENT, 'facebook:92003': FB_COMMENT, 'facebook:7700000002': FB_POST };

const X_NARROW: FakeTweet[] = [
  { id: '1870000000000000001', handle: 'ivan_petrovich_sidorenko', name: 'Иван Петрович Сидоренко-Васильев', text: '@AcmeHelp заказ №10388 так и не пришёл, уже две недели жду.', createdAt: new Date().toISOString() },
  { id: '1870000000000000002', handle: 'mia', name: 'Mia', text: 'Палатка Акме выдержала ливень!', createdAt: new Date().toISOString() },
];
const X_KINDS: Record<string, PostKind> = { 'x:1870000000000000001': X_POST, 'x:1870000000000000002': X_POST };

test('from 320 px up, with Russian labels, badges cover no name and no text on X posts, Facebook posts and comments', async () => {
  test.setTimeout(180_000);
  const context = await launchRussian();
  try {
    await routeSites(context, new Map([['/acmeoutdoor', fbPage(FB_NARROW)], ['/home', xPage(X_NARROW)]]));
    const id = await extensionIdOf(context);
    const panel = await context.newPage();
    await panel.goto(`chrome-extension://${id}/sidepanel.html`);
    await expect(panel.locator('#tab-queue')).toHaveText(ru.get('nav.queue') ?? '');
    await panel.locator('#tab-settings').click();
    await panel.getByRole('button', { name: ru.get('settings.demoLoad') ?? '', exact: true }).click();
    const site = await context.newPage();
    const pages = [
      { url: 'https://www.facebook.com/acmeoutdoor', kinds: FB_KINDS },
      { url: 'https://x.com/home', kinds: X_KINDS },
    ];
    for (const width of WIDTHS) {
      await site.setViewportSize({ width, height: 900 });
      for (const { url, kinds } of pages) {
        await site.goto(url);
        await expect.poll(async () => (await readBadges(site)).map((b) => b.postKey).sort()).toEqual(Object.keys(kinds).sort());
        // The fit follows the badge's first layout: wait for it, then hold every badge to it.
        await expect.poll(() => fitProblems(site, kinds), { message: `${url} at ${width}px` }).toEqual([]);
        await site.screenshot({ path: test.info().outputPath(`${new URL(url).hostname}-${width}.png`), fullPage: true });
        // Still readable: the compact badge names the priority in its accessible name and its tooltip.
        for (const badge of await badgeParts(site)) {
          if (!badge.compact) continue;
          expect(badge.toggle?.label, badge.postKey).toMatch(/приоритет \d+/);
          expect(badge.toggle?.title, badge.postKey).toContain(badge.toggle?.label ?? '-');
        }
      }
    }
    // Drawn wide, then the window narrows (the side panel opens): the badges are fitted again.
    await site.setViewportSize({ width: 800, height: 900 });
    await site.goto('https://www.facebook.com/acmeoutdoor');
    const key = 'facebook:92003';
    const compact = async () => (await badgeParts(site)).find((b) => b.postKey === key);
    await expect.poll(async () => (await compact())?.compact).toBe(false);
    await expect.poll(() => fitProblems(site, FB_KINDS)).toEqual([]);
    await site.setViewportSize({ width: 320, height: 900 });
    await expect.poll(() => fitProblems(site, FB_KINDS), { message: 'after narrowing to 320px' }).toEqual([]);
    // At 320 px the comment's badge is compact, and the keyboard reaches what it holds.
    await expect.poll(async () => (await compact())?.compact).toBe(true);
    expect((await compact())?.buttons.every((b) => b === null)).toBe(true);
    await site.locator(`[data-replyline-post="${key}"] a`).first().focus();
    await site.keyboard.press('Tab');
    expect(await site.evaluate(() => document.activeElement?.localName)).toBe('replyline-badge');
    await site.keyboard.press('Enter');
    await expect.poll(async () => (await compact())?.toggle?.expanded).toBe('true');
    expect((await compact())?.buttons.every((b) => b !== null)).toBe(true);
    expect(site.url()).toBe('https://www.facebook.com/acmeoutdoor'); // the author link did not follow
    await site.screenshot({ path: test.info().outputPath('compact-open-320.png') });
    await site.keyboard.press('Escape');
    await expect.poll(async () => (await compact())?.toggle?.expanded).toBe('false');
    expect(await site.evaluate(() => document.activeElement?.localName)).toBe('replyline-badge');
  } finally {
    await context.close();
  }
});
