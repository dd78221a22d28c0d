/**
 * The only MutationObserver wrapper. Mutations are coalesced and handed over in small chunks from
 * idle callbacks (or timers where `requestIdleCallback` is missing) within a time budget, so a busy
 * infinite-scroll timeline never janks. Everything is torn down when the signal aborts.
 */
import { isElement } from './query';

export interface ObserveHandlers {
  signal: AbortSignal;
  /**
   * Newly attached elements (outermost only: descendants of a reported element are not repeated).
   * `parent`: the node they were all appended to, or null when they came from several.
   */
  onAdded: (elements: Element[], parent: Node | null) => void;
  /** Elements whose text or children changed in place (X fills and recycles rows this way). */
  onTextChanged?: (elements: Element[]) => void;
  /**
   * Elements added (or changed) but removed again before their chunk was handed over, delivered at
   * once from the removal's records: X drops rows within ~200 ms of adding them, often before the
   * idle callback. Detached, their subtree is intact, so they can still be read.
   */
  onDetached?: (elements: Element[]) => void;
  /**
   * Hand additions and changes over in the observer's own callback, before the page's next task
   * can remove them, instead of in idle chunks: for cheap subscribers (a per-post read that must
   * not lose a row X drops ~200 ms later, a debounce). Nested additions of one callback are not
   * repeated; the whole callback's elements come in one call.
   */
  immediate?: boolean;
}

/** Runs `task` later; `timeLeft()` says how many ms remain in this slice. Returns a cancel function. */
export type Scheduler = (task: (timeLeft: () => number) => void) => () => void;

export interface ObserveOptions {
  /** Max elements per callback invocation. */
  chunkSize?: number;
  /** Max time per slice (idle callbacks stop at the idle deadline or this, whichever is first). */
  budgetMs?: number;
  /** Injected in tests; defaults to requestIdleCallback, else setTimeout. */
  scheduler?: Scheduler;
}

const DEFAULT_CHUNK = 25;
const DEFAULT_BUDGET_MS = 8;
/** Even on a page that is never idle, pending work runs within this many ms. */
const IDLE_TIMEOUT_MS = 300;

export function defaultScheduler(budgetMs: number = DEFAULT_BUDGET_MS): Scheduler {
  const g = globalThis;
  if (typeof g.requestIdleCallback === 'function' && typeof g.cancelIdleCallback === 'function') {
    return (task) => {
      // An idle period may last up to 50 ms; using all of it is a long task the moment input
      // arrives. Each slice stops at the budget too, then yields and continues in the next one.
      const handle = g.requestIdleCallback(
        (deadline) => {
          const start = now();
          task(() => Math.min(deadline.timeRemaining(), budgetMs - (now() - start)));
        },
        { timeout: IDLE_TIMEOUT_MS },
      );
      return () => g.cancelIdleCallback(handle);
    };
  }
  return (task) => {
    const handle = setTimeout(() => {
      const start = now();
      task(() => budgetMs - (now() - start));
    }, 16);
    return () => clearTimeout(handle);
  };
}

function now(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}

/**
 * Watches `root`'s subtree until `handlers.signal` aborts. Every in-page feature watches the same
 * body; with default options they share ONE native observer and its bookkeeping per root (each
 * extra observer repeats the record walk, the ancestor checks and the idle scheduling for every
 * post), and each chunk is handed to every subscriber in turn.
 */
export function observe(root: Node, handlers: ObserveHandlers, options: ObserveOptions = {}): void {
  if (handlers.signal.aborted) return;
  const shared = options.chunkSize === undefined && options.budgetMs === undefined && options.scheduler === undefined;
  if (!shared) {
    createWatcher(root, options, () => undefined).subscribe(handlers);
    return;
  }
  let watcher = sharedWatchers.get(root);
  if (!watcher) {
    watcher = createWatcher(root, options, () => sharedWatchers.delete(root));
    sharedWatchers.set(root, watcher);
  }
  watcher.subscribe(handlers);
}

/**
 * Drops elements inside another element of the list (or of `reported`): callers scan subtrees.
 * Ancestors already proven clear end later walks, so rows sharing a parent climb one step each.
 */
function outermostOf(elements: Element[], reported?: ReadonlySet<Element>): Element[] {
  const set = new Set(elements);
  const clear = new Set<Element>();
  return elements.filter((el) => {
    const path: Element[] = [];
    for (let p = el.parentElement; p && !clear.has(p); p = p.parentElement) {
      if (set.has(p) || reported?.has(p)) return false;
      path.push(p);
    }
    for (const p of path) clear.add(p);
    return true;
  });
}

interface Watcher {
  subscribe(handlers: ObserveHandlers): void;
}

