/**
 * The benchmark page: an X-like timeline that starts empty and, when told, streams posts in like
 * infinite scroll (batches appended on a timer). The same HTML is served on x.com (the content
 * script runs), and on an unmatched host with or without a "bare observer" page script, so the
 * three runs differ only in who watches the timeline.
 */
import { tweetCell, xPage, type FakeTweet } from '../../e2e/support/xPage';
import { bareObserverSource, contractFloorSource } from './bareObserver';
import type { RealRowTemplate } from './realRow';

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
  /**
   * Rows cloned from a real X post (realRow.ts) with each tweet's author, id, time and text swapped
   * in by the page's own script, instead of the bench's small rows. The page's cloning is its own
   * cost, the same in every mode.
   */
  template?: RealRowTemplate;
}

/** JSON that is safe inside a <script> element (no `</script>`, no HTML comment openers). */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

export function streamPage(tweets: FakeTweet[], mode: StreamMode, { batchSize, intervalMs, brandTerms = [], keepBatches = 0, template }: StreamPageOptions): string {
  const batches: (string | FakeTweet[])[] = [];
  for (let i = 0; i < tweets.length; i += batchSize) {
    const batch = tweets.slice(i, i + batchSize);
    batches.push(template ? batch : batch.map(tweetCell).join(''));
  }
  // Plain ES2020 that runs as the page's own script; `window.__bench` is the bench's handle.
  const script = `(() => {
  const MODE = ${scriptJson(mode)};
  const BATCHES = ${scriptJson(batches)};
  const BATCH_SIZE = ${batchSize};
  const INTERVAL_MS = ${intervalMs};
  const KEEP_BATCHES = ${keepBatches};
  const TEMPLATE = ${scriptJson(template ?? null)};
  let proto = null;
  if (TEMPLATE) {
    const holder = document.createElement('template');
    holder.innerHTML = TEMPLATE.html;
    proto = holder.content.firstElementChild;
  }
  // A real post with this tweet's author, id, time and text: what X renders for it.
  const realCell = (t) => {
    const article = proto.cloneNode(true);
    const prefix = '/' + TEMPLATE.handle;
    for (const link of article.querySelectorAll('a[href]')) {
      const href = link.getAttribute('href') || '';
      if (href === prefix || href.startsWith(prefix + '/')) link.setAttribute('href', '/' + t.handle + href.slice(prefix.length).replace(TEMPLATE.id, t.id));
    }
    const time = article.querySelector('time');
    if (time) time.setAttribute('datetime', t.createdAt);
    const author = article.querySelector('[data-testid="User-Name"]');
    const walker = document.createTreeWalker(author, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (n.data === '@' + TEMPLATE.handle) n.data = '@' + t.handle;
      else if (n.data === TEMPLATE.name) n.data = t.name;
    }
    // As X renders a post's text: plain runs in spans, each @mention a profile link in its own div.
    const text = article.querySelector('[data-testid="tweetText"]');
    text.replaceChildren();
    for (const part of t.text.split(/(@\\w{1,15})/)) {
      if (part === '') continue;
      const span = document.createElement('span');
      if (part.startsWith('@')) {
        const link = document.createElement('a');
        link.setAttribute('dir', 'ltr');
        link.setAttribute('href', '/' + part.slice(1));
        link.setAttribute('role', 'link');
        link.textContent = part;
        span.appendChild(link);
        const box = document.createElement('div');
        box.appendChild(span);
        text.appendChild(box);
      } else {
        span.textContent = part;
        text.appendChild(span);
      }
    }
    const cell = document.createElement('div');
    cell.setAttribute('data-testid', 'cellInnerDiv');
    cell.style.position = 'relative';
    cell.appendChild(article);
    return cell;
  };
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
        const batch = next < end ? BATCHES[next++] : undefined;
        if (KEEP_BATCHES > 0 && (live.length >= KEEP_BATCHES || batch === undefined)) {
          for (const row of live.shift() || []) { row.remove(); removed += 1; }
        }
        if (batch !== undefined) {
          const before = timeline.children.length;
          if (typeof batch === 'string') timeline.insertAdjacentHTML('beforeend', batch);
          else {
            const rows = document.createDocumentFragment();
            for (const t of batch) rows.appendChild(realCell(t));
            timeline.appendChild(rows);
          }
          if (KEEP_BATCHES > 0) live.push(Array.prototype.slice.call(timeline.children, before));
          appended = Math.min(appended + BATCH_SIZE, ${tweets.length});
        }
        maxInPage = Math.max(maxInPage, timeline.children.length);
        if (batch !== undefined || live.length > 0) setTimeout(step, INTERVAL_MS);
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
