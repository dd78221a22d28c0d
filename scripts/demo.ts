/**
 * `npm run demo`: Chromium with the built extension on demo pages that look like X and Facebook
 * (their real URLs routed to local pages, no network), with demo data loaded.
 * `npm run demo -- --screenshots DIR` runs headless and writes PNGs of the page overlay, the side
 * panel and the review page.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { EXTENSION_PATH, extensionIdOf, launchExtensionContext, routeSites } from '../tests/e2e/support/extension';
import { demoPages } from '../tests/e2e/support/demoPages';

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
  await x.waitForTimeout(500);
  await x.screenshot({ path: path.join(shotsDir, 'x-overlay.png') });
  const fb = await context.newPage();
  await fb.goto('https://www.facebook.com/acmeoutdoor');
  await fb.locator('[data-replyline-priority]').first().waitFor({ timeout: 20_000 }).catch(() => undefined);
  await fb.screenshot({ path: path.join(shotsDir, 'facebook-overlay.png') });
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
