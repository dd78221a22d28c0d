/**
 * Shared plumbing for the browser benches: a real Chromium with the built extension (the e2e
 * fixture's launcher, so the bench measures exactly what the tests exercise), network blocked,
 * and a hard time limit that always closes the browser.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { extensionIdOf, launchExtensionContext, routeSites } from '../../e2e/support/extension';

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
 * Runs `body` in a fresh extension context and closes it whatever happens. When `limitMs` passes
 * first the browser is closed (which makes `body`'s pending calls fail) and the promise rejects.
 */
export async function withExtension<T>(limitMs: number, body: (s: ExtensionSession) => Promise<T>): Promise<T> {
  const context = await launchExtensionContext();
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const sitePages = new Map<string, string>();
    const benchPages = new Map<string, string>();
    await routeSites(context, sitePages);
    // Registered after routeSites' "block everything", so it takes precedence for this host.
    await context.route(
      (url) => url.origin === BENCH_ORIGIN,
      (route) => {
        const url = new URL(route.request().url());
        const html = benchPages.get(url.pathname + url.search) ?? benchPages.get(url.pathname);
        if (html === undefined) return route.fulfill({ status: 404, contentType: 'text/plain', body: 'not routed' });
        return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
      },
    );
    const extensionId = await extensionIdOf(context);
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        reject(new Error(`timed out after ${Math.round(limitMs / 1000)} s`));
        void context.close().catch(() => undefined);
      }, limitMs);
    });
    return await Promise.race([body({ context, extensionId, sitePages, benchPages }), timeout]);
  } finally {
    if (timer) clearTimeout(timer);
    await context.close().catch(() => undefined);
  }
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