const sharedWatchers = new WeakMap<Node, Watcher>();

function createWatcher(root: Node, options: ObserveOptions, onIdle: () => void): Watcher {
  const chunkSize = Math.max(1, options.chunkSize ?? DEFAULT_CHUNK);
  const schedule = options.scheduler ?? defaultScheduler(options.budgetMs);
  const subscribers = new Set<ObserveHandlers>();
  /** Subscribers served in the observer's callback; the idle chunks serve the others. */
  let immediateCount = 0;
  // Sets keep insertion order and drop duplicates: a node added, removed and re-added counts once.
  const added = new Set<Element>();
  const changed = new Set<Element>();
  let cancel: (() => void) | null = null;
  let watchingText = false;
  /** Some subscriber reads elements removed before their chunk (onDetached). */
  let wantsDetached = false;
  /**
   * The parent every element in `added` was appended to, or null once they came from several:
   * siblings cannot contain one another, so a batch from one parent (a timeline appending rows)
   * needs no `outermost` climb.
   */
  let addedParent: Node | null | undefined;
  /** Reported since `added` was last empty: a later chunk must not repeat their descendants. */
  const reported = new Set<Element>();
  const wantsText = () => [...subscribers].some((s) => s.onTextChanged !== undefined);

  /** Takes the elements still waiting that are no longer in the page and hands them over now. */
  const rescueDetached = () => {
    const detached: Element[] = [];
    for (const set of [added, changed]) {
      for (const el of set) {
        if (el.isConnected) continue;
        set.delete(el);
        detached.push(el);
      }
    }
    if (detached.length > 0) deliver(detached, (s) => (s.immediate ? undefined : s.onDetached));
  };

  /** This callback's additions and changes for immediate subscribers. */
  const nowAdded: Element[] = [];
  const nowChanged = new Set<Element>();
  let nowParent: Node | null | undefined;

  const collect = (records: MutationRecord[]) => {
    const text = watchingText;
    const queue = subscribers.size > immediateCount;
    const now = immediateCount > 0;
    let removal = false;
    /** A flick removes every row in a record of its own, all from one timeline: its target is read once. */
    let lastTarget: Node | undefined;
    let lastElement: Element | undefined;
    for (const record of records) {
      // Each record getter is a native call: read each once, and the type only when no node was
      // added (characterData records add none, so a record that adds nodes is a childList one).
      const nodes = record.addedNodes;
      const addedCount = nodes.length;
      if (addedCount > 0) {
        if (record.removedNodes.length > 0) removal = true;
        const target = record.target;
        if (queue && addedParent !== target) addedParent = addedParent === undefined && added.size === 0 ? target : null;
        if (now && nowParent !== target) nowParent = nowParent === undefined ? target : null;
        for (let i = 0; i < addedCount; i++) {
          const node = nodes[i];
          if (!isElement(node)) continue;
          if (queue) added.add(node);
          if (now) nowAdded.push(node);
        }
        continue;
      }
      const type = record.type;
      if (type === 'childList') {
        removal = true; // a childList record that added nothing removed something
        // Additions are reported through onAdded (the caller looks up their owning post); a parent
        // reported as "changed" on every appended timeline row would make callers rescan it all.
        if (!text) continue;
        const target = record.target;
        if (target !== lastTarget) {
          lastTarget = target;
          lastElement = isElement(target) ? target : undefined;
        }
        if (lastElement && queue) changed.add(lastElement);
        if (lastElement && now) nowChanged.add(lastElement);
      } else if (type === 'characterData' && text) {
        const parent = record.target.parentElement;
        if (parent && queue) changed.add(parent);
        if (parent && now) nowChanged.add(parent);
      }
    }
    if (now) deliverNow();
    // One pass over what is still waiting, only when something left the page (a few dozen rows).
    if (removal && added.size + changed.size > 0 && wantsDetached) rescueDetached();
    if (added.size + changed.size > 0 && !cancel) cancel = schedule(flush);
  };

  function deliverNow(): void {
    if (nowAdded.length > 0) {
      // Rows appended to one parent cannot contain one another: no climb (the timeline case).
      const parent = nowParent ?? null;
      const chunk = parent === null ? outermostOf(nowAdded) : nowAdded.slice();
      nowAdded.length = 0;
      nowParent = undefined;
      deliver(chunk, (s) => (s.immediate ? s.onAdded : undefined), parent);
    }
    if (nowChanged.size > 0) {
      const chunk = [...nowChanged];
      nowChanged.clear();
      deliver(chunk, (s) => (s.immediate ? s.onTextChanged : undefined));
    }
  }
  const observer = new MutationObserver(collect);

  function take(set: Set<Element>, limit: number): Element[] {
    const out: Element[] = [];
    for (const el of set) {
      set.delete(el);
      // Removed before we got to it (X recycles rows quickly): nothing to report.
      if (!el.isConnected) continue;
      out.push(el);
      if (out.length >= limit) break;
    }
    return out;
  }

  /**
   * Drops elements inside another element of the same batch, or of an earlier chunk of it: the
   * caller scans subtrees. Ancestors already proven clear (in no reported element) end later
   * walks: timeline rows share a parent, so each row after the first climbs one step, not all the
   * way to the root.
   */
  function outermost(elements: Element[]): Element[] {
    if (elements.length < 2 && reported.size === 0) return elements;
    return outermostOf(elements, reported);
  }

  /** One subscriber's failure must not starve the others of the chunk. */
  function deliver(chunk: Element[], pick: (s: ObserveHandlers) => ((elements: Element[], parent: Node | null) => void) | undefined, parent: Node | null = null): void {
    for (const subscriber of [...subscribers]) {
      const callback = pick(subscriber);
      if (!callback || subscriber.signal.aborted) continue;
      try {
        callback(chunk, parent);
      } catch (error) {
        console.error('[replyline] observer callback failed', error);
      }
    }
  }

  function flush(timeLeft: () => number): void {
    cancel = null;
    if (subscribers.size === 0) return;
    do {
      if (added.size > 0) {
        const siblings = addedParent !== null;
        const parent = siblings ? (addedParent ?? null) : null;
        const chunk = siblings ? take(added, chunkSize) : outermost(take(added, chunkSize));
        if (added.size === 0) {
          addedParent = undefined;
          reported.clear();
        } else {
          for (const el of chunk) reported.add(el);
        }
        if (chunk.length > 0) deliver(chunk, (s) => (s.immediate ? undefined : s.onAdded), parent);
      } else if (changed.size > 0) {
        const chunk = take(changed, chunkSize);
        if (chunk.length > 0) deliver(chunk, (s) => (s.immediate ? undefined : s.onTextChanged));
      }
      if (subscribers.size === 0) return;
    } while (added.size + changed.size > 0 && timeLeft() > 1);
    if (added.size + changed.size > 0) cancel = schedule(flush);
  }

  const connect = () => {
    // Re-connecting (to add text changes) must not lose records already queued; and some engines
    // do not replace options on a second observe() call, so disconnect first.
    collect(observer.takeRecords());
    observer.disconnect();
    watchingText = wantsText();
    observer.observe(root, { childList: true, subtree: true, characterData: watchingText });
  };

  return {
    subscribe(handlers) {
      const first = subscribers.size === 0;
      subscribers.add(handlers);
      if (handlers.immediate) immediateCount += 1;
      if (handlers.onDetached) wantsDetached = true;
      if (first || (!watchingText && handlers.onTextChanged)) connect();
      handlers.signal.addEventListener(
        'abort',
        () => {
          subscribers.delete(handlers);
          if (handlers.immediate) immediateCount -= 1;
          if (subscribers.size > 0) return;
          observer.disconnect();
          cancel?.();
          cancel = null;
          added.clear();
          nowAdded.length = 0;
          nowChanged.clear();
          nowParent = undefined;
          addedParent = undefined;
          reported.clear();
          changed.clear();
          onIdle();
        },
        { once: true },
      );
    },
  };
}

