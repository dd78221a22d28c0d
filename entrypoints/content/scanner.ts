/**
 * Finds posts as the agent scrolls and marks them in the page (the test contract:
 * data-replyline-post / data-replyline-priority). Every post is keyed and marked cheaply; only
 * posts whose text may mention a brand (the content-side matcher, brandMatcher.ts) are fully
 * extracted and sent to the background in batches. X recycles timeline rows, so an element is
 * re-read whenever its content changes and re-marked when its post changes. A batch stays in the
 * page until the background acknowledges it: Chrome stops idle service workers, and a send that
 * fails is retried with backoff (ingest is idempotent, so a batch that did arrive may come again).
 */
import type { SiteAdapter } from '@/lib/sites/types';
import { observe, onNavigate, type Scheduler } from '@/lib/dom/observe';
import { PageVerdictSchema } from '@/lib/pageAnswers';
import * as z from 'zod/mini';
import { sendMessage, sendMessageUnparsed } from './messaging';
import type { Matcher } from '@/lib/matching/matcher';
import type { Post } from '@/lib/schemas/posts';
import { clearBadge, isBadgeHost, isDrawnBadgeHost, removeAllBadges, showBadge } from './badge';
import { cancelNear, whenNear } from './whenNear';
import { watchBrandMatcher, type BrandSet } from './brandMatcher';

/** A batch's answer: its verdicts are parsed one by one, only those the page acts on (applyVerdicts). */
const VerdictListSchema = z.object({ verdicts: z.array(z.unknown()) });
const POST_ATTR = 'data-replyline-post';
/**
 * The key each element was marked with, mirrored from POST_ATTR: reading it back from the DOM was
 * one more native call per post. Kept across pages (elements outlive SPA navigations); a mark set
 * by an earlier copy of this script (extension reloaded) is simply overwritten.
 */
const markedKeys = new WeakMap<Element, string>();
const PRIORITY_ATTR = 'data-replyline-priority';
const BATCH_DELAY_MS = 150;
/**
 * While posts keep streaming in (a batch went out less than STREAM_WINDOW_MS ago), batches gather
 * for longer: every message costs the page a few ms of main thread whatever its size (measured on
 * the bench page: 4× fewer messages took a fifth off the content script's time per post), while
 * the first mentions after a quiet spell still go out at once.
 */
const STREAM_WINDOW_MS = 1000;
// 5 s, not 2 s or 1 s: each message costs the page 0.2–1.2 ms of main thread in the browser's send
// (measured in the bench stream; a few tenths of a ms whatever its size), and each halving of the
// messages in a flick scroll saved the page a few µs per post. The wait is only while posts keep
// coming: a pause (STREAM_PAUSE_MS) sends at once, and a page that closes flushes on pagehide.
const STREAM_BATCH_DELAY_MS = 5000;
/** No post read for this long: the agent stopped scrolling, so what the stream gathered goes now. */
export const STREAM_PAUSE_MS = 500;
const MAX_BATCH = 200;
/** Waits before sending a failed batch again; the last repeats while the worker stays away. */
export const RETRY_DELAYS_MS = [250, 500, 1000, 2000, 4000, 8000, 15000];
/**
 * Keys tracked before detached elements are forgotten (see forgetDetached). Each tracked element
 * keeps a whole removed row alive (~1 kB of DOM): 200 bounds that to a fraction of a MB, and the
 * doubling rule keeps the passes linear overall.
 */
const PRUNE_AT = 200;
/**
 * Quiet time after which the page counts as settled and detection health is reported even if no
 * post was recognised: a drifted page yields no batch, and silence must not read as "all fine".
 */
export const HEALTH_SETTLE_MS = 1000;
/**
 * A subtree holding more posts than this (a Facebook page's whole feed inserted at once, never a
 * timeline row) is read for at most READ_BUDGET_MS per task, so it makes no long task (50 ms); the
 * rest wait for the next tasks. Waiting posts are held by reference: one removed meanwhile is still
 * read whole, detached. Rows (one post each) are always read at once: X may swap a row's content.
 */
export const BIG_SUBTREE_POSTS = 50;
export const READ_BUDGET_MS = 30;
/**
 * The observer's callback runs at the end of the page's own task, the one that inserted the
 * subtree (its script, its style work): it reads for less, and the next tasks for READ_BUDGET_MS.
 */
