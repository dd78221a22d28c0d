/**
 * The reply composer end to end, in real Chromium with the built extension: demo data loaded
 * through Settings, a real x.com-like page with a post by the demo customer, templates rendered
 * with her details, blanks that block insertion, tone highlights, the X length budget, and a
 * hostile template body that must stay text.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './support/extension';
import { makeTweets, xPage } from './support/xPage';
import { xWeightedLength } from '../../lib/templates/length';

async function loadDemo(panel: Page): Promise<void> {
  await panel.getByRole('tab', { name: 'Settings' }).click();
  await panel.getByRole('button', { name: 'Load demo data' }).click();
  await expect(panel.getByRole('status')).toBeVisible();
}

function janeTweet(text: string) {
  const [tweet] = makeTweets(1, () => text, 1880000000000000000n + BigInt(Math.floor(Math.random() * 1e6)));
  if (!tweet) throw new Error('no tweet');
  return { ...tweet, handle: 'jane_doe_hikes', name: 'Jane Doe' };
}

test('templates render with the customer, blanks block insertion, tone and length are checked live', async ({ context, sitePages, openPanel }) => {
  const tweet = janeTweet('@AcmeHelp my Summit tent order #10419 is late, still waiting!');
  const key = `x:${tweet.id}`;
  sitePages.set(`/jane_doe_hikes/status/${tweet.id}`, xPage([tweet]));

  const panel = await openPanel();
  const dialogs: string[] = [];
  panel.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await loadDemo(panel);

  const site = await context.newPage();
  await site.goto(`https://x.com/jane_doe_hikes/status/${tweet.id}`);
  await expect(site.locator(`[data-replyline-post="${key}"]`)).toHaveAttribute('data-replyline-priority', /\d/);

  await panel.getByRole('tab', { name: 'Queue' }).click();
  await panel.locator(`[data-queue-key="${key}"]`).click();

  // Suggestions come first for a late-order complaint, with the reason they fit.
  const reply = panel.getByLabel('Reply text');
  const search = panel.getByLabel('Find a template');
  await search.fill('/late');
  await search.press('Enter');
  await expect(reply).toHaveValue(/^Hi Jane, .*– Sam$/);
  await expect(panel.locator('[data-snippet="late"]')).toBeVisible();

  // The length budget counts the rendered text with X's weighting.
  const rendered = await reply.inputValue();
  await expect(panel.locator('[data-length-used]')).toHaveAttribute('data-length-used', String(xWeightedLength(rendered)));
  await expect(panel.locator('[data-length-used]')).toHaveAttribute('data-length-limit', '280');

  // Another wording rotates between the template's two bodies.
  await panel.getByRole('button', { name: 'Another wording' }).click();
  await expect(reply).not.toHaveValue(rendered);
  await expect(reply).toHaveValue(/^Hi Jane, /);

  // Over-promising is highlighted on the exact word, with the reason; it warns but does not block.
  await reply.click();
  await reply.press('Control+End');
  await reply.pressSequentially(' Delivery guaranteed.');
  const finding = panel.locator('[data-tone-code="tone.overPromise"]');
  await expect(finding).toContainText('Over-promising');
  await expect(finding.locator('mark')).toHaveText('guaranteed');
  await expect(panel.locator('.draft-backdrop mark[data-tone-highlight~="overPromising"]')).toHaveText('guaranteed');
  const insert = panel.getByRole('button', { name: "Put it in the site's reply box" });
  await expect(insert).toBeEnabled();
  await expect(panel.locator('[data-tone-overrides]')).toBeVisible();

  // A length over the limit turns red.
  await reply.press('Control+End');
  await reply.pressSequentially(' ' + 'x'.repeat(10));
  await reply.fill(`${await reply.inputValue()} ${'long '.repeat(60)}`);
  await expect(panel.locator('[data-length-used]')).toHaveAttribute('data-length-over', 'true');

  // The demo brand made "private details in public" blocking: free text asking for an email
  // address cannot be inserted, with the reason; moving the conversation to DM fixes it.
  await panel.getByRole('button', { name: 'Start over' }).click();
  await reply.fill('Hi Jane, what is your email address?');
  await expect(panel.locator('[data-blocker="tone"]')).toContainText('Asking for private details (e-mail address) in public');
  await expect(panel.locator('.draft-backdrop mark.blocking')).toHaveText('your email address');
  await expect(insert).toBeDisabled();
  await panel.getByRole('button', { name: 'Ask to continue in DM' }).click();
  await expect(reply).toHaveValue(/^Hi Jane, what is your email address\? We'd like to sort this out for you: please send us a DM/);
  await expect(panel.locator('[data-blocker]')).toHaveCount(0);
  await expect(insert).toBeEnabled();

  // The brand's tone notes sit next to the composer.
  await expect(panel.locator('.tone-notes-aside')).toContainText('We say sorry once, then fix.');

  // Start over with the faulty-product template: its blank blocks insertion until filled.
  await panel.getByRole('button', { name: 'Start over' }).click();
  await search.fill('/broken');
  await search.press('Enter');
  await expect(insert).toBeDisabled();
  await expect(panel.locator('[data-blocker="prompt"]')).toContainText('what we will do');
  await expect(reply).toHaveAttribute('readonly', '');
  await expect(reply).toHaveValue(/\[what we will do\]/);
  await panel.getByLabel('what we will do').fill('We are sending a new pole.');
  await expect(insert).toBeEnabled();
  await expect(reply).toHaveValue('Hi Jane, that should not happen. We are sending a new pole. Please DM us your order number. – Sam');

  // The DM helper adds the line in the customer's language (English here) as another snippet.
  await panel.getByRole('button', { name: 'Ask to continue in DM' }).click();
  await expect(reply).toHaveValue(/– Sam We'd like to sort this out for you: please send us a DM/);

  // Inserting reports what happened (no editor on this page: the clipboard fallback says so).
  await insert.click();
  await expect(panel.locator('[data-insert-result]')).toBeVisible();
  expect(dialogs).toEqual([]);
});

test('the Templates tab validates with positions and a hostile body stays literal text', async ({ context, sitePages, openPanel }) => {
  const tweet = janeTweet('@AcmeHelp is the Trailblazer 2 waterproof?');
  const key = `x:${tweet.id}`;
  sitePages.set(`/jane_doe_hikes/status/${tweet.id}`, xPage([tweet]));
  const panel = await openPanel();
  const dialogs: string[] = [];
  panel.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await loadDemo(panel);

  await panel.getByRole('tab', { name: 'Templates' }).click();
  await expect(panel.locator('[data-template-code="late"]')).toBeVisible();
  await panel.getByLabel('Search templates').fill('/lat');
  await expect(panel.locator('[data-template-code]')).toHaveCount(1);
  await panel.getByLabel('Search templates').fill('');

  await panel.getByRole('button', { name: 'New template' }).click();
  const form = panel.getByRole('form', { name: 'Template editor' });
  await form.getByLabel('Short code').fill('xss');
  await form.getByLabel('Title').fill('Hostile body');
  const body = form.getByLabel('Wording 1', { exact: true });
  await body.fill('Hi {{customer.frist_name}}');
  await expect(form.locator('[data-issue="unknownVariable"]')).toContainText('line 1, column 4');
  await expect(form.locator('[data-issue="unknownVariable"]')).toContainText('customer.frist_name');
  await body.fill('<img src=x onerror=alert(1)> for ');
  await body.press('End');
  await form.getByRole('button', { name: '{{customer.first_name}}' }).click();
  await expect(body).toHaveValue('<img src=x onerror=alert(1)> for {{customer.first_name}}');
  await expect(form.locator('[data-template-preview]')).toHaveText('<img src=x onerror=alert(1)> for Jane');
  await form.getByRole('button', { name: 'Save template' }).click();
  await expect(panel.locator('[data-template-code="xss"]')).toContainText('<img src=x onerror=alert(1)>');

  // Tone of voice: a personal tone note, and a rule switched to blocking.
  await panel.getByLabel('New tone note').fill('Use first names.');
  await panel.getByRole('button', { name: 'Add note' }).click();
  await expect(panel.locator('.tone-notes')).toContainText('Use first names.');
  await panel.getByLabel('Block: Over-promising').check();
  await panel.getByRole('button', { name: 'Save tone rules' }).click();
  await expect(panel.getByText('Tone rules saved.')).toBeVisible();

  const site = await context.newPage();
  await site.goto(`https://x.com/jane_doe_hikes/status/${tweet.id}`);
  await expect(site.locator(`[data-replyline-post="${key}"]`)).toHaveAttribute('data-replyline-priority', /\d/);
  await panel.getByRole('tab', { name: 'Queue' }).click();
  await panel.locator(`[data-queue-key="${key}"]`).click();
  await expect(panel.locator('.tone-notes-aside')).toContainText('Use first names.');
  await panel.getByLabel('Reply text').fill('Hi Jane, it is guaranteed waterproof.');
  await expect(panel.locator('[data-blocker="tone"]')).toContainText('Over-promising');
  await expect(panel.getByRole('button', { name: "Put it in the site's reply box" })).toBeDisabled();
  await panel.getByRole('button', { name: 'Start over' }).click();
  const search = panel.getByLabel('Find a template');
  await search.fill('/xss');
  await search.press('Enter');
  await expect(panel.getByLabel('Reply text')).toHaveValue('<img src=x onerror=alert(1)> for Jane');
  await expect(panel.locator('.draft-backdrop')).toContainText('<img src=x onerror=alert(1)>');
  await expect(panel.locator('img')).toHaveCount(0);
  expect(dialogs).toEqual([]);
});
