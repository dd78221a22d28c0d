/**
 * Finds posts as the agent scrolls and marks them in the page (the test contract:
 * data-replyline-post / data-replyline-priority). Every post is keyed and marked cheaply; only
 * posts whose text may mention a brand (the content-side matcher, brandMatcher.ts) are fully
 * extracted and sent to the background in batches. X recycles timeline rows, so an element is
 * re-read whenever its content changes and re-marked when its post changes.
 */
import type { SiteAdapter } from '@/lib/sites/types';
import { observe, onNavigate } from '@/lib/dom/observe';
import { sendMessage, type PostVerdict } from '@/lib/messages';
import type { Matcher } from '@/lib/matching/matcher';
import type { Post } from '@/lib/schemas';
import { clearBadge, showBadge } from './badge';
import { cancelNear, whenNear } from './whenNear';
import { watchBrandMatcher } from './brandMatcher';

const POST_ATTR = 'data-replyline-post';
const PRIORITY_ATTR = 'data-replyline-priority';
const BATCH_DELAY_MS = 150;
const MAX_BATCH = 200;
/** Keys tracked before detached elements are forgotten (see forgetDetached). */
const PRUNE_AT = 1000;
/**
 * Quiet time after which the page counts as settled and detection health is reported even if no
 * post was recognised: a drifted page yields no batch, and silence must not read as "all fine".
 */
export const HEALTH_SETTLE_MS = 1000;
/**
 * Counting candidates walks the whole document; while posts stream in, batches reuse a count up to
 * this old (the settle report recounts, so health ends exact).
 */
const CANDIDATES_MAX_AGE_MS = 1000;

/** The brand matcher as the scanner sees it; `onChange` fires when brands change. */
export interface BrandFilter {
  current(): Matcher | undefined;
  onChange(listener: () => void, signal: AbortSignal): void;
}

/** Removes a post's badge, or the badge still waiting for the post to come into view. */
function unbadge(el: Element): void {
  cancelNear(el);
  clearBadge(el);
}

function brandFilter(signal: AbortSignal): BrandFilter {
  let matcher: Matcher | undefined;
  const listeners = new Set<() => void>();
  watchBrandMatcher(signal, (next) => {
    matcher = next;
    for (const listener of listeners) listener();
  });
  return {
    current: () => matcher,
    onChange: (listener, scope) => {
      listeners.add(listener);
      scope.addEventListener('abort', () => listeners.delete(listener), { once: true });
    },
  };
}

export function startPostScanner(adapter: SiteAdapter, signal: AbortSignal, filter: BrandFilter = brandFilter(signal)): void {
  let pageScope = new AbortController();
  signal.addEventListener('abort', () => pageScope.abort(), { once: true });

  const start = () => {
    pageScope.abort();
    pageScope = new AbortController();
    if (signal.aborted) return;
    scanPage(adapter, filter, pageScope.signal);
  };
  // SPA navigation: re-scope observers and counts to the new page.
  onNavigate(signal, start);
  start();
}