export const FIRST_READ_BUDGET_MS = 10;
/**
 * Counting candidates walks the whole document; while posts stream in, batches reuse a count up to
 * this old (the settle report recounts, so health ends exact).
 */
const CANDIDATES_MAX_AGE_MS = 1000;

/** The brands as the scanner sees them; `onChange` fires when brands change. */
export interface BrandFilter {
  current(): Matcher | undefined;
  /** Whether a handle is a brand's own whose thread replies count as mentions (`threadMentions`). */
  isBrandHandle(handle: string): boolean;
  onChange(listener: () => void, signal: AbortSignal): void;
}

/** Time as the scanner sees it; tests drive it by hand so they wait for events, not for time. */
export interface ScannerClock {
  now(): number;
  /** Runs `task` after `ms`; returns a cancel function. */
  later(task: () => void, ms: number): () => void;
}

/** Looked up once: a global read from the content script's world goes through the page's window. */
const perf = performance;
const realClock: ScannerClock = {
  now: () => perf.now(),
  later: (task, ms) => {
    const handle = setTimeout(task, ms);
    return () => clearTimeout(handle);
  },
};

export interface ScannerOptions {
  filter?: BrandFilter;
  clock?: ScannerClock;
  /** lib/dom/observe's scheduler (the shared default otherwise). */
  observeScheduler?: Scheduler;
  /** A batch the background could not take (the worker stopped, the extension went away). */
  onSendFailed?: (error: unknown) => void;
}

/** Whether `words` name a brand (the cheap test where the matcher has one). */
function names(matcher: Matcher, words: string): boolean {
  return matcher.test ? matcher.test(words) : matcher.match(words).length > 0;
}

/** Removes a post's badge, or the badge still waiting for the post to come into view. */
function unbadge(el: Element): void {
  cancelNear(el);
  clearBadge(el);
}

function brandFilter(signal: AbortSignal): BrandFilter {
  let brands: BrandSet | undefined;
  const listeners = new Set<() => void>();
  watchBrandMatcher(signal, (next) => {
    brands = next;
    for (const listener of listeners) listener();
  });
  return {
    current: () => brands?.matcher,
    isBrandHandle: (handle) => brands?.isBrandHandle(handle) ?? false,
    onChange: (listener, scope) => {
      listeners.add(listener);
      scope.addEventListener('abort', () => listeners.delete(listener), { once: true });
    },
  };
}

/**
 * An updated or reloaded extension leaves the previous copy's priority marks and badges in open
 * tabs (with dead buttons), and this copy remembers no marks of its own: start from a clean page.
 */
function clearStaleMarks(doc: Document): void {
  for (const el of doc.querySelectorAll(`[${PRIORITY_ATTR}]`)) el.removeAttribute(PRIORITY_ATTR);
  removeAllBadges(doc);
}

export function startPostScanner(adapter: SiteAdapter, signal: AbortSignal, options: ScannerOptions = {}): void {
  const filter = options.filter ?? brandFilter(signal);
  const clock = options.clock ?? realClock;
  clearStaleMarks(document);
  let pageScope = new AbortController();
  signal.addEventListener('abort', () => pageScope.abort(), { once: true });

  const start = () => {
    pageScope.abort();
    pageScope = new AbortController();
    if (signal.aborted) return;
    scanPage(adapter, filter, clock, options, pageScope.signal);
  };
  // SPA navigation: re-scope observers and counts to the new page.
  onNavigate(signal, start);
  start();
}

