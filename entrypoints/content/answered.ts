/**
 * "Already answered": replies by the brand's handles visible in a thread are reported with
 * `brandRepliesSeen` so the panel can say who answered and when, whoever sent them (the agent may
 * reply without Replyline). Every page's content script runs this.
 *
 * Only posts added or changed since the last look are read, each once, only where the brand is
 * named, and for at most ANSWER_READ_BUDGET_MS per task: re-reading every post on the page after
 * each change made one long task per change on a big Facebook feed (about 125 ms for 300 posts and
 * comments).
 */
import type { AnsweredPost, BrandReply, SiteAdapter } from '@/lib/sites/types';
import { brandHandleSet } from '@/lib/sites/brandHandles';
import { observe, onNavigate } from '@/lib/dom/observe';
import { sendMessage } from './messaging';
import { isBadgeHost } from './badge';

/** Changes gather this long before they are read: a thread loads its replies in bursts. */
export const ANSWER_SCAN_DELAY_MS = 500;
/** Each task reads posts for this long at most; the rest wait for the next task. */
export const ANSWER_READ_BUDGET_MS = 8;

/** What a handle looks like in a profile link's path (X's and Facebook's alike). */
const HANDLE = /^[\w.-]+$/;

export interface AnsweredWatchOptions {
  /** The budget's clock (performance.now otherwise); tests step it by hand. */
  now?: () => number;
}

export function startAnsweredWatch(adapter: SiteAdapter, signal: AbortSignal, options: AnsweredWatchOptions = {}): void {
  const now = options.now ?? (() => performance.now());
  let wanted: ReadonlySet<string> = new Set();
  /** A link to any of the handles (one native query per element); null when there are none. */
  let brandLinks: string | null = null;
  /** Entries that are names, not handles ("Acme Bakery"): looked for in the text instead. */
  let brandNames: string[] = [];
  /** Elements added since the last look: searched for posts. */
  const added = new Set<Element>();
  /** Elements changed in place since the last look: only the post each sits in is read. */
  const changed = new Set<Element>();
  /** Posts to read, from `readAt` on; held by reference, so a post removed meanwhile is still read. */
  let posts: Element[] = [];
  let readAt = 0;
  /** Brand replies found so far, by the post they answer: each report carries all of a post's. */
  const found = new Map<string, Map<string, BrandReply>>();
  /** Posts whose replies grew since they were last sent (or whose send failed). */
  const unsent = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Replies under a post are shown only where posts sit in threads: elsewhere (X's timelines and
  // search) nothing is read, however many rows stream in.
  let threads = adapter.mayHaveThreads(location.href);

  const add = ({ key, replies }: AnsweredPost) => {
    let known = found.get(key);
    if (!known) found.set(key, (known = new Map()));
    for (const reply of replies) {
      if (known.has(reply.postId)) continue;
      known.set(reply.postId, reply);
      unsent.add(key);
    }
  };

  const send = () => {
    for (const key of [...unsent]) {
      unsent.delete(key);
      const replies = [...(found.get(key)?.values() ?? [])];
      // Sent again with the next look if the worker was away.
      void sendMessage('brandRepliesSeen', { key, replies }).catch(() => unsent.add(key));
    }
  };

  /**
   * Whether `el` may hold a reply by the brand: its text or one of its links names a handle (a
   * Facebook page signs its comments with its name, and links them to its handle). Most elements
   * added to a thread are customers' posts: those are never searched for posts at all.
   */
  const namesBrand = (el: Element): boolean => {
    if (brandLinks && el.querySelector(brandLinks) !== null) return true;
    if (brandNames.length === 0) return false;
    const text = (el.textContent ?? '').toLowerCase();
    return brandNames.some((name) => text.includes(name));
  };

  /** The posts in or around each added element and around each changed one, each once. */
  const collect = () => {
    const next = new Set(posts.slice(readAt));
    const addOwner = (el: Element) => {
      const owner = adapter.closestPost(el);
      if (owner) next.add(owner);
    };
    for (const el of added) {
      // The post around a part added late may be the brand's though the part names no one.
      const inside = namesBrand(el) ? adapter.findPostElements(el) : [];
      if (inside.length > 0) for (const post of inside) next.add(post);
      else addOwner(el);
    }
    // A change in place (text, a part removed) can only alter the post it is in. A feed losing a
    // unit was searched whole again, every unit of it re-read on a brand's page (each links the brand).
    for (const el of changed) addOwner(el);
    added.clear();
    changed.clear();
    posts = [...next];
    readAt = 0;
  };

  const look = () => {
    timer = undefined;
    if (signal.aborted) return;
    if (wanted.size === 0) {
      added.clear();
      changed.clear();
      return;
    }
    const started = now();
    try {
      if (added.size + changed.size > 0) collect();
      const url = location.href;
      while (readAt < posts.length) {
        const post = posts[readAt];
        readAt += 1;
        if (post) for (const answered of adapter.answeredBy(post, url, wanted, Date.now())) add(answered);
        if (now() - started > ANSWER_READ_BUDGET_MS) break;
      }
    } catch (error) {
      console.warn('[replyline] could not look for brand replies', error);
    }
    send();
    if (readAt < posts.length) timer = setTimeout(look, 0);
    else {
      posts = [];
      readAt = 0;
    }
  };

  const schedule = () => {
    timer ??= setTimeout(look, ANSWER_SCAN_DELAY_MS);
  };
  /** Elements to look at on the next look (`into`: added or changed); our own badges hold no reply. */
  const note = (elements: Element[], into: Set<Element>) => {
    if (!threads) return;
    for (const el of elements) if (!isBadgeHost(el)) into.add(el);
    schedule();
  };
  signal.addEventListener('abort', () => timer && clearTimeout(timer), { once: true });

  const load = async () => {
    try {
      const { handles } = await sendMessage('brandHandlesGet', {});
      wanted = brandHandleSet(handles);
      const handleLike = [...wanted].filter((handle) => HANDLE.test(handle));
      brandLinks = handleLike.length > 0 ? handleLike.map((handle) => `a[href*="${CSS.escape(handle)}" i]`).join(',') : null;
      brandNames = [...wanted].filter((handle) => !HANDLE.test(handle));
      // The whole page once: what was there before the handles arrived.
      note([document.body], added);
    } catch {
      // The worker is waking up; the next navigation asks again.
    }
  };
  void load();
  onNavigate(signal, () => {
    threads = adapter.mayHaveThreads(location.href);
    void load();
  });
  // Only collects and arms a timer: cheaper in the observer's callback than queued for idle.
  observe(document.body, { signal, immediate: true, onAdded: (els) => note(els, added), onTextChanged: (els) => note(els, changed) });
}