function scanPage(adapter: SiteAdapter, filter: BrandFilter, signal: AbortSignal): void {
  /** What each element showed when last read, so unchanged rows cost nothing. */
  let lastRead = new WeakMap<Element, string>();
  const elementsByKey = new Map<string, Set<Element>>();
  const pending = new Map<string, Post>();
  let failures = 0;
  /** Posts newly keyed and marked since the last report (health counts them, sent or not). */
  let recognised = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let healthTimer: ReturnType<typeof setTimeout> | undefined;
  /** Candidate count in the last report of this page; undefined = nothing reported yet. */
  let reportedCandidates: number | undefined;
  let counted: { at: number; candidates: number } | undefined;
  const recentCandidates = () => {
    const at = performance.now();
    if (!counted || at - counted.at >= CANDIDATES_MAX_AGE_MS) counted = { at, candidates: adapter.countCandidates(document) };
    return counted.candidates;
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
    if (elementsByKey.size < PRUNE_AT) return;
    for (const [key, set] of elementsByKey) {
      for (const el of set) if (!el.isConnected) set.delete(el);
      if (set.size === 0) elementsByKey.delete(key);
    }
  };

  const flush = async () => {
    timer = undefined;
    if (signal.aborted) return;
    forgetDetached();
    const posts = [...pending.values()].slice(0, MAX_BATCH);
    for (const p of posts) pending.delete(p.key);
    const extractionFailures = failures;
    failures = 0;
    const recognisedNow = recognised;
    recognised = 0;
    if (pending.size > 0) schedule();
    const candidates = recentCandidates();
    reportedCandidates = candidates;
    try {
      const { verdicts } = await sendMessage('postsSeen', { page: pageRef(), posts, recognised: recognisedNow, candidates, extractionFailures });
      if (!signal.aborted) applyVerdicts(verdicts);
    } catch (error) {
      // The extension was reloaded or the worker is waking up: the next batch retries.
      console.debug('[replyline] postsSeen failed', error);
    }
  };

  const schedule = () => {
    timer ??= setTimeout(() => void flush(), BATCH_DELAY_MS);
  };

  /** A report without posts, once the page is quiet, when a batch has not already said it all. */
  const reportHealth = async () => {
    healthTimer = undefined;
    if (signal.aborted) return;
    if (timer !== undefined || pending.size > 0) return settleLater(); // the batch carries health
    const candidates = adapter.countCandidates(document);
    if (candidates === reportedCandidates && failures === 0 && recognised === 0) return;
    const extractionFailures = failures;
    failures = 0;
    const recognisedNow = recognised;
    recognised = 0;
    reportedCandidates = candidates;
    try {
      await sendMessage('postsSeen', { page: pageRef(), posts: [], recognised: recognisedNow, candidates, extractionFailures });
    } catch (error) {
      console.debug('[replyline] health report failed', error);
    }
  };

  const settleLater = () => {
    if (healthTimer) clearTimeout(healthTimer);
    healthTimer = setTimeout(() => void reportHealth(), HEALTH_SETTLE_MS);
  };

  const applyVerdicts = (verdicts: PostVerdict[]) => {
    for (const verdict of verdicts) {
      for (const el of elementsByKey.get(verdict.key) ?? []) {
        if (el.getAttribute(POST_ATTR) !== verdict.key) continue; // recycled since
        if (verdict.matched && !verdict.own && verdict.priority !== undefined) {
          el.setAttribute(PRIORITY_ATTR, String(verdict.priority));
          whenNear(el, () => {
            if (el.getAttribute(POST_ATTR) === verdict.key) showBadge(adapter, el, verdict);
          });
        } else {
          el.removeAttribute(PRIORITY_ATTR);
          unbadge(el);
        }
      }
    }
  };

  const track = (el: Element, key: string) => {
    let set = elementsByKey.get(key);
    if (!set) elementsByKey.set(key, (set = new Set()));
    set.add(el);
  };

  const mark = (el: Element, key: string) => {
    const previousKey = el.getAttribute(POST_ATTR);
    if (previousKey === key) {
      track(el, key); // it may have been forgotten while detached
      return;
    }
    if (previousKey) {
      // A recycled row now showing another post: drop the old marks before the new verdict.
      elementsByKey.get(previousKey)?.delete(el);
      el.removeAttribute(PRIORITY_ATTR);
      unbadge(el);
    }
    el.setAttribute(POST_ATTR, key);
    track(el, key);
    recognised += 1;
  };

  const read = (el: Element) => {
    const peek = adapter.peekKey(el);
    if (!peek.ok) {
      // Rows render in stages: without a permalink there is nothing to key on yet.
      if (peek.reason !== 'pending') failures += 1;
      return;
    }
    // The whole text (author line, reply context and quote included) is a superset of what the
    // background matches, so no mention is lost; key + text also tells a recycled row apart.
    const text = el.textContent ?? '';
    const fingerprint = `${peek.key}\u0000${text}`;
    if (lastRead.get(el) === fingerprint) return;
    lastRead.set(el, fingerprint);
    mark(el, peek.key);
    const matcher = filter.current();
    // Until the brands arrive, posts are only marked; they are read again once the matcher is here.
    if (!matcher || matcher.match(text).length === 0) {
      if (el.hasAttribute(PRIORITY_ATTR)) {
        el.removeAttribute(PRIORITY_ATTR); // an edited post that no longer mentions the brand
        unbadge(el);
      }
      return; // health for unsent posts goes out with the next batch or once the page settles
    }
    const result = adapter.extract(el, Date.now());
    if (!result.ok) {
      if (result.reason !== 'pending') failures += 1;
      return;
    }
    const { post } = result;
    mark(el, post.key);
    pending.set(post.key, post);
    schedule();
  };

  const readWithin = (nodes: Iterable<Node>) => {
    settleLater();
    for (const node of nodes) {
      if (!(node instanceof Element)) continue;
      const owner = adapter.closestPost(node);
      if (owner && owner !== node) read(owner);
      for (const el of adapter.findPostElements(node)) read(el);
    }
  };

  readWithin([document.body]);
  observe(document.body, { signal, onAdded: readWithin, onTextChanged: readWithin });
  // New brands (or the first matcher): read every post on the page again.
  filter.onChange(() => {
    lastRead = new WeakMap();
    readWithin([document.body]);
  }, signal);
  signal.addEventListener('abort', () => {
    if (timer) clearTimeout(timer);
    if (healthTimer) clearTimeout(healthTimer);
  });
}