function scanPage(adapter: SiteAdapter, filter: BrandFilter, clock: ScannerClock, options: ScannerOptions, signal: AbortSignal): void {
  /** What each element showed when last read (key and text), so unchanged rows cost nothing. */
  let lastRead = new WeakMap<Element, { key: string; text: string }>();
  /**
   * Elements showing each post sent to the background, so its verdict finds them (one element,
   * nearly always). Posts that mention no brand get no verdict and are not tracked.
   */
  const elementsByKey = new Map<string, Element[]>();
  /** Read, not yet acknowledged by the background (a newer read of a post replaces the older). */
  const pending = new Map<string, Post>();
  /** One batch at a time: the next waits for this one's answer, so retries never overtake it. */
  let sending = false;
  let retries = 0;
  let failures = 0;
  /** Posts newly keyed and marked since the last report (health counts them, sent or not). */
  let recognised = 0;
  /** Totals on this page: while posts read fine, the candidate count cannot change the verdict. */
  let pageRecognised = 0;
  let pageFailures = 0;
  let lastActivity = 0;
  let lastFlushAt = -Infinity;
  let pruneAt = PRUNE_AT;
  let timer: (() => void) | undefined;
  let pauseTimer: (() => void) | undefined;
  let healthTimer: (() => void) | undefined;
  /** Posts found over a callback's read budget, read from `backlogAt` on in the next tasks. */
  let backlog: { el: Element; detached: boolean }[] = [];
  let backlogAt = 0;
  let backlogTimer: (() => void) | undefined;
  /** Candidate count in the last report of this page; undefined = nothing reported yet. */
  let reportedCandidates: number | undefined;
  let counted: { at: number; candidates: number } | undefined;
  /**
   * Counting candidates walks the whole document. Health needs the count only while the page may
   * be unreadable (nothing recognised yet, or failures at least half the reads): then batches
   * recount at most once per CANDIDATES_MAX_AGE_MS. A page whose posts read fine is healthy whatever
   * the count (see detectionOk), so there batches reuse the last count and only the report once the
   * page settles recounts, when the posts read have doubled since: no whole-document walk while
   * posts stream in.
   */
  const mayBeUnreadable = () => pageRecognised === 0 || pageFailures * 2 >= pageRecognised;
  const candidateCount = (settled: boolean) => {
    const at = clock.now();
    const due =
      !counted ||
      (mayBeUnreadable() ? settled || at - counted.at >= CANDIDATES_MAX_AGE_MS : settled && counted.candidates * 2 < pageRecognised);
    if (due) counted = { at, candidates: adapter.countCandidates(document) };
    return counted?.candidates ?? 0;
  };

  const pageRef = () => {
    const url = location.href;
    return { site: adapter.site, pageKind: adapter.pageKind(url, document), url };
  };

  /**
   * X drops rows the agent scrolled far past; over a long session their elements would pile up in
   * elementsByKey. Once it is large, each batch forgets the ones no longer in the page.
   */
  const forgetDetached = () => {
    if (elementsByKey.size < pruneAt) return;
    for (const [key, elements] of elementsByKey) {
      const live = elements.filter((el) => el.isConnected);
      if (live.length === 0) elementsByKey.delete(key);
      else if (live.length < elements.length) elementsByKey.set(key, live);
    }
    // Next time once the map has doubled: a pass per batch over every live key was quadratic.
    pruneAt = Math.max(PRUNE_AT, elementsByKey.size * 2);
  };

  /** `all`: the page is going away, so no later batch would carry the rest. */
  const flush = async (all = false) => {
    timer = undefined;
    lastFlushAt = clock.now();
    if (signal.aborted || sending) return;
    forgetDetached();
    // Taken from `pending` only once acknowledged: until then a newer read replaces the sent one.
    const posts = all ? [...pending.values()] : [...pending.values()].slice(0, MAX_BATCH);
    const extractionFailures = failures;
    failures = 0;
    const recognisedNow = recognised;
    recognised = 0;
    const candidates = candidateCount(false);
    sending = true;
    try {
      const answer = await sendMessageUnparsed('postsSeen', { page: pageRef(), posts, recognised: recognisedNow, candidates, extractionFailures });
      const { verdicts } = z.parse(VerdictListSchema, answer);
      sending = false;
      retries = 0;
      reportedCandidates = candidates;
      for (const p of posts) if (pending.get(p.key) === p) pending.delete(p.key);
      if (signal.aborted) return;
      applyVerdicts(verdicts);
      if (pending.size > 0) schedule();
    } catch (error) {
      sending = false;
      // The worker was stopped or is starting: keep the batch and its health counts, try again.
      failures += extractionFailures;
      recognised += recognisedNow;
      console.debug('[replyline] postsSeen failed; retrying', error);
      options.onSendFailed?.(error);
      if (signal.aborted) return;
      const delay = RETRY_DELAYS_MS[Math.min(retries, RETRY_DELAYS_MS.length - 1)] ?? BATCH_DELAY_MS;
      retries += 1;
      timer ??= clock.later(() => void flush(), delay);
    }
  };

  const schedule = () => {
    if (timer !== undefined || sending) return;
    const streaming = clock.now() - lastFlushAt < STREAM_WINDOW_MS;
    timer = clock.later(() => void flush(), streaming ? STREAM_BATCH_DELAY_MS : BATCH_DELAY_MS);
    if (streaming) pauseTimer ??= clock.later(whenPaused, STREAM_PAUSE_MS);
  };

  /** A stream's batch waits for its long delay only while posts keep coming (one timer, re-armed). */
  const whenPaused = () => {
    pauseTimer = undefined;
    if (timer === undefined || sending || signal.aborted) return; // sent meanwhile
    const quietMs = clock.now() - lastActivity;
    if (quietMs < STREAM_PAUSE_MS) {
      pauseTimer = clock.later(whenPaused, STREAM_PAUSE_MS - quietMs);
      return;
    }
    timer();
    void flush();
  };

  /** A report without posts, once the page is quiet, when a batch has not already said it all. */
  const reportHealth = async () => {
    healthTimer = undefined;
    if (signal.aborted) return;
    if (timer !== undefined || sending || pending.size > 0) return settleLater(); // the batch carries health
    const candidates = candidateCount(true);
    if (candidates === reportedCandidates && failures === 0 && recognised === 0) return;
    const extractionFailures = failures;
    failures = 0;
    const recognisedNow = recognised;
    recognised = 0;
    reportedCandidates = candidates;
    try {
      await sendMessage('postsSeen', { page: pageRef(), posts: [], recognised: recognisedNow, candidates, extractionFailures });
    } catch (error) {
      // Said again once the page is quiet next time (or by the next batch).
      failures += extractionFailures;
      recognised += recognisedNow;
      reportedCandidates = undefined;
      console.debug('[replyline] health report failed', error);
      options.onSendFailed?.(error);
    }
  };

  /** One timer for the whole stream (not a clear + set per chunk): it re-arms until the page is quiet. */
  const settleLater = () => {
    lastActivity = clock.now();
    healthTimer ??= clock.later(whenSettled, HEALTH_SETTLE_MS);
  };
  const whenSettled = () => {
    healthTimer = undefined;
    const quietMs = clock.now() - lastActivity;
    if (quietMs < HEALTH_SETTLE_MS) healthTimer = clock.later(whenSettled, HEALTH_SETTLE_MS - quietMs);
    else void reportHealth();
  };

  /** The elements still showing post `key`; those gone from the page are forgotten. */
  const liveElements = (key: string): Element[] => {
    const live: Element[] = [];
    for (const el of [...(elementsByKey.get(key) ?? [])]) {
      if (markedKeys.get(el) !== key) continue; // recycled since
      if (!el.isConnected) {
        // Gone before its verdict (X keeps a row ~200 ms in a flick): nothing to mark or draw,
        // and holding it would keep the whole row alive. If X puts it back, it is read anew.
        untrack(el, key);
        lastRead.delete(el);
        continue;
      }
      live.push(el);
    }
    return live;
  };

  /**
   * Each verdict is parsed (PageVerdictSchema) only when the page acts on it: a post still in the
   * page, or one the background could not file. In a flick most rows are gone by their answer, and
   * parsing every verdict was a good part of a batch's cost. A verdict the page cannot read is
   * skipped, not its whole batch.
   */
  const applyVerdicts = (verdicts: readonly unknown[]) => {
    for (const raw of verdicts) {
      const key = typeof raw === 'object' && raw !== null ? Reflect.get(raw, 'key') : undefined;
      const elements = typeof key === 'string' ? liveElements(key) : [];
      const rejected = typeof raw === 'object' && raw !== null && Reflect.get(raw, 'rejected') !== undefined;
      if (elements.length === 0 && !rejected) continue;
      const parsed = z.safeParse(PageVerdictSchema, raw);
      if (!parsed.success) {
        console.warn('[replyline] a verdict the page cannot read', parsed.error);
        continue;
      }
      const verdict = parsed.data;
      // Filed without this post (the background logged why too): say so here, where it was seen.
      if (verdict.rejected !== undefined) console.warn(`[replyline] ${verdict.key} was not filed: ${verdict.rejected}`);
      for (const el of elements) {
        const { priority } = verdict;
        if (priority !== undefined) {
          el.setAttribute(PRIORITY_ATTR, String(priority));
          whenNear(el, () => {
            if (markedKeys.get(el) === verdict.key) showBadge(adapter, el, verdict);
          }, signal);
        } else {
          el.removeAttribute(PRIORITY_ATTR);
          unbadge(el);
        }
      }
    }
  };

  const track = (el: Element, key: string) => {
    const elements = elementsByKey.get(key);
    if (!elements) elementsByKey.set(key, [el]);
    else if (!elements.includes(el)) elements.push(el);
  };

  const untrack = (el: Element, key: string) => {
    const elements = elementsByKey.get(key);
    const at = elements ? elements.indexOf(el) : -1;
    if (!elements || at < 0) return;
    elements.splice(at, 1);
    if (elements.length === 0) elementsByKey.delete(key);
  };

  /** Marks `el` as showing post `key`; false when it carried no mark before (a fresh element). */
  const mark = (el: Element, key: string): boolean => {
    const previousKey = markedKeys.get(el);
    if (previousKey === key) return true;
    if (previousKey) {
      // A recycled row now showing another post: drop the old marks before the new verdict.
      untrack(el, previousKey);
      el.removeAttribute(PRIORITY_ATTR);
      unbadge(el);
    }
    el.setAttribute(POST_ATTR, key);
    markedKeys.set(el, key);
    recognised += 1;
    pageRecognised += 1;
    return previousKey !== undefined;
  };

  const failed = () => {
    failures += 1;
    pageFailures += 1;
  };

  /** Whether posts here can sit in someone's thread (a conversation page, any Facebook page). */
  const threadPage = adapter.mayHaveThreads(location.href);
  /**
   * The text names a brand, or the post answers a brand's own post (a reply under its conversation,
   * a comment on its page's post): customers rarely repeat the name of whoever they answer.
   */
  const mayMention = (el: Element, text: string, matcher: Matcher, detached: boolean) => {
    if (names(matcher, text)) {
      // The post's own part is looked for only in the few whose whole text names a brand.
      const own = adapter.mentionText(el, text);
      if (own === text || names(matcher, own)) return true;
    }
    // Out of the page, a post's place in an X thread cannot be told (see read); Facebook's can.
    if (!threadPage || (!adapter.threadOwnerOffPage && (detached || !el.isConnected))) return false;
    return adapter.threadOwner(el, filter.isBrandHandle) !== undefined;
  };

  /** `detached`: known to be out of the page already (read on the observer's callback, it may be too). */
  const read = (el: Element, detached: boolean) => {
    const peek = adapter.peekKey(el);
    if (!peek.ok) {
      // Rows render in stages: without a permalink there is nothing to key on yet.
      if (peek.reason !== 'pending') failed();
      return;
    }
    // The whole text (author line, reply context and quote included) is a superset of what the
    // background matches, so no mention is lost; key + text also tells a recycled row apart.
    const text = el.textContent ?? '';
    // Two comparisons, not one of a joined string: joining allocated (and flattened) per post.
    const last = lastRead.get(el);
    if (last && last.key === peek.key && last.text === text) return;
    lastRead.set(el, { key: peek.key, text });
    const markedBefore = mark(el, peek.key);
    const matcher = filter.current();
    // Until the brands arrive, posts are only marked; they are read again once the matcher is here.
    if (!matcher || !mayMention(el, text, matcher, detached)) {
      // Only an element marked before can carry a priority (an edited post, a recycled row).
      if (markedBefore && el.hasAttribute(PRIORITY_ATTR)) {
        el.removeAttribute(PRIORITY_ATTR); // an edited post that no longer mentions the brand
        unbadge(el);
      }
      return; // health for unsent posts goes out with the next batch or once the page settles
    }
    const result = adapter.extract(el, Date.now(), peek, text);
    if (!result.ok) {
      if (result.reason !== 'pending') failed();
      return;
    }
    // A detached post's thread position compares against nothing where the site needs the page
    // for it (the answer is arbitrary): the mention goes without a thread owner rather than a wrong one.
    const offPage = result.post.threadOwner !== undefined && !adapter.threadOwnerOffPage && (detached || !el.isConnected);
    const post = offPage ? { ...result.post, threadOwner: undefined } : result.post;
    if (post.key !== peek.key) mark(el, post.key); // never on real markup (eval:sites checks), but safe
    track(el, post.key); // again if it was forgotten while detached
    pending.set(post.key, post);
    schedule();
  };

  /** One post's failure (hostile markup, an adapter bug) is counted and logged; its neighbours are still read. */
  const readSafely = (el: Element, detached: boolean) => {
    try {
      read(el, detached);
    } catch (error) {
      failed();
      console.warn('[replyline] could not read a post', error);
    }
  };

  /**
   * A change in place (text, a part removed) can only alter the post it is in: a row removed from
   * the timeline changes its container, never the posts still in it (those added come as added).
   */
  const readChanged = (nodes: Iterable<Element>) => {
    settleLater();
    for (const node of nodes) {
      if (isBadgeHost(node)) continue;
      let owner: Element | null;
      try {
        owner = adapter.closestPost(node);
      } catch (error) {
        failed();
        console.warn('[replyline] could not look for posts', error);
        continue;
      }
      if (owner) readSafely(owner, false);
    }
  };

  /** Reads waiting posts until `budgetMs` is spent; the next task goes on with any left. */
  const readBacklog = (budgetMs: number) => {
    backlogTimer = undefined;
    const started = clock.now();
    while (backlogAt < backlog.length) {
      const item = backlog[backlogAt];
      backlogAt += 1;
      if (item) readSafely(item.el, item.detached);
      // The clock after every post: a post with many comments, on a busy machine, costs milliseconds.
      if (clock.now() - started > budgetMs) break;
    }
    if (backlogAt < backlog.length) {
      backlogTimer = clock.later(() => readBacklog(READ_BUDGET_MS), 0);
      return;
    }
    backlog = [];
    backlogAt = 0;
  };

  const readWithin = (nodes: Iterable<Node>, detached = false) => {
    settleLater();
    // One clock read per callback for rows; a big subtree's posts read it after each post.
    const started = clock.now();
    let over = false;
    for (const node of nodes) {
      // A badge we just added would send its post through the key and text reads again for nothing.
      if (!(node instanceof Element) || isDrawnBadgeHost(node)) continue;
      let posts: Element[];
      let owner: Element | null = null;
      try {
        posts = adapter.findPostElements(node);
        // A row holding posts is not inside one; only other nodes (text filled in late, a part
        // swapped in a recycled row) need the climb to their post. A badge holds no post: its tag
        // is read only here (an earlier copy's badge), not for every row.
        if (posts.length === 0) {
          if (isBadgeHost(node)) continue;
          owner = adapter.closestPost(node);
        }
      } catch (error) {
        failed();
        console.warn('[replyline] could not look for posts', error);
        continue;
      }
      if (owner && owner !== node) readSafely(owner, detached);
      const big = posts.length > BIG_SUBTREE_POSTS;
      for (const el of posts) {
        if (big && over) {
          backlog.push({ el, detached });
          continue;
        }
        readSafely(el, detached);
        if (big && clock.now() - started > FIRST_READ_BUDGET_MS) over = true;
      }
    }
    if (backlogAt < backlog.length) backlogTimer ??= clock.later(() => readBacklog(READ_BUDGET_MS), 0);
  };

  readWithin([document.body]);
  observe(
    document.body,
    // Read in the observer's callback: X drops a row ~200 ms after adding it in a flick, before
    // any idle callback (batch the messages, never the reading).
    { signal, immediate: true, onAdded: (els) => readWithin(els), onTextChanged: readChanged },
    { scheduler: options.observeScheduler },
  );
  // The tab is closing or going into the back/forward cache: send everything read now (best
  // effort). Posts stay pending until acknowledged, so a page that comes back sends them again.
  window.addEventListener(
    'pagehide',
    () => {
      // Posts still waiting for their read are read now: nothing later would.
      backlogTimer?.();
      readBacklog(Infinity);
      if (pending.size === 0) return;
      if (!sending) {
        timer?.();
        void flush(true);
        return;
      }
      // A batch is in flight and the next would wait for its answer: send the rest beside it.
      void sendMessage('postsSeen', { page: pageRef(), posts: [...pending.values()], recognised: 0, candidates: counted?.candidates ?? 0, extractionFailures: 0 }).catch(
        (error: unknown) => console.debug('[replyline] postsSeen on pagehide failed', error),
      );
    },
    { signal },
  );
  // New brands (or the first matcher): read every post on the page again.
  filter.onChange(() => {
    lastRead = new WeakMap();
    readWithin([document.body]);
  }, signal);
  signal.addEventListener('abort', () => {
    timer?.();
    pauseTimer?.();
    healthTimer?.();
    backlogTimer?.();
    backlog = [];
    backlogAt = 0;
  });
}
