/**
 * Runs work for an element only once it comes near the viewport. A timeline holds hundreds of
 * posts the agent has not scrolled to (X renders ahead, infinite scroll appends in bulk): badges
 * for those would cost DOM, style and layout work the agent never sees. The marks
 * (data-replyline-*) are set at once; only the visible badge waits.
 */

/** About one screen ahead, so a badge is there before its post scrolls into view. */
const AHEAD = '800px 0px 800px 0px';

/**
 * Work per waiting element. A Map, not a WeakMap: X drops rows the agent scrolled far past, and a
 * row that never intersected would stay observed (and alive) for the whole session; sweeping the
 * disconnected ones needs the list.
 */
const pending = new Map<Element, () => void>();
/** Past this many waiting elements, the ones no longer in the page are forgotten. */
const SWEEP_AT = 200;
let observer: IntersectionObserver | null | undefined;
/** The size at which the next sweep runs: doubling keeps sweeps linear overall, not one per call. */
let sweepAt = SWEEP_AT;

function sweep(io: IntersectionObserver): void {
  for (const el of pending.keys()) {
    if (el.isConnected) continue;
    pending.delete(el);
    io.unobserve(el);
  }
}

function nearObserver(): IntersectionObserver | null {
  if (observer !== undefined) return observer;
  observer =
    typeof IntersectionObserver === 'function'
      ? new IntersectionObserver(
          (entries) => {
            for (const entry of entries) {
              if (!entry.isIntersecting) continue;
              const run = pending.get(entry.target);
              pending.delete(entry.target);
              observer?.unobserve(entry.target);
              run?.();
            }
          },
          { rootMargin: AHEAD },
        )
      : null;
  return observer;
}

/** Runs `work` when `el` is near the viewport (at once where that cannot be observed). Replaces earlier work for `el`. */
export function whenNear(el: Element, work: () => void): void {
  const io = nearObserver();
  if (!io) {
    work();
    return;
  }
  if (pending.size >= sweepAt) {
    sweep(io);
    sweepAt = Math.max(SWEEP_AT, pending.size * 2);
  }
  pending.set(el, work);
  io.observe(el);
}

/** How many elements wait (tests). */
export function waitingCount(): number {
  return pending.size;
}

/** Forgets work still waiting for `el` (its post changed or it left the page). */
export function cancelNear(el: Element): void {
  if (!pending.delete(el)) return;
  observer?.unobserve(el);
}