export interface NavigateOptions {
  /** URL poll period; the poll is the fallback when no navigation event is available. */
  pollMs?: number;
  win?: Window;
}

/**
 * Calls `cb(url)` after each single-page navigation. A content script's isolated world cannot
 * patch the page's `history.pushState`, so: `popstate`, the Navigation API when the browser has
 * it, and a cheap `location.href` poll as the net under both.
 */
export function onNavigate(signal: AbortSignal, cb: (url: string) => void, options: NavigateOptions = {}): void {
  if (signal.aborted) return;
  const win = options.win ?? window;
  let last = win.location.href;
  const check = (): void => {
    if (signal.aborted) return;
    const href = win.location.href;
    if (href === last) return;
    last = href;
    cb(href);
  };
  // The `navigate` event fires before the URL commits; look again once it has.
  const checkSoon = (): void => {
    setTimeout(check, 0);
  };
  win.addEventListener('popstate', check, { signal });
  const navigation: unknown = Reflect.get(win, 'navigation');
  if (navigation instanceof EventTarget) {
    navigation.addEventListener('navigate', checkSoon, { signal });
    navigation.addEventListener('navigatesuccess', check, { signal });
  }
  const timer = setInterval(check, Math.max(50, options.pollMs ?? 500));
  signal.addEventListener('abort', () => clearInterval(timer), { once: true });
}
