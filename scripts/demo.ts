/**
 * `npm run demo`: Chromium with the built extension on demo pages that look like X and Facebook
 * (their real URLs routed to local pages, no network), with demo data loaded.
 * `npm run demo -- --screenshots DIR` runs headless and writes PNGs of the page overlay (also in a
 * 320 px window), the side panel and the review page.
 */
import { existsSync, mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { EXTENSION_PATH, extensionIdOf, launchExtensionContext, routeSites } from '../tests/e2e/support/extension';
import { demoPages } from '../tests/e2e/support/demoPages';
import { readBadges } from '../tests/e2e/support/xPage';

/**
 * Badges are drawn once their posts have stayed in view a moment, and fitted to their posts on the
 * frame after: wait until every marked post has one, then two frames.
 */
async function badgesDrawn(page: Page): Promise<void> {
  await page.locator('[data-replyline-priority]').first().waitFor({ timeout: 20_000 });
  for (let tries = 0; tries < 50; tries++) {
    const marked = await page.locator('[data-replyline-priority]').count();
    if ((await readBadges(page)).length >= marked) break;
    await page.waitForTimeout(200);
  }
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
}

/** The page as it looks in a window `width` px wide (badges fit the width they are drawn at). */
async function shoot(page: Page, url: string, file: string, width: number): Promise<void> {
  await page.setViewportSize({ width, height: 900 });
  await page.goto(url);
  await badgesDrawn(page);
  await page.screenshot({ path: path.join(shotsDir ?? '.', file) });
}

const args = process.argv.slice(2);
const shotsIndex = args.indexOf('--screenshots');
const shotsDir = shotsIndex >= 0 ? args[shotsIndex + 1] : undefined;
if (shotsIndex >= 0 && !shotsDir) {
  console.error('Usage: npm run demo -- [--screenshots DIR]');
  process.exit(2);
}

if (!existsSync(path.join(EXTENSION_PATH, 'manifest.json'))) {
  console.log('Building the extension first…');
  const built = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}
if (!shotsDir) process.env.HEADED = '1';

const context = await launchExtensionContext();
await routeSites(context, demoPages());
const id = await extensionIdOf(context);

const panel = await context.newPage();
await panel.setViewportSize({ width: 420, height: 900 });
await panel.goto(`chrome-extension://${id}/sidepanel.html`);
await panel.getByRole('tab', { name: /Settings/ }).click();
await panel.getByRole('button', { name: /Load demo data/ }).click();
await panel.getByRole('tab', { name: /Queue/ }).click();

const x = await context.newPage();
await x.goto('https://x.com/home');
await x.locator('[data-replyline-priority]').first().waitFor({ timeout: 20_000 });

if (shotsDir) {
  mkdirSync(shotsDir, { recursive: true });
  await badgesDrawn(x);
  await x.screenshot({ path: path.join(shotsDir, 'x-overlay.png') });
  await shoot(x, 'https://x.com/home', 'x-overlay-320.png', 320);
  const fb = await context.newPage();
  await shoot(fb, 'https://www.facebook.com/acmeoutdoor', 'facebook-overlay.png', 1280);
  await shoot(fb, 'https://www.facebook.com/acmeoutdoor', 'facebook-overlay-320.png', 320);
  await panel.bringToFront();
  await panel.locator('[data-queue-key]').first().waitFor();
  await panel.locator('[data-queue-key]').first().click();
  await panel.screenshot({ path: path.join(shotsDir, 'sidepanel.png') });
  const review = await context.newPage();
  await review.goto(`chrome-extension://${id}/review.html`);
  await review.waitForTimeout(1000);
  await review.screenshot({ path: path.join(shotsDir, 'review.png'), fullPage: true });
  console.log(`Screenshots written to ${path.resolve(shotsDir)}`);
  await context.close();
} else {
  console.log('Replyline demo is running: try the X and Facebook tabs and the side panel. Close the browser to stop.');
  await new Promise<void>((resolve) => context.on('close', () => resolve()));
}
