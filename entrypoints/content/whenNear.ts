/**
 * Runs work for an element only once it comes near the viewport. A timeline holds hundreds of
 * posts the agent has not scrolled to (X renders ahead, infinite scroll appends in bulk): badges
 * for those would cost DOM, style and layout work the agent never sees. The marks
 * (data-replyline-*) are set at once; only the visible badge waits.
 */

/** About one screen ahead, so a badge is there before its post scrolls into view. */
const AHEAD = '800px 0px 800px 0px';

interface Waiting {
  work: () => void;
  io: IntersectionObserver;
}

/**
 * Work per waiting element. A Map, not a WeakMap: X drops rows the agent scrolled far past, and a
 * row that never intersected would stay observed (and alive) for the whole session; sweeping the
 * disconnected ones needs the list.
 */
const pending = new Map<Element, Waiting>();
/**
 * Near the viewport, waiting to be drawn: in a flick scroll X drops a row ~200 ms after adding it,
 * and drawing a badge nobody will see (shadow root, styles, a layout read) cost as much as
 * reading a dozen posts. So a badge is drawn once its post has stayed DWELL_MS and the browser is
 * idle; posts gone by then are skipped. Verdicts take longer than that to come anyway.
 */
const due = new Map<Element, Waiting>();
let dueScheduled = false;
const DWELL_MS = 250;
/** Even while the page never idles (an endless flick), badges come within this many ms more. */
const DUE_TIMEOUT_MS = 500;

function runDue(): void {
  dueScheduled = false;
  const ready = [...due];
  due.clear();
  for (const [el, waiting] of ready) if (el.isConnected) waiting.work();
}

function whenIdle(el: Element, waiting: Waiting): void {
  const idle = globalThis.requestIdleCallback;
  if (typeof idle !== 'function') {
    waiting.work();
    return;
  }
  due.set(el, waiting);
  if (dueScheduled) return;
  dueScheduled = true;
  // One timer for every badge that came near meanwhile: a later one dwells a little less.
  setTimeout(() => idle(runDue, { timeout: DUE_TIMEOUT_MS }), DWELL_MS);
}

/** One observer per scope (page): its signal's abort disconnects it and drops its waiting work. */
const observers = new WeakMap<AbortSignal, IntersectionObserver>();
/** Past this many waiting elements, the ones no longer in the page are forgotten. */
const SWEEP_AT = 200;
/** The size at which the next sweep runs: doubling keeps sweeps linear overall, not one per call. */
let sweepAt = SWEEP_AT;

function sweep(): void {
  for (const [el, waiting] of pending) {
    if (el.isConnected) continue;
    pending.delete(el);
    waiting.io.unobserve(el);
  }
}

function observerFor(signal: AbortSignal): IntersectionObserver | null {
  if (typeof IntersectionObserver !== 'function') return null;
  const known = observers.get(signal);
  if (known) return known;
  const io = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        const waiting = pending.get(entry.target);
        io.unobserve(entry.target);
        if (waiting?.io !== io) continue;
        pending.delete(entry.target);
        whenIdle(entry.target, waiting);
      }
    },
    { rootMargin: AHEAD },
  );
  observers.set(signal, io);
  signal.addEventListener(
    'abort',
    () => {
      io.disconnect();
      for (const [el, waiting] of pending) if (waiting.io === io) pending.delete(el);
      for (const [el, waiting] of due) if (waiting.io === io) due.delete(el);
    },
    { once: true },
  );
  return io;
}

/**
 * Runs `work` when `el` is near the viewport (at once where that cannot be observed), unless
 * `signal` aborts first. Replaces earlier work for `el`.
 */
export function whenNear(el: Element, work: () => void, signal: AbortSignal): void {
  if (signal.aborted) return;
  const io = observerFor(signal);
  if (!io) {
    work();
    return;
  }
  if (pending.size >= sweepAt) {
    sweep();
    sweepAt = Math.max(SWEEP_AT, pending.size * 2);
  }
  due.delete(el); // replaced: the newer work waits for its own intersection
  const previous = pending.get(el);
  if (previous && previous.io !== io) previous.io.unobserve(el);
  pending.set(el, { work, io });
  io.observe(el);
}

/** How many elements wait (tests). */
export function waitingCount(): number {
  return pending.size;
}

/** Forgets work still waiting for `el` (its post changed or it left the page). */
export function cancelNear(el: Element): void {
  due.delete(el);
  const waiting = pending.get(el);
  if (!waiting) return;
  pending.delete(el);
  waiting.io.unobserve(el);
}
