/**
 * A virtualised timeline as the sites run it in a flick scroll: the page's own script appends
 * prepared rows in chunks and drops each chunk a few ticks after it came. Shared by the X and
 * Facebook flick tests.
 */
import type { Page } from '@playwright/test';

export interface StreamOptions {
  /** Selector of the element rows are appended to. */
  container: string;
  /** Rows appended per tick. */
  chunk: number;
  everyMs: number;
  /** A chunk is removed this many ticks after it came. */
  keepTicks: number;
}

export interface StreamState {
  appended: number;
  removed: number;
  maxInPage: number;
  done: boolean;
}

/** JSON that is safe inside a <script> element. */
const scriptJson = (value: unknown): string => JSON.stringify(value).replace(/</g, '\\u003c');

/** The `<script>` elements that stream `rows` (HTML strings) into the page once it has loaded. */
export function streamScripts(rows: readonly string[], o: StreamOptions): string {
  const script = `
    const cells = JSON.parse(document.getElementById('cells').textContent);
    const timeline = document.querySelector(${JSON.stringify(o.container)});
    const rl = (window.__rl = { appended: 0, removed: 0, maxInPage: 0, done: false });
    const ticks = [];
    const tick = () => {
      if (ticks.length >= ${o.keepTicks} || rl.appended >= cells.length) {
        for (const row of ticks.shift() ?? []) row.remove(), (rl.removed += 1);
      }
      if (rl.appended < cells.length) {
        const before = timeline.children.length;
        timeline.insertAdjacentHTML('beforeend', cells.slice(rl.appended, rl.appended + ${o.chunk}).join(''));
        ticks.push([...timeline.children].slice(before));
        rl.appended = Math.min(cells.length, rl.appended + ${o.chunk});
      }
      rl.maxInPage = Math.max(rl.maxInPage, timeline.children.length);
      if (ticks.length > 0) setTimeout(tick, ${o.everyMs});
      else rl.done = true;
    };
    addEventListener('load', () => setTimeout(tick, ${o.everyMs}));`;
  return `<script type="application/json" id="cells">${scriptJson(rows)}</script><script>${script}</script>`;
}

export const streamState = (page: Page): Promise<StreamState> => page.evaluate(() => (window as unknown as { __rl: StreamState }).__rl);

/** The keys of the queue rows read from the store. */
export const queueKeys = (rows: unknown[]): string[] =>
  rows.flatMap((r) => {
    const key: unknown = typeof r === 'object' && r !== null ? Reflect.get(r, 'key') : undefined;
    return typeof key === 'string' ? [key] : [];
  });
