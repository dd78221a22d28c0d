import { test, expect } from './support/extension';
import { createBrand, stateCount } from './support/panel';
import { queueStateCounts } from './support/store';
import { makeTweets, xPage } from './support/xPage';

test('a brand mention on x.com reaches the queue live, once, with no outside requests', async ({ context, sitePages, requests, openPanel, extensionId }) => {
  const tweets = makeTweets(3, (i) => (i === 1 ? 'Hey @acme my order never arrived, still waiting!' : `Lovely weather today ${i}`));
  sitePages.set('/home', xPage(tweets));

  const panel = await openPanel();
  await expect(panel.getByText('Tell Replyline what your brand is called')).toBeVisible();
  await createBrand(panel, { name: 'Acme', handles: 'acme, AcmeHelp', names: 'Acme' });
  await expect(panel.getByText('No new mentions yet')).toBeVisible();

  const site = await context.newPage();
  await site.goto('https://x.com/home');
  const mention = site.locator(`[data-replyline-post="x:${tweets[1]!.id}"]`);
  await expect(mention).toHaveAttribute('data-replyline-priority', /^\d{1,3}$/);
  // Every recognised post is marked; only the mention gets a priority.
  await expect(site.locator('[data-replyline-post]')).toHaveCount(3);
  await expect(site.locator('[data-replyline-priority]')).toHaveCount(1);

  // The panel (already open) shows it without a reload: useLiveQuery.
  await expect(panel.locator(`[data-queue-key="x:${tweets[1]!.id}"]`)).toBeVisible();
  await expect(panel.locator(`[data-queue-key="x:${tweets[1]!.id}"]`)).toContainText('my order never arrived');
  expect(await stateCount(panel, 'New')).toBe(1);

  // A reload sees the same post again: still one queue item.
  await site.reload();
  // The priority mark is the verdict, sent only after the sighting is written: no waiting.
  await expect(site.locator(`[data-replyline-post="x:${tweets[1]!.id}"]`)).toHaveAttribute('data-replyline-priority', /\d/);
  expect(await queueStateCounts(panel)).toEqual({ new: 1 });
  expect(await stateCount(panel, 'New')).toBe(1);

  const outside = requests.map((r) => new URL(r.url())).filter((u) => !(u.protocol === 'chrome-extension:' && u.host === extensionId) && u.origin !== 'https://x.com' && u.protocol !== 'data:');
  expect(outside.map((u) => u.href)).toEqual([]);
});
