/**
 * Runs work for an element only once it comes near the viewport. A timeline holds hundreds of
 * posts the agent has not scrolled to (X renders ahead, infinite scroll appends in bulk): badges
 * for those would cost DOM, style and layout work the agent never sees. The marks
 * (data-replyline-*) are set at once; only the visible badge waits.
 */

/** About one screen ahead, so a badge is there before its post scrolls into view. */
const AHEAD = '800px 0px 800px 0px';

const pending = new WeakMap<Element, () => void>();
let observer: IntersectionObserver | null | undefined;

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
  pending.set(el, work);
  io.observe(el);
}

/** Forgets work still waiting for `el` (its post changed or it left the page). */
export function cancelNear(el: Element): void {
  if (!pending.delete(el)) return;
  observer?.unobserve(el);
}
