/**
 * The in-page badge sits by the author's name, in a closed shadow root. On a short Facebook
 * comment the bubble ends just after the name: the badge must end inside its comment (moved left,
 * or wrapped to the comment's width over the text), never spill past it.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './support/extension';
import { createBrand } from './support/panel';
import { readBadges } from './support/xPage';
import { fbPage, type FakeFbPost } from './support/fbPage';

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Border boxes of every button of the badge on `postKey` (closed shadow roots: read over CDP). */
async function badgeButtonBoxes(page: Page, postKey: string): Promise<Box[]> {
  const badge = (await readBadges(page)).find((b) => b.postKey === postKey);
  const cdp = await page.context().newCDPSession(page);
  try {
    const boxes: Box[] = [];
    for (const button of badge?.buttons ?? []) {
      const { model } = await cdp.send('DOM.getBoxModel', { backendNodeId: button.backendNodeId });
      const [x1 = 0, y1 = 0, , , x3 = 0, y3 = 0] = model.border;
      boxes.push({ left: x1, top: y1, right: x3, bottom: y3 });
    }
    return boxes;
  } finally {
    await cdp.detach();
  }
}

async function boxOf(page: Page, selector: string): Promise<Box> {
  const r = await page.locator(selector).boundingBox();
  if (!r) throw new Error(`${selector} is not laid out`);
  return { left: r.x, top: r.y, right: r.x + r.width, bottom: r.y + r.height };
}

const post: FakeFbPost = {
  id: '5566778899',
  page: 'AcmeBakery',
  author: 'Acme Bakery',
  text: 'Holiday orders open Monday!',
  createdAt: 'November 20, 2026 at 10:00 AM',
  comments: [
    // Shorter than the badge: it wraps to the comment's width.
    { id: '91001', author: 'Jo', profile: 'jo.k', text: 'Refund?' },
    // Wider than the badge, but the name ends near the bubble's edge: the badge moves left.
    { id: '91002', author: 'Maximiliana Fitzgerald-Oyelaran', profile: 'max.fo', text: 'Where is my cake order from Acme, it was due on Friday' },
  ],
};

test('on short Facebook comments the badge stays inside the comment', async ({ context, sitePages, openPanel }) => {
  sitePages.set('/', fbPage([post]));
  const panel = await openPanel();
  await createBrand(panel, { name: 'Acme', handles: 'AcmeBakery', names: 'Acme' });
  const site = await context.newPage();
  await site.setViewportSize({ width: 800, height: 700 });
  await site.goto('https://www.facebook.com/');
  const keys = ['facebook:91001', 'facebook:91002'];
  await expect.poll(async () => (await readBadges(site)).map((b) => b.postKey).sort()).toEqual(keys);
  await site.screenshot({ path: test.info().outputPath('badges.png') });

  for (const key of keys) {
    const comment = await boxOf(site, `[data-replyline-post="${key}"]`);
    // The fit is applied right after the badge is drawn: wait for it, then hold it to the box.
    await expect
      .poll(async () => (await badgeButtonBoxes(site, key)).every((b) => b.left >= comment.left && b.right <= comment.right))
      .toBe(true);
    const buttons = await badgeButtonBoxes(site, key);
    expect(buttons).toHaveLength(2);
    for (const b of buttons) {
      expect(b.left, key).toBeGreaterThanOrEqual(comment.left);
      expect(b.right, key).toBeLessThanOrEqual(comment.right);
      expect(b.top, key).toBeGreaterThanOrEqual(comment.top);
      expect(b.bottom, key).toBeLessThanOrEqual(comment.bottom);
      expect(b.right - b.left, key).toBeGreaterThan(0);
    }
  }
});
