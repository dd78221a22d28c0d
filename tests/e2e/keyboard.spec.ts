/**
 * The agent's day from the keyboard alone: the panel opens with the queue focused, `i` keeps the
 * started item selected, `r` jumps to the reply box, and a dismiss or snooze can be taken back
 * with `z` (or the toast's Undo).
 */
import type { Page } from '@playwright/test';
import { test, expect } from './support/extension';
import { stateCount } from './support/panel';
import { xPage, type FakeTweet } from './support/xPage';

test.describe.configure({ timeout: 180_000 });

const ago = (min: number) => new Date(Date.now() - min * 60_000).toISOString();
const TWEETS: FakeTweet[] = [
  { id: '1840000000000000001', handle: 'jane_doe_hikes', name: 'Jane Doe', text: '@AcmeHelp my tent pole snapped and my refund still has not arrived. Really disappointed.', createdAt: ago(20) },
  { id: '1840000000000000002', handle: 'trail_tom', name: 'Tom', text: '@acmeoutdoor does the Trailblazer 2 come in size 12?', createdAt: ago(25) },
  { id: '1840000000000000003', handle: 'sam_s', name: 'Sam', text: '@acmeoutdoor where is my order? It has been two weeks.', createdAt: ago(30) },
];

async function rowKeys(panel: Page): Promise<string[]> {
  return panel.locator('[role=listbox] [data-queue-key]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-queue-key') ?? ''));
}

const selected = (panel: Page) => panel.locator('[role=listbox] [aria-selected=true]').getAttribute('data-queue-key');
const detailKey = (panel: Page) => panel.getByRole('region', { name: 'Selected item' }).getAttribute('data-detail-key');

test('keys work from the moment the panel opens; i keeps the item; r writes; z undoes', async ({ context, sitePages, openPanel }) => {
  sitePages.set('/home', xPage(TWEETS));
  const setup = await openPanel();
  await setup.getByRole('tab', { name: /Settings/ }).click();
  await setup.getByRole('button', { name: 'Load demo data' }).click();
  const site = await context.newPage();
  await site.goto('https://x.com/home');
  await expect(site.locator('[data-replyline-priority]')).toHaveCount(3);
  await setup.close();

  // A fresh panel: no click, no Tab — j selects the first row.
  const panel = await openPanel();
  await expect(panel.getByRole('listbox')).toBeFocused();
  await expect.poll(async () => (await rowKeys(panel)).length).toBe(3);
  const order = await rowKeys(panel);
  await panel.keyboard.press('j');
  expect(await selected(panel)).toBe(order[0]);

  // i: the started item stays selected and open; the next key acts on it, not on its neighbour.
  await panel.keyboard.press('i');
  await expect.poll(() => stateCount(panel, 'In progress')).toBe(1);
  await expect(panel.getByRole('region', { name: 'Selected item' })).toContainText('In progress');
  expect(await detailKey(panel)).toBe(order[0]);
  await panel.keyboard.press('e');
  await expect(panel.getByRole('form', { name: 'Escalate to a colleague' })).toBeVisible();
  expect(await detailKey(panel)).toBe(order[0]);
  await panel.keyboard.press('Escape');
  await expect(panel.getByRole('listbox')).toBeFocused();

  // r: straight to the reply box of the selected item.
  await panel.keyboard.press('r');
  await expect(panel.getByLabel('Reply text')).toBeFocused();
  await panel.keyboard.type('On it');
  await expect(panel.getByLabel('Reply text')).toHaveValue('On it');
  await panel.keyboard.press('Escape');

  // j goes on from where the started item was: the next new one.
  await expect(panel.getByRole('listbox')).toBeFocused();
  await panel.keyboard.press('j');
  const dismissed = await selected(panel);
  expect(dismissed).toBe((await rowKeys(panel))[0]);

  // d, then z: the dismissed item is back, selected.
  await panel.keyboard.press('d');
  await panel.getByRole('form', { name: 'Why dismiss it?' }).getByRole('button', { name: 'Dismiss' }).click();
  await expect.poll(() => stateCount(panel, 'Dismissed')).toBe(1);
  await expect(panel.getByText('Dismissed.')).toBeVisible();
  await expect(panel.getByRole('listbox')).toBeFocused();
  await panel.keyboard.press('z');
  await expect.poll(() => stateCount(panel, 'Dismissed')).toBe(0);
  await expect.poll(() => selected(panel)).toBe(dismissed);

  // s, then the toast's Undo button.
  await panel.keyboard.press('s');
  await panel.keyboard.press('Enter');
  await expect.poll(() => stateCount(panel, 'Snoozed')).toBe(1);
  await panel.getByRole('button', { name: 'Undo (z)' }).click();
  await expect.poll(() => stateCount(panel, 'Snoozed')).toBe(0);
  expect(await rowKeys(panel)).toContain(dismissed);
});
