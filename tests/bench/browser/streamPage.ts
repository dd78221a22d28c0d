/**
 * The benchmark page: an X-like timeline that starts empty and, when told, streams posts in like
 * infinite scroll (batches appended on a timer). The same HTML is served on x.com (the content
 * script runs), and on an unmatched host with or without a "bare observer" page script, so the
 * three runs differ only in who watches the timeline.
 */
import { tweetCell, xPage, type FakeTweet } from '../../e2e/support/xPage';
import { bareObserverSource, contractFloorSource } from './bareObserver';

/**
 * A = the extension watches (x.com); B = a bare MutationObserver page script reads each post's
 * text; C = nobody; D = the same bare observer as an extension content script (isolated world:
 * referenceExtension.ts), the page itself runs nothing; E = a page script doing only what the test
 * contract demands (bare observer + key + mark + a plain brand-term test: contractFloorSource);
 * F = E as an extension's content script (referenceExtension.ts).
 */
export type StreamMode = 'A' | 'B' | 'C' | 'D' | 'E' | 'F';

export interface StreamProgress {
  appended: number;
  read: number;
  marked: number;
  prioritised: number;
}

export interface LongTask {
  start: number;
  duration: number;
}

export interface StreamPageOptions {
  batchSize: number;
  intervalMs: number;
  /** Mode E's brand terms (matched case-insensitively as plain substrings). */
  brandTerms?: readonly string[];
  /**
   * X's virtualisation: each tick first removes the batch appended this many ticks ago, so a row
   * stays about `keepBatches × intervalMs` and at most `keepBatches × batchSize` rows are in the
   * page. Unset: rows stay (plain infinite scroll).
   */
  keepBatches?: number;
}

/** JSON that is safe inside a <script> element (no `</script>`, no HTML comment openers). */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

export function streamPage(tweets: FakeTweet[], mode: StreamMode, { batchSize, intervalMs, brandTerms = [], keepBatches = 0 }: StreamPageOptions): string {
  const batches: string[] = [];
  for (let i = 0; i < tweets.length; i += batchSize) batches.push(tweets.slice(i, i + batchSize).map(tweetCell).join(''));
  // Plain ES2020 that runs as the page's own script; `window.__bench` is the bench's handle.
  const script = `(() => {
  const MODE = ${scriptJson(mode)};
  const BATCHES = ${scriptJson(batches)};
  const BATCH_SIZE = ${batchSize};
  const INTERVAL_MS = ${intervalMs};
  const KEEP_BATCHES = ${keepBatches};
  const longTasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch (e) { /* no long-task API: report none */ }
  let appended = 0;
  let startedAt = Infinity;
  let read = 0;
  let chars = 0;
  let observerMs = 0;
  let removed = 0;
  let maxInPage = 0;
  let done = false;
  let next = 0;
  const live = [];
  if (MODE === 'B') ${bareObserverSource()}
  if (MODE === 'E') ${contractFloorSource(brandTerms)}
  const timeline = document.getElementById('timeline');
  window.__bench = {
    // \`count\`: how many more batches to stream (default: all the rest); a later call goes on from there.
    start(count) {
      if (startedAt === Infinity) startedAt = performance.now();
      const end = Math.min(BATCHES.length, next + (count === undefined ? BATCHES.length : count));
      done = false;
      const step = () => {
        // Virtualised: the oldest batch goes first (once it is KEEP_BATCHES old, or at the end).
        const html = next < end ? BATCHES[next++] : undefined;
        if (KEEP_BATCHES > 0 && (live.length >= KEEP_BATCHES || html === undefined)) {
          for (const row of live.shift() || []) { row.remove(); removed += 1; }
        }
        if (html !== undefined) {
          const before = timeline.children.length;
          timeline.insertAdjacentHTML('beforeend', html);
          if (KEEP_BATCHES > 0) live.push(Array.prototype.slice.call(timeline.children, before));
          appended = Math.min(appended + BATCH_SIZE, ${tweets.length});
        }
        maxInPage = Math.max(maxInPage, timeline.children.length);
        if (html !== undefined || live.length > 0) setTimeout(step, INTERVAL_MS);
        else done = true;
      };
      step();
    },
    // Virtualised streams: rows removed so far, the most rows in the page at once, all gone.
    stream() { return { appended, removed, maxInPage, done }; },
    // Same work in every mode, so polling costs the three runs alike.
    progress() {
      return {
        appended,
        read: MODE === 'D' || MODE === 'F' ? Number(document.documentElement.getAttribute('data-bare-read') || 0) : read,
        marked: document.querySelectorAll('[data-replyline-post]').length,
        prioritised: document.querySelectorAll('[data-replyline-priority]').length,
      };
    },
    // Tasks that ended after streaming began (page load is not what we measure).
    longTasks() { return longTasks.filter((t) => t.start + t.duration >= startedAt); },
    // The bare observer's own time, measured inside its callback (wall clock).
    observerMs() { return MODE === 'D' || MODE === 'F' ? Number(document.documentElement.getAttribute('data-bare-ms') || 0) : observerMs; },
  };
})();`;
  return xPage([], script);
}
