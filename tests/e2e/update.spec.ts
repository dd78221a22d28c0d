/**
 * An extension update or reload cuts open tabs' content scripts off. The old copy must notice,
 * stop (no dead badges left behind) and ask for a reload. (Re-attaching a fresh copy is the
 * background's part, unit-tested in tests/unit/background/reattach.test.ts: a Playwright-loaded
 * extension does not come back after `chrome.runtime.reload()`, so it cannot be shown here.)
 */
import { test, expect } from './support/extension';
import { createBrand } from './support/panel';
import { readStore } from './support/store';
import { makeTweets, xPage } from './support/xPage';

test('a tab orphaned by an extension reload clears its marks and shows a reload notice', async ({ context, sitePages, openPanel }) => {
  const tweets = makeTweets(4, (i) => `@acme order ${i} is late`, 1769000000000000000n);
  sitePages.set('/home', xPage(tweets));
  const panel = await openPanel();
  await createBrand(panel, { name: 'Acme', handles: 'acme', names: 'Acme' });
  const page = await context.newPage();
  await page.goto('https://x.com/home');
  await expect.poll(async () => (await readStore(panel, 'queue')).length).toBe(4);
  await expect.poll(() => page.locator('[data-replyline-priority]').count()).toBe(4);
  expect(await page.locator('replyline-notice').count()).toBe(0);

  const [worker] = context.serviceWorkers();
  if (!worker) throw new Error('no service worker');
  await worker.evaluate(() => chrome.runtime.reload()).catch(() => undefined);

  await expect.poll(() => page.locator('replyline-notice').count(), { timeout: 15000 }).toBe(1);
  expect(await page.locator('[data-replyline-priority], replyline-badge').count()).toBe(0);
  // The test contract's post keys stay: a fresh copy reads the same posts again.
  expect(await page.locator('[data-replyline-post]').count()).toBe(4);
});
