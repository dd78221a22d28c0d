/**
 * Playwright fixture: a real Chromium with the built extension loaded, all network blocked, and
 * the three sites' real URLs routed to local fixture pages so content scripts run on their real
 * match patterns. Every request is recorded so tests can assert nothing else left the browser.
 */
import { test as base, chromium, type BrowserContext, type Page, type Request } from '@playwright/test';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const EXTENSION_PATH = path.resolve('.output/chrome-mv3');
const SITE_HOSTS = ['x.com', 'twitter.com', 'www.facebook.com', 'facebook.com', 'web.facebook.com'];

export type SitePages = Record<string, string | (() => string)>;

export interface ExtensionFixtures {
  context: BrowserContext;
  extensionId: string;
  /** Maps a URL path on x.com/facebook.com to fixture HTML. Set before navigating. */
  sitePages: Map<string, string>;
  requests: Request[];
  openPanel: () => Promise<Page>;
}

/** Chromium flags for a run with one unpacked extension and no background network chatter. */
export function extensionLaunchArgs(extensionPath: string, ...more: string[]): string[] {
  const paths = [extensionPath, ...more].join(',');
  return [
    `--disable-extensions-except=${paths}`,
    `--load-extension=${paths}`,
    '--no-sandbox',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-gpu',
  ];
}

export function launchExtensionContext(): Promise<BrowserContext> {
  if (!existsSync(path.join(EXTENSION_PATH, 'manifest.json'))) {
    throw new Error(`No built extension at ${EXTENSION_PATH}: run \`npm run build\` first.`);
  }
  return chromium.launchPersistentContext(mkdtempSync(path.join(tmpdir(), 'replyline-e2e-')), {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: process.env.HEADED ? false : true,
    viewport: { width: 1280, height: 900 },
    args: extensionLaunchArgs(EXTENSION_PATH),
  });
}

export async function extensionIdOf(context: BrowserContext): Promise<string> {
  let [worker] = context.serviceWorkers();
  worker ??= await context.waitForEvent('serviceworker');
  return new URL(worker.url()).host;
}

/** Blocks everything, then serves the routed sites from `pages` (path → HTML). */
export async function routeSites(context: BrowserContext, pages: Map<string, string>): Promise<void> {
  // Everything that would reach a network is refused; the extension's own files are not network.
  await context.route((url) => url.protocol !== 'chrome-extension:', (route) => route.abort('blockedbyclient'));
  await context.route(
    (url) => SITE_HOSTS.includes(url.hostname) && url.protocol === 'https:',
    (route) => {
      const url = new URL(route.request().url());
      const html = pages.get(url.pathname + url.search) ?? pages.get(url.pathname);
      if (html === undefined) return route.fulfill({ status: 404, contentType: 'text/plain', body: 'not routed' });
      return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
    },
  );
}

export function fixtureHtml(relative: string): string {
  return readFileSync(path.resolve('tests/fixtures', relative), 'utf8');
}

export const test = base.extend<ExtensionFixtures>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this destructuring; it has none
  context: async ({}, use) => {
    const context = await launchExtensionContext();
    await use(context);
    await context.close();
  },
  sitePages: async ({ context }, use) => {
    const pages = new Map<string, string>();
    await routeSites(context, pages);
    await use(pages);
  },
  requests: async ({ context }, use) => {
    const seen: Request[] = [];
    context.on('request', (r) => seen.push(r));
    await use(seen);
  },
  extensionId: async ({ context }, use) => {
    await use(await extensionIdOf(context));
  },
  openPanel: async ({ context, extensionId }, use) => {
    await use(async () => {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/sidepanel.html`);
      return page;
    });
  },
});

export const expect = test.expect;
