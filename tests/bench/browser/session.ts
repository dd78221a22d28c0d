/**
 * Shared plumbing for the browser benches: a real Chromium with the built extension (the e2e
 * fixture's launcher, so the bench measures exactly what the tests exercise), network blocked,
 * and a hard time limit that always closes the browser.
 */
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { EXTENSION_PATH, extensionIdOf, extensionLaunchArgs, routeSites } from '../../e2e/support/extension';
import { createBrand } from '../../e2e/support/panel';
import { readStore } from '../../e2e/support/store';
import { writeReferenceExtension } from './referenceExtension';

export interface ExtensionSession {
  context: BrowserContext;
  extensionId: string;
  /** path (+search) on x.com → HTML; set before navigating. */
  sitePages: Map<string, string>;
  /** path (+search) on https://bench.invalid/ → HTML: a host the content script does not match. */
  benchPages: Map<string, string>;
}

export const BENCH_ORIGIN = 'https://bench.invalid';

/**
 * Creates the bench's brand through the panel, then closes the panel: an open panel re-renders on
 * every queue write, which is not what the benches measure.
 */
export async function createBenchBrand(s: ExtensionSession, brand: Parameters<typeof createBrand>[1]): Promise<void> {
  const panel = await s.context.newPage();
  await panel.goto(`chrome-extension://${s.extensionId}/sidepanel.html`);
  await createBrand(panel, brand);
  await panel.close();
}

/**
 * Runs `body` in a fresh extension context and closes it whatever happens. When `limitMs` passes
 * first the browser is closed (which makes `body`'s pending calls fail) and the promise rejects.
 */
export async function withExtension<T>(limitMs: number, body: (s: ExtensionSession) => Promise<T>): Promise<T> {
  const workDir = mkdtempSync(path.join(tmpdir(), 'replyline-bench-'));
  let timer: ReturnType<typeof setTimeout> | undefined;
  let context: BrowserContext | undefined;
  try {
    context = await launchSnapshot(workDir);
    const ctx = context;
    const sitePages = new Map<string, string>();
    const benchPages = new Map<string, string>();
    await routeSites(ctx, sitePages);
    // Registered after routeSites' "block everything", so it takes precedence for this host.
    await ctx.route(
      (url) => url.origin === BENCH_ORIGIN,
      (route) => {
        const url = new URL(route.request().url());
        const html = benchPages.get(url.pathname + url.search) ?? benchPages.get(url.pathname);
        if (html === undefined) return route.fulfill({ status: 404, contentType: 'text/plain', body: 'not routed' });
        return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
      },
    );
    const extensionId = await extensionIdOf(ctx);
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        reject(new Error(`timed out after ${Math.round(limitMs / 1000)} s`));
        void ctx.close().catch(() => undefined);
      }, limitMs);
    });
    const work = body({ context: ctx, extensionId, sitePages, benchPages });
    // After a timeout the body fails against the closed browser; that late rejection is expected.
    work.catch(() => undefined);
    return await Promise.race([work, timeout]);
  } finally {
    if (timer) clearTimeout(timer);
    await context?.close().catch(() => undefined);
    // Chromium may still flush a file or two into the profile just after close: remove twice.
    rmSync(workDir, { recursive: true, force: true, maxRetries: 3 });
    await new Promise((resolve) => setTimeout(resolve, 500));
    rmSync(workDir, { recursive: true, force: true, maxRetries: 3 });
  }
}

/**
 * Others rebuild .output/chrome-mv3 while benches run; Chromium reading a half-written build fails
 * strangely. So the bench loads a private copy, taken once the build looks complete. Same launch
 * flags as the e2e fixture (launchExtensionContext), which is what the tests exercise.
 */
async function launchSnapshot(workDir: string): Promise<BrowserContext> {
  const ready = () =>
    ['manifest.json', 'background.js', 'sidepanel.html', 'content-scripts/x.js', 'content-scripts/facebook.js'].every((f) => existsSync(path.join(EXTENSION_PATH, f)));
  for (let waited = 0; !ready(); waited += 1000) {
    if (waited >= 90_000) throw new Error(`no complete build at ${EXTENSION_PATH} (run \`npm run build\`)`);
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  const extension = path.join(workDir, 'extension');
  cpSync(EXTENSION_PATH, extension, { recursive: true });
  return chromium.launchPersistentContext(path.join(workDir, 'profile'), {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: !process.env.HEADED,
    viewport: { width: 1280, height: 900 },
    // The reference extension only runs on the bench host's /bare/ pages (pipeline mode D).
    args: extensionLaunchArgs(extension, writeReferenceExtension(path.join(workDir, 'reference'))),
  });
}

export function median(values: number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? Number.NaN) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

export const round = (n: number, digits = 1): number => {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
};

/**
 * tsx (esbuild keepNames) wraps named functions in `__name(...)`; a function sent to the page with
 * page.evaluate then refers to a helper the page lacks. Defining a no-op one first is enough.
 */
export async function shimEsbuildNames(page: Page): Promise<void> {
  await page.evaluate('globalThis.__name ??= (fn) => fn; undefined');
}

/** Mentions of this run in the queue, waiting until all are there or none came for 5 s. */
export async function waitForQueue(s: ExtensionSession, keys: Set<string>): Promise<number> {
  const panel = await s.context.newPage();
  try {
    await panel.goto(`chrome-extension://${s.extensionId}/sidepanel.html`);
    let count = -1;
    let changedAt = Date.now();
    for (const t0 = Date.now(); Date.now() - t0 < 30_000; ) {
      const rows = await readStore(panel, 'queue');
      const now = rows.filter((r) => {
        const key: unknown = typeof r === 'object' && r !== null ? Reflect.get(r, 'key') : undefined;
        return typeof key === 'string' && keys.has(key);
      }).length;
      if (now !== count) {
        count = now;
        changedAt = Date.now();
      }
      if (count >= keys.size || Date.now() - changedAt > 5_000) break;
      await panel.waitForTimeout(250);
    }
    return count;
  } finally {
    await panel.close().catch(() => undefined);
  }
}
